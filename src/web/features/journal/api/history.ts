import { queryOptions, useQuery } from '@tanstack/react-query';
import type { THistoryEntry } from '../../../../shared/api/journal.js';
import { api } from '../../../lib/api.js';

/** Which history: of a lesson, of one cell (lesson or summary column and pupil), or of the whole page. */
export interface HistoryFilter {
  lessonId?: number;
  columnId?: number;
  pupilId?: number;
}

/** The change history, newest first: who, when, old and new value, reason, late or not. */
export function getHistory(schoolId: number, pageId: number, filter: HistoryFilter): Promise<{ changes: THistoryEntry[] }> {
  return api(`/api/schools/${schoolId}/journal/pages/${pageId}/history`, { query: { ...filter } });
}

export const historyQueryOptions = (schoolId: number, pageId: number, filter: HistoryFilter) =>
  queryOptions({
    queryKey: ['schools', schoolId, 'journal', 'page', pageId, 'history', filter],
    queryFn: () => getHistory(schoolId, pageId, filter),
    staleTime: 0,
    select: (d) => d.changes,
  });

export function useHistory(schoolId: number, pageId: number, filter: HistoryFilter | null) {
  return useQuery({ ...historyQueryOptions(schoolId, pageId, filter ?? {}), enabled: filter !== null });
}
