import { hasSchoolRole, type Policy } from '../../http/access.js';

/** Who reads journal pages at all; which pages exactly is decided by canReadPage. */
export const canListPages: Policy = (p, req) => hasSchoolRole(p, req, ['head', 'controller', 'admin', 'teacher', 'class_teacher']);

export interface PageAccessFacts {
  roles: readonly string[];
  userId: number;
  classIds: readonly number[];
  page: { teacherId: number | null; classId: number };
  /** the user substituted at least one lesson of the page */
  substitutes?: boolean;
}

/** Head, controller and administrator read every page; a teacher their own; a class teacher their class's. */
export function canReadPage(f: PageAccessFacts): boolean {
  if (f.roles.some((r) => r === 'head' || r === 'controller' || r === 'admin')) return true;
  if (f.page.teacherId === f.userId) return true;
  if (f.classIds.includes(f.page.classId)) return true;
  return !!f.substitutes;
}

/** Only the page's teacher writes it (a substitute: only the lessons they substituted). */
export function canWritePage(f: PageAccessFacts): boolean {
  return f.page.teacherId === f.userId;
}
