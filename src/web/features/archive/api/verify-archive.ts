import { useMutation } from '@tanstack/react-query';
import type { TVerifyReport } from '../../../../shared/api/archive.js';
import { api } from '../../../lib/api.js';

/** Verifies a stored archive: every file's hash, the history chains, the signatures. */
export function verifyArchive(schoolId: number, archiveId: number): Promise<TVerifyReport> {
  return api(`/api/schools/${schoolId}/archives/${archiveId}/verify`, { method: 'POST' });
}

export function useVerifyArchive(schoolId: number) {
  return useMutation({ mutationFn: (archiveId: number) => verifyArchive(schoolId, archiveId) });
}
