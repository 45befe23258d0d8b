import { type Policy, schoolRoles } from '../../http/access.js';

/** Who may list a lesson's files at all; which pages exactly is decided with the page (canReadPage). */
export const canListAttachments: Policy = schoolRoles('head', 'controller', 'admin', 'teacher', 'class_teacher');

/** Only teachers attach and remove; the service checks it is the page's teacher or the lesson's substitute. */
export const canWriteAttachments: Policy = schoolRoles('teacher');

/**
 * Who may download a file at all: the page's readers, and pupils and parents of the school;
 * the service checks the page (staff) or that the child was on the lesson's page (family).
 */
export const canDownloadAttachment: Policy = schoolRoles('head', 'controller', 'admin', 'teacher', 'class_teacher', 'parent', 'pupil');

/** A family member may open a file when one of these pupils (their own record, their children) had the lesson. */
export function familyPupilIds(m: { pupilId: number | null; children: readonly { pupilId: number }[] } | undefined): number[] {
  if (!m) return [];
  return [...(m.pupilId ? [m.pupilId] : []), ...m.children.map((c) => c.pupilId)];
}
