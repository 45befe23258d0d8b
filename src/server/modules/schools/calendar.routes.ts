import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZCalendarChange,
  ZCalendarParams,
  ZCityDayOffChange,
  ZCityDayOffInput,
  ZCityDayParams,
  ZCityDaysOff,
  ZPeriodInput,
  ZPeriodParams,
  ZPeriodPatch,
  ZSchoolCalendar,
  ZYearInput,
} from '../../../shared/api/calendar.js';
import { ZCityParams } from '../../../shared/api/schools.js';
import { canEditCalendar, canManageCityDaysOff, canReadCalendar } from './calendar.policy.js';
import * as service from './calendar.service.js';

const tags = ['calendar'];

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: { params: { schoolId: number }; principal: { userId: number } | null }) => ({
    schoolId: req.params.schoolId,
    userId: req.principal!.userId,
  });

  app.get('/api/schools/:schoolId/calendar', {
    config: { policy: canReadCalendar },
    schema: {
      tags,
      summary: "The current year's calendar: semesters, holidays, days off, remote days and the city's days off",
      params: ZCalendarParams,
      response: { 200: ZSchoolCalendar },
    },
  }, async (req) => service.getCalendar(app.db, ctx(req)));

  app.put('/api/schools/:schoolId/calendar/year', {
    config: { policy: canEditCalendar },
    schema: {
      tags,
      summary: "Set the current year's dates and semesters; lessons from today on follow",
      params: ZCalendarParams,
      body: ZYearInput,
      response: { 200: ZCalendarChange },
    },
  }, async (req) => service.setYear(app.db, ctx(req), req.body));

  app.post('/api/schools/:schoolId/calendar/periods', {
    config: { policy: canEditCalendar },
    schema: {
      tags,
      summary: 'Add a holiday, day off or remote-learning period; empty lessons in it are removed (or turn remote)',
      params: ZCalendarParams,
      body: ZPeriodInput,
      response: { 200: ZCalendarChange },
    },
  }, async (req) => service.addPeriod(app.db, ctx(req), req.body));

  app.patch('/api/schools/:schoolId/calendar/periods/:periodId', {
    config: { policy: canEditCalendar },
    schema: { tags, summary: 'Change a calendar period', params: ZPeriodParams, body: ZPeriodPatch, response: { 200: ZCalendarChange } },
  }, async (req) => service.changePeriod(app.db, ctx(req), req.params.periodId, req.body));

  app.delete('/api/schools/:schoolId/calendar/periods/:periodId', {
    config: { policy: canEditCalendar },
    schema: { tags, summary: 'Remove a calendar period; its days get their lessons back', params: ZPeriodParams, response: { 200: ZCalendarChange } },
  }, async (req) => service.removePeriod(app.db, ctx(req), req.params.periodId));

  app.get('/api/cities/:cityId/days-off', {
    config: { policy: canManageCityDaysOff },
    schema: { tags, summary: 'Days the city declared off for all its schools', params: ZCityParams, response: { 200: ZCityDaysOff } },
  }, async (req) => service.getCityDaysOff(app.db, req.params.cityId));

  app.post('/api/cities/:cityId/days-off', {
    config: { policy: canManageCityDaysOff },
    schema: {
      tags,
      summary: "Declare a day off for every school of the city; their journals' empty lessons of the day are removed",
      params: ZCityParams,
      body: ZCityDayOffInput,
      response: { 200: ZCityDayOffChange },
    },
  }, async (req) => service.declareCityDayOff(app.db, req.params.cityId, req.body));

  app.delete('/api/cities/:cityId/days-off/:day', {
    config: { policy: canManageCityDaysOff },
    schema: { tags, summary: 'Withdraw a city day off; the day gets its lessons back', params: ZCityDayParams, response: { 200: ZCityDayOffChange } },
  }, async (req) => service.withdrawCityDayOff(app.db, req.params.cityId, req.params.day));
};
