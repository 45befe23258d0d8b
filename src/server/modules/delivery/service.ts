/**
 * Curriculum delivery (виконання навчальних програм) for the school's leadership, and the city's
 * shares per school. The figures are explained in compute.ts.
 */
import type { TCityDelivery, TCityDeliverySchool, TDelivery, TDeliveryBy, TShortfalls } from '../../../shared/api/delivery.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, todayOf, withSchool, withSystem } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import { addFigures, defaultSemester, emptyFigures, groupRows, pageFigures, pageRow, semesterOf, workingDays } from './compute.js';
import * as repo from './repo.js';

export interface DeliveryAsk extends repo.PageFilter {
  semester?: number;
  yearId?: number;
}


/** Every page's figures of a semester of one school (in the caller's transaction). */
export async function schoolPages(c: Client, schoolId: number, today: string, ask: DeliveryAsk) {
  const year = await repo.yearOf(c, schoolId, ask.yearId ?? null);
  if (!year) throw new AppError(ask.yearId ? 'not_found' : 'no_open_year');
  const s = ask.semester ? year.semesters.find((x) => x.number === ask.semester) : defaultSemester(year.semesters, today);
  if (!s) throw new AppError('semester_not_found', { number: ask.semester ?? 1 });
  const cal = await repo.calendarOf(c, schoolId, year.yearId, s.startsOn, s.endsOn);
  const semester = semesterOf(year, s, cal, today);
  const days = { total: workingDays(s, cal), due: semester.ended ? workingDays(s, cal) : workingDays(s, cal, semester.dueTo), ended: semester.ended };
  const filter = { classId: ask.classId, subjectId: ask.subjectId, teacherId: ask.teacherId };
  const counts = await repo.pageCounts(c, schoolId, { ...filter, yearId: year.yearId, semester: s.number, from: s.startsOn, to: s.endsOn, dueTo: semester.dueTo });
  return { year, semester, semesters: year.semesters, pages: counts.map((p) => pageRow(p, pageFigures(p, days))), counts };
}

const collator = new Intl.Collator('uk');

function options(counts: repo.PageCounts[]) {
  const uniq = (xs: { id: number; name: string }[], sort: (a: { id: number; name: string }, b: { id: number; name: string }) => number) =>
    [...new Map(xs.map((x) => [x.id, x])).values()].sort(sort);
  return {
    classes: uniq(
      counts.map((p) => ({ id: p.classId, name: `${p.grade}-${p.letter}`, grade: p.grade })),
      (a, b) => collator.compare(a.name.padStart(5, '0'), b.name.padStart(5, '0')),
    ).map(({ id, name }) => ({ id, name })),
    subjects: uniq(counts.map((p) => ({ id: p.subjectId, name: p.subjectName })), (a, b) => collator.compare(a.name, b.name)),
    teachers: uniq(
      counts.filter((p) => p.teacherId !== null).map((p) => ({ id: p.teacherId as number, name: p.teacherName ?? '' })),
      (a, b) => collator.compare(a.name, b.name),
    ),
  };
}

/** The delivery report of a semester: rows by page (default), class, subject or teacher, with the filters' choices. */
export async function report(db: Database, ctx: TenantContext, q: DeliveryAsk & { by: TDeliveryBy }, noTeacher: string): Promise<TDelivery> {
  const today = todayOf(db);
  return withSchool(db, ctx, async (c) => {
    const { semester, semesters, pages, counts } = await schoolPages(c, ctx.schoolId, today, q);
    // the choices of the filters come from the whole semester, not from the filtered rows
    const filtered = q.classId || q.subjectId || q.teacherId;
    const all = filtered ? await repo.pageCounts(c, ctx.schoolId, { yearId: semester.yearId, semester: semester.number, from: semester.startsOn, to: semester.endsOn, dueTo: semester.dueTo }) : counts;
    return {
      schoolId: ctx.schoolId,
      today,
      semester,
      semesters,
      by: q.by,
      total: pages.reduce((sum, p) => addFigures(sum, p.figures), emptyFigures()),
      rows: groupRows(pages, q.by, noTeacher),
      options: options(all),
    };
  });
}

