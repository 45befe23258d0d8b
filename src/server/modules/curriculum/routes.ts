import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZClassGroups,
  ZCurriculumParams,
  ZGroupClassParams,
  ZGroupInput,
  ZGroupMembers,
  ZGroupParams,
  ZLoadInput,
  ZLoadParams,
  ZLoadPatch,
  ZLoadSettings,
  ZPlan,
  ZPlanInput,
  ZSubjectInput,
  ZSubjectList,
  ZSubjectParams,
  ZTeachingLoad,
} from '../../../shared/api/curriculum.js';
import { requestLang } from '../../http/errors.js';
import * as groups from './groups.service.js';
import * as load from './load.service.js';
import { canEditCurriculum, canReadCurriculum } from './policy.js';
import * as subjects from './subjects.service.js';

const tags = ['curriculum'];
const read = { policy: canReadCurriculum };
const edit = { policy: canEditCurriculum };

export const curriculumRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });
  const base = '/api/schools/:schoolId/curriculum';

  app.get(`${base}/subjects`, {
    config: read,
    schema: { tags, summary: "The school's subjects", params: ZCurriculumParams, response: { 200: ZSubjectList } },
  }, async (req) => ({ subjects: await subjects.listSubjects(app.db, ctx(req)) }));

  app.post(`${base}/subjects`, {
    config: edit,
    schema: { tags, summary: 'Add a subject', params: ZCurriculumParams, body: ZSubjectInput, response: { 200: ZSubjectList } },
  }, async (req) => ({ subjects: await subjects.addSubject(app.db, ctx(req), req.body) }));

  app.put(`${base}/subjects/:subjectId`, {
    config: edit,
    schema: { tags, summary: "Change a subject's name and short name", params: ZSubjectParams, body: ZSubjectInput, response: { 200: ZSubjectList } },
  }, async (req) => ({ subjects: await subjects.renameSubject(app.db, ctx(req), req.params.subjectId, req.body) }));

  app.delete(`${base}/subjects/:subjectId`, {
    config: edit,
    schema: { tags, summary: 'Delete a subject no page or curriculum row uses', params: ZSubjectParams, response: { 200: ZSubjectList } },
  }, async (req) => ({ subjects: await subjects.removeSubject(app.db, ctx(req), req.params.subjectId) }));

  app.get(`${base}/plan`, {
    config: read,
    schema: { tags, summary: 'The curriculum of the current year: weekly hours per grade and subject', params: ZCurriculumParams, response: { 200: ZPlan } },
  }, async (req) => subjects.getPlan(app.db, ctx(req)));

  app.put(`${base}/plan`, {
    config: edit,
    schema: { tags, summary: "Set a grade's weekly hours of a subject (0 removes it)", params: ZCurriculumParams, body: ZPlanInput, response: { 200: ZPlan } },
  }, async (req) => subjects.setPlanRow(app.db, ctx(req), req.body));

  app.get(`${base}/classes/:classId/groups`, {
    config: read,
    schema: { tags, summary: "A class's split groups and their pupils", params: ZGroupClassParams, response: { 200: ZClassGroups } },
  }, async (req) => groups.classGroups(app.db, ctx(req), req.params.classId));

  app.post(`${base}/classes/:classId/groups`, {
    config: edit,
    schema: { tags, summary: 'Add a split group to a class', params: ZGroupClassParams, body: ZGroupInput, response: { 200: ZClassGroups } },
  }, async (req) => groups.addGroup(app.db, ctx(req), req.params.classId, req.body.name));

  app.put(`${base}/groups/:groupId`, {
    config: edit,
    schema: { tags, summary: 'Rename a group', params: ZGroupParams, body: ZGroupInput, response: { 200: ZClassGroups } },
  }, async (req) => groups.renameGroup(app.db, ctx(req), req.params.groupId, req.body.name));

  app.put(`${base}/groups/:groupId/members`, {
    config: edit,
    schema: { tags, summary: "Set a group's pupils (pupils of its class)", params: ZGroupParams, body: ZGroupMembers, response: { 200: ZClassGroups } },
  }, async (req) => groups.setMembers(app.db, ctx(req), req.params.groupId, req.body.pupilIds));

  app.delete(`${base}/groups/:groupId`, {
    config: edit,
    schema: { tags, summary: 'Delete a group without journal pages', params: ZGroupParams, response: { 200: ZClassGroups } },
  }, async (req) => groups.removeGroup(app.db, ctx(req), req.params.groupId));

  app.get(`${base}/load`, {
    config: read,
    schema: { tags, summary: 'Teaching load: pages with teachers and hours, teachers\u2019 totals, warnings', params: ZCurriculumParams, response: { 200: ZTeachingLoad } },
  }, async (req) => load.getLoad(app.db, ctx(req), requestLang(req)));

  app.post(`${base}/load`, {
    config: edit,
    schema: { tags, summary: 'Add a journal page (class or group x subject x teacher x hours)', params: ZCurriculumParams, body: ZLoadInput, response: { 200: ZTeachingLoad } },
  }, async (req) => load.addPage(app.db, ctx(req), req.body, requestLang(req)));

  app.patch(`${base}/load/:pageId`, {
    config: edit,
    schema: { tags, summary: "Change a page's teacher, weekly hours or scale", params: ZLoadParams, body: ZLoadPatch, response: { 200: ZTeachingLoad } },
  }, async (req) => load.changePage(app.db, ctx(req), req.params.pageId, req.body, requestLang(req)));

  app.delete(`${base}/load/:pageId`, {
    config: edit,
    schema: { tags, summary: 'Delete a page nobody has written on', params: ZLoadParams, response: { 200: ZTeachingLoad } },
  }, async (req) => load.removePage(app.db, ctx(req), req.params.pageId, requestLang(req)));

  app.put(`${base}/settings`, {
    config: edit,
    schema: { tags, summary: "Set the teachers' weekly load limit", params: ZCurriculumParams, body: ZLoadSettings, response: { 200: ZTeachingLoad } },
  }, async (req) => load.setMaxTeacherHours(app.db, ctx(req), req.body.maxTeacherHours, requestLang(req)));
};
