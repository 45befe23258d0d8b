import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAdminClass,
  ZAdminClassParams,
  ZAdminPupil,
  ZAdminPupilParams,
  ZArrival,
  ZClassCreate,
  ZClassDetail,
  ZClassPatch,
  ZDeparture,
  ZEnrollments,
  ZGuardian,
  ZGuardianCreate,
  ZGuardianParams,
  ZGuardianPatch,
  ZMovement,
  ZPupilCreate,
  ZPupilGuardianParams,
  ZPupilPatch,
  ZStaffCreate,
  ZStaffCredentials,
  ZStaffHistory,
  ZStaffList,
  ZStaffMember,
  ZStaffParams,
  ZStaffPatch,
  ZStaffRoles,
  ZStaffYearRoles,
  ZTransfer,
} from '../../../shared/api/admin.js';
import { ZSchoolParams } from '../../../shared/api/schools.js';
import { requestLang } from '../../http/errors.js';
import * as classes from './admin.classes.service.js';
import * as movement from './admin.movement.service.js';
import * as staff from './admin.staff.service.js';
import { importRoutes } from './import/routes.js';
import { canManagePeople, canSeeMovement } from './policy.js';

const ZPupilFull = ZAdminPupil.omit({ fromDate: true, toDate: true });
const ZClassList = z.object({
  year: z.object({ id: z.number(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
  classes: z.array(ZAdminClass),
});

/** The administrator's console for people: staff, classes, pupils, guardians, movement, imports. */
export const peopleAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });
  const base = '/api/schools/:schoolId/admin';
  const config = { policy: canManagePeople };
  const tags = ['people admin'];

  // ---------- staff ----------
  app.get(`${base}/staff`, {
    config,
    schema: { tags, summary: 'Staff of the school, active first', params: ZSchoolParams, response: { 200: ZStaffList } },
  }, async (req) => ({ staff: await staff.listStaff(app.db, ctx(req)) }));

  app.post(`${base}/staff`, {
    config,
    schema: { tags, summary: 'A new staff member with an account and a one-time password (shown once)', params: ZSchoolParams, body: ZStaffCreate, response: { 201: ZStaffCredentials } },
  }, async (req, reply) => reply.status(201).send(await staff.createStaff(app.db, ctx(req), req.body, requestLang(req))));

  app.patch(`${base}/staff/:userId`, {
    config,
    schema: { tags, summary: 'Names, e-mail, position', params: ZStaffParams, body: ZStaffPatch, response: { 200: ZStaffMember } },
  }, async (req) => staff.updateStaff(app.db, ctx(req), req.params.userId, req.body));

  app.post(`${base}/staff/:userId/deactivate`, {
    config,
    schema: { tags, summary: 'Deactivate in this school (journals keep their author)', params: ZStaffParams, response: { 200: ZStaffMember } },
  }, async (req) => staff.setActive(app.db, ctx(req), req.params.userId, false));

  app.post(`${base}/staff/:userId/activate`, {
    config,
    schema: { tags, summary: 'Reactivate in this school', params: ZStaffParams, response: { 200: ZStaffMember } },
  }, async (req) => staff.setActive(app.db, ctx(req), req.params.userId, true));

  app.post(`${base}/staff/:userId/reset-password`, {
    config,
    schema: { tags, summary: 'A new one-time password (shown once)', params: ZStaffParams, response: { 200: ZStaffCredentials } },
  }, async (req) => staff.resetPassword(app.db, ctx(req), req.params.userId));

  app.put(`${base}/staff/:userId/roles`, {
    config,
    schema: { tags, summary: "The person's roles in this school for a school year (the current one unless yearId)", params: ZStaffParams, body: ZStaffRoles, response: { 200: ZStaffMember } },
  }, async (req) => staff.setRoles(app.db, ctx(req), req.params.userId, req.body.roles, req.body.yearId));

  app.get(`${base}/staff/:userId/roles`, {
    config,
    schema: { tags, summary: "The person's roles in each school year (closed years read-only)", params: ZStaffParams, response: { 200: ZStaffYearRoles } },
  }, async (req) => staff.yearRoles(app.db, ctx(req), req.params.userId));

  app.get(`${base}/staff/:userId/history`, {
    config,
    schema: { tags, summary: 'Change log of a staff member', params: ZStaffParams, response: { 200: ZStaffHistory } },
  }, async (req) => staff.history(app.db, ctx(req), req.params.userId));

  // ---------- classes, pupils, guardians ----------
  app.get(`${base}/classes`, {
    config,
    schema: { tags, summary: 'Classes of the open school year', params: ZSchoolParams, response: { 200: ZClassList } },
  }, async (req) => classes.listClasses(app.db, ctx(req)));

  app.post(`${base}/classes`, {
    config,
    schema: { tags, summary: 'A class of the open school year', params: ZSchoolParams, body: ZClassCreate, response: { 201: ZAdminClass } },
  }, async (req, reply) => reply.status(201).send(await classes.createClass(app.db, ctx(req), req.body, requestLang(req))));

  app.patch(`${base}/classes/:classId`, {
    config,
    schema: { tags, summary: "The class's class teacher", params: ZAdminClassParams, body: ZClassPatch, response: { 200: ZAdminClass } },
  }, async (req) => classes.setClassTeacher(app.db, ctx(req), req.params.classId, req.body.classTeacherId, requestLang(req)));

  app.get(`${base}/classes/:classId`, {
    config,
    schema: { tags, summary: 'A class with its pupils, guardians and movement', params: ZAdminClassParams, response: { 200: ZClassDetail } },
  }, async (req) => classes.classDetail(app.db, ctx(req), req.params.classId));

  app.post(`${base}/classes/:classId/pupils`, {
    config,
    schema: { tags, summary: 'A new pupil enrolled in the class', params: ZAdminClassParams, body: ZPupilCreate, response: { 201: ZAdminPupil } },
  }, async (req, reply) => reply.status(201).send(await classes.addPupil(app.db, ctx(req), req.params.classId, req.body, requestLang(req))));

  app.patch(`${base}/pupils/:pupilId`, {
    config,
    schema: { tags, summary: "A pupil's names, date of birth, gender", params: ZAdminPupilParams, body: ZPupilPatch, response: { 200: ZPupilFull } },
  }, async (req) => classes.updatePupil(app.db, ctx(req), req.params.pupilId, req.body));

  app.post(`${base}/pupils/:pupilId/guardians`, {
    config,
    schema: { tags, summary: 'A guardian of the pupil', params: ZAdminPupilParams, body: ZGuardianCreate, response: { 201: ZPupilFull } },
  }, async (req, reply) => reply.status(201).send(await classes.addGuardian(app.db, ctx(req), req.params.pupilId, req.body)));

  app.delete(`${base}/pupils/:pupilId/guardians/:guardianId`, {
    config,
    schema: { tags, summary: 'Unlink a guardian from the pupil', params: ZPupilGuardianParams, response: { 200: ZPupilFull } },
  }, async (req) => classes.unlinkGuardian(app.db, ctx(req), req.params.pupilId, req.params.guardianId));

  app.patch(`${base}/guardians/:guardianId`, {
    config,
    schema: { tags, summary: "A guardian's names, phone, e-mail, relation", params: ZGuardianParams, body: ZGuardianPatch, response: { 200: ZGuardian.omit({ relation: true }) } },
  }, async (req) => classes.updateGuardian(app.db, ctx(req), req.params.guardianId, req.body));

  // ---------- movement ----------
  app.get(`${base}/classes/:classId/movement`, {
    config: { policy: canSeeMovement },
    schema: { tags, summary: 'Arrivals and departures of a class with dates and orders', params: ZAdminClassParams, response: { 200: ZMovement } },
  }, async (req) => classes.classMovement(app.db, ctx(req), req.params.classId));

  app.post(`${base}/pupils/:pupilId/arrival`, {
    config,
    schema: { tags, summary: 'A pupil arrives in a class (date, order)', params: ZAdminPupilParams, body: ZArrival, response: { 200: ZEnrollments } },
  }, async (req) => movement.arrive(app.db, ctx(req), { pupilId: req.params.pupilId, ...req.body }, requestLang(req)));

  app.post(`${base}/pupils/:pupilId/departure`, {
    config,
    schema: { tags, summary: 'A pupil leaves the school (last day, order)', params: ZAdminPupilParams, body: ZDeparture, response: { 200: ZEnrollments } },
  }, async (req) => movement.depart(app.db, ctx(req), { pupilId: req.params.pupilId, ...req.body }, requestLang(req)));

  app.post(`${base}/pupils/:pupilId/transfer`, {
    config,
    schema: { tags, summary: 'A pupil moves to another class from a date (order)', params: ZAdminPupilParams, body: ZTransfer, response: { 200: ZEnrollments } },
  }, async (req) => movement.transfer(app.db, ctx(req), { pupilId: req.params.pupilId, ...req.body }, requestLang(req)));

  await app.register(importRoutes);
};
