import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.js';
import { withSchool, withSystem } from '../../../db/tenancy.js';
import { enqueueJob } from '../../../jobs/queue.js';
import { tick } from '../../../jobs/worker.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../../test/app.js';
import { openTestDatabase, testEngine } from '../../../test/db.js';
import * as f from '../../../test/factories.js';
import { expiredFromCli } from '../cli.js';
import { makeSchoolCa } from '../signing/ca.js';
import { folderSource, verifyArchive } from '../verify.js';
import { RETENTION_JOB } from './retention.routes.js';
import { notifyExpired } from './retention.service.js';

const silent = { error: () => undefined, info: () => undefined };
const dir = mkdtempSync(join(tmpdir(), 'klasnyi-retention-test-'));
const archiveDir = join(dir, 'archive');
let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
let school: f.BuiltSchool;
let other: f.BuiltSchool;
let headId: number;
let archiveId: number;
let root: string;
let url: string;
let files: { path: string; kind: string; retainUntil: string }[];

const sql = async (text: string, params: unknown[] = []) => (await withSystem(db, (c) => c.query(text, params))).rows;
const asApp = (text: string, params: unknown[] = []) => withSchool(db, { schoolId: school.schoolId, userId: headId }, (c) => c.query(text, params));
const acts = async () => (await sql('SELECT count(*)::int AS n FROM archive_destruction_act'))[0].n;

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2026-06-26', ARCHIVE_DIR: archiveDir, WORKER: 'off' });
  const cityId = await f.buildCity(db);
  school = await f.buildSchool(db, cityId, 'Гімназія №3');
  other = await f.buildSchool(db, cityId, 'Інша школа');
  headId = await f.buildStaff(db, school.schoolId, 'head', ['head']);
  await f.buildStaff(db, school.schoolId, 'controller', ['controller']);
  const teacher = await f.buildStaff(db, school.schoolId, 'math', ['teacher']);
  await f.buildStaff(db, other.schoolId, 'other.head', ['head']);
  await sql(`UPDATE app_user SET email = 'head@school3.example' WHERE id = $1`, [headId]);
  const classId = await f.buildClass(db, school, 7, 'В', teacher);
  await f.buildPupil(db, school.schoolId, classId, ['Ярошенко', 'Марія']);
  const pageId = await f.buildPage(db, school, { classId, subject: 'Алгебра', teacherId: teacher });
  await f.buildLessons(db, school.schoolId, pageId, ['2026-05-14']);
  for (const login of ['head', 'controller', 'math', 'other.head']) as[login] = await actAs(app, login);
  url = `/api/schools/${school.schoolId}/archive-retention`;
  expect((await as.head.post(`/api/schools/${school.schoolId}/years/${school.yearId}/close`, { reason: 'Перевірка строків зберігання' })).statusCode).toBe(200);
  const built = await as.head.post(`/api/schools/${school.schoolId}/archives`, { yearId: school.yearId });
  archiveId = built.json().id;
  await tick(db, silent);
  root = join(archiveDir, `${school.schoolId}/2025-2026-v1`);
  files = (await as.head.get(`/api/schools/${school.schoolId}/archives/${archiveId}/files`)).json().files;
  const ca = await makeSchoolCa({ schoolName: 'Гімназія №3', headName: 'Тестенко Олена', password: 'пароль-1' });
  const signed = await as.head.post(`/api/schools/${school.schoolId}/archives/${archiveId}/sign`, { p12: ca.headP12.toString('base64'), password: 'пароль-1' });
  expect(signed.statusCode, signed.body).toBe(200);
});
afterAll(async () => {
  await app.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const journalFiles = () => files.filter((x) => x.retainUntil === '2031-12-31');
const summaryFiles = () => files.filter((x) => x.retainUntil === '2101-12-31');

describe(`retention clean-up of the archive (${testEngine})`, () => {
  it('keeps journals 5 years and summary sheets 75, counted from the end of the calendar year', () => {
    expect(journalFiles().length).toBeGreaterThan(5);
    expect(summaryFiles().length).toBeGreaterThan(0);
    expect(journalFiles().length + summaryFiles().length).toBe(files.length);
    // the summary sheets and the school's data they need are kept 75 years
    expect(summaryFiles().every((x) => x.kind.startsWith('summary-sheet') || x.kind === 'school')).toBe(true);
    expect(summaryFiles().some((x) => x.path === 'school.json')).toBe(true);
    expect(journalFiles().some((x) => x.kind === 'journal')).toBe(true);
  });

  it('lists nothing before expiry, and is closed to the anonymous, teachers and other schools', async () => {
    expect((await anonymous(app, 'GET', url)).statusCode).toBe(401);
    expect((await as.math.get(url)).statusCode).toBe(403);
    expect((await as['other.head'].get(url)).statusCode).toBe(403);
    expect((await as['other.head'].post(`${url}/acts`, { reason: 'x', files: [{ archiveId, path: files[0].path }] })).statusCode).toBe(403);
    const res = await as.controller.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ today: '2026-06-26', expired: [], expiringSoon: 0, nextExpiry: '2031-12-31', acts: [] });
  });

  it('never destroys before expiry: the API and direct SQL (app role and owner) are refused', async () => {
    const journal = journalFiles()[0].path;
    const res = await as.head.post(`${url}/acts`, { reason: 'Закінчився строк', files: [{ archiveId, path: journal }] }, 'en');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'retention_not_expired', details: { files: [{ archiveId, path: journal }] } });
    expect(res.json().error.message).toContain('nothing was changed');
    expect(await acts()).toBe(0);
    expect(existsSync(join(root, journal))).toBe(true);

    // an act row made by hand cannot be used to mark a kept file destroyed, nor can retention be shortened
    const [{ id: actId }] = await sql(
      `INSERT INTO archive_destruction_act (school_id, number, reason, approved_by, approved_on, files, bytes) VALUES ($1, 99, 'спроба', $2, '2026-06-26', 1, 1) RETURNING id`,
      [school.schoolId, headId],
    );
    const mark = `UPDATE archive_file SET destroyed_act_id = ${actId}, destroyed_at = now() WHERE archive_id = ${archiveId}`;
    await expect(asApp(mark)).rejects.toMatchObject({ code: 'KL002' });
    await expect(sql(mark)).rejects.toMatchObject({ code: 'KL002' });
    await expect(asApp(`UPDATE archive_file SET retain_until = '2020-01-01' WHERE archive_id = ${archiveId}`)).rejects.toMatchObject({ code: 'KL002' });
    await expect(sql(`UPDATE archive_file SET retain_until = '2020-01-01' WHERE archive_id = ${archiveId}`)).rejects.toMatchObject({ code: 'KL002' });
    await expect(
      sql(
        `INSERT INTO archive_file (school_id, archive_id, path, kind, sha256, bytes, retention_years, retain_until, destroyed_act_id, destroyed_at)
         VALUES ($1, $2, 'x.json', 'school', 'aa', 1, 5, '2000-12-31', $3, now())`,
        [school.schoolId, archiveId, actId],
      ),
    ).rejects.toMatchObject({ code: 'KL002' });
    // the hand-made act stays (acts are never deleted): it destroyed nothing
    await expect(sql('DELETE FROM archive_destruction_act WHERE id = $1', [actId])).rejects.toMatchObject({ code: 'KL002' });
    expect((await sql('SELECT count(*)::int AS n FROM archive_file WHERE destroyed_act_id IS NOT NULL'))[0].n).toBe(0);
    await sql(`ALTER TABLE archive_destruction_act DISABLE TRIGGER archive_act`);
    await sql('DELETE FROM archive_destruction_act WHERE id = $1', [actId]);
    await sql(`ALTER TABLE archive_destruction_act ENABLE TRIGGER archive_act`);
  });

  it('after expiry lists the journals (not the summary sheets); the weekly notice only e-mails the head', async () => {
    db.today = '2032-01-15';
    const res = (await as.head.get(url)).json();
    expect(res.expired.map((x: { path: string }) => x.path).sort()).toEqual(journalFiles().map((x) => x.path).sort());
    expect(res.expired[0]).toMatchObject({ archiveId, yearName: '2025/2026', version: 1, retentionYears: 5, retainUntil: '2031-12-31', classLabel: expect.any(String) });
    expect(res.nextExpiry).toBe('2101-12-31');

    expect(await notifyExpired(db, '2032-01-12')).toEqual({ schools: 1, emails: 1 });
    expect(await notifyExpired(db, '2032-01-12')).toEqual({ schools: 1, emails: 0 });
    const mail = await sql(`SELECT to_address AS "to", subject, text_body AS text FROM outbox_email WHERE dedupe_key LIKE 'archive-retention:%'`);
    expect(mail).toEqual([{ to: 'head@school3.example', subject: `Архів: строк зберігання минув (${journalFiles().length})`, text: expect.stringContaining('затвердите акт') }]);
    // the recurring job of this week ran at the first tick (nothing had expired); next week's sends the notice and deletes nothing
    expect((await sql(`SELECT result FROM job WHERE kind = $1 AND status = 'done'`, [RETENTION_JOB])).map((r) => r.result)).toEqual([{ schools: 0, emails: 0 }]);
    await withSystem(db, (c) => enqueueJob(c, { kind: RETENTION_JOB, payload: { week: '2032-01-19' } }));
    await tick(db, silent);
    expect((await sql(`SELECT count(*)::int AS n FROM outbox_email WHERE dedupe_key LIKE 'archive-retention:%'`))[0].n).toBe(2);
    for (const x of journalFiles()) expect(existsSync(join(root, x.path))).toBe(true);

    const lines: string[] = [];
    expect(await expiredFromCli(db, { schoolId: school.schoolId }, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toBe(`Archive files of school ${school.schoolId} whose retention ended before 2032-01-15: ${journalFiles().length}`);
    expect(lines.some((l) => l.includes(journalFiles()[0].path))).toBe(true);
  });

  it('refuses an act without a reason, by the controller, or with one kept file among expired ones', async () => {
    const expired = journalFiles().map((x) => ({ archiveId, path: x.path }));
    const noReason = await as.head.post(`${url}/acts`, { reason: '  ', files: expired }, 'en');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0].path).toBe('reason');
    expect((await as.controller.post(`${url}/acts`, { reason: 'Строк минув', files: expired })).statusCode).toBe(403);
    const mixed = await as.head.post(`${url}/acts`, { reason: 'Строк минув', files: [...expired, { archiveId, path: summaryFiles()[0].path }] });
    expect(mixed.statusCode).toBe(409);
    expect(mixed.json().error.message).toBe('Файлів, строк зберігання яких ще не минув або які вже знищено: 1. Акт не затверджено, нічого не змінено.');
    expect(await acts()).toBe(0);
    for (const x of files) expect(existsSync(join(root, x.path))).toBe(true);
  });

  it('approves the act: the expired files go, the act (PDF), manifest, signature and metadata stay; verify still passes', async () => {
    const expired = journalFiles().map((x) => ({ archiveId, path: x.path }));
    const res = await as.head.post(`${url}/acts`, { reason: 'Закінчився строк зберігання (5 років), протокол ЕК № 2', files: expired });
    expect(res.statusCode, res.body).toBe(200);
    const { act, deleted } = res.json();
    expect(deleted).toBe(expired.length);
    expect(act).toMatchObject({ number: 1, reason: 'Закінчився строк зберігання (5 років), протокол ЕК № 2', approvedBy: 'Тестенко Олена', approvedOn: '2032-01-15', files: expired.length });
    expect(act.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(act.items).toHaveLength(expired.length);
    expect(act.items[0].manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    for (const x of journalFiles()) expect(existsSync(join(root, x.path))).toBe(false);
    for (const x of summaryFiles()) expect(existsSync(join(root, x.path))).toBe(true);
    expect(existsSync(join(root, 'manifest.json'))).toBe(true);
    expect(existsSync(join(root, 'manifest.p7s'))).toBe(true);

    const pdf = await as.controller.get(`${url}/acts/${act.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf.rawPayload }).toString();
    expect(text).toContain('АКТ № 1');
    expect(text).toContain('про вилучення для знищення документів');
    expect(text).toContain('протокол ЕК № 2');
    expect((await as['other.head'].get(`/api/schools/${other.schoolId}/archive-retention/acts/${act.id}/pdf`)).statusCode).toBe(404);

    const report = await verifyArchive(folderSource(root), { lang: 'en' });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, filesDestroyed: expired.length, filesChecked: summaryFiles().length });
    expect(report.signatures[0].ok).toBe(true);

    const overview = (await as.head.get(url)).json();
    expect(overview.expired).toEqual([]);
    expect(overview.acts).toHaveLength(1);
    const listed = (await as.head.get(`/api/schools/${school.schoolId}/archives/${archiveId}/files`)).json().files;
    expect(listed.filter((x: { destroyed: boolean }) => x.destroyed)).toHaveLength(expired.length);
    const gone = await as.head.get(`/api/schools/${school.schoolId}/archives/${archiveId}/file?path=${encodeURIComponent(expired[0].path)}`);
    expect(gone.statusCode).toBe(410);
  });

  it('keeps what was destroyed: its records and the act cannot be deleted or changed, nor destroyed twice', async () => {
    await expect(asApp(`DELETE FROM archive_file WHERE archive_id = ${archiveId} AND destroyed_act_id IS NOT NULL`)).rejects.toMatchObject({ code: 'KL002' });
    await expect(sql(`UPDATE archive_file SET sha256 = 'x' WHERE archive_id = ${archiveId} AND destroyed_act_id IS NOT NULL`)).rejects.toMatchObject({ code: 'KL002' });
    await expect(asApp(`UPDATE archive_destruction_act SET reason = 'інша'`)).rejects.toMatchObject({ code: 'KL002' });
    await expect(asApp('DELETE FROM archive_destruction_act')).rejects.toThrow();
    await expect(sql('DELETE FROM archive_destruction_act')).rejects.toMatchObject({ code: 'KL002' });
    const again = await as.head.post(`${url}/acts`, { reason: 'Ще раз', files: [{ archiveId, path: journalFiles()[0].path }] });
    expect(again.statusCode).toBe(409);
    expect(await acts()).toBe(1);
  });
});
