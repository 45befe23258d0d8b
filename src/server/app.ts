import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TConfig } from './config.js';
import type { Database } from './db/database.js';
import { registerAccessControl } from './http/access.js';
import { registerErrorHandler, zodValidatorCompiler } from './http/errors.js';
import { archiveRoutes } from './modules/archive/routes.js';
import { attachmentsRoutes } from './modules/attachments/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import * as auth from './modules/auth/service.js';
import { controlRoutes } from './modules/control/routes.js';
import { consentRoutes } from './modules/consent/routes.js';
import { curriculumRoutes } from './modules/curriculum/routes.js';
import { deliveryRoutes } from './modules/delivery/routes.js';
import { diaryRoutes } from './modules/diary/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { classbookRoutes } from './modules/journal/classbook.routes.js';
import { journalRoutes } from './modules/journal/routes.js';
import { noticesRoutes } from './modules/notices/routes.js';
import { peopleAdminRoutes } from './modules/people/admin.routes.js';
import { peopleRoutes } from './modules/people/routes.js';
import { planningRoutes } from './modules/planning/routes.js';
import { calendarRoutes } from './modules/schools/calendar.routes.js';
import { monitoringRoutes } from './modules/monitoring/routes.js';
import { readinessRoutes } from './modules/readiness/routes.js';
import { schoolsRoutes } from './modules/schools/routes.js';
import { timetableRoutes } from './modules/timetable/routes.js';
import { yearendRoutes } from './modules/yearend/routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: TConfig;
    /** every route as registered, for the deny-by-default tests and docs */
    routeCatalog: { method: string; url: string; public: boolean }[];
  }
}

const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Builds the whole app (plugins and modules in one visible list) without listening. */
export async function buildApp(opts: { db: Database; config: TConfig; logger?: boolean }): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: opts.config.LOG_LEVEL },
    trustProxy: true,
    bodyLimit: 5 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  if (opts.config.TODAY) opts.db.today = opts.config.TODAY;
  app.decorate('db', opts.db);
  app.decorate('config', opts.config);
  app.decorate('routeCatalog', []);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD') app.routeCatalog.push({ method, url: r.url, public: !!r.config?.public });
    }
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  // helmet's headers middleware, built once: @fastify/helmet built it again on every request
  // (parsing the policy each time, a few per cent of a cached page's CPU)
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)));
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Klasnyi API', version: '0.1.0', description: 'Electronic class journals of a city' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: auth.SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAccessControl(app, {
    cookieName: auth.SESSION_COOKIE,
    hashToken: auth.hashToken,
    loadSession: (tokenHash) => auth.loadSession(opts.db, opts.config, tokenHash),
  });

  // modules, one line each
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(schoolsRoutes);
  await app.register(peopleRoutes);
  await app.register(peopleAdminRoutes);
  await app.register(journalRoutes);
  await app.register(classbookRoutes);
  await app.register(diaryRoutes);
  await app.register(yearendRoutes);
  await app.register(archiveRoutes);
  await app.register(controlRoutes);
  await app.register(consentRoutes);
  await app.register(noticesRoutes);
  await app.register(curriculumRoutes);
  await app.register(timetableRoutes);
  await app.register(calendarRoutes);
  await app.register(monitoringRoutes);
  await app.register(readinessRoutes);
  await app.register(planningRoutes);
  await app.register(attachmentsRoutes);
  await app.register(deliveryRoutes);

  if (existsSync(WEB_DIST)) {
    // files are looked up per request, so a rebuild of the web app shows without a restart
    await app.register(fastifyStatic, { root: WEB_DIST, serve: false });
    // the web app routes on the client: unknown non-API paths get index.html
    app.get('/*', { config: { public: true }, schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.status(404).send({ error: { code: 'not_found', message: 'Not found' } });
      const path = decodeURIComponent(req.url.split('?')[0]).replace(/^\/+/, '');
      const file = resolve(WEB_DIST, path);
      if (path && file.startsWith(WEB_DIST) && existsSync(file) && statSync(file).isFile()) {
        return reply.sendFile(path, { maxAge: path.startsWith('assets/') ? 31_536_000_000 : 0, immutable: path.startsWith('assets/') });
      }
      if (path.startsWith('assets/')) return reply.status(404).send({ error: { code: 'not_found', message: 'Not found' } });
      return reply.sendFile('index.html', { maxAge: 0 });
    });
  }
  return app;
}
