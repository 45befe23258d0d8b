import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TCalendarChange, TYearInput } from '../../../../shared/api/calendar.js';
import { api } from '../../../lib/api.js';
import { calendarKey } from './get-calendar.js';

/** Sets the year's dates and semesters; lessons from today on follow. */
export function setYear(schoolId: number, body: TYearInput): Promise<TCalendarChange> {
  return api(`/api/schools/${schoolId}/calendar/year`, { method: 'PUT', body });
}

export function useSetYear(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TYearInput) => setYear(schoolId, body),
    meta: { inlineErrors: true },
    onSuccess: (res) => client.setQueryData(calendarKey(schoolId), res.calendar),
  });
}
