import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAbsenceReasonBody, ZAttendanceSummary, ZClassbookParams, ZPeriodQuery, ZSummarySheet } from '../../../shared/api/classbook.js';
import { ZOk } from '../../../shared/api/auth.js';
import { schoolRoles } from '../../http/access.js';
import * as service from './classbook.service.js';

const tags = ['class teacher'];
// the class itself is checked by the service: leadership, or the class teacher of this class
const canUseClassbook = schoolRoles('head', 'controller', 'admin', 'class_teacher');

export const classbookRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });

  app.get('/api/schools/:schoolId/classes/:classId/attendance', {
    config: { policy: canUseClassbook },
    schema: { tags, summary: 'Attendance summary of a class: lessons and days missed per pupil, by reason', params: ZClassbookParams, querystring: ZPeriodQuery, response: { 200: ZAttendanceSummary } },
  }, async (req) => service.attendanceSummary(app.db, ctx(req), req.principal!, req.params.classId, req.query));

  app.put('/api/schools/:schoolId/classes/:classId/absence-reasons', {
    config: { policy: canUseClassbook },
    schema: { tags, summary: 'Record why a pupil missed a day (null clears)', params: ZClassbookParams, body: ZAbsenceReasonBody, response: { 200: ZOk } },
  }, async (req) => {
    await service.setAbsenceReason(app.db, ctx(req), req.principal!, req.params.classId, req.body);
    return { ok: true as const };
  });

  app.get('/api/schools/:schoolId/classes/:classId/summary-sheet', {
    config: { policy: canUseClassbook },
    schema: { tags, summary: 'Зведена відомість: semester and annual marks of every subject', params: ZClassbookParams, response: { 200: ZSummarySheet } },
  }, async (req) => service.summarySheet(app.db, ctx(req), req.principal!, req.params.classId));
};
