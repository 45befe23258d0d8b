import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TCalendarChange } from '../../../../shared/api/calendar.js';
import { api } from '../../../lib/api.js';
import { calendarKey } from './get-calendar.js';

/** Removes a calendar period: its days become school days again. */
export function deletePeriod(schoolId: number, periodId: number): Promise<TCalendarChange> {
  return api(`/api/schools/${schoolId}/calendar/periods/${periodId}`, { method: 'DELETE' });
}

export function useDeletePeriod(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (periodId: number) => deletePeriod(schoolId, periodId),
    onSuccess: (res) => client.setQueryData(calendarKey(schoolId), res.calendar),
  });
}
