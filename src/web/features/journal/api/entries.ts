import type { TEntriesResult, TEntryConflict, TEntryProblem } from '../../../../shared/api/journal.js';
import type { TMe } from '../../../../shared/api/auth.js';
import { ApiError } from '../../../lib/api-error.js';
import { currentLocale, i18n } from '../../../lib/i18n/index.js';
import { meQueryKey, queryClient } from '../../../lib/query-client.js';
import { type SaveBatch, type SaveOutcome, SaveQueue } from '../lib/save-queue.js';

/** An API error that keeps `error.details`: the journal needs the refused cells and the conflicts. */
export class JournalApiError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly details: { problems?: TEntryProblem[]; conflicts?: TEntryConflict[] } = {},
  ) {
    super(status, code, message);
  }
}

/**
 * A journal write with the session cookie, the CSRF token and the UI language, like lib/api;
 * its errors keep their details (problems, conflicts), which the shared client drops.
 */
export async function journalWrite<T>(path: string, method: 'PUT' | 'PATCH' | 'POST', body: unknown): Promise<T> {
  const csrfToken = queryClient.getQueryData<TMe | null>(meQueryKey)?.csrfToken ?? '';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': currentLocale(), 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
      body: JSON.stringify(body),
    });
  } catch {
    throw new JournalApiError(0, 'network', i18n.t('errors.network'));
  }
  if (res.ok) return (await res.json()) as T;
  const payload = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: JournalApiError['details'] } } | null;
  if (res.status === 401 && queryClient.getQueryData(meQueryKey)) queryClient.setQueryData(meQueryKey, null);
  const error = payload?.error;
  throw new JournalApiError(res.status, error?.code ?? 'internal', error?.message ?? i18n.t('errors.network'), error?.details ?? {});
}

/** What to tell the teacher about a refused write: the problems' own messages when there are any. */
export function journalErrorText(error: Error): string {
  if (error instanceof JournalApiError && error.details.problems?.length) return error.details.problems.map((p) => p.message).join(' ');
  return error.message;
}

/** Saves marks, attendance and summary marks of a page in one request, all or nothing. */
export function putEntries(schoolId: number, pageId: number, batch: SaveBatch): Promise<TEntriesResult> {
  return journalWrite(`/api/schools/${schoolId}/journal/pages/${pageId}/entries`, 'PUT', batch);
}

/** A bulk save's answer as the save queue reads it: saved, refused cells, conflicts, or a failure (retried when it may pass). */
export async function sendEntries(schoolId: number, pageId: number, batch: SaveBatch): Promise<SaveOutcome> {
  try {
    return { kind: 'saved', result: await putEntries(schoolId, pageId, batch) };
  } catch (err) {
    if (!(err instanceof JournalApiError)) return { kind: 'failed', message: String(err), retry: true };
    if (err.code === 'invalid_entries' && err.details.problems?.length) return { kind: 'problems', problems: err.details.problems };
    if (err.code === 'conflict' && err.details.conflicts?.length) return { kind: 'conflicts', conflicts: err.details.conflicts };
    const transient = err.status === 0 || err.status >= 500 || err.status === 429;
    return { kind: 'failed', message: err.message, retry: transient };
  }
}

const queues = new Map<string, SaveQueue>();

/**
 * The save queue of a page. It outlives the screen, so changes still being sent when the teacher
 * leaves the page are not lost and show again when they come back.
 */
export function entriesQueue(schoolId: number, pageId: number): SaveQueue {
  const key = `${schoolId}:${pageId}`;
  let queue = queues.get(key);
  if (!queue) {
    queue = new SaveQueue({ send: (batch) => sendEntries(schoolId, pageId, batch) });
    queues.set(key, queue);
  }
  return queue;
}

/** Some page still has changes that are not on the server. */
export function anyUnsavedEntries(): boolean {
  return [...queues.values()].some((q) => q.hasUnsaved());
}
