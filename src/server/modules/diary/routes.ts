import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZDiaryParams, ZDiarySubjects, ZDiarySubjectsQuery, ZDiaryWeek, ZDiaryWeekQuery } from '../../../shared/api/diary.js';
import { canSeeDiary } from './policy.js';
import * as service from './service.js';

const tags = ['diary'];

export const diaryRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });

  app.get('/api/schools/:schoolId/diary/:pupilId/week', {
    config: { policy: canSeeDiary },
    schema: { tags, summary: "A pupil's diary week: lessons, topics, homework, marks, absences", params: ZDiaryParams, querystring: ZDiaryWeekQuery, response: { 200: ZDiaryWeek } },
  }, async (req, reply) => {
    const json = await service.diaryWeekJson(app.db, ctx(req), req.principal!, req.params.pupilId, req.query.date);
    return reply.type('application/json; charset=utf-8').send(json as never);
  });

  app.get('/api/schools/:schoolId/diary/:pupilId/subjects', {
    config: { policy: canSeeDiary },
    schema: { tags, summary: "A pupil's marks of a semester by subject", params: ZDiaryParams, querystring: ZDiarySubjectsQuery, response: { 200: ZDiarySubjects } },
  }, async (req, reply) => {
    const json = await service.diarySubjectsJson(app.db, ctx(req), req.principal!, req.params.pupilId, req.query.semester);
    return reply.type('application/json; charset=utf-8').send(json as never);
  });
};
