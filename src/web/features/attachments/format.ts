import { intlLocale } from '../../lib/i18n/index.js';

/** A file size as people read it: 812 Б, 12,3 КБ, 4,5 МБ (units in the UI language). */
export function formatSize(bytes: number, units: { b: string; kb: string; mb: string }): string {
  const n = (v: number) => new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 1 }).format(v);
  if (bytes < 1024) return `${bytes} ${units.b}`;
  if (bytes < 1024 * 1024) return `${n(bytes / 1024)} ${units.kb}`;
  return `${n(bytes / 1024 / 1024)} ${units.mb}`;
}
