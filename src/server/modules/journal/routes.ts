import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZPageList, ZPagesQuery } from '../../../shared/api/pages.js';
import { ZSchoolParams } from '../../../shared/api/schools.js';
import * as pages from './pages.service.js';
import { canListPages } from './policy.js';

const tags = ['journal'];

export const journalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/schools/:schoolId/journal/pages', {
    config: { policy: canListPages },
    schema: { tags, summary: 'Journal pages the person may open', params: ZSchoolParams, querystring: ZPagesQuery, response: { 200: ZPageList } },
  }, async (req) => ({
    pages: await pages.listPages(app.db, { schoolId: req.params.schoolId, userId: req.principal!.userId }, req.principal!, req.query),
  }));
};
