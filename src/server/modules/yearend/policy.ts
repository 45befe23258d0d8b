import { schoolRoles } from '../../http/access.js';

/** The years, their history and what is missing: the school's leadership and administrator. */
export const canSeeYearEnd = schoolRoles('head', 'controller', 'admin');

/** Closing and reopening a year: the head alone. */
export const canCloseYear = schoolRoles('head');

/** Promotion to the next year: the head, and the administrator who keeps the classes. */
export const canPromote = schoolRoles('head', 'admin');
