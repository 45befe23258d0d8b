import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCityDelivery, ZCityDeliveryQuery, ZDelivery, ZDeliveryQuery, ZShortfallCsvQuery, ZShortfallQuery, ZShortfalls } from '../../../shared/api/delivery.js';
import { ZCityParams, ZSchoolParams } from '../../../shared/api/schools.js';
import { requestLang } from '../../http/errors.js';
import { canSeeCityDelivery, canSeeDelivery } from './policy.js';
import * as service from './service.js';

const tags = ['delivery'];
const NO_TEACHER = { uk: 'Без вчителя', en: 'No teacher' };

/** Curriculum delivery (виконання навчальних програм): the school's report and not-delivered list, the city's shares. */
export const deliveryRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({ schoolId: req.params.schoolId, userId: req.principal!.userId });
  const base = '/api/schools/:schoolId/delivery';

  app.get(base, {
    config: { policy: canSeeDelivery },
    schema: {
      tags,
      summary: 'Hours by the curriculum and the plan vs hours held in a semester, by page, class, subject or teacher, with test/lab/practical works',
      params: ZSchoolParams,
      querystring: ZDeliveryQuery,
      response: { 200: ZDelivery },
    },
  }, async (req) => service.report(app.db, ctx(req), req.query, NO_TEACHER[requestLang(req)]));

  app.get(`${base}/shortfalls`, {
    config: { policy: canSeeDelivery },
    schema: { tags, summary: 'Pages where the programme was not delivered and by how many hours, the largest shortfall first', params: ZSchoolParams, querystring: ZShortfallQuery, response: { 200: ZShortfalls } },
  }, async (req) => service.shortfalls(app.db, ctx(req), req.query));

  app.get(`${base}/shortfalls.csv`, {
    config: { policy: canSeeDelivery },
    schema: { tags, summary: 'The not-delivered list as CSV', params: ZSchoolParams, querystring: ZShortfallCsvQuery, response: { 200: z.any() } },
  }, async (req, reply) => {
    const s = await service.shortfalls(app.db, ctx(req), req.query);
    const name = `delivery-${s.semester.yearName.replace(/\//g, '-')}-s${s.semester.number}.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(service.shortfallsCsv(s, req.query.lang ?? requestLang(req)));
  });

  app.get('/api/cities/:cityId/delivery', {
    config: { policy: canSeeCityDelivery },
    schema: { tags, summary: "Curriculum delivery shares per school of the city (aggregates only)", params: ZCityParams, querystring: ZCityDeliveryQuery, response: { 200: ZCityDelivery } },
  }, async (req) => service.cityShares(app.db, req.params.cityId, req.query.semester));
};
