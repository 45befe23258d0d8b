import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.js';
import { meQueryKey } from '../../../lib/query-client.js';
import { myConsentsKey } from './keys.js';

export interface TMyAnswer {
  schoolId: number;
  pupilId: number;
  action: 'given' | 'withdrawn';
  noticeId: number;
}

/** Gives or withdraws consent in the own account. */
export function answerMyConsent(body: TMyAnswer): Promise<{ valid: boolean }> {
  return api('/api/consent/mine', { method: 'POST', body });
}

/** After an answer the person's access changes at once: their roles are loaded again. */
export function useAnswerMyConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: answerMyConsent,
    meta: { inlineErrors: true },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: myConsentsKey });
      await client.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
