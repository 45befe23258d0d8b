import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TLateChanges } from '../../../../shared/api/control.js';
import { api } from '../../../lib/api.js';

/** Late corrections awaiting the head's review. */
export function getLateChanges(schoolId: number): Promise<TLateChanges> {
  return api(`/api/schools/${schoolId}/analysis/late-changes`, { query: { status: 'pending', limit: 200 } });
}

export const lateChangesQueryOptions = (schoolId: number) =>
  queryOptions({ queryKey: ['schools', schoolId, 'analysis', 'late-changes'], queryFn: () => getLateChanges(schoolId) });

export function useLateChanges(schoolId: number) {
  return useQuery(lateChangesQueryOptions(schoolId));
}
