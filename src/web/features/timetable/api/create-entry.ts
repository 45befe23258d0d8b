import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TEntryChange, TEntryInput } from '../../../../shared/api/timetable.js';
import { api } from '../../../lib/api.js';
import { timetableKey } from './get-timetable.js';

/** Places a page in a weekday and period from a date on; 409 names the clashing lesson. */
export function createEntry(schoolId: number, body: TEntryInput): Promise<TEntryChange> {
  return api(`/api/schools/${schoolId}/timetable/entries`, { method: 'POST', body });
}

export function useCreateEntry(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TEntryInput) => createEntry(schoolId, body),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: timetableKey(schoolId) }),
  });
}
