import { hasSchoolRole, type Policy, schoolIdOf } from '../../http/access.js';
import { isFamilyOf } from '../people/policy.js';

/**
 * A pupil's diary: the pupil, their guardians, and the school's leadership or class teacher
 * (which class exactly is checked by the service).
 */
export const canSeeDiary: Policy = (p, req) => {
  const pupilId = Number((req.params as Record<string, string>).pupilId);
  return isFamilyOf(p, schoolIdOf(req), pupilId) || hasSchoolRole(p, req, ['head', 'controller', 'admin', 'class_teacher']);
};
