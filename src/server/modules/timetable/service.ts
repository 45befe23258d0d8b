import type { TEntryChange, TEntryData, TEntryPatchData, TOffScheduleLesson, TTimetable, TTimetableEntry, TTimetableQuery } from '../../../shared/api/timetable.js';
import type { Lang } from '../../../shared/errors.js';
import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, todayOf, withSchool } from '../../db/tenancy.js';
import { membershipOf } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import { describeLesson, findClash, shortName } from './clash.js';
import { dayBefore, laterDate } from './dates.js';
import { regenerateLessons } from './regenerate.service.js';
import * as repo from './repo.js';

export { addChanges, NO_CHANGES, regenerateLessons, regenerateSchoolDates, regenerateSchoolDay } from './regenerate.service.js';
export { dayBefore, earlierDate, laterDate } from './dates.js';
export { schoolDays } from './schedule.js';

const collator = new Intl.Collator('uk', { numeric: true });


/** The timetable in force on a date: the whole school's, or one class's, teacher's or room's. */
export async function getTimetable(db: Database, ctx: TenantContext, q: TTimetableQuery): Promise<TTimetable> {
  const today = todayOf(db);
  const date = q.date ?? today;
  return withSchool(db, ctx, async (c) => {
    const year = await repo.yearFor(c, ctx.schoolId, date);
    if (!year) return { date, today, year: null, entries: [], pages: [], classes: [], teachers: [], rooms: [] };
    const narrowed = q.classId !== undefined || q.teacherId !== undefined;
    let pages = (await repo.slotPages(c, ctx.schoolId, year.id, { classId: q.classId, teacherId: q.teacherId })).sort(
      (a, b) => a.grade - b.grade || collator.compare(a.classLabel, b.classLabel) || collator.compare(a.subjectName, b.subjectName) || collator.compare(a.groupName ?? '', b.groupName ?? ''),
    );
    const entries = await repo.entriesOn(c, ctx.schoolId, year.id, date, narrowed ? pages.map((p) => p.id) : null, q.room ?? null);
    if (q.room) {
      const used = new Set(entries.map((e) => e.pageId));
      pages = pages.filter((p) => used.has(p.id));
    }
    const teachers = (await repo.schoolTeachers(c, ctx.schoolId)).sort((a, b) => collator.compare(a.name, b.name));
    const rooms = (await repo.yearRooms(c, ctx.schoolId, year.id)).sort(collator.compare);
    return { date, today, year, entries, pages, classes: await repo.yearClasses(c, ctx.schoolId, year.id), teachers, rooms };
  });
}

/** A change takes effect today or later, inside the page's open school year. */
function checkEffectiveDate(page: repo.PageFacts, from: string, today: string): void {
  if (page.yearStatus === 'closed') throw new AppError('year_closed');
  if (from < today) throw new AppError('timetable_past_date', { today });
  if (from < page.yearStartsOn || from > page.yearEndsOn) {
    throw new AppError('outside_year', { date: from, startsOn: page.yearStartsOn, endsOn: page.yearEndsOn });
  }
}

interface SlotChoice {
  weekday: number;
  period: number;
  room: string;
  weekParity: 1 | 2 | null;
  from: string;
  to: string | null;
  except: number[];
}

/** Refuses the slot when the teacher, the room or the class is taken there: 409 naming the other lesson. */
async function refuseClash(c: Client, schoolId: number, page: repo.PageFacts, slot: SlotChoice, lang: Lang): Promise<void> {
  const others = await repo.slotLessons(c, schoolId, slot);
  if (!others.length) return;
  const groupIds = [page.groupId, ...others.map((o) => o.groupId)].filter((g): g is number => g !== null);
  const overlapping = await repo.overlappingGroups(c, schoolId, [...new Set(groupIds)]);
  const shares = (a: number, b: number) => overlapping.has(a < b ? `${a}|${b}` : `${b}|${a}`);
  const clash = findClash({ ...page, pageId: page.id, room: slot.room }, others, shares);
  if (!clash) return;
  const other = { ...clash.other, teacherName: clash.code === 'timetable_teacher_busy' ? null : shortName(clash.other.teacherName) };
  throw new AppError(
    clash.code,
    { teacher: shortName(page.teacherName) ?? '', room: slot.room, class: page.classLabel, lesson: describeLesson(other, lang) },
    { entryId: clash.other.entryId, pageId: clash.other.pageId },
  );
}

/** Places a page in a slot from a date on, then regenerates the page's future empty lessons. */
export async function createEntry(db: Database, ctx: TenantContext, input: TEntryData, lang: Lang): Promise<TEntryChange> {
  return withSchool(db, ctx, async (c) => {
    await repo.lockSchoolTimetable(c, ctx.schoolId);
    const page = await repo.pageFacts(c, ctx.schoolId, input.pageId);
    if (!page) throw new AppError('not_found');
    checkEffectiveDate(page, input.from, todayOf(db));
    const slot = { weekday: input.weekday, period: input.period, room: input.room, weekParity: input.weekParity };
    await refuseClash(c, ctx.schoolId, page, { ...slot, from: input.from, to: null, except: [] }, lang);
    const entry = await repo.insertEntry(c, ctx.schoolId, { pageId: page.id, ...slot, validFrom: input.from, validTo: null });
    const lessons = await regenerateLessons(c, ctx.schoolId, page.id, input.from);
    return { entry, lessons };
  });
}

