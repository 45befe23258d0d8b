import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZInventory,
  ZInventoryInput,
  ZMeasure,
  ZMeasureInput,
  ZMeasureParams,
  ZMeasurePatch,
  ZMySurvey,
  ZReadiness,
  ZReadinessParams,
  ZSurveyInput,
} from '../../../shared/api/readiness.js';
import { canAnswerSurvey, canEditReadiness, canReadReadiness } from './policy.js';
import * as service from './service.js';

const tags = ['readiness'];

export const readinessRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({ schoolId: req.params.schoolId, userId: req.principal!.userId });
  const base = '/api/schools/:schoolId/readiness';

  app.get(base, {
    config: { policy: canReadReadiness },
    schema: { tags, summary: "The school's readiness: plan of measures, equipment and the teachers' survey results", params: ZReadinessParams, response: { 200: ZReadiness } },
  }, async (req) => service.readiness(app.db, ctx(req)));

  app.post(`${base}/measures`, {
    config: { policy: canEditReadiness },
    schema: { tags, summary: 'Add a measure to the plan', params: ZReadinessParams, body: ZMeasureInput, response: { 200: ZMeasure } },
  }, async (req) => service.addMeasure(app.db, ctx(req), req.body));

  app.patch(`${base}/measures/:measureId`, {
    config: { policy: canEditReadiness },
    schema: { tags, summary: 'Change a measure (e.g. its status)', params: ZMeasureParams, body: ZMeasurePatch, response: { 200: ZMeasure } },
  }, async (req) => service.changeMeasure(app.db, ctx(req), req.params.measureId, req.body));

  app.delete(`${base}/measures/:measureId`, {
    config: { policy: canEditReadiness },
    schema: { tags, summary: 'Remove a measure', params: ZMeasureParams, response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (req) => service.removeMeasure(app.db, ctx(req), req.params.measureId));

  app.put(`${base}/inventory`, {
    config: { policy: canEditReadiness },
    schema: { tags, summary: "Set the school's equipment inventory", params: ZReadinessParams, body: ZInventoryInput, response: { 200: ZInventory } },
  }, async (req) => service.setInventory(app.db, ctx(req), req.body));

  app.get(`${base}/survey/mine`, {
    config: { policy: canAnswerSurvey },
    schema: { tags, summary: "The signed-in teacher's own readiness survey of the year", params: ZReadinessParams, response: { 200: ZMySurvey } },
  }, async (req) => service.mySurvey(app.db, ctx(req)));

  app.put(`${base}/survey/mine`, {
    config: { policy: canAnswerSurvey },
    schema: { tags, summary: "Answer (or change) the signed-in teacher's own survey", params: ZReadinessParams, body: ZSurveyInput, response: { 200: ZMySurvey } },
  }, async (req) => service.answerSurvey(app.db, ctx(req), req.body));
};
