import { z } from 'zod';

const id = z.coerce.number().int().positive();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_time');

export const ZAnnouncementParams = z.object({ schoolId: id, announcementId: id });

export const ZAudience = z.enum(['school', 'grade', 'class']);

export const ZAnnouncementBody = z
  .object({
    audience: ZAudience,
    grade: z.coerce.number().int().min(1).max(11).optional(),
    classId: id.optional(),
    title: z.string().trim().min(1, 'required').max(200),
    body: z.string().trim().min(1, 'required').max(5000),
  })
  .superRefine((v, ctx) => {
    if (v.audience === 'grade' && v.grade === undefined) ctx.addIssue({ code: 'custom', path: ['grade'], message: 'required' });
    if (v.audience === 'class' && v.classId === undefined) ctx.addIssue({ code: 'custom', path: ['classId'], message: 'required' });
  });
export type TAnnouncementBody = z.infer<typeof ZAnnouncementBody>;

export const ZAnnouncement = z.object({
  id: z.number(),
  audience: ZAudience,
  grade: z.number().nullable(),
  classId: z.number().nullable(),
  classLabel: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  author: z.string(),
  /** parents and pupils with an account (and valid consent) in the audience now */
  recipients: z.number(),
  read: z.number(),
  share: z.number(),
});
export type TAnnouncement = z.infer<typeof ZAnnouncement>;
export const ZAnnouncementList = z.object({ announcements: z.array(ZAnnouncement) });

export const ZReceipts = z.object({
  announcement: ZAnnouncement,
  readers: z.array(
    z.object({
      userId: z.number(),
      name: z.string(),
      role: z.enum(['parent', 'pupil']),
      pupilName: z.string(),
      classLabel: z.string(),
      readAt: z.string().nullable(),
    }),
  ),
});
export type TReceipts = z.infer<typeof ZReceipts>;

export const ZInboxItem = z.object({
  id: z.number(),
  audience: ZAudience,
  audienceLabel: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  author: z.string(),
  readAt: z.string().nullable(),
});
export type TInboxItem = z.infer<typeof ZInboxItem>;
export const ZInbox = z.object({ items: z.array(ZInboxItem), unread: z.number() });
export type TInbox = z.infer<typeof ZInbox>;

export const ZNotifyMode = z.enum(['instant', 'digest', 'off']);
export type TNotifyMode = z.infer<typeof ZNotifyMode>;

export const ZNotificationSettings = z
  .object({
    email: z.union([z.literal(''), z.email()]).nullable(),
    marks: ZNotifyMode,
    absences: ZNotifyMode,
    announcements: ZNotifyMode,
    quietFrom: hhmm.nullable(),
    quietTo: hhmm.nullable(),
    digestAt: hhmm,
  })
  .superRefine((v, ctx) => {
    if ((v.quietFrom === null) !== (v.quietTo === null)) {
      ctx.addIssue({ code: 'custom', path: [v.quietFrom === null ? 'quietFrom' : 'quietTo'], message: 'required' });
    }
  });
export type TNotificationSettings = z.infer<typeof ZNotificationSettings>;
