import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TDiarySubjects } from '../../../../shared/api/diary.js';
import { api } from '../../../lib/api.js';

/** A semester of a pupil's marks by subject, with thematic and semester marks. */
export function getDiarySubjects(schoolId: number, pupilId: number, semester?: number): Promise<TDiarySubjects> {
  return api(`/api/schools/${schoolId}/diary/${pupilId}/subjects`, { query: { semester } });
}

export const diarySubjectsQuery = (schoolId: number, pupilId: number, semester?: number) =>
  queryOptions({ queryKey: ['diary', schoolId, pupilId, 'subjects', semester ?? 'current'], queryFn: () => getDiarySubjects(schoolId, pupilId, semester) });

export function useDiarySubjects(schoolId: number, pupilId: number, semester?: number) {
  return useQuery(diarySubjectsQuery(schoolId, pupilId, semester));
}
