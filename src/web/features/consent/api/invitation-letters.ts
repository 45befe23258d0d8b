import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TInvitationBody } from '../../../../shared/api/consent.js';
import type { TMe } from '../../../../shared/api/auth.js';
import { ApiError } from '../../../lib/api-error.js';
import { currentLocale, i18n } from '../../../lib/i18n/index.js';
import { meQueryKey } from '../../../lib/query-client.js';
import { consentKey } from './keys.js';

/**
 * New invitation codes for the families of a class, as a PDF of letters (one page per family).
 * The codes exist only in this file: printing again issues new ones and the old stop working.
 */
export async function invitationLetters(schoolId: number, classId: number, body: Partial<TInvitationBody>, csrf: string): Promise<Blob> {
  const res = await fetch(`/api/schools/${schoolId}/classes/${classId}/invitations.pdf`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/pdf', 'Accept-Language': currentLocale(), 'X-CSRF-Token': csrf },
    body: JSON.stringify(body),
  }).catch(() => {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  });
  if (!res.ok) {
    const error = (await res.json().catch(() => null))?.error;
    throw new ApiError(res.status, error?.code ?? 'internal', error?.message ?? i18n.t('errors.network'));
  }
  return res.blob();
}

export function useInvitationLetters(schoolId: number, classId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<TInvitationBody>) => invitationLetters(schoolId, classId, body, client.getQueryData<TMe | null>(meQueryKey)?.csrfToken ?? ''),
    onSuccess: () => client.invalidateQueries({ queryKey: consentKey(schoolId) }),
  });
}
