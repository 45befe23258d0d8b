import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** Every environment variable the server reads; validated once at boot. Documented in README.md. */
const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  /**
   * connections to PostgreSQL per app process; default 2 x cores + 2 (6 on the 2-core box: the
   * journal page, saves and the diary all did best with 4-8 there, and worse with 10 or 20)
   */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(() => 2 * availableParallelism() + 2),
  DATA_DIR: z.string().default('./data'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  /** sign-in attempts one address may make per minute (a school behind one NAT address may need more) */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(20),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  LATE_EDIT_DAYS: z.coerce.number().int().min(0).default(7),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Klasnyi <no-reply@klasnyi.local>'),
  WORKER: z.enum(['on', 'off']).default('on'),
  WORKER_INTERVAL_MS: z.coerce.number().int().positive().default(5000),
  ARCHIVE_DIR: z.string().default('./data/archive'),
  ARCHIVE_RETENTION_JOURNAL_YEARS: z.coerce.number().int().positive().default(5),
  ARCHIVE_RETENTION_SUMMARY_YEARS: z.coerce.number().int().positive().default(75),
  /** a folder of trusted root and intermediate CA certificates (PEM or DER) for signature verification */
  TRUSTED_CA_DIR: z.string().min(1).optional(),
  /** largest homework attachment (a school may set a smaller one in school.settings.attachments.maxMb) */
  ATTACHMENT_MAX_MB: z.coerce.number().positive().max(100).default(10),
  /** when set, attachment bytes go to this folder instead of the database */
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  TODAY: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export type TConfig = z.infer<typeof ZConfig>;

/** Reads and validates the configuration; throws a readable error on a bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
