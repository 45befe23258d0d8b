import { Outlet } from 'react-router';
import { useSignedInMe } from '../../../lib/auth.js';
import { ForcedPasswordChange } from './ForcedPasswordChange.js';

/** Inside RequireAuth: a person with a one-time password sees only the change of password. */
export function PasswordGate() {
  const me = useSignedInMe();
  return me.mustChangePassword ? <ForcedPasswordChange /> : <Outlet />;
}
