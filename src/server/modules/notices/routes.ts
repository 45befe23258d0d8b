import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZAnnouncement,
  ZAnnouncementBody,
  ZAnnouncementList,
  ZAnnouncementParams,
  ZInbox,
  ZInboxItem,
  ZNotificationSettings,
  ZReceipts,
} from '../../../shared/api/notices.js';
import { ZSchoolParams } from '../../../shared/api/schools.js';
import { registerPeriodicTask } from '../../jobs/worker.js';
import { canChooseNotifications, canReadInbox, canWriteAnnouncements } from './policy.js';
import { notificationsTick } from './notify.js';
import * as service from './service.js';

const tags = ['notices'];
let jobRegistered = false;

export const noticesRoutes: FastifyPluginAsyncZod = async (app) => {
  if (!jobRegistered) {
    // new marks, absences and announcements become e-mails in the background, so saving marks stays fast
    registerPeriodicTask(notificationsTick);
    jobRegistered = true;
  }
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });

  app.post('/api/schools/:schoolId/announcements', {
    config: { policy: canWriteAnnouncements },
    schema: { tags, summary: 'Publish an announcement to the school, a grade or a class', params: ZSchoolParams, body: ZAnnouncementBody, response: { 200: ZAnnouncement } },
  }, async (req) => service.createAnnouncement(app.db, ctx(req), req.principal!, req.body));

  app.get('/api/schools/:schoolId/announcements', {
    config: { policy: canWriteAnnouncements },
    schema: { tags, summary: 'Announcements with how many of their audience have read them', params: ZSchoolParams, response: { 200: ZAnnouncementList } },
  }, async (req) => ({ announcements: await service.listAnnouncements(app.db, ctx(req), req.principal!) }));

  app.get('/api/schools/:schoolId/announcements/:announcementId/receipts', {
    config: { policy: canWriteAnnouncements },
    schema: { tags, summary: 'Who an announcement reaches and when each read it', params: ZAnnouncementParams, response: { 200: ZReceipts } },
  }, async (req) => service.announcementReceipts(app.db, ctx(req), req.principal!, req.params.announcementId));

  app.get('/api/schools/:schoolId/inbox', {
    config: { policy: canReadInbox },
    schema: { tags, summary: "Announcements for the family's children (or the pupil), unread marked", params: ZSchoolParams, response: { 200: ZInbox } },
  }, async (req) => service.inbox(app.db, ctx(req), req.principal!));

  app.post('/api/schools/:schoolId/inbox/:announcementId/read', {
    config: { policy: canReadInbox },
    schema: { tags, summary: 'Open an announcement: records the read receipt', params: ZAnnouncementParams, response: { 200: ZInboxItem } },
  }, async (req) => service.readAnnouncement(app.db, ctx(req), req.principal!, req.params.announcementId));

  app.get('/api/schools/:schoolId/notification-settings', {
    config: { policy: canChooseNotifications },
    schema: { tags, summary: "The parent's notification choices (defaults until saved)", params: ZSchoolParams, response: { 200: ZNotificationSettings } },
  }, async (req) => service.getSettings(app.db, ctx(req)));

  app.put('/api/schools/:schoolId/notification-settings', {
    config: { policy: canChooseNotifications },
    schema: { tags, summary: 'Choose per kind: at once, daily digest or off; quiet hours; digest time', params: ZSchoolParams, body: ZNotificationSettings, response: { 200: ZNotificationSettings } },
  }, async (req) => service.saveSettings(app.db, ctx(req), req.body));
};
