import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TPlan } from '../../../../shared/api/planning.js';
import { api } from '../../../lib/api.js';

export const planUrl = (schoolId: number, pageId: number, semester: number) => `/api/schools/${schoolId}/journal/pages/${pageId}/plans/${semester}`;

/** The key of every plan of a page (both semesters). */
export const planKey = (schoolId: number, pageId: number) => ['schools', schoolId, 'journal', 'plan', pageId] as const;

export function getPlan(schoolId: number, pageId: number, semester: number): Promise<TPlan> {
  return api(planUrl(schoolId, pageId, semester));
}

export const planQueryOptions = (schoolId: number, pageId: number, semester: number) =>
  queryOptions({ queryKey: [...planKey(schoolId, pageId), semester], queryFn: () => getPlan(schoolId, pageId, semester) });

/** The plan of a page's semester, its mapping and where it disagrees with the calendar. */
export function usePlan(schoolId: number, pageId: number, semester: number, enabled = true) {
  return useQuery({ ...planQueryOptions(schoolId, pageId, semester), enabled, retry: false });
}
