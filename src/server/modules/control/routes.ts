import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAnalysis,
  ZFillSettings,
  ZFillSettingsBody,
  ZGaps,
  ZGapsQuery,
  ZLateChanges,
  ZLateChangesQuery,
  ZPeriodQuery,
  ZQualityFlags,
  ZQualityQuery,
  ZReportList,
  ZReviewBody,
  ZReviewResult,
  ZTrend,
  ZTrendQuery,
  ZWeeklyReport,
  ZWeekParams,
} from '../../../shared/api/control.js';
import { ZCityParams, ZSchoolParams } from '../../../shared/api/schools.js';
import * as analysis from './analysis.service.js';
import { canAnalyse, canManageCityFill, canReviewLateChanges } from './policy.js';
import { remarkRoutes } from './remarks.routes.js';
import * as reports from './report.service.js';
import { getCityFillSettings, putCityFillSettings } from './settings.js';

const tags = ['control'];

/** Fill analysis, drill-downs, quality flags, late corrections, weekly reports, remarks; the city's fill settings. */
export const controlRoutes: FastifyPluginAsyncZod = async (app) => {
  reports.registerWeeklyReportJobs();
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });
  const base = '/api/schools/:schoolId/analysis';

  app.get(base, {
    config: { policy: canAnalyse },
    schema: { tags, summary: 'Fill level of a period (default: last full week) by teacher, class, subject and page', params: ZSchoolParams, querystring: ZPeriodQuery, response: { 200: ZAnalysis } },
  }, async (req) => analysis.analysis(app.db, ctx(req), req.query));

  app.get(`${base}/gaps`, {
    config: { policy: canAnalyse },
    schema: { tags, summary: 'The exact missing entries behind the fill figures, with links to the journal cells', params: ZSchoolParams, querystring: ZGapsQuery, response: { 200: ZGaps } },
  }, async (req) => analysis.gaps(app.db, ctx(req), req.query));

  app.get(`${base}/quality`, {
    config: { policy: canAnalyse },
    schema: { tags, summary: 'Data-quality flags of a period', params: ZSchoolParams, querystring: ZQualityQuery, response: { 200: ZQualityFlags } },
  }, async (req) => analysis.qualityFlags(app.db, ctx(req), req.query));

  app.get(`${base}/trend`, {
    config: { policy: canAnalyse },
    schema: { tags, summary: 'The fill level week by week over the semester', params: ZSchoolParams, querystring: ZTrendQuery, response: { 200: ZTrend } },
  }, async (req) => reports.trend(app.db, ctx(req), req.query.date));

  app.get(`${base}/late-changes`, {
    config: { policy: canAnalyse },
    schema: { tags, summary: 'Late corrections awaiting review (or reviewed)', params: ZSchoolParams, querystring: ZLateChangesQuery, response: { 200: ZLateChanges } },
  }, async (req) => analysis.lateChanges(app.db, ctx(req), req.query));

  app.post(`${base}/late-changes/review`, {
    config: { policy: canReviewLateChanges },
    schema: { tags, summary: 'The head marks late corrections reviewed', params: ZSchoolParams, body: ZReviewBody, response: { 200: ZReviewResult } },
  }, async (req) => analysis.reviewLateChanges(app.db, ctx(req), req.body.ids));

  app.get(`${base}/reports`, {
    config: { policy: canAnalyse },
    schema: { tags, summary: 'Weekly reports prepared every Monday', params: ZSchoolParams, response: { 200: ZReportList } },
  }, async (req) => reports.listReports(app.db, ctx(req)));

  app.get(`${base}/reports/:week`, {
    config: { policy: canAnalyse },
    schema: { tags, summary: 'One weekly report', params: ZWeekParams, response: { 200: ZWeeklyReport } },
  }, async (req) => reports.getReport(app.db, ctx(req), req.params.week));

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(`${base}/reports/:week/${format}`, {
      config: { policy: canAnalyse },
      schema: { tags, summary: `One weekly report as ${format.toUpperCase()}`, params: ZWeekParams, response: { 200: z.any() } },
    }, async (req, reply) => {
      const file = await reports.reportFile(app.db, ctx(req), req.params.week, format);
      return reply.type(file.type).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
    });
  }

  app.get('/api/cities/:cityId/fill-settings', {
    config: { policy: canManageCityFill },
    schema: { tags, summary: "The city's fill-level weights and N", params: ZCityParams, response: { 200: ZFillSettings } },
  }, async (req) => getCityFillSettings(app.db, req.params.cityId));

  app.put('/api/cities/:cityId/fill-settings', {
    config: { policy: canManageCityFill },
    schema: { tags, summary: "Change the city's fill-level weights and N", params: ZCityParams, body: ZFillSettingsBody, response: { 200: ZFillSettings } },
  }, async (req) => putCityFillSettings(app.db, req.params.cityId, req.body));

  await app.register(remarkRoutes);
};
