import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TClassGroups } from '../../../../shared/api/curriculum.js';
import { api } from '../../../lib/api.js';
import { curriculumKey } from './keys.js';

export type TGroupChange =
  | { kind: 'add'; classId: number; name: string }
  | { kind: 'members'; groupId: number; pupilIds: number[] }
  | { kind: 'delete'; groupId: number };

/** Adds a group to a class, sets a group's pupils, or deletes a group without pages. */
export function changeGroup(schoolId: number, change: TGroupChange): Promise<TClassGroups> {
  const base = `/api/schools/${schoolId}/curriculum`;
  if (change.kind === 'add') return api(`${base}/classes/${change.classId}/groups`, { method: 'POST', body: { name: change.name } });
  if (change.kind === 'members') return api(`${base}/groups/${change.groupId}/members`, { method: 'PUT', body: { pupilIds: change.pupilIds } });
  return api(`${base}/groups/${change.groupId}`, { method: 'DELETE' });
}

export function useChangeGroup(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: TGroupChange) => changeGroup(schoolId, change),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: curriculumKey(schoolId) }),
  });
}
