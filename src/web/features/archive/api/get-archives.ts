import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TArchiveList } from '../../../../shared/api/archive.js';
import { api } from '../../../lib/api.js';

/** Years and their archives; polled every two seconds while one is being built. */
export function getArchives(schoolId: number): Promise<TArchiveList> {
  return api(`/api/schools/${schoolId}/archives`);
}

export const archivesQueryOptions = (schoolId: number) =>
  queryOptions({
    queryKey: ['schools', schoolId, 'archives'],
    queryFn: () => getArchives(schoolId),
    refetchInterval: (q) => (q.state.data?.archives.some((a) => a.status === 'building') ? 2000 : false),
  });

export function useArchives(schoolId: number) {
  return useQuery(archivesQueryOptions(schoolId));
}
