import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TEntryChange } from '../../../../shared/api/timetable.js';
import { api } from '../../../lib/api.js';
import { timetableKey } from './get-timetable.js';

/** Takes a lesson out of the timetable from a date on. */
export function endEntry(schoolId: number, entryId: number, from: string): Promise<TEntryChange> {
  return api(`/api/schools/${schoolId}/timetable/entries/${entryId}`, { method: 'DELETE', query: { from } });
}

export function useEndEntry(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ entryId, from }: { entryId: number; from: string }) => endEntry(schoolId, entryId, from),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: timetableKey(schoolId) }),
  });
}
