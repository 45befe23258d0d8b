import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TArchive } from '../../../../shared/api/archive.js';
import { api } from '../../../lib/api.js';

/** Starts building the archive of a closed year in the background. */
export function buildArchive(schoolId: number, yearId: number): Promise<TArchive> {
  return api(`/api/schools/${schoolId}/archives`, { method: 'POST', body: { yearId } });
}

export function useBuildArchive(schoolId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (yearId: number) => buildArchive(schoolId, yearId),
    onSettled: () => qc.invalidateQueries({ queryKey: ['schools', schoolId, 'archives'] }),
  });
}
