import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZEntryChange,
  ZEntryEndQuery,
  ZEntryInput,
  ZEntryParams,
  ZEntryPatch,
  ZOffScheduleList,
  ZOffScheduleQuery,
  ZTimetable,
  ZTimetableParams,
  ZTimetableQuery,
} from '../../../shared/api/timetable.js';
import { requestLang } from '../../http/errors.js';
import { canEditTimetable, canReadTimetable } from './policy.js';
import * as service from './service.js';

const tags = ['timetable'];

export const timetableRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });

  app.get('/api/schools/:schoolId/timetable', {
    config: { policy: canReadTimetable },
    schema: {
      tags,
      summary: 'The timetable in force on a date (today by default): the whole school, or one class, teacher or room',
      params: ZTimetableParams,
      querystring: ZTimetableQuery,
      response: { 200: ZTimetable },
    },
  }, async (req) => service.getTimetable(app.db, ctx(req), req.query));

  app.post('/api/schools/:schoolId/timetable/entries', {
    config: { policy: canEditTimetable },
    schema: {
      tags,
      summary: 'Place a page in a weekday and period from a date on (409 on a teacher, room or class clash); regenerates its future empty lessons',
      params: ZTimetableParams,
      body: ZEntryInput,
      response: { 200: ZEntryChange },
    },
  }, async (req) => service.createEntry(app.db, ctx(req), req.body, requestLang(req)));

  app.patch('/api/schools/:schoolId/timetable/entries/:entryId', {
    config: { policy: canEditTimetable },
    schema: {
      tags,
      summary: 'Move a timetable lesson (weekday, period, room, week parity) from a date on; the past is kept',
      params: ZEntryParams,
      body: ZEntryPatch,
      response: { 200: ZEntryChange },
    },
  }, async (req) => service.changeEntry(app.db, ctx(req), req.params.entryId, req.body, requestLang(req)));

  app.delete('/api/schools/:schoolId/timetable/entries/:entryId', {
    config: { policy: canEditTimetable },
    schema: {
      tags,
      summary: 'Take a lesson out of the timetable from a date on; future empty lessons go, lessons with entries stay flagged',
      params: ZEntryParams,
      querystring: ZEntryEndQuery,
      response: { 200: ZEntryChange },
    },
  }, async (req) => service.endEntry(app.db, ctx(req), req.params.entryId, req.query.from));

  app.get('/api/schools/:schoolId/timetable/off-schedule', {
    config: { policy: canReadTimetable },
    schema: {
      tags,
      summary: 'Lessons with entries that the timetable or calendar no longer has (a teacher: their own)',
      params: ZTimetableParams,
      querystring: ZOffScheduleQuery,
      response: { 200: ZOffScheduleList },
    },
  }, async (req) => ({ lessons: await service.offSchedule(app.db, ctx(req), req.principal!, req.query.mine === 'true') }));
};
