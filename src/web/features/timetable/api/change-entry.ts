import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TEntryChange, TEntryPatch } from '../../../../shared/api/timetable.js';
import { api } from '../../../lib/api.js';
import { timetableKey } from './get-timetable.js';

/** Moves a timetable lesson (weekday, period, room, week parity) from a date on. */
export function changeEntry(schoolId: number, entryId: number, body: TEntryPatch): Promise<TEntryChange> {
  return api(`/api/schools/${schoolId}/timetable/entries/${entryId}`, { method: 'PATCH', body });
}

export function useChangeEntry(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ entryId, patch }: { entryId: number; patch: TEntryPatch }) => changeEntry(schoolId, entryId, patch),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: timetableKey(schoolId) }),
  });
}
