import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TRemarks } from '../../../../shared/api/control.js';
import { api } from '../../../lib/api.js';

export interface RemarksFilter {
  status?: 'active' | 'open' | 'overdue' | 'fixed' | 'closed' | 'all';
  pageId?: number;
  teacherId?: number;
  /** only remarks on the asking teacher's own pages */
  mine?: boolean;
}

/** Remarks: the whole school's for its leadership, a teacher's own pages otherwise. */
export function getRemarks(schoolId: number, f: RemarksFilter): Promise<TRemarks> {
  return api(`/api/schools/${schoolId}/remarks`, { query: { status: f.status, pageId: f.pageId, teacherId: f.teacherId, mine: f.mine ? 'true' : undefined } });
}

export const remarksQueryOptions = (schoolId: number, f: RemarksFilter) =>
  queryOptions({ queryKey: ['schools', schoolId, 'remarks', 'list', f], queryFn: () => getRemarks(schoolId, f) });

export function useRemarks(schoolId: number, f: RemarksFilter) {
  return useQuery(remarksQueryOptions(schoolId, f));
}
