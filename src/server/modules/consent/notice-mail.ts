/**
 * E-mails about a new version of a school's privacy notice: the guardians who consented to an
 * older version (their consent stays valid, they are asked to read the new one and confirm in
 * the app) get one letter each, naming their children, in their language, outside quiet hours.
 * Runs in the background (a periodic task of the worker) so publishing stays one statement; each
 * version is mailed once (privacy_notice.mailed_at), and the outbox's dedupe key keeps a retried
 * run from writing a letter twice. Of several versions published between two runs only the
 * newest is mailed.
 */
import type { Lang } from '../../../shared/errors.js';
import type { Database } from '../../db/database.js';
import { type Client, withSystem } from '../../db/tenancy.js';
import { queueEmail } from '../../jobs/outbox.js';
import { DEFAULT_PREFS } from '../notices/notify.js';
import { quietUntil } from '../notices/time.js';
import { enrolledToday, latestAnswers } from './coverage.repo.js';

/** How often the worker looks for versions not yet mailed. */
const RUN_EVERY_MS = 60_000;
let lastRun = 0;

interface Recipient {
  guardianId: number;
  email: string;
  lang: Lang;
  children: string[];
}

/** Guardians whose latest answer for a pupil enrolled today is a consent to another version than noticeId, with an address. */
async function recipients(c: Client, schoolId: number, noticeId: number): Promise<Recipient[]> {
  const r = await c.query<Recipient>(
    `WITH ${enrolledToday('ARRAY[$1::int]')},${latestAnswers('ARRAY[$1::int]')}
     SELECT g.id AS "guardianId", COALESCE(NULLIF(u.email, ''), NULLIF(g.email, '')) AS email,
            CASE WHEN u.locale = 'en' THEN 'en' ELSE 'uk' END AS lang,
            array_agg(p.first_name ORDER BY p.first_name) AS children
     FROM latest l
     JOIN cur ON cur.school_id = l.school_id AND cur.pupil_id = l.pupil_id
     JOIN guardian g ON g.school_id = $1 AND g.id = l.guardian_id
     LEFT JOIN app_user u ON u.id = g.user_id AND u.active
     JOIN pupil p ON p.school_id = $1 AND p.id = l.pupil_id
     WHERE l.action = 'given' AND l.notice_id <> $2 AND COALESCE(NULLIF(u.email, ''), NULLIF(g.email, '')) IS NOT NULL
     GROUP BY g.id, u.email, g.email, u.locale`,
    [schoolId, noticeId],
  );
  return r.rows;
}

/** The letter: what changed, that the consent stays valid, and where to read and confirm. */
export function noticeEmail(x: { lang: Lang; schoolName: string; version: number; title: string; children: string[] }): { subject: string; text: string } {
  const kids = x.children.join(', ');
  if (x.lang === 'en') {
    return {
      subject: `${x.schoolName}: a new version of the privacy notice`,
      text: [
        'Hello!',
        '',
        `${x.schoolName} has published version ${x.version} of its notice on processing pupils’ personal data: “${x.title}”.`,
        `Your consent for ${kids} stays valid and the diary stays open.`,
        'Please read the new version and confirm it in Klasnyi: menu “Consent to data processing”.',
        '',
        'Klasnyi',
      ].join('\n'),
    };
  }
  return {
    subject: `${x.schoolName}: нова редакція повідомлення про обробку персональних даних`,
    text: [
      'Доброго дня!',
      '',
      `Заклад освіти «${x.schoolName}» оприлюднив нову редакцію (версію ${x.version}) повідомлення про обробку персональних даних учнів: «${x.title}».`,
      `Ваша згода щодо ${x.children.length > 1 ? 'дітей' : 'дитини'} (${kids}) залишається чинною, щоденник доступний.`,
      'Просимо ознайомитися з новою редакцією та підтвердити її в «Класному журналі»: розділ «Згода на обробку даних».',
      '',
      'Klasnyi',
    ].join('\n'),
  };
}

/**
 * Queues the letters of every school version not mailed yet (the newest per school; older ones
 * are marked done with it). Returns how many letters were queued.
 */
export async function mailPublishedNotices(db: Database, now = new Date()): Promise<number> {
  return withSystem(db, async (c) => {
    const pending = await c.query<{ id: number; schoolId: number; version: number; title: string; schoolName: string }>(
      `SELECT n.id, n.school_id AS "schoolId", n.version, n.title, s.short_name AS "schoolName"
       FROM privacy_notice n JOIN school s ON s.id = n.school_id
       WHERE n.mailed_at IS NULL AND n.school_id IS NOT NULL
       ORDER BY n.school_id, n.id DESC
       FOR UPDATE OF n SKIP LOCKED`,
    );
    let queued = 0;
    const sendAfter = quietUntil(now, DEFAULT_PREFS.quietFrom, DEFAULT_PREFS.quietTo) ?? undefined;
    const done = new Set<number>();
    for (const n of pending.rows) {
      if (done.has(n.schoolId)) continue;
      done.add(n.schoolId);
      for (const to of await recipients(c, n.schoolId, n.id)) {
        const mail = noticeEmail({ lang: to.lang, schoolName: n.schoolName, version: n.version, title: n.title, children: to.children });
        const id = await queueEmail(c, { to: to.email, ...mail, schoolId: n.schoolId, sendAfter, dedupeKey: `notice:${n.id}:${to.guardianId}` });
        if (id !== null) queued++;
      }
    }
    if (pending.rows.length) await c.query('UPDATE privacy_notice SET mailed_at = now() WHERE id = ANY($1::int[])', [pending.rows.map((n) => n.id)]);
    return queued;
  });
}

/** The worker's periodic task: at most once a minute. */
export async function noticeMailTick(db: Database): Promise<void> {
  if (Date.now() - lastRun < RUN_EVERY_MS) return;
  lastRun = Date.now();
  await mailPublishedNotices(db);
}
