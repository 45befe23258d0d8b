import { schoolRoles } from '../../http/access.js';

/** The school's leadership reads the curriculum and the teaching load. */
export const canReadCurriculum = schoolRoles('head', 'controller', 'admin');

/** The e-journal administrator and the head change them. */
export const canEditCurriculum = schoolRoles('head', 'admin');