/** Pages where the programme was not delivered (held < curriculum or < plan), the largest shortfall first. */
export async function shortfalls(db: Database, ctx: TenantContext, q: DeliveryAsk): Promise<TShortfalls> {
  const today = todayOf(db);
  return withSchool(db, ctx, async (c) => {
    const { semester, pages } = await schoolPages(c, ctx.schoolId, today, q);
    const name = (await repo.schoolName(c, ctx.schoolId)) ?? '';
    const short = pages
      .filter((p) => p.figures.shortfall > 0)
      .sort(
        (a, b) =>
          b.figures.shortfall - a.figures.shortfall ||
          collator.compare(a.className.padStart(5, '0'), b.className.padStart(5, '0')) ||
          collator.compare(a.subjectName, b.subjectName),
      );
    return { schoolId: ctx.schoolId, schoolName: name, today, semester, pages: short, pagesTotal: pages.length };
  });
}

const CSV_HEAD = {
  uk: ['Клас', 'Група', 'Предмет', 'Вчитель', 'Годин на тиждень', 'За навчальним планом', 'За КТП', 'Проведено', 'Проведено до дати обліку', 'Має бути проведено (навч. план)', 'Має бути проведено (КТП)', 'Недовиконано (навч. план)', 'Недовиконано (КТП)', 'Недовиконано', 'Контрольні: заплановано', 'Контрольні: проведено', 'Лабораторні: заплановано', 'Лабораторні: проведено', 'Практичні: заплановано', 'Практичні: проведено'],
  en: ['Class', 'Group', 'Subject', 'Teacher', 'Hours a week', 'By the curriculum', 'In the plan', 'Held', 'Held by the due day', 'Due (curriculum)', 'Due (plan)', 'Short (curriculum)', 'Short (plan)', 'Shortfall', 'Tests planned', 'Tests held', 'Labs planned', 'Labs held', 'Practicals planned', 'Practicals held'],
};

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  // a leading =, +, - or @ would be a formula in a spreadsheet
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The not-delivered list as CSV (UTF-8 with a BOM, so spreadsheet programs read the Ukrainian letters). */
export function shortfallsCsv(s: TShortfalls, lang: 'uk' | 'en'): string {
  const lines: (string | number | null)[][] = [CSV_HEAD[lang]];
  for (const p of s.pages) {
    const f = p.figures;
    lines.push([
      p.className, p.groupName, p.subjectName, p.teacherName, p.hoursPerWeek, f.curriculumHours, p.hasPlan ? f.planHours : null, f.heldHours, f.heldDue,
      f.dueHours, p.hasPlan ? f.duePlan : null, f.shortCurriculum, p.hasPlan ? f.shortPlan : null, f.shortfall,
      f.works.test.planned, f.works.test.held, f.works.lab.planned, f.works.lab.held, f.works.practical.planned, f.works.practical.held,
    ]);
  }
  return `\uFEFF${lines.map((l) => l.map((x) => csvCell(x)).join(',')).join('\r\n')}\r\n`;
}

/**
 * The city's shares per school for a semester of each school's current year: pages delivered in
 * full, hours held / due. Counts only: no pupil and no teacher enters the result.
 */
export async function cityShares(db: Database, cityId: number, semester?: number): Promise<TCityDelivery> {
  const today = todayOf(db);
  return withSystem(db, async (c) => {
    const schools = await repo.citySchools(c, cityId);
    if (!schools) throw new AppError('not_found');
    const out: TCityDeliverySchool[] = [];
    for (const school of schools) {
      const row: TCityDeliverySchool = { schoolId: school.id, schoolName: school.name, semester: null, ended: false, pages: 0, pagesDelivered: 0, deliveredShare: null, heldHours: 0, dueHours: 0, curriculumHours: 0, heldShare: null, pagesWithPlan: 0 };
      const year = await repo.yearOf(c, school.id, null);
      const has = year && (semester ? year.semesters.some((s) => s.number === semester) : year.semesters.length > 0);
      if (has) {
        const r = await schoolPages(c, school.id, today, { semester });
        const t = r.pages.reduce((sum, p) => addFigures(sum, p.figures), emptyFigures());
        Object.assign(row, {
          semester: r.semester.number,
          ended: r.semester.ended,
          pages: t.pages,
          pagesDelivered: t.pagesDelivered,
          deliveredShare: t.pages ? round4(t.pagesDelivered / t.pages) : null,
          heldHours: t.heldDue,
          dueHours: t.dueHours,
          curriculumHours: t.curriculumHours,
          heldShare: t.dueHours ? round4(t.heldDue / t.dueHours) : null,
          pagesWithPlan: t.pagesWithPlan,
        });
      }
      out.push(row);
    }
    out.sort((a, b) => (b.deliveredShare ?? -1) - (a.deliveredShare ?? -1) || collator.compare(a.schoolName, b.schoolName));
    return { cityId, today, schools: out };
  });
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
