import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TRetentionOverview } from '../../../../shared/api/retention.js';
import { api } from '../../../lib/api.js';

/** Archive files whose retention has ended, and the school's acts of destruction. */
export function getRetention(schoolId: number): Promise<TRetentionOverview> {
  return api(`/api/schools/${schoolId}/archive-retention`);
}

export const retentionQueryOptions = (schoolId: number) =>
  queryOptions({ queryKey: ['schools', schoolId, 'archive-retention'], queryFn: () => getRetention(schoolId) });

export function useRetention(schoolId: number) {
  return useQuery(retentionQueryOptions(schoolId));
}
