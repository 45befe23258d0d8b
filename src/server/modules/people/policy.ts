import { hasSchoolRole, membershipOf, type Policy, schoolIdOf } from '../../http/access.js';

const SCHOOL_STAFF = ['head', 'controller', 'admin', 'teacher'] as const;

/** Staff of the school may see its classes. */
export const canListClasses: Policy = (p, req) => hasSchoolRole(p, req, [...SCHOOL_STAFF, 'class_teacher']);

/** Head, controller and administrator see school-wide figures. */
export const canSeeOverview: Policy = (p, req) => hasSchoolRole(p, req, ['head', 'controller', 'admin']);

/**
 * A class's pupils: school leadership, the class teacher of that class; a subject teacher
 * passes here and the service checks they teach the class.
 */
export const canSeeClassPupils: Policy = (p, req) => {
  const m = membershipOf(p, schoolIdOf(req));
  if (!m) return false;
  if (m.roles.some((r) => r === 'head' || r === 'controller' || r === 'admin' || r === 'teacher')) return true;
  return m.classIds.includes(Number((req.params as Record<string, string>).classId));
};

/** Whether the principal is a guardian of the pupil or the pupil, in the school of the path. */
export function isFamilyOf(p: Parameters<Policy>[0], schoolId: number, pupilId: number): boolean {
  const m = membershipOf(p, schoolId);
  return !!m && (m.pupilId === pupilId || m.children.some((c) => c.pupilId === pupilId));
}

/** A pupil's card: staff of the school, the pupil's guardians, the pupil. */
export const canSeePupil: Policy = (p, req) => {
  const schoolId = schoolIdOf(req);
  const pupilId = Number((req.params as Record<string, string>).pupilId);
  return hasSchoolRole(p, req, [...SCHOOL_STAFF, 'class_teacher']) || isFamilyOf(p, schoolId, pupilId);
};

/** The administrator's console: the school's e-journal administrator and its head. */
export const canManagePeople: Policy = (p, req) => hasSchoolRole(p, req, ['admin', 'head']);

/** A class's movement list: the console, the controller, and the class teacher of that class. */
export const canSeeMovement: Policy = (p, req) => {
  const m = membershipOf(p, schoolIdOf(req));
  if (!m) return false;
  if (m.roles.some((r) => r === 'head' || r === 'controller' || r === 'admin')) return true;
  return m.classIds.includes(Number((req.params as Record<string, string>).classId));
};
