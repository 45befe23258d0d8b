import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZRemark,
  ZRemarkActionBody,
  ZRemarkActionParams,
  ZRemarkCreate,
  ZRemarkHistory,
  ZRemarkParams,
  ZRemarks,
  ZRemarksByTeacher,
  ZRemarksQuery,
} from '../../../shared/api/control.js';
import { ZSchoolParams } from '../../../shared/api/schools.js';
import { canActOnRemarks, canReadRemarks, canSeeRemarkCounts, canWriteRemarks } from './policy.js';
import * as remarks from './remarks.service.js';

const tags = ['control'];

/** The controller's remarks on journal pages and the teacher's answers. */
export const remarkRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });
  const base = '/api/schools/:schoolId/remarks';

  app.get(base, {
    config: { policy: canReadRemarks },
    schema: { tags, summary: 'Remarks: all of the school for its leadership, own pages for a teacher', params: ZSchoolParams, querystring: ZRemarksQuery, response: { 200: ZRemarks } },
  }, async (req) => remarks.listRemarks(app.db, ctx(req), req.principal!, req.query));

  app.post(base, {
    config: { policy: canWriteRemarks },
    schema: { tags, summary: 'Record a check of a journal page: date, remarks, deadline', params: ZSchoolParams, body: ZRemarkCreate, response: { 200: ZRemark } },
  }, async (req) => remarks.createRemark(app.db, ctx(req), req.principal!, req.body));

  app.get(`${base}/by-teacher`, {
    config: { policy: canSeeRemarkCounts },
    schema: { tags, summary: 'Open, overdue and fixed remarks per teacher', params: ZSchoolParams, response: { 200: ZRemarksByTeacher } },
  }, async (req) => remarks.remarksByTeacher(app.db, ctx(req)));

  app.get(`${base}/:remarkId/history`, {
    config: { policy: canReadRemarks },
    schema: { tags, summary: "A remark's status changes", params: ZRemarkParams, response: { 200: ZRemarkHistory } },
  }, async (req) => remarks.remarkHistory(app.db, ctx(req), req.principal!, req.params.remarkId));

  app.post(`${base}/:remarkId/:action`, {
    config: { policy: canActOnRemarks },
    schema: {
      tags,
      summary: 'Acknowledge or mark fixed (the page’s teacher); close or reopen (controller, head)',
      params: ZRemarkActionParams,
      body: ZRemarkActionBody,
      response: { 200: ZRemark },
    },
  }, async (req) => remarks.actOnRemark(app.db, ctx(req), req.principal!, { remarkId: req.params.remarkId, action: req.params.action, ...req.body }));
};
