/** Builds and writes one demo school in one transaction. */
import type { Client } from '../../db/tenancy.js';
import { schoolDays } from '../timetable/schedule.js';
import { absenceReason, sickDays } from './absence.js';
import { skipTriggersIfAllowed, verifyReferences } from './integrity.js';
import { addDays, demoCalendar, kyivTime } from './calendar.js';
import { curriculumFor } from './curriculum.js';
import { journalTables, type JournalContext, type TeacherHabit, writePage } from './journal.js';
import type { Family, NewUser, SchoolInfo, SchoolModel } from './model.js';
import { buildClasses } from './people.js';
import type { Rng } from './random.js';
import { type AccountDefaults, writeSchoolRows, writeUsers } from './rows.js';
import { buildStaff, type SharedTeacher } from './staffing.js';
import { buildTimetable } from './timetable.js';
import { BulkWriter, type IdAllocator } from './writer.js';

export interface SchoolSeed {
  rng: Rng;
  ids: IdAllocator;
  info: Omit<SchoolInfo, 'id'>;
  schools: number;
  yearStart: number;
  today: string;
  cityDaysOff: string[];
  accounts: AccountDefaults;
  /** carried from the first school to the second: the demo parent and the demo teacher */
  demo: { family?: Family; teacher?: SharedTeacher };
}

export interface SchoolResult {
  schoolId: number;
  pupils: number;
  staff: number;
  lessons: number;
  cells: number;
}

function buildModel(seed: SchoolSeed, newUsers: NewUser[]): SchoolModel {
  const { rng, ids } = seed;
  const info: SchoolInfo = { ...seed.info, id: ids.next('school') };
  const calendar = demoCalendar(seed.yearStart, info.index);
  const days = schoolDays({ semesters: calendar.semesters, periods: calendar.periods, cityDaysOff: seed.cityDaysOff });
  const subjects = new Map<string, number>();
  for (let g = 1; g <= info.maxGrade; g++) {
    for (const item of curriculumFor(g)) if (!subjects.has(item.subject)) subjects.set(item.subject, ids.next('subject'));
  }
  const yearId = ids.next('school_year');
  const demo = seed.demo;
  const classes = buildClasses({ rng: rng.fork('people'), ids, info, yearStart: seed.yearStart, today: seed.today, newUsers, demo, singleSchool: seed.schools === 1 });
  const { staff, pages } = buildStaff({ rng: rng.fork('staff'), ids, info, newUsers, classes, subjects, demo });
  buildTimetable(rng.fork('timetable'), classes, pages, staff);
  return { info, yearId, calendar, days, staff, classes, pages, subjects };
}

/** About one teacher in ten is behind; one copies the same topic into lesson after lesson. */
function teacherHabits(rng: Rng, m: SchoolModel, demoUserIds: Set<number>): Map<number, TeacherHabit> {
  const habits = new Map<number, TeacherHabit>();
  const teachers = m.staff.filter((s) => s.load > 0 && !demoUserIds.has(s.userId));
  for (const t of teachers) {
    if (!rng.chance(0.1)) continue;
    habits.set(t.userId, { behind: rng.chance(0.5) ? 'missing' : 'late', weeks: rng.int(1, 3), pastes: false });
  }
  const paster = teachers.find((t) => t.specialty !== 'primary' && !habits.has(t.userId));
  if (paster) habits.set(paster.userId, { behind: null, weeks: 0, pastes: true });
  return habits;
}

const DEMO_STAFF_LOGINS = new Set(['head', 'controller', 'admin', 'teacher', 'classteacher']);

async function writeJournal(c: Client, seed: SchoolSeed, m: SchoolModel, newUsers: NewUser[]): Promise<{ lessons: number; cells: number }> {
  const w = new BulkWriter(c, 20_000);
  const pupils = m.classes.flatMap((k) => k.pupils);
  // the demo accounts keep their journals in order, so what a visitor sees first is typical
  const demoUsers = new Set([seed.demo.teacher?.userId ?? 0, ...newUsers.filter((u) => DEMO_STAFF_LOGINS.has(u.login)).map((u) => u.id)]);
  const ctx: JournalContext = {
    schoolId: m.info.id, rng: seed.rng.fork('journal'), ids: seed.ids, today: seed.today, yearStart: seed.yearStart,
    calendar: m.calendar, days: m.days, tables: journalTables(w), habits: teacherHabits(seed.rng.fork('habits'), m, demoUsers),
    sick: sickDays(seed.rng.fork('sick'), pupils, m.days, seed.today), absentDays: new Set(),
    headId: m.staff.find((s) => s.roles.includes('head'))?.userId ?? 0, stats: { lessons: 0, cells: 0 },
  };
  const classOf = new Map(m.classes.map((k) => [k.id, k]));
  for (const page of m.pages) {
    const cls = classOf.get(page.classId);
    if (!cls) continue;
    writePage(ctx, page, cls);
    await w.flushIfFull();
  }
  await w.flush();
  await writeAbsenceReasons(c, seed, m, ctx.absentDays);
  return ctx.stats;
}

/** The class teacher records why a pupil was away for about 60% of the days. */
async function writeAbsenceReasons(c: Client, seed: SchoolSeed, m: SchoolModel, absentDays: Set<string>): Promise<void> {
  const rng = seed.rng.fork('reasons');
  const classTeacher = new Map<number, number | null>();
  for (const k of m.classes) for (const p of k.pupils) classTeacher.set(p.id, k.classTeacherId);
  const w = new BulkWriter(c, 20_000);
  const t = w.table('absence_reason', [['school_id', 'int'], ['pupil_id', 'int'], ['day', 'date'], ['reason', 'text'], ['note', 'text'], ['recorded_by', 'int'], ['recorded_at', 'timestamptz']]);
  for (const key of absentDays) {
    const [pupilId, day] = key.split('|') as [string, string];
    if (day >= seed.today) continue;
    const r = absenceReason(rng);
    if (r) t.add(m.info.id, Number(pupilId), day, r.reason, r.note, classTeacher.get(Number(pupilId)) ?? null, kyivTime(addDays(day, 1), 9 * 60 + rng.int(0, 300)));
    await w.flushIfFull();
  }
  await w.flush();
}

/** Generates one school and writes it through c (one transaction, as the owner role). */
export async function seedSchool(c: Client, seed: SchoolSeed): Promise<SchoolResult> {
  const newUsers: NewUser[] = [];
  const m = buildModel(seed, newUsers);
  await writeUsers(c, newUsers, seed.accounts);
  await writeSchoolRows(c, m, seed.ids);
  const skipped = await skipTriggersIfAllowed(c);
  const stats = await writeJournal(c, seed, m, newUsers);
  if (skipped) await verifyReferences(c, m.info.id);
  await seed.ids.setSequences(c);
  return { schoolId: m.info.id, pupils: m.classes.reduce((a, k) => a + k.pupils.length, 0), staff: m.staff.length, ...stats };
}
