import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TMe } from '../../../../shared/api/auth.js';
import type { TAttachment, TLessonAttachments } from '../../../../shared/api/attachments.js';
import { api } from '../../../lib/api.js';
import { ApiError } from '../../../lib/api-error.js';
import { currentLocale, i18n } from '../../../lib/i18n/index.js';
import { meQueryKey, queryClient } from '../../../lib/query-client.js';

const filesUrl = (schoolId: number, pageId: number, lessonId: number) => `/api/schools/${schoolId}/journal/pages/${pageId}/lessons/${lessonId}/attachments`;

/** A lesson's homework files with the school's limit and whether the person may change them. */
export function getLessonAttachments(schoolId: number, pageId: number, lessonId: number): Promise<TLessonAttachments> {
  return api(filesUrl(schoolId, pageId, lessonId));
}

export const lessonAttachmentsQuery = (schoolId: number, pageId: number, lessonId: number) =>
  queryOptions({
    queryKey: ['schools', schoolId, 'journal', 'page', pageId, 'lesson', lessonId, 'attachments'],
    queryFn: () => getLessonAttachments(schoolId, pageId, lessonId),
  });

export function useLessonAttachments(schoolId: number, pageId: number, lessonId: number) {
  return useQuery(lessonAttachmentsQuery(schoolId, pageId, lessonId));
}

/**
 * Uploads one file as multipart with progress (fetch cannot report upload progress, so XHR);
 * the server's refusal comes back as an ApiError with its message in the UI language.
 */
export function uploadAttachment(
  schoolId: number,
  pageId: number,
  lessonId: number,
  file: File,
  opts: { reason: string; onProgress: (share: number) => void },
): Promise<TAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', filesUrl(schoolId, pageId, lessonId));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLocale());
    const csrf = queryClient.getQueryData<TMe | null>(meQueryKey)?.csrfToken;
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (e) => e.lengthComputable && opts.onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network', i18n.t('errors.network')));
    xhr.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(xhr.responseText);
        } catch {
          return null;
        }
      })();
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as TAttachment);
      reject(new ApiError(xhr.status, body?.error?.code ?? 'internal', body?.error?.message ?? i18n.t('errors.network')));
    };
    const form = new FormData();
    // the reason goes first: the server reads the fields that come before the file
    form.append('reason', opts.reason);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Upload and removal of a lesson's files; both refresh the list, the lesson's history and diaries. */
export function useAttachmentChanges(schoolId: number, pageId: number, lessonId: number) {
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: lessonAttachmentsQuery(schoolId, pageId, lessonId).queryKey }),
      client.invalidateQueries({ queryKey: ['schools', schoolId, 'journal', 'page', pageId, 'history'] }),
    ]);
  const upload = useMutation({
    mutationFn: (v: { file: File; reason: string; onProgress: (share: number) => void }) => uploadAttachment(schoolId, pageId, lessonId, v.file, v),
    meta: { inlineErrors: true },
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (v: { attachmentId: number; reason: string }) =>
      api<{ ok: true }>(`${filesUrl(schoolId, pageId, lessonId)}/${v.attachmentId}`, { method: 'DELETE', query: { reason: v.reason } }),
    meta: { inlineErrors: true },
    onSettled: refresh,
  });
  return { upload, remove };
}
