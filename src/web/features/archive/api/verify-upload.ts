import { useMutation } from '@tanstack/react-query';
import type { TMe } from '../../../../shared/api/auth.js';
import type { TVerifyReport } from '../../../../shared/api/archive.js';
import { ApiError } from '../../../lib/api-error.js';
import { currentLocale, i18n } from '../../../lib/i18n/index.js';
import { meQueryKey, queryClient } from '../../../lib/query-client.js';

/**
 * Verifies an archive .zip someone holds. The body is the file itself (archives are too large
 * for JSON), so this call sends it with fetch and the same session, CSRF and language headers.
 */
export async function verifyUpload(schoolId: number, zip: File): Promise<TVerifyReport> {
  const csrf = queryClient.getQueryData<TMe | null>(meQueryKey)?.csrfToken ?? '';
  const res = await fetch(`/api/schools/${schoolId}/archives/verify`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/zip', Accept: 'application/json', 'Accept-Language': currentLocale(), 'X-CSRF-Token': csrf },
    body: zip,
  }).catch(() => {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? 'internal', body?.error?.message ?? i18n.t('errors.network'));
  return body as TVerifyReport;
}

export function useVerifyUpload(schoolId: number) {
  return useMutation({ mutationFn: (zip: File) => verifyUpload(schoolId, zip) });
}
