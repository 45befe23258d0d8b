import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TTrustedCaList } from '../../../../shared/api/trust.js';
import { api } from '../../../lib/api.js';

/** Removes a certificate the city uploaded from its trusted list. */
export function removeTrustedCa(cityId: number, caId: number): Promise<TTrustedCaList> {
  return api(`/api/cities/${cityId}/trusted-cas/${caId}`, { method: 'DELETE' });
}

export function useRemoveTrustedCa(cityId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (caId: number) => removeTrustedCa(cityId, caId),
    onSuccess: (data) => qc.setQueryData(['cities', cityId, 'trusted-cas'], data),
  });
}
