import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ERRORS, type ErrorCode, formatMessage, type Lang, type TErrorBody } from '../../shared/errors.js';
import { FIELD_MESSAGES } from '../../shared/messages.js';

/** The one error type of the server: a stable code, optional message parameters and details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
    readonly status?: number,
  ) {
    super(code);
  }
}

/** A validation error of one request: the zod issues, localised when answered. */
export class RequestValidationError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('validation');
  }
}

const localeErrors = { uk: z.locales.uk().localeError, en: z.locales.en().localeError };

/** One field problem in the request's language. */
export function localizeIssue(issue: z.core.$ZodIssue, lang: Lang): { path: string; message: string } {
  const keyed = FIELD_MESSAGES[issue.message];
  let message = keyed?.[lang];
  if (!message) {
    const out = localeErrors[lang](issue as never);
    message = typeof out === 'string' ? out : (out?.message ?? issue.message);
  }
  return { path: issue.path.join('.'), message };
}

/** Picks the reply language: the Accept-Language header, Ukrainian by default. */
export function requestLang(req: FastifyRequest): Lang {
  const header = String(req.headers['accept-language'] ?? '').toLowerCase();
  const first = header.split(',')[0]?.trim() ?? '';
  return first.startsWith('en') ? 'en' : 'uk';
}

export function errorBody(code: string, lang: Lang, params: Record<string, string | number> = {}, details?: unknown): TErrorBody {
  const known = (ERRORS as Record<string, { uk: string; en: string }>)[code];
  const message = known ? formatMessage(known[lang], params) : code;
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

function statusOf(code: string): number {
  return (ERRORS as Record<string, { status: number }>)[code]?.status ?? 400;
}

/** Maps every error to `{ error: { code, message, details } }`; never leaks a stack trace. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | RequestValidationError, req: FastifyRequest, reply: FastifyReply) => {
    const lang = requestLang(req);
    // the answer is JSON even when the route had set another type before failing (a file being sent)
    reply.type('application/json; charset=utf-8');
    if (err instanceof AppError) {
      return reply.status(err.status ?? statusOf(err.code)).send(errorBody(err.code, lang, err.params, err.details));
    }
    if (err instanceof RequestValidationError) {
      const fields = err.issues.map((i) => localizeIssue(i, lang));
      return reply.status(400).send(errorBody('validation', lang, {}, { fields }));
    }
    const fe = err as FastifyError;
    if (fe.validation || (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)) {
      const code = fe.statusCode === 429 ? 'rate_limited' : fe.statusCode === 404 ? 'not_found' : 'validation';
      return reply.status(fe.statusCode ?? 400).send(errorBody(code, lang));
    }
    // the database refused a write to a closed school year (040_archive.sql)
    if ((err as { code?: string }).code === 'KL001') return reply.status(409).send(errorBody('year_closed', lang));
    // the database refused to destroy an archive file before its retention ended (044_archive_retention.sql)
    if ((err as { code?: string }).code === 'KL002') return reply.status(409).send(errorBody('retention_not_expired', lang, { count: 1 }));
    req.log.error({ err, url: req.url, method: req.method }, 'request failed');
    return reply.status(500).send(errorBody('internal', lang));
  });
  app.setNotFoundHandler((req, reply) => reply.status(404).send(errorBody('not_found', requestLang(req))));
}

/** Validator compiler that keeps zod's raw issues so the error handler can localise them. */
export function zodValidatorCompiler({ schema }: { schema: z.ZodType }) {
  return (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues) };
  };
}
