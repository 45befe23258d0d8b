import { useMutation } from '@tanstack/react-query';
import type { TInvitationInfo } from '../../../../shared/api/consent.js';
import { api } from '../../../lib/api.js';

/** What an invitation code is for, with the notice to read (no sign-in needed). */
export function lookupInvitation(code: string): Promise<TInvitationInfo> {
  return api('/api/auth/invitation', { method: 'POST', body: { code } });
}

export function useLookupInvitation() {
  return useMutation({ mutationFn: lookupInvitation, meta: { inlineErrors: true } });
}
