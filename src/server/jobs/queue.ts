import type { Database } from '../db/database.js';
import type { Client } from '../db/tenancy.js';

export interface JobRow {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  schoolId: number | null;
  attempts: number;
  maxAttempts: number;
  progress: { done: number; total: number; message?: string } | null;
}

/**
 * Queues a job in the caller's transaction (so it exists only if the change commits). A
 * dedupeKey makes the call idempotent: the same key queues at most one job, ever.
 */
export async function enqueueJob(
  c: Client,
  job: { kind: string; payload?: Record<string, unknown>; schoolId?: number | null; runAt?: Date; dedupeKey?: string; maxAttempts?: number },
): Promise<number | null> {
  const r = await c.query(
    `INSERT INTO job (kind, payload, school_id, run_at, dedupe_key, max_attempts) VALUES ($1, $2, $3, COALESCE($4, now()), $5, $6)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [job.kind, job.payload ?? {}, job.schoolId ?? null, job.runAt ?? null, job.dedupeKey ?? null, job.maxAttempts ?? 8],
  );
  return r.rows[0]?.id ?? null;
}

/** Takes the next due job (or one whose runner died: its lock expired) and marks it running. */
export async function claimJob(db: Database, kinds: string[], lockSeconds: number): Promise<JobRow | undefined> {
  const r = await db.pool.query(
    `UPDATE job SET status = 'running', attempts = attempts + 1, locked_until = now() + make_interval(secs => $2)
     WHERE id = (SELECT id FROM job
                 WHERE kind = ANY($1::text[]) AND run_at <= now()
                   AND (status = 'queued' OR (status = 'running' AND locked_until < now()))
                 ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id, kind, payload, school_id AS "schoolId", attempts, max_attempts AS "maxAttempts", progress`,
    [kinds, lockSeconds],
  );
  return r.rows[0];
}

export async function finishJob(db: Database, id: number, result: unknown): Promise<void> {
  await db.pool.query(`UPDATE job SET status = 'done', result = $2, finished_at = now(), locked_until = NULL WHERE id = $1`, [id, JSON.stringify(result ?? null)]);
}

/** A failed attempt: retried later with exponential backoff, or failed for good after max attempts. */
export async function failJob(db: Database, job: JobRow, error: string): Promise<void> {
  const final = job.attempts >= job.maxAttempts;
  await db.pool.query(
    `UPDATE job SET status = $2, last_error = $3, locked_until = NULL,
            run_at = now() + make_interval(secs => $4), finished_at = CASE WHEN $2 = 'failed' THEN now() END
     WHERE id = $1`,
    [job.id, final ? 'failed' : 'queued', error.slice(0, 2000), Math.min(3600, 2 ** job.attempts * 5)],
  );
}

/** Records progress so the UI can show a bar and a restarted runner can resume. */
export async function setJobProgress(db: Database, id: number, progress: { done: number; total: number; message?: string }, lockSeconds: number): Promise<void> {
  await db.pool.query(`UPDATE job SET progress = $2, locked_until = now() + make_interval(secs => $3) WHERE id = $1`, [id, progress, lockSeconds]);
}

export async function getJob(db: Database, id: number) {
  const r = await db.pool.query(
    `SELECT id, kind, status, school_id AS "schoolId", progress, result, last_error AS "lastError", attempts,
            created_at AS "createdAt", finished_at AS "finishedAt"
     FROM job WHERE id = $1`,
    [id],
  );
  return r.rows[0];
}
