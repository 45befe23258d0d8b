import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TCalendarChange, TPeriodInput } from '../../../../shared/api/calendar.js';
import { api } from '../../../lib/api.js';
import { calendarKey } from './get-calendar.js';

/** Adds a holiday, a day off or remote-learning days. */
export function addPeriod(schoolId: number, body: TPeriodInput): Promise<TCalendarChange> {
  return api(`/api/schools/${schoolId}/calendar/periods`, { method: 'POST', body });
}

export function useAddPeriod(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TPeriodInput) => addPeriod(schoolId, body),
    meta: { inlineErrors: true },
    onSuccess: (res) => client.setQueryData(calendarKey(schoolId), res.calendar),
  });
}
