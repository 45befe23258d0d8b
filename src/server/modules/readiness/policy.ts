import { membershipOf, type Policy, schoolIdOf, schoolRoles } from '../../http/access.js';

/** The head and the e-journal administrator keep the plan and the inventory. */
export const canEditReadiness = schoolRoles('head', 'admin');

/** The head, the controller and the administrator read the school's results (with teachers' names). */
export const canReadReadiness = schoolRoles('head', 'controller', 'admin');

/** Any staff member of the school answers their own survey (only their own: the service uses the principal). */
export const canAnswerSurvey: Policy = (p, req) => {
  const m = membershipOf(p, schoolIdOf(req));
  return !!m && m.roles.some((r) => r === 'teacher' || r === 'head' || r === 'controller' || r === 'admin');
};