async function loadEntryForChange(c: Client, db: Database, schoolId: number, entryId: number, from: string) {
  await repo.lockSchoolTimetable(c, schoolId);
  const entry = await repo.lockEntry(c, schoolId, entryId);
  if (!entry) throw new AppError('not_found');
  const page = (await repo.pageFacts(c, schoolId, entry.pageId))!;
  checkEffectiveDate(page, from, todayOf(db));
  if (entry.validTo !== null && entry.validTo < from) throw new AppError('timetable_entry_ended', { validTo: entry.validTo, from });
  return { entry, page };
}

/**
 * Moves a lesson of the timetable (weekday, period, room, week parity) from a date on: the old
 * entry is closed the day before and a new one starts, so the past stays as it was.
 */
export async function changeEntry(db: Database, ctx: TenantContext, entryId: number, patch: TEntryPatchData, lang: Lang): Promise<TEntryChange> {
  return withSchool(db, ctx, async (c) => {
    const { entry, page } = await loadEntryForChange(c, db, ctx.schoolId, entryId, patch.from);
    const next: TTimetableEntry = {
      ...entry,
      weekday: patch.weekday ?? entry.weekday,
      period: patch.period ?? entry.period,
      room: patch.room ?? entry.room,
      weekParity: patch.weekParity === undefined ? entry.weekParity : patch.weekParity,
    };
    const same = next.weekday === entry.weekday && next.period === entry.period && next.room === entry.room && next.weekParity === entry.weekParity;
    if (same) return { entry, lessons: { added: 0, removed: 0, flagged: 0 } };
    const start = laterDate(entry.validFrom, patch.from);
    await refuseClash(c, ctx.schoolId, page, { ...next, from: start, to: entry.validTo, except: [entry.id] }, lang);
    let saved: TTimetableEntry;
    if (entry.validFrom >= patch.from) {
      saved = await repo.updateEntry(c, ctx.schoolId, next);
    } else {
      await repo.updateEntry(c, ctx.schoolId, { ...entry, validTo: dayBefore(patch.from) });
      saved = await repo.insertEntry(c, ctx.schoolId, { ...next, validFrom: patch.from, validTo: entry.validTo });
    }
    const lessons = await regenerateLessons(c, ctx.schoolId, page.id, patch.from);
    return { entry: saved, lessons };
  });
}

/** Takes a lesson out of the timetable from a date on (an entry that had not begun is deleted). */
export async function endEntry(db: Database, ctx: TenantContext, entryId: number, from: string): Promise<TEntryChange> {
  return withSchool(db, ctx, async (c) => {
    const { entry, page } = await loadEntryForChange(c, db, ctx.schoolId, entryId, from);
    if (entry.validFrom >= from) await repo.deleteEntry(c, ctx.schoolId, entry.id);
    else await repo.updateEntry(c, ctx.schoolId, { ...entry, validTo: dayBefore(from) });
    const lessons = await regenerateLessons(c, ctx.schoolId, page.id, from);
    return { entry: null, lessons };
  });
}

/** Lessons with entries that no longer fit: a teacher sees their own, the leadership all. */
export async function offSchedule(db: Database, ctx: TenantContext, principal: TPrincipal, mine: boolean): Promise<TOffScheduleLesson[]> {
  const m = membershipOf(principal, ctx.schoolId);
  const leads = !!m?.roles.some((r) => r === 'head' || r === 'controller' || r === 'admin');
  return withSchool(db, ctx, (c) => repo.offScheduleLessons(c, ctx.schoolId, mine || !leads ? ctx.userId : null));
}

/**
 * Before a page changes teacher: refuses when the new teacher already has another lesson in
 * one of the page's timetable slots from today on.
 */
export async function checkTeacherFree(c: Client, db: Database, schoolId: number, pageId: number, teacherId: number, lang: Lang): Promise<void> {
  await repo.lockSchoolTimetable(c, schoolId);
  const today = todayOf(db);
  for (const e of await repo.pageEntriesFrom(c, schoolId, pageId, today)) {
    const from = laterDate(e.validFrom, today);
    const others = await repo.slotLessons(c, schoolId, { weekday: e.weekday, period: e.period, from, to: e.validTo, weekParity: e.weekParity, except: [e.id] });
    const busy = others.find((o) => o.teacherId === teacherId && o.pageId !== pageId);
    if (!busy) continue;
    const teacher = shortName(await repo.userName(c, teacherId)) ?? '';
    throw new AppError('timetable_teacher_busy', { teacher, lesson: describeLesson({ ...busy, teacherName: null }, lang) }, { entryId: busy.entryId, pageId: busy.pageId });
  }
}
