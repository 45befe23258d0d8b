/** Calendar quarters: Q1 = January-March, Q2 = April-June, Q3 = July-September, Q4 = October-December. */
import { addDays, isoWeekOf, weekBounds } from '../control/period.js';

export function quarterOf(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

export function quarterBounds(q: string): { from: string; to: string } {
  const [y, n] = [Number(q.slice(0, 4)), Number(q.slice(6))];
  const startMonth = (n - 1) * 3 + 1;
  const from = `${y}-${String(startMonth).padStart(2, '0')}-01`;
  const next = n === 4 ? `${y + 1}-01-01` : `${y}-${String(startMonth + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

/** The ISO weeks whose Monday falls in the quarter and before today (the trend's points). */
export function quarterWeeks(q: string, today: string): { week: string; from: string; to: string }[] {
  const { from, to } = quarterBounds(q);
  const out: { week: string; from: string; to: string }[] = [];
  let w = isoWeekOf(from);
  if (weekBounds(w).from < from) w = isoWeekOf(addDays(weekBounds(w).from, 7));
  for (;;) {
    const b = weekBounds(w);
    if (b.from > to || b.from >= today) break;
    out.push({ week: w, ...b });
    w = isoWeekOf(addDays(b.from, 7));
  }
  return out;
}
