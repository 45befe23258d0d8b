import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZConfirmTentativeBody,
  ZEntriesBody,
  ZEntriesResult,
  ZHistory,
  ZHistoryQuery,
  ZJournalPage,
  ZLesson,
  ZLessonCreate,
  ZLessonParams,
  ZLessonPatch,
  ZPageParams,
  ZPageQuery,
  ZParallelHomeworkBody,
  ZParallelHomeworkResult,
  ZParallelLessons,
  ZSubstituteBody,
} from '../../../shared/api/journal.js';
import { ZPageList, ZPagesQuery } from '../../../shared/api/pages.js';
import { ZSchoolParams } from '../../../shared/api/schools.js';
import { schoolRoles } from '../../http/access.js';
import { requestLang } from '../../http/errors.js';
import * as entries from './entries.service.js';
import * as lessons from './lessons.service.js';
import * as page from './page.service.js';
import * as pages from './pages.service.js';
import * as parallels from './parallels.service.js';
import { canListPages } from './policy.js';

const tags = ['journal'];
const canWriteJournal = schoolRoles('teacher');

export const journalRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });
  const lateEditDays = app.config.LATE_EDIT_DAYS;

  app.get('/api/schools/:schoolId/journal/pages', {
    config: { policy: canListPages },
    schema: { tags, summary: 'Journal pages the person may open', params: ZSchoolParams, querystring: ZPagesQuery, response: { 200: ZPageList } },
  }, async (req) => ({ pages: await pages.listPages(app.db, ctx(req), req.principal!, req.query) }));

  app.get('/api/schools/:schoolId/journal/pages/:pageId', {
    config: { policy: canListPages },
    schema: { tags, summary: 'One semester of a journal page: pupils, lessons, summary columns, cells', params: ZPageParams, querystring: ZPageQuery, response: { 200: ZJournalPage } },
  }, async (req, reply) => {
    const json = await page.getPageJson(app.db, ctx(req), req.principal!, {
      pageId: req.params.pageId,
      semester: req.query.semester,
      lang: requestLang(req),
      lateEditDays,
    });
    // pre-serialised JSON built in SQL: sent as is (fastify does not re-serialise buffers)
    return reply.type('application/json; charset=utf-8').send(json as never);
  });

  app.put('/api/schools/:schoolId/journal/pages/:pageId/entries', {
    config: { policy: canWriteJournal },
    schema: {
      tags,
      summary: 'Save marks, attendance and summary marks of a page in bulk (all or nothing; 409 on a stale version)',
      params: ZPageParams,
      body: ZEntriesBody,
      response: { 200: ZEntriesResult },
    },
  }, async (req) =>
    entries.saveEntries(app.db, ctx(req), req.principal!, { pageId: req.params.pageId, ...req.body, lang: requestLang(req), lateEditDays }));

  app.post('/api/schools/:schoolId/journal/pages/:pageId/tentative/confirm', {
    config: { policy: canWriteJournal },
    schema: {
      tags,
      summary: 'Confirm pencil (tentative) marks: the cells named, every one of a lesson, or every one of the page; all or nothing',
      params: ZPageParams,
      body: ZConfirmTentativeBody,
      response: { 200: ZEntriesResult },
    },
  }, async (req) =>
    entries.confirmTentative(app.db, ctx(req), req.principal!, { pageId: req.params.pageId, ...req.body, lang: requestLang(req), lateEditDays }));

  app.get('/api/schools/:schoolId/journal/pages/:pageId/lessons/:lessonId/parallels', {
    config: { policy: canWriteJournal },
    schema: { tags, summary: 'Lessons of the same subject and day in parallel classes the teacher teaches', params: ZLessonParams, response: { 200: ZParallelLessons } },
  }, async (req) => ({
    lessons: await parallels.listParallels(app.db, ctx(req), req.principal!, { pageId: req.params.pageId, lessonId: req.params.lessonId, lang: requestLang(req) }),
  }));

  app.put('/api/schools/:schoolId/journal/pages/:pageId/lessons/:lessonId/parallel-homework', {
    config: { policy: canWriteJournal },
    schema: {
      tags,
      summary: 'Set the same homework for lessons of parallel classes in one transaction (all or nothing)',
      params: ZLessonParams,
      body: ZParallelHomeworkBody,
      response: { 200: ZParallelHomeworkResult },
    },
  }, async (req) => ({
    lessons: await parallels.setParallelHomework(app.db, ctx(req), req.principal!, {
      pageId: req.params.pageId,
      lessonId: req.params.lessonId,
      ...req.body,
      lang: requestLang(req),
      lateEditDays,
    }),
  }));

  app.patch('/api/schools/:schoolId/journal/pages/:pageId/lessons/:lessonId', {
    config: { policy: canWriteJournal },
    schema: { tags, summary: 'Change a lesson: topic, homework, remote, attendance taken, date, period, cancelled', params: ZLessonParams, body: ZLessonPatch, response: { 200: ZLesson } },
  }, async (req) =>
    lessons.patchLesson(app.db, ctx(req), req.principal!, { pageId: req.params.pageId, lessonId: req.params.lessonId, patch: req.body, lang: requestLang(req), lateEditDays }));

  app.post('/api/schools/:schoolId/journal/pages/:pageId/lessons', {
    config: { policy: canWriteJournal },
    schema: { tags, summary: 'Add an extra lesson to a page', params: ZPageParams, body: ZLessonCreate, response: { 200: ZLesson } },
  }, async (req) => lessons.addLesson(app.db, ctx(req), req.principal!, { pageId: req.params.pageId, lesson: req.body, lang: requestLang(req) }));

  app.put('/api/schools/:schoolId/journal/pages/:pageId/lessons/:lessonId/substitute', {
    config: { policy: schoolRoles('head', 'admin') },
    schema: { tags, summary: 'Name the teacher who substitutes a lesson (null to clear)', params: ZLessonParams, body: ZSubstituteBody, response: { 200: ZLesson } },
  }, async (req) => lessons.setSubstitute(app.db, ctx(req), { pageId: req.params.pageId, lessonId: req.params.lessonId, teacherId: req.body.teacherId }));

  app.get('/api/schools/:schoolId/journal/pages/:pageId/history', {
    config: { policy: canListPages },
    schema: { tags, summary: 'Change history of a page, a lesson or a cell', params: ZPageParams, querystring: ZHistoryQuery, response: { 200: ZHistory } },
  }, async (req) => ({ changes: await lessons.pageHistory(app.db, ctx(req), req.principal!, req.params.pageId, req.query) }));
};
