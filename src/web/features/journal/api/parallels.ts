import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TLesson, TParallelHomeworkBody, TParallelLesson } from '../../../../shared/api/journal.js';
import { api } from '../../../lib/api.js';
import { journalWrite } from './entries.js';

/** Lessons of the same subject and day in the parallel classes the teacher teaches. */
export function getParallels(schoolId: number, pageId: number, lessonId: number): Promise<{ lessons: TParallelLesson[] }> {
  return api(`/api/schools/${schoolId}/journal/pages/${pageId}/lessons/${lessonId}/parallels`);
}

export const parallelsQueryOptions = (schoolId: number, pageId: number, lessonId: number) =>
  queryOptions({
    queryKey: ['schools', schoolId, 'journal', 'page', pageId, 'lesson', lessonId, 'parallels'],
    queryFn: () => getParallels(schoolId, pageId, lessonId),
    staleTime: 0,
    select: (d) => d.lessons,
  });

export function useParallels(schoolId: number, pageId: number, lessonId: number, enabled: boolean) {
  return useQuery({ ...parallelsQueryOptions(schoolId, pageId, lessonId), enabled });
}

/** Sets the same homework for lessons of parallel classes in one transaction (all or nothing). */
export function putParallelHomework(schoolId: number, pageId: number, lessonId: number, body: TParallelHomeworkBody): Promise<{ lessons: TLesson[] }> {
  return journalWrite(`/api/schools/${schoolId}/journal/pages/${pageId}/lessons/${lessonId}/parallel-homework`, 'PUT', body);
}

/** The homework for parallels; refreshes those pages and the list. */
export function useParallelHomework(schoolId: number, pageId: number, lessonId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TParallelHomeworkBody) => putParallelHomework(schoolId, pageId, lessonId, body),
    meta: { inlineErrors: true },
    onSettled: () => client.invalidateQueries({ queryKey: ['schools', schoolId, 'journal', 'page'] }),
  });
}
