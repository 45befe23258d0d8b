import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCityParams, ZCitySchools, ZSchool, ZSchoolParams } from '../../../shared/api/schools.js';
import { canSeeCity, canSeeSchool } from './policy.js';
import * as service from './service.js';

const tags = ['schools'];

export const schoolsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/schools/:schoolId', {
    config: { policy: canSeeSchool },
    schema: { tags, summary: 'A school with its current year and semesters', params: ZSchoolParams, response: { 200: ZSchool } },
  }, async (req) => service.getSchool(app.db, { schoolId: req.params.schoolId, userId: req.principal!.userId }));

  app.get('/api/cities/:cityId/schools', {
    config: { policy: canSeeCity },
    schema: { tags, summary: 'The schools of a city with aggregate counts (no personal data)', params: ZCityParams, response: { 200: ZCitySchools } },
  }, async (req) => service.getCitySchools(app.db, req.params.cityId));
};
