/**
 * Which lessons a timetable produces: pure date arithmetic over the weekly timetable and the
 * school calendar, shared by the journal (lesson columns), the fill level (lessons planned)
 * and the demo generator. Dates are 'YYYY-MM-DD' strings; school days have no time zone.
 */

export interface TimetableSlot {
  /** 1 = Monday ... 6 = Saturday */
  weekday: number;
  period: number;
  validFrom: string;
  validTo: string | null;
  /** null: every week; 1: odd weeks; 2: even weeks, counted from the first semester's week */
  weekParity: 1 | 2 | null;
}

export interface DateRange {
  startsOn: string;
  endsOn: string;
}

export interface CalendarRange extends DateRange {
  kind: 'holiday' | 'day_off' | 'remote';
}

export interface ScheduleInput {
  entries: readonly TimetableSlot[];
  semesters: readonly DateRange[];
  periods: readonly CalendarRange[];
  cityDaysOff: readonly string[];
  /** only lessons on or after this date */
  from?: string;
  /** only lessons on or before this date */
  to?: string;
}

export interface ScheduledLesson {
  date: string;
  period: number;
  remote: boolean;
}

export interface SchoolDay {
  date: string;
  weekday: number;
  parity: 1 | 2;
  remote: boolean;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday ... 7 = Sunday; day 0 (1970-01-01) was a Thursday. */
function weekdayOf(day: number): number {
  return ((day + 3) % 7) + 1;
}

function markRanges(target: Set<number>, ranges: readonly DateRange[]): void {
  for (const r of ranges) {
    for (let d = dayNumber(r.startsOn); d <= dayNumber(r.endsOn); d++) target.add(d);
  }
}

/**
 * The school days of the calendar (Monday to Saturday inside a semester, not a holiday,
 * day off or city day off), each with its week parity and whether it is held remotely.
 */
export function schoolDays(input: Omit<ScheduleInput, 'entries'>): SchoolDay[] {
  if (input.semesters.length === 0) return [];
  const off = new Set<number>();
  markRanges(off, input.periods.filter((p) => p.kind !== 'remote'));
  for (const d of input.cityDaysOff) off.add(dayNumber(d));
  const remote = new Set<number>();
  markRanges(remote, input.periods.filter((p) => p.kind === 'remote'));

  const firstStart = Math.min(...input.semesters.map((s) => dayNumber(s.startsOn)));
  const firstMonday = firstStart - (weekdayOf(firstStart) - 1);
  const from = input.from ? dayNumber(input.from) : Number.NEGATIVE_INFINITY;
  const to = input.to ? dayNumber(input.to) : Number.POSITIVE_INFINITY;
  const days: SchoolDay[] = [];
  const semesters = [...input.semesters].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  for (const s of semesters) {
    const last = Math.min(dayNumber(s.endsOn), to);
    for (let d = Math.max(dayNumber(s.startsOn), from); d <= last; d++) {
      const weekday = weekdayOf(d);
      if (weekday === 7 || off.has(d)) continue;
      const parity = Math.floor((d - firstMonday) / 7) % 2 === 0 ? 1 : 2;
      days.push({ date: dateOf(d), weekday, parity, remote: remote.has(d) });
    }
  }
  return days;
}

/** Lessons of timetable entries over a calendar, sorted by date and period. */
export function scheduledLessons(input: ScheduleInput): ScheduledLesson[] {
  return lessonsOnDays(input.entries, schoolDays(input));
}

/** The same, over days already computed by schoolDays (one calendar, many pages). */
export function lessonsOnDays(entries: readonly TimetableSlot[], days: readonly SchoolDay[]): ScheduledLesson[] {
  const out: ScheduledLesson[] = [];
  for (const day of days) {
    const periods = new Set<number>();
    for (const e of entries) {
      if (e.weekday !== day.weekday) continue;
      if (day.date < e.validFrom || (e.validTo !== null && day.date > e.validTo)) continue;
      if (e.weekParity !== null && e.weekParity !== day.parity) continue;
      periods.add(e.period);
    }
    for (const period of [...periods].sort((a, b) => a - b)) out.push({ date: day.date, period, remote: day.remote });
  }
  return out;
}
