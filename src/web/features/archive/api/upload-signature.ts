import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TSignatureInfo } from '../../../../shared/api/archive.js';
import { api } from '../../../lib/api.js';
import { fileToBase64 } from './sign-archive.js';

/** Uploads a detached .p7s made by a qualified signature tool; the server checks it first. */
export async function uploadSignature(schoolId: number, archiveId: number, p7s: File): Promise<TSignatureInfo> {
  return api(`/api/schools/${schoolId}/archives/${archiveId}/signatures`, { method: 'POST', body: { p7s: await fileToBase64(p7s) } });
}

export function useUploadSignature(schoolId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (x: { archiveId: number; p7s: File }) => uploadSignature(schoolId, x.archiveId, x.p7s),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['schools', schoolId, 'archives'] }),
    meta: { inlineErrors: true },
  });
}
