import { type Policy, schoolRoles } from '../../http/access.js';

/** The head and the administrator write to anyone in the school; a class teacher to their own class (checked by the service). */
export const canWriteAnnouncements: Policy = schoolRoles('head', 'admin', 'class_teacher');

/** Parents and pupils read the announcements that reach their family. */
export const canReadInbox: Policy = schoolRoles('parent', 'pupil');

/** A parent chooses how their notifications arrive. */
export const canChooseNotifications: Policy = schoolRoles('parent');
