/** The school's announcements as staff see them (with receipts). */
export const announcementsKey = (schoolId: number) => ['schools', schoolId, 'announcements'] as const;

/** A family's announcements in a school. */
export const inboxKey = (schoolId: number) => ['schools', schoolId, 'inbox'] as const;
