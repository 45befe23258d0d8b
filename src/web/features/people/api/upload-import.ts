import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TImportKind, TImportPreview } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { adminKey } from './admin-keys.js';

/** The file's bytes as base64 (the API takes the file inside JSON). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Uploads a CSV or XLSX file and answers its preview: nothing is written yet. */
export async function uploadImport(schoolId: number, kind: TImportKind, file: File): Promise<TImportPreview> {
  const body = { kind, fileName: file.name, contentBase64: await fileToBase64(file) };
  return api(`/api/schools/${schoolId}/admin/imports`, { method: 'POST', body });
}

export function useUploadImport(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: TImportKind; file: File }) => uploadImport(schoolId, kind, file),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: [...adminKey(schoolId), 'imports'] }),
  });
}
