/** Summary columns of a page (thematic, semester, corrected, annual, ДПА) and the marks in them. */
import type { Rng } from './random.js';
import { addDays, kyivTime } from './calendar.js';
import { hasDpa } from './curriculum.js';
import type { JournalContext, Unit } from './journal.js';
import type { Page, Pupil } from './model.js';

const VERBAL = ['Молодець', 'Старанно', 'Чудово', 'Є успіхи', 'Потрібно попрацювати', 'Уважно', 'Гарна робота'];
const LEVELS = ['П', 'С', 'Д', 'В'] as const;

const clamp12 = (x: number) => Math.min(12, Math.max(1, Math.round(x)));
const levelOf = (score: number) => LEVELS[Math.min(3, Math.floor((clamp12(score) - 1) / 3))] as string;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** A current mark on the page's scale from a score on 1-12. */
export function markOf(scale: Page['scale'], score: number, rng: Rng): string {
  if (scale === 'points12') return String(clamp12(score));
  if (scale === 'levels') return levelOf(score);
  return rng.pick(VERBAL);
}

interface Column {
  id: number;
  kind: 'thematic' | 'semester' | 'corrected' | 'annual' | 'dpa';
  semester: 1 | 2 | null;
  title: string;
  afterDate: string | null;
  /** the thematic unit a thematic column closes */
  unit: number;
}

function columnsOf(ctx: JournalContext, page: Page, units: Unit[]): Column[] {
  const col = (kind: Column['kind'], semester: Column['semester'], title: string, afterDate: string | null = null, unit = -1): Column => ({
    id: ctx.ids.next('summary_column'), kind, semester, title, afterDate, unit,
  });
  const cols: Column[] = [];
  const thematic = page.scale === 'points12';
  for (const semester of [1, 2] as const) {
    if (thematic) units.forEach((u, i) => { if (u.semester === semester) cols.push(col('thematic', semester, `Тематична ${i + 1}`, u.afterDate, i)); });
    cols.push(col('semester', semester, semester === 1 ? 'І семестр' : 'ІІ семестр'));
    if (thematic) cols.push(col('corrected', semester, 'Скоригована'));
  }
  cols.push(col('annual', null, 'Річна'));
  if (hasDpa(page.grade, page.subject)) cols.push(col('dpa', null, 'ДПА'));
  return cols;
}

/** Writes the page's summary columns and, where their time has come, the marks in them. */
export function writeSummary(ctx: JournalContext, rng: Rng, page: Page, roster: Pupil[], units: Unit[], scores: Map<number, number[][]>): void {
  if (page.scale === 'verbal') return;
  const cols = columnsOf(ctx, page, units);
  cols.forEach((c, i) => {
    ctx.tables.column.add(ctx.schoolId, c.id, page.id, c.kind, c.semester, c.title, c.afterDate, (i + 1) * 10);
  });
  const [sem1, sem2] = ctx.calendar.semesters;
  if (!sem1 || !sem2) return;
  const semEnd = { 1: sem1.endsOn, 2: sem2.endsOn } as const;
  const onRoll = (p: Pupil, date: string) => p.from <= date && (p.to === null || date <= p.to);
  const put = (c: Column, pupil: Pupil, mark: string, date: string) =>
    ctx.tables.summaryMark.add(ctx.schoolId, c.id, pupil.id, mark, kyivTime(date, 15 * 60 + rng.int(0, 180)), page.teacherId);

  for (const pupil of roster) {
    const own = scores.get(pupil.id) ?? [];
    const bySemester: Record<1 | 2, number[]> = { 1: [], 2: [] };
    const semMarks: Record<1 | 2, number | null> = { 1: null, 2: null };
    for (const c of cols) {
      if (c.kind === 'thematic' && c.afterDate && c.afterDate < ctx.today && onRoll(pupil, c.afterDate)) {
        const got = own[c.unit] ?? [];
        // no marks in the whole unit: mostly away, so not assessed
        if (got.length === 0 && rng.chance(0.7)) put(c, pupil, 'н/а', addDays(c.afterDate, 1));
        else {
          const value = clamp12((got.length ? mean(got) : 7.6 + 1.7 * pupil.ability) + rng.normal(0, 0.5));
          bySemester[c.semester ?? 1].push(value);
          put(c, pupil, String(value), addDays(c.afterDate, rng.int(0, 2)));
        }
      } else if (c.kind === 'semester' && c.semester && semEnd[c.semester] < ctx.today && onRoll(pupil, semEnd[c.semester])) {
        const base = page.scale === 'points12' ? bySemester[c.semester] : units.flatMap((u, i) => (u.semester === c.semester ? (own[i] ?? []) : []));
        if (base.length === 0) { put(c, pupil, 'н/а', semEnd[c.semester]); continue; }
        const value = clamp12(mean(base) + rng.normal(0, 0.4));
        semMarks[c.semester] = value;
        put(c, pupil, page.scale === 'points12' ? String(value) : levelOf(value), addDays(semEnd[c.semester], -rng.int(0, 3)));
      } else if (c.kind === 'corrected' && c.semester && semMarks[c.semester] !== null && rng.chance(0.004)) {
        // after a parent's appeal and the commission's decision
        const value = Math.min(12, (semMarks[c.semester] ?? 0) + 1);
        semMarks[c.semester] = value;
        put(c, pupil, String(value), addDays(semEnd[c.semester], 10));
      } else if ((c.kind === 'annual' || c.kind === 'dpa') && semEnd[2] < ctx.today && onRoll(pupil, semEnd[2])) {
        const known = [semMarks[1], semMarks[2]].filter((x): x is number => x !== null);
        if (known.length === 0) continue;
        const value = clamp12(mean(known) + (c.kind === 'dpa' ? rng.normal(0, 1) : rng.normal(0, 0.2)));
        put(c, pupil, page.scale === 'points12' ? String(value) : levelOf(value), c.kind === 'dpa' ? addDays(semEnd[2], 14) : semEnd[2]);
      }
    }
  }
}
