import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAttachment, ZAttachmentParams, ZAttachmentUpload, ZLessonAttachmentParams, ZLessonAttachments, ZLessonAttachmentsParams } from '../../../shared/api/attachments.js';
import { AppError, requestLang } from '../../http/errors.js';
import { INLINE_TYPES } from './detect.js';
import { canDownloadAttachment, canListAttachments, canWriteAttachments } from './policy.js';
import * as service from './service.js';

const tags = ['attachments'];
const MB = 1024 * 1024;

/** Content-Disposition with the original (Ukrainian) name: an ASCII fallback and the RFC 5987 UTF-8 form. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export const attachmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const settings: service.AttachmentSettings = {
    maxMb: app.config.ATTACHMENT_MAX_MB,
    dir: app.config.ATTACHMENTS_DIR,
    lateEditDays: app.config.LATE_EDIT_DAYS,
  };
  // multipart only in this plugin: one file and a reason field per request
  await app.register(multipart, { limits: { files: 1, fields: 4, fieldSize: 2000, fileSize: Math.ceil(settings.maxMb * MB) } });
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });
  const base = '/api/schools/:schoolId/journal/pages/:pageId/lessons/:lessonId/attachments';

  app.get(base, {
    config: { policy: canListAttachments },
    schema: { tags, summary: "A lesson's homework files, the school's size limit and the allowed types", params: ZLessonAttachmentsParams, response: { 200: ZLessonAttachments } },
  }, async (req) => service.listAttachments(app.db, ctx(req), req.principal!, req.params, settings));

  app.post(base, {
    config: { policy: canWriteAttachments },
    schema: {
      tags,
      summary: 'Attach a file to the homework (multipart/form-data: optional field `reason`, then one field `file`)',
      description: 'The type is detected from the content: PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, PPTX, ODT, ODS, ODP, DOC, XLS, PPT. Over the limit: 413; another type: 415; nothing is stored.',
      consumes: ['multipart/form-data'],
      params: ZLessonAttachmentsParams,
      // for the documentation only: the multipart stream is read in the handler, so the parsed body is empty
      body: ZAttachmentUpload.nullish(),
      response: { 200: ZAttachment },
    },
  }, async (req) => {
    const lang = requestLang(req);
    if (!req.isMultipart()) throw new AppError('attachment_missing');
    // the person's right to this lesson is checked before the file is read
    const limit = await service.uploadLimit(app.db, ctx(req), req.principal!, req.params, settings, lang);
    const part = await req.file({ limits: { fileSize: limit } });
    if (!part) throw new AppError('attachment_missing');
    const name = service.cleanFileName(part.filename);
    let bytes: Buffer;
    try {
      bytes = await part.toBuffer();
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('attachment_too_large', { name, limit: service.formatMb(limit) });
      throw err;
    }
    const reasonField = part.fields.reason;
    const reason = reasonField && !Array.isArray(reasonField) && reasonField.type === 'field' ? String(reasonField.value) : '';
    return service.addAttachment(app.db, ctx(req), req.principal!, { ...req.params, name: part.filename, bytes, reason, lang }, settings);
  });

  app.delete(`${base}/:attachmentId`, {
    config: { policy: canWriteAttachments },
    schema: {
      tags,
      summary: 'Remove a file from the homework (kept in the history)',
      params: ZLessonAttachmentParams,
      querystring: z.object({ reason: z.string().max(500).default('') }),
      response: { 200: z.object({ ok: z.literal(true) }) },
    },
  }, async (req) => {
    await service.removeAttachment(app.db, ctx(req), req.principal!, { ...req.params, reason: req.query.reason, lang: requestLang(req) }, settings);
    return { ok: true as const };
  });

  app.get('/api/schools/:schoolId/attachments/:attachmentId', {
    config: { policy: canDownloadAttachment },
    schema: {
      tags,
      summary: "Download a homework file: the page's readers, and pupils and parents of the lesson's class or group",
      params: ZAttachmentParams,
    },
  }, async (req, reply) => {
    const file = await service.readAttachment(app.db, ctx(req), req.principal!, req.params.attachmentId, settings);
    return reply
      .type(file.mediaType)
      .header('Content-Disposition', contentDisposition(INLINE_TYPES.has(file.mediaType) ? 'inline' : 'attachment', file.name))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-cache')
      .send(file.bytes);
  });
};
