import type { TDeliveryFigures, TWorks } from '../../../shared/api/delivery.js';
import { formatNumber } from '../../lib/format.js';

export { formatNumber };

/** "1/2" per kind of work, or null when the plans have none of any kind. */
export function worksText(w: TWorks): string | null {
  const kinds = [w.test, w.lab, w.practical];
  if (kinds.every((k) => k.planned === 0 && k.held === 0)) return null;
  return kinds.map((k) => `${k.held}/${k.planned}`).join(' · ');
}

/** The colour of a shortfall: red when behind, dimmed when delivered. */
export const shortColor = (f: Pick<TDeliveryFigures, 'shortfall'>) => (f.shortfall > 0 ? 'red' : 'dimmed');

/** "7-Б · Алгебра (група 1)", as the server names a page row. */
export function pageName(p: { className: string; subjectName: string; groupName: string | null }): string {
  return `${p.className} · ${p.subjectName}${p.groupName ? ` (${p.groupName})` : ''}`;
}
