import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TMovementEntry } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { adminKey } from './admin-keys.js';

/** Arrivals and departures of a class with dates and order numbers (class teacher and leadership). */
export function getClassMovement(schoolId: number, classId: number): Promise<{ movement: TMovementEntry[] }> {
  return api(`/api/schools/${schoolId}/admin/classes/${classId}/movement`);
}

export const classMovementQueryOptions = (schoolId: number, classId: number) =>
  queryOptions({
    queryKey: [...adminKey(schoolId), 'classes', classId, 'movement'],
    queryFn: () => getClassMovement(schoolId, classId),
    select: (d) => d.movement,
  });

export function useClassMovement(schoolId: number, classId: number) {
  return useQuery(classMovementQueryOptions(schoolId, classId));
}
