import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZCloseYearBody,
  ZCompleteness,
  ZPromotionBody,
  ZPromotionPreview,
  ZPromotionResult,
  ZReopenYearBody,
  ZSchoolYear,
  ZSchoolYears,
  ZYearParams,
} from '../../../shared/api/archive.js';
import { ZSchoolParams } from '../../../shared/api/schools.js';
import { canCloseYear, canPromote, canSeeYearEnd } from './policy.js';
import * as promotion from './promotion.service.js';
import * as service from './service.js';

const tags = ['year end'];

/** Closing and reopening a school year, its completeness check, promotion to the next year. */
export const yearendRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });

  app.get('/api/schools/:schoolId/years', {
    config: { policy: canSeeYearEnd },
    schema: { tags, summary: 'School years with their close and reopen history', params: ZSchoolParams, response: { 200: ZSchoolYears } },
  }, async (req) => ({ years: await service.listYears(app.db, ctx(req)) }));

  app.get('/api/schools/:schoolId/years/:yearId/completeness', {
    config: { policy: canSeeYearEnd },
    schema: { tags, summary: 'What is missing before closing: annual marks, lesson topics, open remarks', params: ZYearParams, response: { 200: ZCompleteness } },
  }, async (req) => service.completeness(app.db, ctx(req), req.params.yearId));

  app.post('/api/schools/:schoolId/years/:yearId/close', {
    config: { policy: canCloseYear },
    schema: { tags, summary: 'Close the year (a reason is required while anything is missing); it becomes read-only', params: ZYearParams, body: ZCloseYearBody, response: { 200: ZSchoolYear } },
  }, async (req) => service.closeYear(app.db, ctx(req), req.params.yearId, req.body.reason));

  app.post('/api/schools/:schoolId/years/:yearId/reopen', {
    config: { policy: canCloseYear },
    schema: { tags, summary: 'Reopen a closed year for corrections (recorded with the reason)', params: ZYearParams, body: ZReopenYearBody, response: { 200: ZSchoolYear } },
  }, async (req) => service.reopenYear(app.db, ctx(req), req.params.yearId, req.body.reason));

  app.get('/api/schools/:schoolId/years/:yearId/promotion', {
    config: { policy: canPromote },
    schema: { tags, summary: 'Promotion preview: every pupil at the year’s end and where they go', params: ZYearParams, response: { 200: ZPromotionPreview } },
  }, async (req) => promotion.previewPromotion(app.db, ctx(req), req.params.yearId));

  app.post('/api/schools/:schoolId/years/:yearId/promotion', {
    config: { policy: canPromote },
    schema: { tags, summary: 'Apply the promotion with exceptions (repeat, leave, graduate): makes the next year and its classes', params: ZYearParams, body: ZPromotionBody, response: { 200: ZPromotionResult } },
  }, async (req) => promotion.applyPromotion(app.db, ctx(req), req.params.yearId, req.body));
};
