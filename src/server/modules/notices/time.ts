/** Ukrainian schools keep Kyiv time; quiet hours and digests are in it, whatever the server's zone. */
export const SCHOOL_TIME_ZONE = 'Europe/Kyiv';

interface LocalParts {
  year: number;
  month: number;
  day: number;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall-clock date and minute of the day of a moment in a time zone. */
export function localParts(at: Date, tz = SCHOOL_TIME_ZONE): LocalParts {
  const p = Object.fromEntries(formatter(tz).formatToParts(at).map((x) => [x.type, x.value]));
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), minutes: Number(p.hour) * 60 + Number(p.minute) };
}

/** The moment a wall-clock time happens on a local date (days may overflow: day 32 is next month). */
export function zonedTime(year: number, month: number, day: number, minutes: number, tz = SCHOOL_TIME_ZONE): Date {
  const guess = Date.UTC(year, month - 1, day, 0, minutes);
  const offsetAt = (t: number) => {
    const l = localParts(new Date(t), tz);
    return Date.UTC(l.year, l.month - 1, l.day, 0, l.minutes) - Math.floor(t / 60_000) * 60_000;
  };
  const first = guess - offsetAt(guess);
  // the offset may differ on the other side of a daylight-saving change
  return new Date(guess - offsetAt(first));
}

/** Minutes of the day of 'HH:MM'. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/**
 * When quiet hours (from-to, local, may wrap past midnight) end, if `now` falls in them;
 * null outside them or when there are none.
 */
export function quietUntil(now: Date, from: string | null, to: string | null, tz = SCHOOL_TIME_ZONE): Date | null {
  if (!from || !to) return null;
  const f = minutesOf(from);
  const t = minutesOf(to);
  if (f === t) return null;
  const l = localParts(now, tz);
  const n = l.minutes;
  const inQuiet = f < t ? n >= f && n < t : n >= f || n < t;
  if (!inQuiet) return null;
  const nextDay = f > t && n >= f ? 1 : 0;
  return zonedTime(l.year, l.month, l.day + nextDay, t, tz);
}

/** The latest moment not after `now` at which the daily digest (at 'HH:MM' local) was due. */
export function lastDigestMoment(now: Date, digestAt: string, tz = SCHOOL_TIME_ZONE): Date {
  const l = localParts(now, tz);
  const m = minutesOf(digestAt);
  return zonedTime(l.year, l.month, l.minutes >= m ? l.day : l.day - 1, m, tz);
}

/** DD.MM.YYYY of a moment in local time. */
export function localDate(at: Date, tz = SCHOOL_TIME_ZONE): string {
  const l = localParts(at, tz);
  return `${String(l.day).padStart(2, '0')}.${String(l.month).padStart(2, '0')}.${l.year}`;
}
