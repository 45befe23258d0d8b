import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZImportCommit, ZImportList, ZImportParams, ZImportPreview, ZImportResult, ZImportUpload } from '../../../../shared/api/admin.js';
import { ZSchoolParams } from '../../../../shared/api/schools.js';
import { AppError, errorBody, requestLang } from '../../../http/errors.js';
import { canManagePeople } from '../policy.js';
import * as imports from './import.service.js';

const tags = ['people admin'];
const base = '/api/schools/:schoolId/admin/imports';
const NDJSON = 'application/x-ndjson';

/**
 * Imports of pupils (with guardians) and staff from CSV or XLSX: upload (base64 in JSON) gives a
 * preview with every row's problems; commit writes the previewed file in one transaction.
 * A commit asked with `Accept: application/x-ndjson` streams its progress line by line.
 */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });
  const config = { policy: canManagePeople };

  app.get(base, {
    config,
    schema: { tags, summary: 'Recent imports of the school', params: ZSchoolParams, response: { 200: ZImportList } },
  }, async (req) => imports.list(app.db, ctx(req)));

  app.post(base, {
    config,
    bodyLimit: 30 * 1024 * 1024,
    schema: {
      tags,
      summary: 'Upload a CSV or XLSX file (base64) and get its preview: nothing is written yet',
      params: ZSchoolParams,
      body: ZImportUpload,
      response: { 201: ZImportPreview },
    },
  }, async (req, reply) => {
    const content = Buffer.from(req.body.contentBase64, 'base64');
    const preview = await imports.upload(app.db, ctx(req), { kind: req.body.kind, fileName: req.body.fileName, content }, requestLang(req));
    return reply.status(201).send(preview);
  });

  app.get(`${base}/:importId`, {
    config,
    schema: { tags, summary: 'The preview of an upload, checked again', params: ZImportParams, response: { 200: ZImportPreview } },
  }, async (req) => imports.preview(app.db, ctx(req), req.params.importId, requestLang(req)));

  app.post(`${base}/:importId/commit`, {
    config,
    schema: {
      tags,
      summary: 'Write the previewed file: all or nothing; progress as NDJSON when asked for',
      params: ZImportParams,
      body: ZImportCommit,
      response: { 200: ZImportResult },
    },
  }, async (req, reply) => {
    const lang = requestLang(req);
    const run = (opts: Partial<Parameters<typeof imports.commit>[3]>) =>
      imports.commit(app.db, ctx(req), req.params.importId, { fromDate: req.body.fromDate, lang, ...opts });
    if (!String(req.headers.accept ?? '').includes(NDJSON)) return run({});

    // Problems are answered as a normal 400; once the rows are checked, progress streams.
    const stream = new PassThrough();
    const line = (o: unknown) => stream.write(`${JSON.stringify(o)}\n`);
    let lastSent = 0;
    let checked!: () => void;
    const ready = new Promise<void>((resolve) => {
      checked = resolve;
    });
    const done = run({
      onChecked: () => checked(),
      onProgress: (done, total, stage) => {
        if (Date.now() - lastSent < 100 && done < total) return;
        lastSent = Date.now();
        line({ type: 'progress', done, total, stage });
      },
    });
    await Promise.race([ready, done]);
    done.then(
      (result) => {
        line({ type: 'result', result });
        stream.end();
      },
      (err: unknown) => {
        const e = err instanceof AppError ? err : new AppError('internal');
        if (!(err instanceof AppError)) req.log.error({ err }, 'import commit failed');
        line({ type: 'error', ...errorBody(e.code, lang, e.params, e.details) });
        stream.end();
      },
    );
    return reply.type(`${NDJSON}; charset=utf-8`).send(stream as never);
  });
};
