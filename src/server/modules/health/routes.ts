import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const ZHealth = z.object({ status: z.enum(['ok', 'unavailable']), engine: z.string().optional() });

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health/live', { config: { public: true }, schema: { tags: ['health'], response: { 200: ZHealth } } }, async () => ({
    status: 'ok' as const,
  }));
  app.get('/health/ready', {
    config: { public: true },
    schema: { tags: ['health'], response: { 200: ZHealth, 503: ZHealth } },
  }, async (_req, reply) => {
    try {
      await app.db.pool.query('SELECT 1');
      return { status: 'ok' as const, engine: app.db.engine };
    } catch {
      return reply.status(503).send({ status: 'unavailable' as const });
    }
  });
};
