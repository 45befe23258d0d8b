import { formatDate } from '../../lib/format.js';
import { intlLocale } from '../../lib/i18n/index.js';
import { formatShare } from '../control/format.js';

const DAY = 86_400_000;

/** A share 0..1 as a percentage with one decimal (81,3 %), or a dash when there is no figure. */
export const pct = (x: number | null) => (x == null ? '—' : formatShare(x));

/** A figure with at most one decimal in the UI language (1,6), or a dash. */
export const num = (x: number | null) => (x == null ? '—' : new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 1 }).format(x));

/** A school's name that never breaks before its number: "Гімназія №5", not "Гімназія" over "№5". */
export const keepNumber = (name: string) => name.replace(/ (№|No\.?) ?(\d)/g, '\u00a0$1$2');

/** Monday and Sunday of an ISO week '2026-W41' as the UI shows dates. */
export function weekDates(week: string): { from: string; to: string } {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return { from: week, to: week };
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY + (Number(m[2]) - 1) * 7 * DAY;
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { from: formatDate(iso(monday)), to: formatDate(iso(monday + 6 * DAY)) };
}
