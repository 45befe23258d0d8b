import type { TLessonChanges } from '../../../../shared/api/calendar.js';
import type { TSlotPage, TTimetable, TTimetableEntry } from '../../../../shared/api/timetable.js';

/** A timetable entry with the page it puts in the slot. */
export interface TEntryView extends TTimetableEntry {
  page: TSlotPage;
}

export type TGridView = 'class' | 'teacher' | 'room';

/** Rooms compare without case and spaces, as the server compares them for clashes. */
export const normRoom = (room: string): string => room.replace(/\s+/g, '').toLocaleLowerCase('uk');

/** The entries joined with their pages (entries of pages the answer does not carry are left out). */
export function entryViews(t: TTimetable): TEntryView[] {
  const pages = new Map(t.pages.map((p) => [p.id, p]));
  return t.entries.flatMap((e) => {
    const page = pages.get(e.pageId);
    return page ? [{ ...e, page }] : [];
  });
}

/** The entries one view shows: a class's, a teacher's or a room's. */
export function entriesOfView(entries: readonly TEntryView[], view: TGridView, id: string): TEntryView[] {
  if (!id) return [];
  if (view === 'class') return entries.filter((e) => String(e.page.classId) === id);
  if (view === 'teacher') return entries.filter((e) => String(e.page.teacherId) === id);
  return entries.filter((e) => normRoom(e.room) === normRoom(id));
}

/** Periods 1 to 8, and any other period a lesson uses (0, 9, 10). */
export function periodsOf(entries: readonly TEntryView[]): number[] {
  const used = new Set([1, 2, 3, 4, 5, 6, 7, 8, ...entries.map((e) => e.period)]);
  return [...used].sort((a, b) => a - b);
}

/** Monday to Friday, and Saturday when asked or used. */
export function weekdaysOf(entries: readonly TEntryView[], withSaturday: boolean): number[] {
  return withSaturday || entries.some((e) => e.weekday === 6) ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
}

/** Entries of one cell: whole-class first, then groups by name, then alternating weeks. */
export function cellEntries(entries: readonly TEntryView[], weekday: number, period: number): TEntryView[] {
  return entries
    .filter((e) => e.weekday === weekday && e.period === period)
    .sort((a, b) => (a.weekParity ?? 0) - (b.weekParity ?? 0) || (a.page.groupName ?? '').localeCompare(b.page.groupName ?? '', 'uk'));
}

/** "Петренко Ольга Іванівна" -> "Петренко О. І." */
export function shortPersonName(full: string | null): string {
  if (!full) return '';
  const [last, ...rest] = full.trim().split(/\s+/);
  return [last, ...rest.map((n) => `${n[0]}.`)].join(' ');
}

/** The weekly hours a page has in the shown timetable (an alternating-week slot counts a half). */
export function placedHours(entries: readonly TEntryView[], pageId: number): number {
  return entries.filter((e) => e.pageId === pageId).reduce((sum, e) => sum + (e.weekParity === null ? 1 : 0.5), 0);
}

/** Whether anything happened to the journals' lessons. */
export const changedLessons = (l: TLessonChanges): boolean => l.added + l.removed + l.flagged > 0;

/**
 * Whether a cell may take one more lesson: an empty cell, or one whose lessons are all on
 * alternating weeks, or (in a class's view) all lessons of groups, which may run side by side.
 */
export function canAddBeside(here: readonly TEntryView[], groupsShareSlot: boolean): boolean {
  return here.every((e) => e.weekParity !== null || (groupsShareSlot && e.page.groupId !== null));
}
