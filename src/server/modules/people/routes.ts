import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZClassList, ZClassParams, ZClassPupils, ZPupilCard, ZPupilParams, ZSchoolOverview } from '../../../shared/api/people.js';
import { ZSchoolParams } from '../../../shared/api/schools.js';
import { canListClasses, canSeeClassPupils, canSeeOverview, canSeePupil } from './policy.js';
import * as service from './service.js';

const tags = ['people'];

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });

  app.get('/api/schools/:schoolId/overview', {
    config: { policy: canSeeOverview },
    schema: { tags, summary: 'School figures for the head, controller and administrator', params: ZSchoolParams, response: { 200: ZSchoolOverview } },
  }, async (req) => service.overview(app.db, ctx(req)));

  app.get('/api/schools/:schoolId/classes', {
    config: { policy: canListClasses },
    schema: { tags, summary: 'Classes of the current year', params: ZSchoolParams, response: { 200: ZClassList } },
  }, async (req) => ({ classes: await service.listClasses(app.db, ctx(req)) }));

  app.get('/api/schools/:schoolId/classes/:classId/pupils', {
    config: { policy: canSeeClassPupils },
    schema: { tags, summary: 'A class and its pupils (Ukrainian alphabetical order)', params: ZClassParams, response: { 200: ZClassPupils } },
  }, async (req) => service.classPupils(app.db, ctx(req), req.principal!, req.params.classId));

  app.get('/api/schools/:schoolId/pupils/:pupilId', {
    config: { policy: canSeePupil },
    schema: { tags, summary: "A pupil's card with guardians", params: ZPupilParams, response: { 200: ZPupilCard } },
  }, async (req) => service.pupilCard(app.db, ctx(req), req.params.pupilId));
};
