import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TLesson, TLessonPatch } from '../../../../shared/api/journal.js';
import { journalWrite } from './entries.js';
import { journalPageKey } from './page.js';

/** The fields of a new extra lesson. */
export interface TNewLesson {
  date: string;
  period: number;
  topic?: string;
  homework?: string;
  remote?: boolean;
}

/** Changes a lesson (topic, homework, remote, attendance taken, date, period, cancelled); 409 when `version` is stale. */
export function patchLesson(schoolId: number, pageId: number, lessonId: number, patch: TLessonPatch): Promise<TLesson> {
  return journalWrite(`/api/schools/${schoolId}/journal/pages/${pageId}/lessons/${lessonId}`, 'PATCH', patch);
}

/** Adds an extra lesson to a page. */
export function addLesson(schoolId: number, pageId: number, lesson: TNewLesson): Promise<TLesson> {
  return journalWrite(`/api/schools/${schoolId}/journal/pages/${pageId}/lessons`, 'POST', lesson);
}

/** Saves a lesson and refreshes the page; the lesson panel shows the errors itself. */
export function usePatchLesson(schoolId: number, pageId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ lessonId, patch }: { lessonId: number; patch: TLessonPatch }) => patchLesson(schoolId, pageId, lessonId, patch),
    meta: { inlineErrors: true },
    onSettled: () => client.invalidateQueries({ queryKey: journalPageKey(schoolId, pageId) }),
  });
}

/** Adds an extra lesson and refreshes the page. */
export function useAddLesson(schoolId: number, pageId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (lesson: TNewLesson) => addLesson(schoolId, pageId, lesson),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: journalPageKey(schoolId, pageId) }),
  });
}
