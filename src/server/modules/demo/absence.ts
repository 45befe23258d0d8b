/**
 * Who is ill when: absences cluster by pupil and day (a sick pupil misses every lesson of the
 * day, often for several days), more in the flu season, and some pupils are ill more often.
 */
import type { SchoolDay } from '../timetable/schedule.js';
import type { Pupil } from './model.js';
import type { Rng } from './random.js';

const LENGTHS = [1, 2, 3, 4, 5, 6, 8];
const LENGTH_WEIGHTS = [20, 20, 24, 15, 11, 6, 4];

/** Dates each pupil is away for the whole day, over the school days up to today. */
export function sickDays(rng: Rng, pupils: readonly Pupil[], days: readonly SchoolDay[], today: string): Map<number, Set<string>> {
  const past = days.filter((d) => d.date <= today);
  const out = new Map<number, Set<string>>();
  for (const pupil of pupils) {
    const r = rng.fork(pupil.id);
    const proneness = Math.exp(r.normal(0, 0.6));
    const set = new Set<string>();
    for (let i = 0; i < past.length; i++) {
      const day = past[i] as SchoolDay;
      const month = Number(day.date.slice(5, 7));
      const season = month >= 11 || month <= 2 ? 1.4 : 0.8;
      if (!r.chance(0.017 * proneness * season)) continue;
      const length = r.weighted(LENGTHS, LENGTH_WEIGHTS);
      for (let j = i; j < Math.min(past.length, i + length); j++) set.add((past[j] as SchoolDay).date);
      i += length;
    }
    if (set.size) out.set(pupil.id, set);
  }
  return out;
}

const REASONS = ['illness', 'family', 'other'] as const;
const NOTES: Record<(typeof REASONS)[number], string[]> = {
  illness: ['', '', 'Довідка від лікаря', 'Заява батьків'],
  family: ['Заява батьків', 'Сімейні обставини'],
  other: ['Участь в олімпіаді', 'Спортивні змагання', ''],
};

/** The reason a class teacher records for a pupil's day away, or none (about 40% stay unexplained). */
export function absenceReason(rng: Rng): { reason: (typeof REASONS)[number]; note: string } | null {
  if (!rng.chance(0.6)) return null;
  const reason = rng.weighted(REASONS, [78, 14, 8]);
  return { reason, note: rng.pick(NOTES[reason]) };
}
