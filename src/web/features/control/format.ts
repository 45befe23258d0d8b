import { formatDate } from '../../lib/format.js';
import { intlLocale } from '../../lib/i18n/index.js';

/** A share 0..1 as a percentage with one decimal, e.g. 81,3 %. */
export function formatShare(x: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);
}

/** A difference of shares in percentage points, e.g. −12,4. */
export function formatPoints(x: number): string {
  return new Intl.NumberFormat(intlLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(x * 100);
}

/** The colour of a level: red when far behind, orange when somewhat, green when fine. */
export function levelColor(x: number): string {
  if (x < 0.7) return 'red';
  if (x < 0.9) return 'orange';
  return 'teal';
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Monday and Sunday of the week containing day. */
export function weekOf(day: string): { from: string; to: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const from = addDays(day, -((d.getUTCDay() + 6) % 7));
  return { from, to: addDays(from, 6) };
}

/** A timestamp from the API ('2025-10-07 12:00:00+00') as a local date and time. */
export function formatMoment(ts: string): string {
  // PostgreSQL writes '2025-10-07 12:00:00+00' (or +05:30); ISO wants 'T' and '+00:00'
  const iso = ts.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return ts;
  return new Intl.DateTimeFormat(intlLocale(), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
}

export { formatDate };
