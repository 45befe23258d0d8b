import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TSchoolOverview } from '../../../../shared/api/people.js';
import { api } from '../../../lib/api.js';

/** The school's headline figures: classes, pupils, staff, journal pages, lessons today. */
export function getSchoolOverview(schoolId: number): Promise<TSchoolOverview> {
  return api(`/api/schools/${schoolId}/overview`);
}

export const schoolOverviewQueryOptions = (schoolId: number) =>
  queryOptions({ queryKey: ['schools', schoolId, 'overview'], queryFn: () => getSchoolOverview(schoolId) });

export function useSchoolOverview(schoolId: number) {
  return useQuery(schoolOverviewQueryOptions(schoolId));
}
