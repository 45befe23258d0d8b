import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api.js';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** Changes the person's own password; the server ends their other sessions. */
export function changePassword(body: ChangePasswordInput): Promise<{ ok: true }> {
  return api('/api/auth/password', { method: 'POST', body });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword, meta: { inlineErrors: true } });
}
