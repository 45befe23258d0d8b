import { schoolRoles } from '../../http/access.js';

/** Who reads plans at all: the page's teacher, head, controller, administrator (the page is checked in the service). */
export const canReadPlans = schoolRoles('teacher', 'head', 'controller', 'admin');

/** Who edits or imports a plan: a teacher (of this page, checked in the service). */
export const canEditPlans = schoolRoles('teacher');

/** Who copies plans: a teacher between their own pages, head and administrator between any parallel pages. */
export const canCopyPlans = schoolRoles('teacher', 'head', 'admin');
