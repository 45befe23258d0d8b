/** Dates and the school calendar of the demo city. Dates are 'YYYY-MM-DD' strings. */

const DAY_MS = 86_400_000;

// The generator converts the same few hundred dates millions of times: memoise both ways.
const dayCache = new Map<string, number>();
const dateCache = new Map<number, string>();

export function dayNumber(date: string): number {
  let day = dayCache.get(date);
  if (day === undefined) {
    day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    if (dayCache.size < 100_000) dayCache.set(date, day);
  }
  return day;
}

export function dateOf(day: number): string {
  let date = dateCache.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dateCache.size < 100_000) dateCache.set(day, date);
  }
  return date;
}

export function addDays(date: string, n: number): string {
  return dateOf(dayNumber(date) + n);
}

/** 1 = Monday ... 7 = Sunday. */
export function weekday(date: string): number {
  return ((dayNumber(date) + 3) % 7) + 1;
}

/** The Monday of the week that contains date. */
function mondayOf(date: string): string {
  return addDays(date, 1 - weekday(date));
}

/** 'dd.mm.yyyy', as order numbers and documents write dates. */
export function formatUa(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

function lastSunday(year: number, month: number): string {
  const last = dateOf(Math.floor(Date.UTC(year, month, 0) / DAY_MS));
  return addDays(last, -(weekday(last) % 7));
}

/**
 * A moment on a school day as a timestamp with Kyiv's offset (EET +02, EEST +03 from the last
 * Sunday of March to the last Sunday of October), so stored times read right in the school.
 */
const summerCache = new Map<number, [string, string]>();

export function kyivTime(date: string, minutesOfDay: number): string {
  const year = Number(date.slice(0, 4));
  let summerOf = summerCache.get(year);
  if (!summerOf) {
    summerOf = [lastSunday(year, 3), lastSunday(year, 10)];
    summerCache.set(year, summerOf);
  }
  const summer = date >= summerOf[0] && date < summerOf[1];
  const extraDays = Math.floor(minutesOfDay / 1440);
  const m = minutesOfDay - extraDays * 1440;
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `${addDays(date, extraDays)}T${hh}:${mm}:00${summer ? '+03:00' : '+02:00'}`;
}

/** Today's date in Kyiv. */
export function todayInKyiv(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv' }).format(new Date());
}

/** The school year containing a date: from August on, the year starting that September. */
export function yearStartFor(today: string): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 8 ? year : year - 1;
}

export interface DemoSemester {
  number: 1 | 2;
  startsOn: string;
  endsOn: string;
}

export interface DemoPeriod {
  kind: 'holiday' | 'day_off' | 'remote';
  startsOn: string;
  endsOn: string;
  name: string;
}

export interface DemoCalendar {
  name: string;
  startsOn: string;
  endsOn: string;
  semesters: DemoSemester[];
  periods: DemoPeriod[];
}

/** One school's calendar; schools differ a little, as they do (the domain's per-school calendar). */
export function demoCalendar(yearStart: number, schoolIndex: number): DemoCalendar {
  const y = yearStart;
  const next = y + 1;
  const autumn = mondayOf(`${y}-10-27`);
  // a few schools take the spring holiday a week later
  const spring = addDays(mondayOf(`${next}-03-24`), schoolIndex % 3 === 2 ? 7 : 0);
  const periods: DemoPeriod[] = [
    { kind: 'holiday', startsOn: autumn, endsOn: addDays(autumn, 6), name: 'Осінні канікули' },
    { kind: 'holiday', startsOn: `${y}-12-25`, endsOn: `${next}-01-12`, name: 'Зимові канікули' },
    { kind: 'holiday', startsOn: spring, endsOn: addDays(spring, 6), name: 'Весняні канікули' },
  ];
  if (schoolIndex === 0) {
    // two remote days (Thursday and Friday) in the third week of November
    const thursday = addDays(mondayOf(`${y}-11-19`), 3);
    periods.push({ kind: 'remote', startsOn: thursday, endsOn: addDays(thursday, 1), name: 'Дистанційне навчання (відключення електроенергії)' });
  }
  if (schoolIndex % 4 === 1) {
    const friday = addDays(mondayOf(`${y}-10-08`), 4);
    periods.push({ kind: 'day_off', startsOn: friday, endsOn: friday, name: 'День школи' });
  }
  return {
    name: `${y}/${next}`,
    startsOn: `${y}-09-01`,
    endsOn: `${next}-06-30`,
    semesters: [
      { number: 1, startsOn: `${y}-09-01`, endsOn: `${y}-12-24` },
      { number: 2, startsOn: `${next}-01-13`, endsOn: `${next}-05-29` },
    ],
    periods,
  };
}

/** Days the city declares off for every school (weekdays only, so they matter). */
export function demoCityDaysOff(yearStart: number): { day: string; name: string }[] {
  const out: { day: string; name: string }[] = [];
  const defenders = `${yearStart}-10-14`;
  if (weekday(defenders) <= 5) out.push({ day: defenders, name: 'День захисників і захисниць України' });
  const blackout = addDays(mondayOf(`${yearStart + 1}-02-11`), 2);
  out.push({ day: blackout, name: 'Відключення електропостачання в місті' });
  return out;
}
