import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TRemarkHistory } from '../../../../shared/api/control.js';
import { api } from '../../../lib/api.js';

/** Every status change of a remark, oldest first. */
export function getRemarkHistory(schoolId: number, remarkId: number): Promise<TRemarkHistory> {
  return api(`/api/schools/${schoolId}/remarks/${remarkId}/history`);
}

export const remarkHistoryQueryOptions = (schoolId: number, remarkId: number) =>
  queryOptions({ queryKey: ['schools', schoolId, 'remarks', 'history', remarkId], queryFn: () => getRemarkHistory(schoolId, remarkId) });

export function useRemarkHistory(schoolId: number, remarkId: number, enabled: boolean) {
  return useQuery({ ...remarkHistoryQueryOptions(schoolId, remarkId), enabled });
}
