import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TImportProblem, TImportResult } from '../../../../shared/api/admin.js';
import type { TMe } from '../../../../shared/api/auth.js';
import { ApiError } from '../../../lib/api-error.js';
import { currentLocale, i18n } from '../../../lib/i18n/index.js';
import { meQueryKey } from '../../../lib/query-client.js';
import { schoolKey } from './admin-keys.js';

export interface TImportProgress {
  done: number;
  total: number;
  stage: string;
}

/** An import refused for its rows: the message and every row's problem. */
export class ImportRefused extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly problems: TImportProblem[],
  ) {
    super(status, code, message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { problems?: TImportProblem[] } };
}

function refusal(status: number, body: ErrorBody | null): ApiError {
  const e = body?.error;
  return new ImportRefused(status, e?.code ?? 'internal', e?.message ?? i18n.t('errors.network'), e?.details?.problems ?? []);
}

/**
 * Writes a previewed file, reading the server's progress lines (NDJSON) as they come, so a
 * large file shows a moving bar; resolves with the result or rejects with the refusal.
 */
export async function commitImport(
  schoolId: number,
  importId: number,
  opts: { fromDate?: string; onProgress?: (p: TImportProgress) => void; csrfToken?: string },
): Promise<TImportResult> {
  const res = await fetch(`/api/schools/${schoolId}/admin/imports/${importId}/commit`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      Accept: 'application/x-ndjson',
      'Accept-Language': currentLocale(),
      'Content-Type': 'application/json',
      ...(opts.csrfToken ? { 'X-CSRF-Token': opts.csrfToken } : {}),
    },
    body: JSON.stringify(opts.fromDate ? { fromDate: opts.fromDate } : {}),
  });
  if (!res.ok || !res.body) throw refusal(res.status, (await res.json().catch(() => null)) as ErrorBody | null);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += value ?? '';
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      const msg = JSON.parse(line) as { type: string; result?: TImportResult } & TImportProgress & ErrorBody;
      if (msg.type === 'progress') opts.onProgress?.(msg);
      if (msg.type === 'result' && msg.result) return msg.result;
      if (msg.type === 'error') throw refusal(400, msg);
    }
    if (done) throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
}

export function useCommitImport(schoolId: number, onProgress: (p: TImportProgress) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ importId, fromDate }: { importId: number; fromDate?: string }) =>
      commitImport(schoolId, importId, { fromDate, onProgress, csrfToken: client.getQueryData<TMe | null>(meQueryKey)?.csrfToken }),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: schoolKey(schoolId) }),
  });
}
