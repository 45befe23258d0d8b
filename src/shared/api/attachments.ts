import { z } from 'zod';

const id = z.coerce.number().int().positive();

export const ZLessonAttachmentsParams = z.object({ schoolId: id, pageId: id, lessonId: id });
export const ZLessonAttachmentParams = z.object({ schoolId: id, pageId: id, lessonId: id, attachmentId: id });
export const ZAttachmentParams = z.object({ schoolId: id, attachmentId: id });

/** The upload's multipart fields as the API documentation shows them (`reason` before `file`). */
export const ZAttachmentUpload = z.object({
  reason: z.string().max(500).optional().describe('why a lesson older than LATE_EDIT_DAYS changes'),
  file: z.any().meta({ type: 'string', format: 'binary', description: 'the file; its type is detected from the content' }),
});

/** A file attached to a lesson's homework (its bytes are fetched from `url`). */
export const ZAttachment = z.object({
  id: z.number(),
  lessonId: z.number(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  url: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

/** The short form the diary shows beside homework. */
export const ZAttachmentLink = z.object({ id: z.number(), name: z.string(), mediaType: z.string(), size: z.number(), url: z.string() });
export type TAttachmentLink = z.infer<typeof ZAttachmentLink>;

export const ZLessonAttachments = z.object({
  attachments: z.array(ZAttachment),
  /** the largest file this school takes, in bytes */
  maxBytes: z.number(),
  /** the file types it takes, as extensions (for the file picker and the hint) */
  allowedExtensions: z.array(z.string()),
  canWrite: z.boolean(),
});
export type TLessonAttachments = z.infer<typeof ZLessonAttachments>;

/** Where a file is downloaded from. */
export const attachmentUrl = (schoolId: number, attachmentId: number) => `/api/schools/${schoolId}/attachments/${attachmentId}`;
