import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { TGapKind, TGaps } from '../../../../shared/api/control.js';
import { api } from '../../../lib/api.js';

export interface GapsFilter {
  from: string;
  to: string;
  kind?: TGapKind;
  pageId?: number;
  teacherId?: number;
  classId?: number;
  subjectId?: number;
}

/** The missing entries behind a figure, each with its link into the journal. */
export function getGaps(schoolId: number, f: GapsFilter): Promise<TGaps> {
  return api(`/api/schools/${schoolId}/analysis/gaps`, { query: { ...f, limit: 500 } });
}

export const gapsQueryOptions = (schoolId: number, f: GapsFilter) =>
  queryOptions({ queryKey: ['schools', schoolId, 'analysis', 'gaps', f], queryFn: () => getGaps(schoolId, f), placeholderData: keepPreviousData });

export function useGaps(schoolId: number, f: GapsFilter | null) {
  return useQuery({ ...gapsQueryOptions(schoolId, f ?? { from: '', to: '' }), enabled: !!f });
}
