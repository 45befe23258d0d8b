import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZMonitoring, ZMonitoringParams, ZMonitoringQuery } from '../../../shared/api/monitoring.js';
import { canSeeCity } from '../schools/policy.js';
import { monitoringPdf, monitoringXlsx } from './export.js';
import * as service from './service.js';

const tags = ['monitoring'];

export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = '/api/cities/:cityId/monitoring';
  service.registerPrepareJob();

  app.get(base, {
    config: { policy: canSeeCity },
    schema: {
      tags,
      summary: "The city's quarterly monitoring (calendar quarters): every school's shares, aggregates only",
      params: ZMonitoringParams,
      querystring: ZMonitoringQuery,
      response: { 200: ZMonitoring },
    },
  }, async (req) => service.monitoring(app.db, req.params.cityId, req.query.quarter));

  app.get(`${base}/report.pdf`, {
    config: { policy: canSeeCity },
    schema: { tags, summary: 'The quarterly monitoring report as PDF', params: ZMonitoringParams, querystring: ZMonitoringQuery, response: { 200: z.any() } },
  }, async (req, reply) => {
    const m = await service.monitoring(app.db, req.params.cityId, req.query.quarter);
    reply.type('application/pdf').header('content-disposition', `attachment; filename="monitoring-${m.quarter}.pdf"`);
    return monitoringPdf(m);
  });

  app.get(`${base}/report.xlsx`, {
    config: { policy: canSeeCity },
    schema: { tags, summary: 'The quarterly monitoring as XLSX', params: ZMonitoringParams, querystring: ZMonitoringQuery, response: { 200: z.any() } },
  }, async (req, reply) => {
    const m = await service.monitoring(app.db, req.params.cityId, req.query.quarter);
    reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="monitoring-${m.quarter}.xlsx"`);
    return monitoringXlsx(m);
  });
};
