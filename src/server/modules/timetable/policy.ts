import { schoolRoles } from '../../http/access.js';

/** The school's leadership and every teacher read the timetable. */
export const canReadTimetable = schoolRoles('head', 'controller', 'admin', 'teacher');

/** The e-journal administrator and the head change it. */
export const canEditTimetable = schoolRoles('head', 'admin');
