import type { TJournalPage } from '../../../../shared/api/journal.js';

/** Journal pages built in memory for the grid's tests. */
export const points12 = { code: 'points12', name: '12', values: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'], freeText: false };

/** A scheduled lesson with nothing entered, and what a test changes on it. */
export function testLesson(id: number, date: string, more: Partial<TJournalPage['lessons'][number]> = {}): TJournalPage['lessons'][number] {
  return { id, date, period: 1, topic: '', homework: '', remote: false, kind: 'scheduled', cancelled: false, version: 1, substituteId: null, attendanceTaken: false, ...more };
}

/** A 1-12 page of 5-А in semester 1 that the teacher writes, empty but for what a test gives. */
export function testPage(over: Partial<Omit<TJournalPage, 'page'>> & { page?: Partial<TJournalPage['page']> } = {}): TJournalPage {
  const { page, ...rest } = over;
  return {
    page: {
      id: 1,
      classId: 1,
      classLabel: '5-А',
      grade: 5,
      subjectName: 'Математика',
      groupName: null,
      teacherId: 1,
      teacherName: null,
      scale: points12,
      passFail: false,
      yearName: '2026/2027',
      yearStatus: 'open',
      semesters: [],
      lateEditDays: 7,
      today: '2026-09-10',
      canWrite: true,
      substituteLessonIds: [],
      ...page,
    },
    semester: 1,
    pupils: [],
    lessons: [],
    columns: [],
    cells: [],
    summary: [],
    ...rest,
  };
}
