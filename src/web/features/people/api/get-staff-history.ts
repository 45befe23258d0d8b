import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.js';
import { adminKey } from './admin-keys.js';

export interface TStaffChange {
  at: string;
  action: string;
  by: string | null;
  details: Record<string, unknown>;
}

/** The change log of one staff member, newest first. */
export function getStaffHistory(schoolId: number, userId: number): Promise<{ changes: TStaffChange[] }> {
  return api(`/api/schools/${schoolId}/admin/staff/${userId}/history`);
}

export const staffHistoryQueryOptions = (schoolId: number, userId: number) =>
  queryOptions({ queryKey: [...adminKey(schoolId), 'staff', userId, 'history'], queryFn: () => getStaffHistory(schoolId, userId), select: (d) => d.changes });

export function useStaffHistory(schoolId: number, userId: number | null) {
  return useQuery({ ...staffHistoryQueryOptions(schoolId, userId ?? 0), enabled: userId !== null });
}
