import { once } from 'node:events';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { withSystem } from '../db/tenancy.js';
import { openTestDatabase, testEngine } from '../test/db.js';
import { configureMailer, queueEmail, sendDueEmails } from './outbox.js';
import { enqueueJob, getJob } from './queue.js';
import { registerJobHandler, registerRecurringJob, runOneJob, scheduleRecurring } from './worker.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe(`jobs (${testEngine})`, () => {
  it('runs a queued job, retries a failing one, and never queues a deduplicated key twice', async () => {
    let calls = 0;
    registerJobHandler('test:flaky', async (ctx) => {
      calls++;
      await ctx.progress(1, 2, 'half');
      if (calls === 1) throw new Error('first attempt fails');
      return { ok: calls };
    });
    const id = await withSystem(db, (c) => enqueueJob(c, { kind: 'test:flaky', dedupeKey: 'flaky-1' }));
    expect(await withSystem(db, (c) => enqueueJob(c, { kind: 'test:flaky', dedupeKey: 'flaky-1' }))).toBeNull();
    expect(await runOneJob(db)).toBe(true);
    expect(await getJob(db, id!)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'first attempt fails' });
    await db.pool.query('UPDATE job SET run_at = now() WHERE id = $1', [id]);
    expect(await runOneJob(db)).toBe(true);
    expect(await getJob(db, id!)).toMatchObject({ status: 'done', result: { ok: 2 }, progress: { done: 1, total: 2, message: 'half' } });
  });

  it('picks up a job whose runner died (its lock expired)', async () => {
    registerJobHandler('test:resume', async () => 'resumed');
    const id = await withSystem(db, (c) => enqueueJob(c, { kind: 'test:resume' }));
    await db.pool.query(`UPDATE job SET status = 'running', locked_until = now() - interval '1 minute' WHERE id = $1`, [id]);
    expect(await runOneJob(db)).toBe(true);
    expect(await getJob(db, id!)).toMatchObject({ status: 'done', result: 'resumed' });
  });

  it('queues a recurring job once per period', async () => {
    registerJobHandler('test:weekly', async () => null);
    registerRecurringJob({ kind: 'test:weekly', key: (now) => now.toISOString().slice(0, 10) });
    await scheduleRecurring(db, new Date('2025-10-13T06:00:00Z'));
    await scheduleRecurring(db, new Date('2025-10-13T07:00:00Z'));
    const r = await db.pool.query(`SELECT count(*)::int AS n FROM job WHERE kind = 'test:weekly'`);
    expect(r.rows[0].n).toBe(1);
  });
});

describe(`e-mail outbox (${testEngine})`, () => {
  it('delivers through SMTP, and keeps an e-mail queued while the server is down', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, cb) {
        let data = '';
        stream.on('data', (d) => {
          data += d;
        });
        stream.on('end', () => {
          received.push(data);
          cb();
        });
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    const port = (server.server.address() as { port: number }).port;
    await withSystem(db, (c) => queueEmail(c, { to: 'mama@example.com', subject: 'Нова оцінка', text: 'Математика: 11' }));

    configureMailer('smtp://127.0.0.1:1'); // nothing listens there
    expect(await sendDueEmails(db)).toBe(0);
    const queued = await db.pool.query(`SELECT status, attempts FROM outbox_email WHERE to_address = 'mama@example.com'`);
    expect(queued.rows[0]).toEqual({ status: 'queued', attempts: 1 });

    await db.pool.query(`UPDATE outbox_email SET send_after = now()`);
    configureMailer(`smtp://127.0.0.1:${port}`);
    expect(await sendDueEmails(db)).toBe(1);
    expect(received.join('')).toContain('mama@example.com');
    const sent = await db.pool.query(`SELECT status FROM outbox_email WHERE to_address = 'mama@example.com'`);
    expect(sent.rows[0].status).toBe('sent');
    configureMailer(undefined);
    server.close();
  });
});
