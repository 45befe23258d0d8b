import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.js';

/** The address of one archived file (for links: PDF, CSV, manifest, signatures). */
export const archiveFileUrl = (schoolId: number, archiveId: number, path: string) =>
  `/api/schools/${schoolId}/archives/${archiveId}/file?path=${encodeURIComponent(path)}`;

/** The address of the whole archive as a .zip. */
export const archiveZipUrl = (schoolId: number, archiveId: number) => `/api/schools/${schoolId}/archives/${archiveId}/download`;

/** One archived JSON file as it was stored: the read-only view renders these, not the live journal. */
export function getArchivedJson<T>(schoolId: number, archiveId: number, path: string): Promise<T> {
  return api(`/api/schools/${schoolId}/archives/${archiveId}/file`, { query: { path } });
}

export const archivedJsonQueryOptions = <T>(schoolId: number, archiveId: number, path: string) =>
  queryOptions({
    queryKey: ['schools', schoolId, 'archives', archiveId, 'file', path],
    queryFn: () => getArchivedJson<T>(schoolId, archiveId, path),
    // an archive never changes
    staleTime: Number.POSITIVE_INFINITY,
  });

/** quietNotFound: the screen explains a missing file itself (a class without lesson files has no attachments.json). */
export function useArchivedJson<T>(schoolId: number, archiveId: number, path: string | null, opts: { quietNotFound?: boolean } = {}) {
  return useQuery({ ...archivedJsonQueryOptions<T>(schoolId, archiveId, path ?? ''), enabled: path !== null, meta: { quietNotFound: opts.quietNotFound } });
}
