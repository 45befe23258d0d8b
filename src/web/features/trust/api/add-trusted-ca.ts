import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TTrustedCaList } from '../../../../shared/api/trust.js';
import { api } from '../../../lib/api.js';
import { fileToBase64 } from '../../archive/api/sign-archive.js';

/** Adds the CA certificates of a file (PEM, CRT, CER, DER) to the city's trusted list. */
export async function addTrustedCa(cityId: number, file: File): Promise<TTrustedCaList> {
  return api(`/api/cities/${cityId}/trusted-cas`, { method: 'POST', body: { file: await fileToBase64(file) } });
}

export function useAddTrustedCa(cityId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => addTrustedCa(cityId, file),
    onSuccess: (data) => qc.setQueryData(['cities', cityId, 'trusted-cas'], data),
    meta: { inlineErrors: true },
  });
}
