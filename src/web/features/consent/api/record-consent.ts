import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TRecordConsentBody, ZRecordConsentResult } from '../../../../shared/api/consent.js';
import { api } from '../../../lib/api.js';
import { consentKey } from './keys.js';

type TResult = z.infer<typeof ZRecordConsentResult>;

/** The school records a guardian's signed paper consent (with its scan) or a withdrawal. */
export function recordConsent(schoolId: number, pupilId: number, body: TRecordConsentBody): Promise<TResult> {
  return api(`/api/schools/${schoolId}/pupils/${pupilId}/consent`, { method: 'POST', body });
}

export function useRecordConsent(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ pupilId, body }: { pupilId: number; body: TRecordConsentBody }) => recordConsent(schoolId, pupilId, body),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: consentKey(schoolId) }),
  });
}

/** A file as base64 (without the data: prefix), for the scan upload. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
