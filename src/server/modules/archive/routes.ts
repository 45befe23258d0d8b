import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZArchive,
  ZArchiveFileQuery,
  ZArchiveFiles,
  ZArchiveList,
  ZArchiveParams,
  ZBuildArchiveBody,
  ZSignatureInfo,
  ZSignWithKeyBody,
  ZUploadSignatureBody,
  ZVerifyReport,
} from '../../../shared/api/archive.js';
import { ZSchoolParams } from '../../../shared/api/schools.js';
import { withSchool } from '../../db/tenancy.js';
import { AppError, requestLang } from '../../http/errors.js';
import { registerJobHandler } from '../../jobs/worker.js';
import { buildArchive } from './build/build.js';
import { canBuildArchive, canSeeArchives, canSignArchive } from './policy.js';
import * as repo from './repo.js';
import { retentionRoutes } from './retention/retention.routes.js';
import * as service from './service.js';
import { trustRoutes } from './trust/trust.routes.js';

const tags = ['archive'];
const MAX_UPLOAD = 512 * 1024 * 1024;

/** The archives of closed years: build in the background, list, download, sign, verify. */
export const archiveRoutes: FastifyPluginAsyncZod = async (app) => {
  const cfg: service.ArchiveConfig = {
    archiveDir: app.config.ARCHIVE_DIR,
    retention: { journalYears: app.config.ARCHIVE_RETENTION_JOURNAL_YEARS, summaryYears: app.config.ARCHIVE_RETENTION_SUMMARY_YEARS },
    trustedCaDir: app.config.TRUSTED_CA_DIR,
    attachmentsDir: app.config.ATTACHMENTS_DIR,
  };
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });

  registerJobHandler(service.ARCHIVE_JOB, async (job) => {
    const p = job.job.payload as { schoolId: number; archiveId: number; userId: number };
    const tenant = { schoolId: p.schoolId, userId: p.userId };
    try {
      return await buildArchive(job.db, tenant, p.archiveId, { ...cfg, progress: job.progress });
    } catch (err) {
      if (job.job.attempts >= job.job.maxAttempts) {
        await withSchool(job.db, tenant, (c) => repo.failArchive(c, p.schoolId, p.archiveId, err instanceof Error ? err.message : String(err)));
      }
      throw err;
    }
  });

  // an archive to verify arrives as the .zip itself
  app.addContentTypeParser(['application/zip', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_UPLOAD }, (_req, body, done) => done(null, body));

  app.get('/api/schools/:schoolId/archives', {
    config: { policy: canSeeArchives },
    schema: { tags, summary: 'Years and their archives with build progress, retention and signatures', params: ZSchoolParams, response: { 200: ZArchiveList } },
  }, async (req) => service.listArchives(app.db, ctx(req)));

  app.post('/api/schools/:schoolId/archives', {
    config: { policy: canBuildArchive },
    schema: { tags, summary: 'Build the archive of a closed year in the background (resumes a failed one)', params: ZSchoolParams, body: ZBuildArchiveBody, response: { 200: ZArchive } },
  }, async (req) => service.startBuild(app.db, ctx(req), req.body.yearId));

  app.get('/api/schools/:schoolId/archives/:archiveId', {
    config: { policy: canSeeArchives },
    schema: { tags, summary: 'One archive with its build progress and signatures', params: ZArchiveParams, response: { 200: ZArchive } },
  }, async (req) => service.getArchive(app.db, ctx(req), req.params.archiveId));

  app.get('/api/schools/:schoolId/archives/:archiveId/files', {
    config: { policy: canSeeArchives },
    schema: { tags, summary: 'Files of an archive with SHA-256 and retention', params: ZArchiveParams, response: { 200: ZArchiveFiles } },
  }, async (req) => ({ files: await service.listFiles(app.db, ctx(req), req.params.archiveId) }));

  app.get('/api/schools/:schoolId/archives/:archiveId/file', {
    config: { policy: canSeeArchives },
    schema: { tags, summary: 'One archived file as stored (PDF, JSON, CSV, history, manifest, signature)', params: ZArchiveParams, querystring: ZArchiveFileQuery },
  }, async (req, reply) => {
    const f = await service.readFile(app.db, ctx(req), cfg, req.params.archiveId, req.query.path);
    const name = req.query.path.split('/').pop()!;
    return reply.type(f.type).header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`).send(f.body);
  });

  app.get('/api/schools/:schoolId/archives/:archiveId/download', {
    config: { policy: canSeeArchives },
    schema: { tags, summary: 'The whole archive as a .zip', params: ZArchiveParams },
  }, async (req, reply) => {
    const z = await service.download(app.db, ctx(req), cfg, req.params.archiveId);
    return reply.type('application/zip').header('content-disposition', `attachment; filename="${z.name}"`).send(z.stream);
  });

  app.post('/api/schools/:schoolId/archives/:archiveId/sign', {
    config: { policy: canSignArchive },
    schema: { tags, summary: 'Sign the manifest with a PKCS#12 key (ECDSA or RSA); the password is not stored', params: ZArchiveParams, body: ZSignWithKeyBody, response: { 200: ZSignatureInfo } },
  }, async (req) => service.signWithKey(app.db, ctx(req), cfg, req.params.archiveId, Buffer.from(req.body.p12, 'base64'), req.body.password, requestLang(req)));

  app.post('/api/schools/:schoolId/archives/:archiveId/signatures', {
    config: { policy: canSignArchive },
    schema: { tags, summary: 'Upload a detached .p7s made by a qualified signature tool; checked against the manifest', params: ZArchiveParams, body: ZUploadSignatureBody, response: { 200: ZSignatureInfo } },
  }, async (req) => service.uploadSignature(app.db, ctx(req), cfg, req.params.archiveId, Buffer.from(req.body.p7s, 'base64'), requestLang(req)));

  app.post('/api/schools/:schoolId/archives/:archiveId/verify', {
    config: { policy: canSeeArchives },
    schema: { tags, summary: 'Verify a stored archive: hashes, history chains, signatures', params: ZArchiveParams, response: { 200: ZVerifyReport } },
  }, async (req) => service.verifyStored(app.db, ctx(req), cfg, req.params.archiveId, requestLang(req)));

  app.post('/api/schools/:schoolId/archives/verify', {
    config: { policy: canSeeArchives },
    bodyLimit: MAX_UPLOAD,
    schema: {
      tags,
      summary: 'Verify an archive uploaded as a .zip (body: application/zip)',
      params: ZSchoolParams,
      body: z.any().describe('the .zip of an archive'),
      response: { 200: ZVerifyReport },
    },
  }, async (req) => {
    if (!Buffer.isBuffer(req.body)) throw new AppError('validation');
    return service.verifyUpload(app.db, ctx(req), cfg, req.body, requestLang(req));
  });

  await app.register(retentionRoutes);
  await app.register(trustRoutes);
};
