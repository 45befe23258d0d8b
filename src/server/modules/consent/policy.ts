import { anyAuthenticated, membershipOf, type Policy, schoolIdOf, schoolRoles } from '../../http/access.js';

/** Anyone who belongs to the school (staff, parents, pupils) may read the notice it shows. */
export const canReadNotice: Policy = (p, req) => !!membershipOf(p, schoolIdOf(req));

/** The head and the administrator publish the school's own notice versions. */
export const canManageNotices: Policy = schoolRoles('head', 'admin');

/**
 * Consent records, the register, forms and the dashboard: the head, the administrator and class
 * teachers (for their own classes: the class is checked here when the path names it, the
 * pupil's class by the service).
 */
export const canManageConsent: Policy = (p, req) => {
  const m = membershipOf(p, schoolIdOf(req));
  if (!m) return false;
  if (m.roles.some((r) => r === 'head' || r === 'admin')) return true;
  const classId = (req.params as Record<string, string>).classId;
  return classId === undefined ? m.roles.includes('class_teacher') : m.classIds.includes(Number(classId));
};

/** A guardian's own consents: any signed-in person; the service finds their guardian rows. */
export const canAnswerOwnConsent: Policy = anyAuthenticated;
