import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZClassConsentParams,
  ZClassConsentRegister,
  ZConsentDashboard,
  ZConsentFormsQuery,
  ZConsentHistory,
  ZInvitationBatch,
  ZInvitationBody,
  ZMyConsentBody,
  ZMyConsents,
  ZNotice,
  ZNoticeList,
  ZPublishNoticeBody,
  ZPupilConsentParams,
  ZRecordConsentBody,
  ZRecordConsentResult,
  ZScanParams,
} from '../../../shared/api/consent.js';
import { ZSchoolParams } from '../../../shared/api/schools.js';
import { registerPeriodicTask } from '../../jobs/worker.js';
import * as invitations from './invitations.service.js';
import { noticeMailTick } from './notice-mail.js';
import { canAnswerOwnConsent, canManageConsent, canManageNotices, canReadNotice } from './policy.js';
import * as service from './service.js';

const tags = ['consent'];

/** A scan in base64 is a third larger than the file: room for a 4 MB scan and the JSON around it. */
const SCAN_BODY_LIMIT = 6 * 1024 * 1024;
let jobRegistered = false;

export const consentRoutes: FastifyPluginAsyncZod = async (app) => {
  if (!jobRegistered) {
    // a new version of a school's notice reaches the parents who consented to an older one by e-mail
    registerPeriodicTask(noticeMailTick);
    jobRegistered = true;
  }
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });
  const pdf = (filename: string) => ({ 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${filename}"` });

  app.get('/api/schools/:schoolId/consent/notice', {
    config: { policy: canReadNotice },
    schema: { tags, summary: 'The privacy notice the school shows now', params: ZSchoolParams, response: { 200: ZNotice } },
  }, async (req) => service.currentNotice(app.db, ctx(req)));

  app.get('/api/schools/:schoolId/consent/notices', {
    config: { policy: canManageNotices },
    schema: { tags, summary: 'Every version of the privacy notice that applies to the school', params: ZSchoolParams, response: { 200: ZNoticeList } },
  }, async (req) => service.noticeList(app.db, ctx(req)));

  app.post('/api/schools/:schoolId/consent/notices', {
    config: { policy: canManageNotices },
    schema: { tags, summary: "Publish a new version of the school's privacy notice", params: ZSchoolParams, body: ZPublishNoticeBody, response: { 200: ZNotice } },
  }, async (req) => service.publishNotice(app.db, ctx(req), req.body));

  app.get('/api/schools/:schoolId/consent/dashboard', {
    config: { policy: canManageConsent },
    schema: { tags, summary: 'Share of pupils with consent by class and school; who is missing', params: ZSchoolParams, response: { 200: ZConsentDashboard } },
  }, async (req) => service.dashboard(app.db, ctx(req), req.principal!));

  app.get('/api/schools/:schoolId/classes/:classId/consent', {
    config: { policy: canManageConsent },
    schema: { tags, summary: "A class's consent register: guardians, answers, accounts, codes", params: ZClassConsentParams, response: { 200: ZClassConsentRegister } },
  }, async (req) => service.classRegister(app.db, ctx(req), req.principal!, req.params.classId, (c, ids) => invitations.invitationStates(c, req.params.schoolId, ids)));

  app.get('/api/schools/:schoolId/classes/:classId/consent/forms.pdf', {
    config: { policy: canManageConsent },
    schema: { tags, summary: 'Printable consent forms and the notice, pre-filled per family (PDF)', params: ZClassConsentParams, querystring: ZConsentFormsQuery },
  }, async (req, reply) => {
    const file = await service.consentForms(app.db, ctx(req), req.principal!, req.params.classId, req.query.pupilId);
    return reply.headers(pdf(`consent-${req.params.classId}.pdf`)).send(file);
  });

  app.get('/api/schools/:schoolId/pupils/:pupilId/consent', {
    config: { policy: canManageConsent },
    schema: { tags, summary: "A pupil's full consent history", params: ZPupilConsentParams, response: { 200: ZConsentHistory } },
  }, async (req) => service.pupilHistory(app.db, ctx(req), req.principal!, req.params.pupilId));

  app.post('/api/schools/:schoolId/pupils/:pupilId/consent', {
    bodyLimit: SCAN_BODY_LIMIT,
    config: { policy: canManageConsent },
    schema: {
      tags,
      summary: "Record a guardian's signed paper consent (with the scan) or a withdrawal",
      params: ZPupilConsentParams,
      body: ZRecordConsentBody,
      response: { 200: ZRecordConsentResult },
    },
  }, async (req) => service.recordConsent(app.db, ctx(req), req.principal!, req.params.pupilId, req.body));

  app.get('/api/schools/:schoolId/consent/scans/:scanId', {
    config: { policy: canManageConsent },
    schema: { tags, summary: 'A stored scan of a signed form', params: ZScanParams },
  }, async (req, reply) => {
    const scan = await service.scanFile(app.db, ctx(req), req.principal!, req.params.scanId);
    const ext = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[scan.contentType] ?? 'bin';
    return reply
      .headers({ 'content-type': scan.contentType, 'content-disposition': `inline; filename="scan-${req.params.scanId}.${ext}"` })
      .send(scan.content);
  });

  app.post('/api/schools/:schoolId/classes/:classId/invitations', {
    config: { policy: canManageConsent },
    schema: { tags, summary: 'New one-time invitation codes for the families of a class', params: ZClassConsentParams, body: ZInvitationBody, response: { 200: ZInvitationBatch } },
  }, async (req) => (await invitations.generateInvitations(app.db, ctx(req), req.principal!, req.params.classId, req.body)).batch);

  app.post('/api/schools/:schoolId/classes/:classId/invitations.pdf', {
    config: { policy: canManageConsent },
    schema: { tags, summary: 'New invitation codes as printable letters, one page per family (PDF)', params: ZClassConsentParams, body: ZInvitationBody },
  }, async (req, reply) => {
    const file = await invitations.invitationLetters(app.db, ctx(req), req.principal!, req.params.classId, req.body, `${req.protocol}://${req.host}`);
    return reply.headers(pdf(`invitations-${req.params.classId}.pdf`)).send(file);
  });

  app.get('/api/consent/mine', {
    config: { policy: canAnswerOwnConsent },
    schema: { tags, summary: "The signed-in guardian's children and their consent, also where access is closed", response: { 200: ZMyConsents } },
  }, async (req) => ({ items: await service.myConsents(app.db, req.principal!) }));

  app.post('/api/consent/mine', {
    config: { policy: canAnswerOwnConsent },
    schema: { tags, summary: 'Give or withdraw consent in the own account', body: ZMyConsentBody, response: { 200: ZRecordConsentResult } },
  }, async (req) => service.answerMine(app.db, req.principal!, req.body));
};
