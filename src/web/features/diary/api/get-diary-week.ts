import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TDiaryWeek } from '../../../../shared/api/diary.js';
import { api } from '../../../lib/api.js';

/** A week of a pupil's diary: lessons, topics, homework, their marks and absences. */
export function getDiaryWeek(schoolId: number, pupilId: number, date?: string): Promise<TDiaryWeek> {
  return api(`/api/schools/${schoolId}/diary/${pupilId}/week`, { query: { date } });
}

export const diaryWeekQuery = (schoolId: number, pupilId: number, date?: string) =>
  queryOptions({ queryKey: ['diary', schoolId, pupilId, 'week', date ?? 'today'], queryFn: () => getDiaryWeek(schoolId, pupilId, date), refetchInterval: 60_000 });

export function useDiaryWeek(schoolId: number, pupilId: number, date?: string) {
  return useQuery(diaryWeekQuery(schoolId, pupilId, date));
}
