/** Clash rules of the timetable: pure decisions over the lessons already in one slot. */

export interface SlotLesson {
  entryId: number;
  pageId: number;
  classId: number;
  classLabel: string;
  groupId: number | null;
  groupName: string | null;
  subjectName: string;
  teacherId: number | null;
  teacherName: string | null;
  room: string;
}

export type Clash =
  | { code: 'timetable_teacher_busy'; other: SlotLesson }
  | { code: 'timetable_room_busy'; other: SlotLesson }
  | { code: 'timetable_class_busy'; other: SlotLesson }
  | { code: 'timetable_groups_overlap'; other: SlotLesson };

/** Rooms compare without case and spaces: "21", " 21 " and "Спортзал"/"спортзал" are one room. */
export function sameRoom(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, '').toLocaleLowerCase('uk');
  return norm(a) !== '' && norm(a) === norm(b);
}

/**
 * The first clash of a new lesson with the lessons already in its slot (same weekday, period,
 * overlapping dates and week parity). Groups of one class may run in parallel when they share
 * no pupil: sharesPupils answers that for two groups.
 */
export function findClash(lesson: Omit<SlotLesson, 'entryId'>, others: readonly SlotLesson[], sharesPupils: (a: number, b: number) => boolean): Clash | null {
  for (const other of others) {
    if (lesson.teacherId !== null && other.teacherId === lesson.teacherId) return { code: 'timetable_teacher_busy', other };
  }
  for (const other of others) {
    if (other.classId !== lesson.classId) continue;
    if (lesson.groupId === null || other.groupId === null || lesson.groupId === other.groupId) return { code: 'timetable_class_busy', other };
    if (sharesPupils(lesson.groupId, other.groupId)) return { code: 'timetable_groups_overlap', other };
  }
  for (const other of others) {
    if (sameRoom(lesson.room, other.room)) return { code: 'timetable_room_busy', other };
  }
  return null;
}

/** "6-Б (I група), Математика, Петренко О. І., каб. 21" — how a message names the other lesson. */
export function describeLesson(l: SlotLesson, lang: 'uk' | 'en'): string {
  const cls = l.groupName ? `${l.classLabel} (${l.groupName})` : l.classLabel;
  const parts = [cls, l.subjectName];
  if (l.teacherName) parts.push(l.teacherName);
  if (l.room) parts.push(lang === 'uk' ? `каб. ${l.room}` : `room ${l.room}`);
  return parts.join(', ');
}

/** "Петренко Ольга Іванівна" -> "Петренко О. І." */
export function shortName(full: string | null): string | null {
  if (!full) return null;
  const [last, ...rest] = full.trim().split(/\s+/);
  return [last, ...rest.map((n) => `${n[0]}.`)].join(' ');
}
