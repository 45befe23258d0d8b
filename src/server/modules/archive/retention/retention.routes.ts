import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZActParams, ZApproveActBody, ZApproveActResult, ZRetentionOverview } from '../../../../shared/api/retention.js';
import { ZSchoolParams } from '../../../../shared/api/schools.js';
import { registerJobHandler, registerRecurringJob } from '../../../jobs/worker.js';
import { canApproveDestruction, canSeeArchives } from '../policy.js';
import * as service from './retention.service.js';

const tags = ['archive'];
export const RETENTION_JOB = 'archive.retention-notice';
let recurring = false;

/** The ISO date of the Monday of a moment's week (Kyiv time): one notice per week. */
export function weekKey(now: Date): string {
  const day = new Date(now.toLocaleString('en-US', { timeZone: 'Europe/Kyiv' }));
  day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** Retention of the archives: what has expired, the head's acts of destruction, the weekly notice. */
export const retentionRoutes: FastifyPluginAsyncZod = async (app) => {
  const cfg: service.RetentionConfig = { archiveDir: app.config.ARCHIVE_DIR };
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({ schoolId: req.params.schoolId, userId: req.principal!.userId });

  registerJobHandler(RETENTION_JOB, async (job) => service.notifyExpired(job.db, String(job.job.payload.week ?? weekKey(new Date()))));
  if (!recurring) {
    recurring = true;
    registerRecurringJob({ kind: RETENTION_JOB, key: weekKey, payload: (now) => ({ week: weekKey(now) }) });
  }

  app.get('/api/schools/:schoolId/archive-retention', {
    config: { policy: canSeeArchives },
    schema: { tags, summary: 'Archive files whose retention has ended (as of the journal’s today), and the acts of destruction', params: ZSchoolParams, response: { 200: ZRetentionOverview } },
  }, async (req) => service.retentionOverview(app.db, ctx(req)));

  app.post('/api/schools/:schoolId/archive-retention/acts', {
    config: { policy: canApproveDestruction },
    schema: {
      tags,
      summary: 'Approve an act of destruction of expired files with a reason (head); the files are then deleted, their metadata and the act stay',
      params: ZSchoolParams,
      body: ZApproveActBody,
      response: { 200: ZApproveActResult },
    },
  }, async (req) => service.approveAct(app.db, ctx(req), cfg, req.body));

  app.get('/api/schools/:schoolId/archive-retention/acts/:actId/pdf', {
    config: { policy: canSeeArchives },
    schema: { tags, summary: 'The act of destruction as PDF/A', params: ZActParams },
  }, async (req, reply) => {
    const f = await service.actPdfFile(app.db, ctx(req), cfg, req.params.actId);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${f.name}"`).send(f.body);
  });
};
