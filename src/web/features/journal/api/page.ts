import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { TJournalPage } from '../../../../shared/api/journal.js';
import { api } from '../../../lib/api.js';

/** One semester of a journal page (the current one when `semester` is not given). */
export async function getJournalPage(schoolId: number, pageId: number, semester?: number): Promise<TJournalPage> {
  const data = await api<TJournalPage>(`/api/schools/${schoolId}/journal/pages/${pageId}`, { query: { semester } });
  // the grid measures its render from here (bench/grid-render.ts)
  performance.mark('journal:data');
  return data;
}

/** The key of every semester of a page, to refresh them all at once. */
export const journalPageKey = (schoolId: number, pageId: number) => ['schools', schoolId, 'journal', 'page', pageId] as const;

export const journalPageQueryOptions = (schoolId: number, pageId: number, semester?: number) =>
  queryOptions({
    queryKey: [...journalPageKey(schoolId, pageId), semester ?? 'current'],
    queryFn: () => getJournalPage(schoolId, pageId, semester),
    // another semester keeps the old grid on screen until it arrives
    placeholderData: keepPreviousData,
  });

export function useJournalPage(schoolId: number, pageId: number, semester?: number) {
  return useQuery(journalPageQueryOptions(schoolId, pageId, semester));
}
