import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TPageSummary } from '../../../../shared/api/pages.js';
import { api } from '../../../lib/api.js';
import { compareUk } from '../../../lib/format.js';

export interface PagesFilter {
  /** only the asking teacher's own pages */
  mine?: boolean;
}

/** Journal pages of a school: a teacher's own, or all of them. */
export function getPages(schoolId: number, filter: PagesFilter = {}): Promise<{ pages: TPageSummary[] }> {
  return api(`/api/schools/${schoolId}/journal/pages`, { query: { mine: filter.mine ? 'true' : undefined } });
}

/** Class by grade and letter, then subject, then group. */
function byClassAndSubject(a: TPageSummary, b: TPageSummary): number {
  return (
    a.grade - b.grade ||
    compareUk(a.classLabel, b.classLabel) ||
    compareUk(a.subjectName, b.subjectName) ||
    compareUk(a.groupName ?? '', b.groupName ?? '')
  );
}

export const pagesQueryOptions = (schoolId: number, filter: PagesFilter = {}) =>
  queryOptions({
    queryKey: ['schools', schoolId, 'journal', 'pages', filter],
    queryFn: () => getPages(schoolId, filter),
    select: (d) => [...d.pages].sort(byClassAndSubject),
  });

export function usePages(schoolId: number, filter: PagesFilter = {}) {
  return useQuery(pagesQueryOptions(schoolId, filter));
}
