/** A page's lessons (the whole year; filled up to today) and its cells: marks and absences. */
import { lessonsOnDays, type ScheduledLesson, type SchoolDay } from '../timetable/schedule.js';
import { addDays, dayNumber, kyivTime } from './calendar.js';
import type { DemoCalendar } from './calendar.js';
import { SUBJECTS } from './curriculum.js';
import { homeworkFor } from './homework.js';
import type { Page, Pupil, SchoolClass } from './model.js';
import type { Rng } from './random.js';
import { markOf, writeSummary } from './summary.js';
import { closingTopic, topicOf, topicsFor } from './topics.js';
import type { BulkTable, BulkWriter, IdAllocator } from './writer.js';

export interface JournalTables {
  lesson: BulkTable;
  cell: BulkTable;
  column: BulkTable;
  summaryMark: BulkTable;
  change: BulkTable;
}

/** Declared in foreign-key order: the writer flushes them in this order. */
export function journalTables(w: BulkWriter): JournalTables {
  return {
    lesson: w.table('lesson', [['school_id', 'int'], ['id', 'int'], ['page_id', 'int'], ['lesson_date', 'date'], ['period', 'smallint'], ['topic', 'text'], ['homework', 'text'], ['remote', 'bool'], ['attendance_taken', 'bool'], ['first_entry_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['updated_by', 'int']]),
    cell: w.table('journal_cell', [['school_id', 'int'], ['lesson_id', 'int'], ['pupil_id', 'int'], ['mark', 'text'], ['absent', 'bool'], ['tentative', 'bool'], ['version', 'int'], ['updated_at', 'timestamptz'], ['updated_by', 'int']]),
    column: w.table('summary_column', [['school_id', 'int'], ['id', 'int'], ['page_id', 'int'], ['kind', 'text'], ['semester', 'smallint'], ['title', 'text'], ['after_date', 'date'], ['position', 'int']]),
    summaryMark: w.table('summary_mark', [['school_id', 'int'], ['column_id', 'int'], ['pupil_id', 'int'], ['mark', 'text'], ['updated_at', 'timestamptz'], ['updated_by', 'int']]),
    change: w.table('journal_change', [['school_id', 'int'], ['id', 'bigint'], ['at', 'timestamptz'], ['user_id', 'int'], ['page_id', 'int'], ['lesson_id', 'int'], ['pupil_id', 'int'], ['field', 'text'], ['old_value', 'text'], ['new_value', 'text'], ['reason', 'text'], ['late', 'bool'], ['reviewed_at', 'timestamptz'], ['reviewed_by', 'int']]),
  };
}

/** How a teacher keeps the journal: most on time; some behind; one pastes the same topic. */
export interface TeacherHabit {
  behind: 'missing' | 'late' | null;
  weeks: number;
  pastes: boolean;
}

export interface JournalContext {
  schoolId: number;
  rng: Rng;
  ids: IdAllocator;
  today: string;
  yearStart: number;
  calendar: DemoCalendar;
  days: SchoolDay[];
  tables: JournalTables;
  habits: Map<number, TeacherHabit>;
  sick: Map<number, Set<string>>;
  /** 'pupilId|date' of every day a pupil was marked absent */
  absentDays: Set<string>;
  headId: number;
  stats: { lessons: number; cells: number };
}

/** A thematic unit (or, for levels pages, a semester): its lessons end at lastIndex. */
export interface Unit {
  semester: 1 | 2;
  lastIndex: number;
  afterDate: string;
}

const periodStart = (period: number) => 8 * 60 + 30 + (Math.max(period, 1) - 1) * 55;
const CONTROL_MARK_RATE = 0.9;
const MARK_RATE = { points12: 0.26, levels: 0.2, verbal: 0.01 } as const;

function unitsOf(page: Page, lessons: ScheduledLesson[], calendar: DemoCalendar): Unit[] {
  if (page.scale === 'verbal') return [];
  const units: Unit[] = [];
  for (const s of calendar.semesters) {
    const idx = lessons.flatMap((l, i) => (l.date >= s.startsOn && l.date <= s.endsOn ? [i] : []));
    // a thematic unit every six to eight weeks: two in the autumn, three in the spring
    const k = Math.min(idx.length, page.scale === 'points12' ? (s.number === 1 ? 2 : 3) : 1);
    for (let j = 0; j < k; j++) {
      const lastIndex = idx[Math.floor(((j + 1) * idx.length) / k) - 1] as number;
      units.push({ semester: s.number, lastIndex, afterDate: (lessons[lastIndex] as ScheduledLesson).date });
    }
  }
  return units;
}

/** Minutes after the lesson's end when the teacher first writes it up. */
function entryDelay(rng: Rng, habit: TeacherHabit | undefined, date: string, today: string): number {
  if (habit?.behind === 'late' && dayNumber(today) - dayNumber(date) < 35) return rng.int(2, 9) * 1440 + rng.int(0, 600);
  const r = rng.next();
  if (r < 0.7) return rng.int(0, 60);
  if (r < 0.92) return rng.int(60, 480);
  if (r < 0.98) return 1440 + rng.int(-300, 300);
  return rng.int(2, 5) * 1440 + rng.int(0, 600);
}

function rosterOf(cls: SchoolClass, page: Page): Pupil[] {
  return page.groupIndex === 0 ? cls.pupils : cls.pupils.filter((p) => p.group === page.groupIndex);
}

const onRoll = (p: Pupil, date: string) => p.from <= date && (p.to === null || date <= p.to);

/** What the lessons and cells of one page share while it is written. */
interface PageState {
  page: Page;
  rng: Rng;
  lessons: ScheduledLesson[];
  units: Unit[];
  /** lesson index -> the unit it closes */
  closing: Map<number, number>;
  unitOfLesson: number[];
  habit: TeacherHabit | undefined;
  roster: Pupil[];
  affinity: Map<number, number>;
  /** pupil -> unit -> scores (1-12) of the marks given */
  scores: Map<number, number[][]>;
  pasted: string | null;
}

function pageState(ctx: JournalContext, page: Page, cls: SchoolClass): PageState {
  const rng = ctx.rng.fork(`page:${page.id}`);
  const entries = page.slots.map((s) => ({ weekday: Math.floor(s / 10), period: s % 10, validFrom: ctx.calendar.startsOn, validTo: null, weekParity: null }));
  const lessons = lessonsOnDays(entries, ctx.days);
  const units = unitsOf(page, lessons, ctx.calendar);
  const closing = new Map(units.map((u, i) => [u.lastIndex, i]));
  const unitOfLesson: number[] = [];
  let unit = 0;
  for (let i = 0; i < lessons.length; i++) {
    unitOfLesson.push(unit);
    if (closing.has(i)) unit++;
  }
  const roster = rosterOf(cls, page);
  return {
    page, rng, lessons, units, closing, unitOfLesson, habit: ctx.habits.get(page.teacherId), roster,
    affinity: new Map(roster.map((p) => [p.id, rng.normal(0, 0.6)])),
    scores: new Map(roster.map((p) => [p.id, units.map(() => [])])), pasted: null,
  };
}

/** Writes lesson k; returns when it was first written up, or null when it is still empty. */
function writeLesson(ctx: JournalContext, st: PageState, k: number, id: number): string | null {
  const { page, rng, habit } = st;
  const lesson = st.lessons[k] as ScheduledLesson;
  const entryMinute = periodStart(lesson.period) + 45 + entryDelay(rng, habit, lesson.date, ctx.today);
  const daysAgo = dayNumber(ctx.today) - dayNumber(lesson.date);
  const missing = habit?.behind === 'missing' && daysAgo < habit.weeks * 7;
  // written up later than the end of today means not yet written up
  const filled = daysAgo >= 0 && !missing && dayNumber(lesson.date) * 1440 + entryMinute <= (dayNumber(ctx.today) + 1) * 1440;
  let topic = '';
  let homework = '';
  let entryAt: string | null = null;
  if (filled) {
    const closes = st.closing.get(k);
    const isClosing = closes !== undefined && page.scale === 'points12';
    topic = isClosing ? closingTopic(SUBJECTS[page.subject]?.homework ?? 'usual', closes) : topicOf(topicsFor(page.subject, page.grade), k, st.lessons.length);
    if (habit?.pastes && daysAgo >= 14 && daysAgo <= 35) {
      st.pasted ??= topic;
      topic = st.pasted;
    }
    homework = isClosing ? '' : homeworkFor(rng, page.subject, page.grade, k);
    entryAt = kyivTime(lesson.date, entryMinute);
  }
  const created = kyivTime(addDays(ctx.calendar.startsOn, -1), 12 * 60);
  ctx.tables.lesson.add(ctx.schoolId, id, page.id, lesson.date, lesson.period, topic, homework, lesson.remote, filled, entryAt, entryAt ?? created, page.teacherId);
  ctx.stats.lessons++;
  return entryAt;
}

/** Marks and absences of a written-up lesson. */
function writeCells(ctx: JournalContext, st: PageState, k: number, lessonId: number, entryAt: string): void {
  const { page, rng } = st;
  const date = (st.lessons[k] as ScheduledLesson).date;
  const isClosing = st.closing.has(k) && page.scale === 'points12';
  const bias = (SUBJECTS[page.subject]?.markBias ?? 0) + (page.grade <= 4 ? 0.4 : 0);
  for (const pupil of st.roster) {
    if (!onRoll(pupil, date)) continue;
    if (ctx.sick.get(pupil.id)?.has(date) || rng.chance(0.006)) {
      ctx.tables.cell.add(ctx.schoolId, lessonId, pupil.id, '', true, false, 1, entryAt, page.teacherId);
      ctx.absentDays.add(`${pupil.id}|${date}`);
      ctx.stats.cells++;
      continue;
    }
    if (!rng.chance(isClosing ? CONTROL_MARK_RATE : MARK_RATE[page.scale])) continue;
    const score = 7.6 + 1.7 * pupil.ability + bias + (st.affinity.get(pupil.id) ?? 0) + rng.normal(0, 1.2);
    st.scores.get(pupil.id)?.[st.unitOfLesson[k] ?? 0]?.push(Math.min(12, Math.max(1, score)));
    const mark = markOf(page.scale, score, rng);
    const corrected = page.scale !== 'verbal' && rng.chance(1 / 700);
    const at = corrected ? writeCorrection(ctx, rng, page, lessonId, pupil.id, mark, date, entryAt) : entryAt;
    // some marks of the last week are still in pencil (chosen without the generator's random stream)
    const tentative = !corrected && dayNumber(ctx.today) - dayNumber(date) <= 6 && (pupil.id + lessonId) % 6 === 0;
    ctx.tables.cell.add(ctx.schoolId, lessonId, pupil.id, mark, false, tentative, corrected ? 2 : 1, at, page.teacherId);
    ctx.stats.cells++;
  }
}

/** Writes a page's lessons, cells, summary columns and marks into the bulk tables. */
export function writePage(ctx: JournalContext, page: Page, cls: SchoolClass): void {
  const st = pageState(ctx, page, cls);
  for (let k = 0; k < st.lessons.length; k++) {
    const id = ctx.ids.next('lesson');
    const entryAt = writeLesson(ctx, st, k, id);
    if (entryAt) writeCells(ctx, st, k, id, entryAt);
  }
  writeSummary(ctx, st.rng, page, st.roster, st.units, st.scores);
}

/** A wrong mark fixed by the teacher, kept in the history; some fixed late, some reviewed by the head. */
function writeCorrection(ctx: JournalContext, rng: Rng, page: Page, lessonId: number, pupilId: number, mark: string, date: string, entryAt: string): string {
  const lateDays = rng.int(8, 20);
  const late = rng.chance(0.3) && dayNumber(date) + lateDays < dayNumber(ctx.today);
  const at = late ? kyivTime(addDays(date, lateDays), 15 * 60 + rng.int(0, 240)) : new Date(Date.parse(entryAt) + rng.int(5, 90) * 60_000).toISOString();
  const values = page.scale === 'points12' ? ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] : ['П', 'С', 'Д', 'В'];
  const i = values.indexOf(mark);
  const old = rng.pick(values.filter((v, j) => v !== mark && Math.abs(j - i) <= 2));
  const reviewed = late && rng.chance(0.5) && dayNumber(date) + lateDays + 2 < dayNumber(ctx.today);
  const reviewedAt = reviewed ? new Date(Date.parse(at) + 2 * 86_400_000).toISOString() : null;
  ctx.tables.change.add(ctx.schoolId, ctx.ids.next('journal_change'), at, page.teacherId, page.id, lessonId, pupilId, 'mark', old, mark, 'Помилка при введенні', late, reviewedAt, reviewed ? ctx.headId : null);
  return at;
}
