import { useMutation } from '@tanstack/react-query';
import type { TRedeemBody } from '../../../../shared/api/consent.js';
import { api } from '../../../lib/api.js';
import { meQueryOptions } from '../../../lib/auth.js';
import { queryClient } from '../../../lib/query-client.js';

export interface TRedeemed {
  ok: true;
  schoolId: number;
  pupilId: number;
  kind: 'guardian' | 'pupil';
}

/** Creates the account (recording the consent first when given) and signs the person in. */
export function redeemInvitation(body: TRedeemBody): Promise<TRedeemed> {
  return api('/api/auth/invitation/redeem', { method: 'POST', body });
}

/** Redeems the code, forgets anything cached from an earlier person, and loads the new one. */
export function useRedeemInvitation() {
  return useMutation({
    mutationFn: redeemInvitation,
    meta: { inlineErrors: true },
    onSuccess: async () => {
      queryClient.clear();
      await queryClient.fetchQuery(meQueryOptions());
    },
  });
}
