import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.js';
import { schoolKey } from './admin-keys.js';

export type TMove =
  | { kind: 'transfer'; toClassId: number; date: string; order: string }
  | { kind: 'departure'; date: string; order: string }
  | { kind: 'arrival'; classId: number; date: string; order: string };

/** A pupil's arrival, departure or transfer between classes, with its date and order number. */
export function movePupil(schoolId: number, pupilId: number, move: TMove): Promise<unknown> {
  const { kind, ...body } = move;
  return api(`/api/schools/${schoolId}/admin/pupils/${pupilId}/${kind}`, { method: 'POST', body });
}

export function useMovePupil(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ pupilId, move }: { pupilId: number; move: TMove }) => movePupil(schoolId, pupilId, move),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: schoolKey(schoolId) }),
  });
}
