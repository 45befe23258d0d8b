import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TSignatureInfo } from '../../../../shared/api/archive.js';
import { api } from '../../../lib/api.js';

/** A file's bytes as base64 (the API takes keys and signatures inside JSON). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Signs the manifest with the head's PKCS#12 key; the password is sent once and not stored. */
export async function signArchive(schoolId: number, archiveId: number, p12: File, password: string): Promise<TSignatureInfo> {
  return api(`/api/schools/${schoolId}/archives/${archiveId}/sign`, { method: 'POST', body: { p12: await fileToBase64(p12), password } });
}

export function useSignArchive(schoolId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (x: { archiveId: number; p12: File; password: string }) => signArchive(schoolId, x.archiveId, x.p12, x.password),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['schools', schoolId, 'archives'] }),
    meta: { inlineErrors: true },
  });
}
