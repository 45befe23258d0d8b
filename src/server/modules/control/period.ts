/** Dates of the analysis: ISO weeks (Monday to Sunday) and periods that end no later than yesterday. */

const DAY = 86_400_000;

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** The ISO week of a day, e.g. '2025-W42'. */
export function isoWeekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstMonday = firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * DAY;
  const week = Math.floor((thursday.getTime() - 3 * DAY - firstMonday) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday and Sunday of an ISO week. */
export function weekBounds(week: string): { from: string; to: string } {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`not an ISO week: ${week}`);
  const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY + (Number(m[2]) - 1) * 7 * DAY);
  const from = monday.toISOString().slice(0, 10);
  return { from, to: addDays(from, 6) };
}

/** The last full week before the week of today. */
export function previousWeek(today: string): string {
  return isoWeekOf(addDays(today, -7));
}

export interface ResolvedPeriod {
  from: string;
  to: string;
  /** the end the figures use: the period's end or yesterday, whichever is earlier */
  effectiveTo: string;
  /** the ISO week when the period is exactly one */
  week: string | null;
}

/** The earlier and the later of two ISO dates (strings: Math.min does not apply). */
const earlier = (a: string, b: string) => [a, b].sort()[0];
const later = (a: string, b: string) => [a, b].sort()[1];

/** A period asked for (default: the last full week), clipped to yesterday. */
export function resolvePeriod(today: string, asked: { from?: string; to?: string }): ResolvedPeriod {
  const yesterday = addDays(today, -1);
  const last = weekBounds(previousWeek(today));
  const from = asked.from ?? (asked.to ? weekBounds(isoWeekOf(asked.to)).from : last.from);
  const to = asked.to ?? (asked.from ? later(from, yesterday) : last.to);
  const w = isoWeekOf(from);
  const bounds = weekBounds(w);
  return { from, to, effectiveTo: earlier(to, yesterday), week: bounds.from === from && bounds.to === to ? w : null };
}
