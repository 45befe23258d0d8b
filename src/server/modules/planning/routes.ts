import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZCopyFrom,
  ZCopyOptions,
  ZCopyResult,
  ZCopyTo,
  ZPlan,
  ZPlanImport,
  ZPlanImportPreview,
  ZPlanParams,
  ZPlanSave,
} from '../../../shared/api/planning.js';
import { requestLang } from '../../http/errors.js';
import * as copy from './copy.service.js';
import * as imports from './import.service.js';
import { canCopyPlans, canEditPlans, canReadPlans } from './policy.js';
import * as plans from './service.js';

const tags = ['planning'];
const base = '/api/schools/:schoolId/journal/pages/:pageId/plans/:semester';

/** Calendar-thematic plans (КТП) of journal pages: read, save, import from a file, copy. */
export const planningRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });
  const target = (req: { params: { pageId: number; semester: number } }) => ({ pageId: req.params.pageId, semester: req.params.semester });

  app.get(base, {
    config: { policy: canReadPlans },
    schema: { tags, summary: 'The plan of a page for a semester, its mapping onto lessons and where it disagrees with the calendar', params: ZPlanParams, response: { 200: ZPlan } },
  }, async (req) => plans.getPlan(app.db, ctx(req), req.principal!, { ...target(req), lang: requestLang(req) }));

  app.put(base, {
    config: { policy: canEditPlans },
    schema: {
      tags,
      summary: 'Save the plan (units and items): all or nothing, 409 on a stale version; topics of lessons follow',
      params: ZPlanParams,
      body: ZPlanSave,
      response: { 200: ZPlan },
    },
  }, async (req) => plans.savePlan(app.db, ctx(req), req.principal!, { ...target(req), body: req.body, lang: requestLang(req) }));

  app.post(`${base}/import`, {
    config: { policy: canEditPlans },
    bodyLimit: 12 * 1024 * 1024,
    schema: {
      tags,
      summary: 'Import a plan from CSV or XLSX (base64): a preview with every row\'s problems; with confirm, written only when clean',
      params: ZPlanParams,
      body: ZPlanImport,
      response: { 200: ZPlanImportPreview },
    },
  }, async (req) =>
    imports.importPlan(app.db, ctx(req), req.principal!, {
      ...target(req),
      fileName: req.body.fileName,
      content: Buffer.from(req.body.contentBase64, 'base64'),
      confirm: req.body.confirm,
      version: req.body.version,
      lang: requestLang(req),
    }));

  app.get(`${base}/copy`, {
    config: { policy: canCopyPlans },
    schema: { tags, summary: 'Parallel pages the plan may be copied to, and last year\'s plans it may take', params: ZPlanParams, response: { 200: ZCopyOptions } },
  }, async (req) => copy.copyOptions(app.db, ctx(req), req.principal!, { ...target(req), lang: requestLang(req) }));

  app.post(`${base}/copy-to`, {
    config: { policy: canCopyPlans },
    schema: { tags, summary: 'Copy the plan to parallel classes\' pages of the same subject', params: ZPlanParams, body: ZCopyTo, response: { 200: ZCopyResult } },
  }, async (req) => copy.copyTo(app.db, ctx(req), req.principal!, { ...target(req), ...req.body, lang: requestLang(req) }));

  app.post(`${base}/copy-from`, {
    config: { policy: canCopyPlans },
    schema: { tags, summary: 'Take the plan of the same semester from last year\'s page of the same subject and grade', params: ZPlanParams, body: ZCopyFrom, response: { 200: ZPlan } },
  }, async (req) => copy.copyFrom(app.db, ctx(req), req.principal!, { ...target(req), ...req.body, lang: requestLang(req) }));
};
