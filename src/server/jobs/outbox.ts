import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../db/database.js';
import type { Client } from '../db/tenancy.js';

export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: EmailAttachment[];
  schoolId?: number | null;
  /** not before this moment (quiet hours, digests) */
  sendAfter?: Date;
  /** the same key is queued at most once */
  dedupeKey?: string;
}

/** Puts an e-mail in the outbox inside the caller's transaction; the worker sends it. */
export async function queueEmail(c: Client, e: OutgoingEmail): Promise<number | null> {
  const r = await c.query(
    `INSERT INTO outbox_email (school_id, to_address, subject, text_body, html_body, attachments, send_after, dedupe_key)
     VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, now()), $8) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [e.schoolId ?? null, e.to, e.subject, e.text, e.html ?? null, JSON.stringify(e.attachments ?? []), e.sendAfter ?? null, e.dedupeKey ?? null],
  );
  return r.rows[0]?.id ?? null;
}

let transport: Transporter | null = null;
let from = 'Klasnyi <no-reply@klasnyi.local>';

/** Sets the SMTP server (smtp://user:pass@host:port); without one, e-mails wait in the outbox. */
export function configureMailer(smtpUrl: string | undefined, mailFrom?: string): void {
  transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  if (mailFrom) from = mailFrom;
}

const MAX_ATTEMPTS = 10;

/**
 * Sends due e-mails. A failure leaves the e-mail queued with a later time (backoff); after many
 * failures it is marked failed but kept, never deleted.
 */
export async function sendDueEmails(db: Database, limit = 50): Promise<number> {
  if (!transport) return 0;
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      const r = await client.query(
        `SELECT id, to_address, subject, text_body, html_body, attachments, attempts FROM outbox_email
         WHERE status = 'queued' AND send_after <= now() ORDER BY send_after, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      const m = r.rows[0];
      if (!m) {
        await client.query('COMMIT');
        break;
      }
      try {
        await transport.sendMail({
          from,
          to: m.to_address,
          subject: m.subject,
          text: m.text_body,
          html: m.html_body ?? undefined,
          attachments: (m.attachments as EmailAttachment[]).map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, 'base64') })),
        });
        await client.query(`UPDATE outbox_email SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = $1`, [m.id]);
        sent++;
      } catch (err) {
        const attempts = m.attempts + 1;
        await client.query(
          `UPDATE outbox_email SET attempts = $2, last_error = $3, status = $4, send_after = now() + make_interval(secs => $5) WHERE id = $1`,
          [m.id, attempts, String((err as Error).message).slice(0, 1000), attempts >= MAX_ATTEMPTS ? 'failed' : 'queued', Math.min(3600, 2 ** attempts * 5)],
        );
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  return sent;
}
