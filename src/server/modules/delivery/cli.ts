import type { Database } from '../../db/database.js';
import { todayOf, withSystem } from '../../db/tenancy.js';
import { AppError, errorBody } from '../../http/errors.js';
import { pageName } from './compute.js';
import * as repo from './repo.js';
import { schoolPages, shortfallsCsv } from './service.js';

const num = (x: number, w: number) => String(x).padStart(w);

/**
 * `delivery report --school ID [--semester 1|2] [--csv]`: every page's hours by the curriculum,
 * the plan, held and the shortfall, largest shortfall first; with --csv the not-delivered list as
 * the web's CSV file (on standard output).
 */
export async function deliveryFromCli(db: Database, o: { sub?: string; schoolId: number; semester?: number; csv?: boolean }, print: (line: string) => void): Promise<number> {
  if (o.sub !== 'report') {
    print('delivery report --school ID [--semester 1|2] [--csv]');
    return 1;
  }
  if (!Number.isInteger(o.schoolId) || o.schoolId <= 0) {
    print('--school ID is required');
    return 1;
  }
  if (o.semester !== undefined && o.semester !== 1 && o.semester !== 2) {
    print('--semester must be 1 or 2');
    return 1;
  }
  const today = todayOf(db);
  try {
    const { semester, pages, name } = await withSystem(db, async (c) => {
      const name = await repo.schoolName(c, o.schoolId);
      if (!name) throw new AppError('not_found');
      return { ...(await schoolPages(c, o.schoolId, today, { semester: o.semester })), name };
    });
    const short = pages.filter((p) => p.figures.shortfall > 0).sort((a, b) => b.figures.shortfall - a.figures.shortfall);
    if (o.csv) {
      const text = shortfallsCsv({ schoolId: o.schoolId, schoolName: name, today, semester, pages: short, pagesTotal: pages.length }, 'uk');
      print(text.replace(/^\uFEFF/, '').trimEnd());
      return 0;
    }
    print(`${name}: semester ${semester.number} ${semester.yearName} (${semester.startsOn} – ${semester.endsOn}), ${semester.ended ? 'ended' : `runs; due as of ${semester.dueTo}`}`);
    print(`Not delivered: ${short.length} of ${pages.length} pages`);
    print(`${'h/wk'.padStart(5)} ${'curric'.padStart(7)} ${'plan'.padStart(5)} ${'held'.padStart(5)} ${'due'.padStart(6)} ${'short'.padStart(5)}  page`);
    const sorted = [...pages].sort((a, b) => b.figures.shortfall - a.figures.shortfall);
    for (const p of sorted) {
      const f = p.figures;
      print(`${num(p.hoursPerWeek, 5)} ${num(f.curriculumHours, 7)} ${p.hasPlan ? num(f.planHours, 5) : '    —'} ${num(f.heldHours, 5)} ${num(f.dueHours, 6)} ${num(f.shortfall, 5)}  ${pageName(p)} (${p.teacherName ?? '—'})`);
    }
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      print(errorBody(err.code, 'en', err.params).error.message);
      return 1;
    }
    throw err;
  }
}
