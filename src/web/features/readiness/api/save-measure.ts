import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TMeasure, TMeasureInput } from '../../../../shared/api/readiness.js';
import { api } from '../../../lib/api.js';

export type MeasureChange = { kind: 'add'; body: TMeasureInput } | { kind: 'patch'; id: number; body: Partial<TMeasureInput> } | { kind: 'delete'; id: number };

/** Adds, changes or removes a measure of the plan. */
export function saveMeasure(schoolId: number, change: MeasureChange): Promise<TMeasure | { ok: true }> {
  const base = `/api/schools/${schoolId}/readiness/measures`;
  if (change.kind === 'add') return api(base, { method: 'POST', body: change.body });
  if (change.kind === 'patch') return api(`${base}/${change.id}`, { method: 'PATCH', body: change.body });
  return api(`${base}/${change.id}`, { method: 'DELETE' });
}

export function useSaveMeasure(schoolId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: MeasureChange) => saveMeasure(schoolId, change),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['schools', schoolId, 'readiness'] }),
    meta: { inlineErrors: true },
  });
}
