import type { TDiaryLesson } from '../../../../shared/api/diary.js';

/** The six school days of a week starting on Monday, each with its lessons in period order. */
export function daysOfWeek(weekStart: string, lessons: TDiaryLesson[]): { date: string; lessons: TDiaryLesson[] }[] {
  const start = Date.parse(`${weekStart}T00:00:00Z`);
  return Array.from({ length: 6 }, (_, i) => {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    return { date, lessons: lessons.filter((l) => l.date === date) };
  }).filter((d, i) => i < 5 || d.lessons.length > 0);
}

/** The same weekday a week earlier or later. */
export function shiftWeek(date: string, weeks: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}
