import { Outlet } from 'react-router';
import { useSignedInMe } from '../../lib/auth.js';
import { membershipIn } from '../../lib/contexts.js';
import { useNumberParam } from '../../lib/params.js';
import { NotFoundRoute } from './not-found.js';

/** The screens of one school, for people who belong to it. */
export function SchoolScope() {
  const me = useSignedInMe();
  const schoolId = useNumberParam('schoolId');
  if (!membershipIn(me, schoolId)) return <NotFoundRoute noAccess />;
  return <Outlet />;
}
