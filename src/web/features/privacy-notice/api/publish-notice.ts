import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TNotice } from '../../../../shared/api/consent.js';
import { api } from '../../../lib/api.js';
import { consentKey } from '../../consent/api/keys.js';

export interface NoticeDraft {
  title: string;
  body: string;
  purposes: string[];
}

/** Publishes a new version of the school's own notice; it is in force at once. */
export function publishNotice(schoolId: number, body: NoticeDraft): Promise<TNotice> {
  return api(`/api/schools/${schoolId}/consent/notices`, { method: 'POST', body });
}

export function usePublishNotice(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NoticeDraft) => publishNotice(schoolId, body),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: consentKey(schoolId) }),
  });
}
