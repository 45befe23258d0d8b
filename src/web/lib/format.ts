import { intlLocale } from './i18n/index.js';

const ukCollator = new Intl.Collator('uk');

/** Ukrainian alphabetical order (є, і, ї, ґ in their places), for names in any UI language. */
export const compareUk = (a: string, b: string): number => ukCollator.compare(a, b);

/** Sorts people by "lastName firstName" in Ukrainian order. */
export function sortByName<T extends { lastName: string; firstName: string }>(people: readonly T[]): T[] {
  return [...people].sort((a, b) => compareUk(`${a.lastName} ${a.firstName}`, `${b.lastName} ${b.firstName}`));
}

/** A school date 'YYYY-MM-DD' as the UI shows it, e.g. 01.09.2025. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** A count with the UI language's digit grouping, e.g. 30 000. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(intlLocale()).format(value);
}

/** Today's date on this computer as 'YYYY-MM-DD', comparable with school dates. */
export function todayIso(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
