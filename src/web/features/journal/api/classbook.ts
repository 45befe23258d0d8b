import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAttendanceSummary, TSummarySheet } from '../../../../shared/api/classbook.js';
import { api } from '../../../lib/api.js';

const key = (schoolId: number, classId: number) => ['classbook', schoolId, classId] as const;

/** A class's attendance summary: lessons and days missed per pupil, by reason. */
export function getAttendance(schoolId: number, classId: number): Promise<TAttendanceSummary> {
  return api(`/api/schools/${schoolId}/classes/${classId}/attendance`);
}

export function useAttendance(schoolId: number, classId: number) {
  return useQuery(queryOptions({ queryKey: [...key(schoolId, classId), 'attendance'], queryFn: () => getAttendance(schoolId, classId) }));
}

/** Зведена відомість: semester and annual marks of every subject. */
export function getSummarySheet(schoolId: number, classId: number): Promise<TSummarySheet> {
  return api(`/api/schools/${schoolId}/classes/${classId}/summary-sheet`);
}

export function useSummarySheet(schoolId: number, classId: number) {
  return useQuery(queryOptions({ queryKey: [...key(schoolId, classId), 'sheet'], queryFn: () => getSummarySheet(schoolId, classId) }));
}

export type TReason = 'illness' | 'family' | 'other' | null;

/** The class teacher records why a pupil missed a day. */
export function setAbsenceReason(schoolId: number, classId: number, body: { pupilId: number; day: string; reason: TReason; note: string }) {
  return api(`/api/schools/${schoolId}/classes/${classId}/absence-reasons`, { method: 'PUT', body });
}

export function useSetAbsenceReason(schoolId: number, classId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { pupilId: number; day: string; reason: TReason; note: string }) => setAbsenceReason(schoolId, classId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: key(schoolId, classId) }),
  });
}
