import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TLoadInput, TLoadPatch, TTeachingLoad } from '../../../../shared/api/curriculum.js';
import { api } from '../../../lib/api.js';
import { curriculumKey } from './keys.js';
import { loadKey } from './get-load.js';

export type TLoadChange =
  | { kind: 'add'; page: TLoadInput }
  | { kind: 'change'; pageId: number; patch: TLoadPatch }
  | { kind: 'delete'; pageId: number }
  | { kind: 'limit'; maxTeacherHours: number };

/** Adds, changes or deletes a page of the teaching load, or sets the teachers' load limit. */
export function changeLoad(schoolId: number, change: TLoadChange): Promise<TTeachingLoad> {
  const base = `/api/schools/${schoolId}/curriculum`;
  if (change.kind === 'add') return api(`${base}/load`, { method: 'POST', body: change.page });
  if (change.kind === 'change') return api(`${base}/load/${change.pageId}`, { method: 'PATCH', body: change.patch });
  if (change.kind === 'delete') return api(`${base}/load/${change.pageId}`, { method: 'DELETE' });
  return api(`${base}/settings`, { method: 'PUT', body: { maxTeacherHours: change.maxTeacherHours } });
}

export function useChangeLoad(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: TLoadChange) => changeLoad(schoolId, change),
    meta: { inlineErrors: true },
    onSuccess: (load) => {
      client.setQueryData(loadKey(schoolId), load);
      void client.invalidateQueries({ queryKey: curriculumKey(schoolId), predicate: (q) => q.queryKey[3] !== 'load' });
      void client.invalidateQueries({ queryKey: ['schools', schoolId, 'timetable'] });
    },
  });
}
