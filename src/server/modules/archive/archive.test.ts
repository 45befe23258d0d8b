import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { tick } from '../../jobs/worker.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { buildArchive } from './build/build.js';
import { makeSchoolCa } from './signing/ca.js';
import { folderSource, verifyArchive, zipSource } from './verify.js';

const silent = { error: () => undefined, info: () => undefined };
const dir = mkdtempSync(join(tmpdir(), 'klasnyi-archive-test-'));
const archiveDir = join(dir, 'archive');
let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
let school: f.BuiltSchool;
let other: f.BuiltSchool;
let classId: number;
let pageId: number;
let lessons: number[];
let cols: Record<string, number>;
const pupils: Record<string, number> = {};
let base: string;
let archiveId: number;
const attachments: { id: number; name: string; bytes: Buffer }[] = [];
let root: string;

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2026-05-20', ARCHIVE_DIR: archiveDir, WORKER: 'off' });
  const cityId = await f.buildCity(db);
  school = await f.buildSchool(db, cityId, 'Ліцей №7');
  other = await f.buildSchool(db, cityId, 'Інша школа');
  await f.buildStaff(db, school.schoolId, 'head', ['head']);
  await f.buildStaff(db, school.schoolId, 'controller', ['controller']);
  const teacher = await f.buildStaff(db, school.schoolId, 'math', ['teacher']);
  await f.buildStaff(db, other.schoolId, 'other.head', ['head']);
  classId = await f.buildClass(db, school, 5, 'А', teacher);
  const small = await f.buildClass(db, school, 10, 'Б');
  pupils.borys = await f.buildPupil(db, school.schoolId, classId, ['Ґалаган', 'Борис']);
  pupils.yizhak = await f.buildPupil(db, school.schoolId, classId, ['Їжакевич', 'Євгенія']);
  pupils.anna = await f.buildPupil(db, school.schoolId, classId, ['Іваненко', 'Анна']);
  await f.buildPupil(db, school.schoolId, small, ['Щербань', 'Юрій']);
  pageId = await f.buildPage(db, school, { classId, subject: 'Математика', teacherId: teacher });
  lessons = await f.buildLessons(db, school.schoolId, pageId, ['2026-05-14', '2026-05-15', '2026-05-19']);
  cols = await f.buildSummaryColumns(db, school.schoolId, pageId);
  for (const login of ['head', 'controller', 'math', 'other.head']) as[login] = await actAs(app, login);
  const page = `/api/schools/${school.schoolId}/journal/pages/${pageId}`;
  const cell = (lessonId: number, pupilId: number, mark: string, absent = false, version = 0) => ({ lessonId, pupilId, mark, absent, version });
  const first = await as.math.put(`${page}/entries`, { cells: [cell(lessons[0], pupils.borys, '10'), cell(lessons[0], pupils.yizhak, '', true), cell(lessons[1], pupils.anna, '7')] });
  expect(first.statusCode, first.body).toBe(200);
  expect((await as.math.put(`${page}/entries`, { cells: [cell(lessons[0], pupils.borys, '11', false, 1)] })).statusCode).toBe(200);
  const annual = [pupils.borys, pupils.yizhak, pupils.anna].map((p, i) => ({ columnId: cols.annual, pupilId: p, mark: String(9 + i), version: 0 }));
  expect((await as.math.put(`${page}/entries`, { summary: annual })).statusCode).toBe(200);
  await as.math.request({ method: 'PATCH', url: `${page}/lessons/${lessons[0]}`, payload: { topic: 'Дроби: додавання', homework: '№ 214, 215', version: 1 } });
  await withSystem(db, (c) => c.query(`INSERT INTO absence_reason (school_id, pupil_id, day, reason) VALUES ($1, $2, '2026-05-14', 'illness')`, [school.schoolId, pupils.yizhak]));
  // a file the teacher attached to the lesson, and one attached and then removed
  for (const [name, removed] of [['Задачі/дроби.pdf', false], ['чернетка.pdf', true]] as const) {
    const bytes = Buffer.from(`%PDF-1.4 ${name}`);
    const r = await withSystem(db, (c) =>
      c.query(
        `INSERT INTO lesson_attachment (school_id, lesson_id, file_name, media_type, size_bytes, sha256, storage, content, created_by, removed_by, removed_at)
         VALUES ($1, $2, $3, 'application/pdf', $4, $5, 'db', $6, $7, $8, $9) RETURNING id`,
        [school.schoolId, lessons[0], name, bytes.length, createHash('sha256').update(bytes).digest('hex'), bytes, teacher, removed ? teacher : null, removed ? '2026-05-15' : null],
      ),
    );
    attachments.push({ id: r.rows[0].id, name, bytes });
  }
  base = `/api/schools/${school.schoolId}/archives`;
});
afterAll(async () => {
  await app.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'pipe' }).toString();

describe(`the archive of a closed year (${testEngine})`, () => {
  it('is built only for a closed year, by the head or administrator', async () => {
    expect((await anonymous(app, 'GET', base)).statusCode).toBe(401);
    expect((await as.math.get(base)).statusCode).toBe(403);
    expect((await as.controller.post(base, { yearId: school.yearId })).statusCode).toBe(403);
    const open = await as.head.post(base, { yearId: school.yearId });
    expect(open.statusCode).toBe(409);
    expect(open.json().error.code).toBe('year_not_closed');
    expect((await as.head.post(base, { yearId: 'x' }, 'en')).statusCode).toBe(400);
    const close = await as.head.post(`/api/schools/${school.schoolId}/years/${school.yearId}/close`, { reason: 'Теми уроків 15 і 19 травня не записано' });
    expect(close.statusCode).toBe(200);
  });

  it('builds in the background with progress, then lists it with retention', async () => {
    const res = await as.head.post(base, { yearId: school.yearId });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'building', version: 1, yearName: '2025/2026' });
    archiveId = res.json().id;
    expect((await as.head.post(base, { yearId: school.yearId })).json().error.code).toBe('archive_busy');
    await tick(db, silent);
    const list = (await as.controller.get(base)).json();
    const a = list.archives[0];
    expect(a).toMatchObject({ id: archiveId, status: 'built', retainUntil: '2101-12-31', signatures: [] });
    expect(a.files).toBeGreaterThanOrEqual(25);
    expect(a.pdfPages).toBeGreaterThanOrEqual(8);
    root = join(archiveDir, `${school.schoolId}/2025-2026-v1`);
    const files = (await as.head.get(`${base}/${archiveId}/files`)).json().files;
    const byPath = new Map(files.map((x: { path: string }) => [x.path, x]));
    expect(byPath.get('classes/05-А/summary-sheet.pdf')).toMatchObject({ retentionYears: 75, retainUntil: '2101-12-31', classLabel: '5-А' });
    expect(byPath.get('classes/05-А/journal.pdf')).toMatchObject({ retentionYears: 5, retainUntil: '2031-12-31' });
    expect([...byPath.keys()]).toEqual(expect.arrayContaining(['school.json', 'classes/05-А/journal.json', 'classes/05-А/marks.csv', 'classes/05-А/history.jsonl', 'classes/10-Б/class-teacher.pdf']));
    // building again gives the same archive until the year is closed again
    expect((await as.head.post(base, { yearId: school.yearId })).json().id).toBe(archiveId);
  });

  it('keeps the data as the database has it (JSON round trip)', async () => {
    const journal = (await as.controller.get(`${base}/${archiveId}/file?path=${encodeURIComponent('classes/05-А/journal.json')}`)).json();
    expect(journal).toMatchObject({ format: 'klasnyi-archive/1', kind: 'journal', class: { label: '5-А' }, year: { name: '2025/2026', status: 'closed' } });
    const page = journal.pages.find((p: { id: number }) => p.id === pageId);
    const db1 = await withSystem(db, async (c) => ({
      lessons: (await c.query('SELECT id, lesson_date AS date, period, topic, homework FROM lesson WHERE page_id = $1 ORDER BY lesson_date, period, id', [pageId])).rows,
      cells: (await c.query('SELECT lesson_id, pupil_id, mark, absent FROM journal_cell WHERE school_id = $1 ORDER BY lesson_id, pupil_id', [school.schoolId])).rows.map((r) => [r.lesson_id, r.pupil_id, r.mark, r.absent]),
      summary: (await c.query('SELECT column_id, pupil_id, mark FROM summary_mark WHERE school_id = $1 ORDER BY column_id, pupil_id', [school.schoolId])).rows.map((r) => [r.column_id, r.pupil_id, r.mark]),
      changes: (await c.query('SELECT count(*)::int AS n FROM journal_change WHERE school_id = $1', [school.schoolId])).rows[0].n,
    }));
    expect(page.lessons.map((l: Record<string, unknown>) => ({ id: l.id, date: l.date, period: l.period, topic: l.topic, homework: l.homework }))).toEqual(db1.lessons);
    expect(page.cells).toEqual(db1.cells);
    expect(page.summary).toEqual(db1.summary);
    expect(page.pupils.map((p: { name: string }) => p.name).sort()).toEqual(['Іваненко Анна', 'Ґалаган Борис', 'Їжакевич Євгенія'].sort());
    const sheet = (await as.head.get(`${base}/${archiveId}/file?path=${encodeURIComponent('classes/05-А/summary-sheet.json')}`)).json();
    expect(sheet.marks).toEqual(expect.arrayContaining([[pageId, pupils.borys, 'annual', null, '9']]));
    const teacherPages = JSON.parse(readFileSync(join(root, 'classes/05-А/class-teacher.json'), 'utf8'));
    expect(teacherPages.attendance).toEqual([{ pupilId: pupils.yizhak, semester: 2, lessons: 1, days: 1, illness: 1, family: 0, other: 0, unexplained: 0 }]);
    const history = readFileSync(join(root, 'classes/05-А/history.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(history).toHaveLength(db1.changes);
    expect(history[3]).toMatchObject({ seq: 4, field: 'mark', old: '10', new: '11', pupil: 'Ґалаган Борис', subject: 'Математика', lessonDate: '2026-05-14' });
    const csv = readFileSync(join(root, 'classes/05-А/marks.csv'), 'utf8');
    expect(csv).toContain('Ґалаган Борис,11,false');
  });

  it('keeps the files attached to lessons, as attached, and not those removed', async () => {
    const [kept, removed] = attachments;
    const path = `classes/05-А/attachments/${kept.id}-Задачі_дроби.pdf`;
    expect(readFileSync(join(root, path))).toEqual(kept.bytes);
    const list = JSON.parse(readFileSync(join(root, 'classes/05-А/attachments.json'), 'utf8'));
    expect(list).toMatchObject({ kind: 'attachments', class: { label: '5-А' } });
    expect(list.attachments).toEqual([
      expect.objectContaining({ id: kept.id, name: kept.name, lessonId: lessons[0], date: '2026-05-14', subject: 'Математика', file: `attachments/${kept.id}-Задачі_дроби.pdf` }),
    ]);
    const files = (await as.head.get(`${base}/${archiveId}/files`)).json().files.map((x: { path: string }) => x.path);
    expect(files).toContain(path);
    expect(files.some((x: string) => x.includes(`/${removed.id}-`))).toBe(false);
  });

  it('writes PDF/A-2b with the embedded DejaVu font, the pupils’ names extractable in Ukrainian', () => {
    const pdf = join(root, 'classes/05-А/journal.pdf');
    expect(sh('qpdf', ['--check', pdf])).toContain('No syntax or stream encoding errors');
    const fonts = sh('pdffonts', [pdf]).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/DejaVuSansCondensed.*\byes\s+yes\s+yes\b/);
    const meta = sh('pdfinfo', ['-meta', pdf]);
    expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    const text = sh('pdftotext', [pdf, '-']);
    for (const name of ['Ґалаган Борис', 'Їжакевич Євгенія', 'Іваненко Анна', 'Дроби: додавання', '№ 214, 215']) expect(text).toContain(name);
    expect(sh('pdftotext', [join(root, 'classes/05-А/class-teacher.pdf'), '-'])).toContain('Їжакевич Євгенія');
    expect(sh('pdftotext', [join(root, 'classes/05-А/summary-sheet.pdf'), '-'])).toContain('зведена відомість');
  });

  it('signs the manifest with the head’s PKCS#12 key; openssl accepts it and rejects a changed manifest', async () => {
    const ca = await makeSchoolCa({ schoolName: 'Ліцей №7', headName: 'Тестенко Олена Петрівна', password: 'пароль-123' });
    writeFileSync(join(dir, 'ca.pem'), ca.caPem);
    const p12 = ca.headP12.toString('base64');
    expect((await as.controller.post(`${base}/${archiveId}/sign`, { p12, password: 'пароль-123' })).statusCode).toBe(403);
    const wrong = await as.head.post(`${base}/${archiveId}/sign`, { p12, password: 'не той' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('pkcs12_password');
    const res = await as.head.post(`${base}/${archiveId}/sign`, { p12, password: 'пароль-123' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ method: 'pkcs12', file: 'manifest.p7s', signer: 'Тестенко Олена Петрівна, Ліцей №7', algorithm: 'ECDSA prime256v1 / SHA256' });
    const manifest = join(root, 'manifest.json');
    const verify = (content: string) =>
      sh('openssl', ['cms', '-verify', '-binary', '-content', content, '-inform', 'DER', '-in', join(root, 'manifest.p7s'), '-CAfile', join(dir, 'ca.pem'), '-purpose', 'any', '-out', '/dev/null']);
    verify(manifest);
    sh('openssl', ['cms', '-verify', '-cades', '-binary', '-content', manifest, '-inform', 'DER', '-in', join(root, 'manifest.p7s'), '-CAfile', join(dir, 'ca.pem'), '-purpose', 'any', '-out', '/dev/null']);
    const tampered = join(dir, 'manifest-tampered.json');
    const bytes = readFileSync(manifest);
    bytes[100] ^= 1;
    writeFileSync(tampered, bytes);
    expect(() => verify(tampered)).toThrow();
    // the password and key are not kept anywhere
    const stored = JSON.stringify((await withSystem(db, (c) => c.query('SELECT * FROM archive_signature'))).rows);
    expect(stored).not.toContain('пароль-123');
  });

  it('takes a detached .p7s made elsewhere (openssl, RSA, legacy 3DES PKCS#12) after checking it', async () => {
    const key = join(dir, 'ext.key');
    const cert = join(dir, 'ext.pem');
    sh('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', '/CN=Head External', '-sha256']);
    sh('openssl', ['cms', '-sign', '-binary', '-cades', '-md', 'sha256', '-in', join(root, 'manifest.json'), '-signer', cert, '-inkey', key, '-outform', 'DER', '-out', join(dir, 'ext.p7s')]);
    const up = await as.head.post(`${base}/${archiveId}/signatures`, { p7s: readFileSync(join(dir, 'ext.p7s')).toString('base64') });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ method: 'upload', file: 'manifest-2.p7s', signer: 'Head External' });
    sh('openssl', ['cms', '-sign', '-binary', '-in', join(dir, 'ca.pem'), '-signer', cert, '-inkey', key, '-outform', 'PEM', '-out', join(dir, 'other.p7s')]);
    const wrong = await as.head.post(`${base}/${archiveId}/signatures`, { p7s: readFileSync(join(dir, 'other.p7s')).toString('base64') }, 'en');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('another manifest');
    const legacy = join(dir, 'legacy.p12');
    sh('openssl', ['pkcs12', '-export', '-in', cert, '-inkey', key, '-out', legacy, '-passout', 'pass:legacy-pass', '-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']);
    const signed = await as.head.post(`${base}/${archiveId}/sign`, { p12: readFileSync(legacy).toString('base64'), password: 'legacy-pass' });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ file: 'manifest-3.p7s', algorithm: 'RSA 2048 / SHA256' });
    const a = (await as.head.get(`${base}/${archiveId}`)).json();
    expect(a.signatures.map((s: { file: string }) => s.file)).toEqual(['manifest.p7s', 'manifest-2.p7s', 'manifest-3.p7s']);
  });

  it('verifies the stored archive, and names the file when a byte changes', async () => {
    const ok = (await as.controller.post(`${base}/${archiveId}/verify`)).json();
    expect(ok).toMatchObject({ ok: true, problems: [] });
    expect(ok.signatures).toHaveLength(3);
    expect(ok.historyEntries).toBeGreaterThan(3);
    const pdf = join(root, 'classes/10-Б/journal.pdf');
    const original = readFileSync(pdf);
    const changed = Buffer.from(original);
    changed[changed.length - 10] ^= 1;
    writeFileSync(pdf, changed);
    const bad = (await as.head.post(`${base}/${archiveId}/verify`, undefined, 'en')).json();
    writeFileSync(pdf, original);
    expect(bad.ok).toBe(false);
    expect(bad.problems).toEqual([{ file: 'classes/10-Б/journal.pdf', code: 'hash_mismatch', message: 'The file was changed: its SHA-256 differs from the manifest.' }]);
  });

  it('detects a removed line of the change history', async () => {
    const copy = join(dir, 'copy');
    cpSync(root, copy, { recursive: true });
    const file = join(copy, 'classes/05-А/history.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [...lines.slice(0, 1), ...lines.slice(2)].join('\n'));
    const report = await verifyArchive(folderSource(copy), { lang: 'uk' });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.file, p.code])).toEqual([
      ['classes/05-А/history.jsonl', 'hash_mismatch'],
      ['classes/05-А/history.jsonl', 'chain_broken'],
    ]);
    expect(report.problems[1].message).toContain('рядку 2');
    // the CLI says the same, and accepts the untouched archive with the school's CA
    const cli = (args: string[]) => {
      try {
        return { code: 0, out: execFileSync('node', ['--import', 'tsx', 'src/cli/main.ts', 'archive', 'verify', ...args], { stdio: 'pipe' }).toString() };
      } catch (err) {
        const e = err as { status: number; stdout: Buffer };
        return { code: e.status, out: e.stdout.toString() };
      }
    };
    const failed = cli([copy]);
    expect(failed.code).toBe(3);
    expect(failed.out).toContain('FAIL classes/05-А/history.jsonl: The change history chain breaks at line 2');
    const passed = cli([root, '--ca', join(dir, 'ca.pem')]);
    expect(passed.out).toContain('OK   manifest.p7s: signed by Тестенко Олена Петрівна, Ліцей №7');
    expect(passed.out).toContain('TRUSTED: The certificate chain leads to a trusted authority: Тестенко Олена Петрівна → Ліцей №7: навчальний центр сертифікації.');
    // the two other signatures do not chain to this CA: reported plainly, not a failure of integrity
    expect(passed.code).toBe(0);
    expect(passed.out).toContain('OK   manifest-2.p7s');
    expect(passed.out).toMatch(/UNKNOWN CA: The authority that issued the certificate \(.+\) is not on the trusted list/);
  }, 120_000);

  it('downloads as a .zip that verifies, and verifies an uploaded .zip', async () => {
    const res = await as.head.request({ method: 'GET', url: `${base}/${archiveId}/download` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = res.rawPayload;
    const report = await verifyArchive(zipSource(zip), { lang: 'uk' });
    expect(report).toMatchObject({ ok: true, problems: [] });
    const uploaded = await as.controller.request({ method: 'POST', url: `${base}/verify`, payload: zip, headers: { 'content-type': 'application/zip' } });
    expect(uploaded.statusCode).toBe(200);
    expect(uploaded.json().ok).toBe(true);
    const entries = unzipSync(zip);
    const name = Object.keys(entries).find((n) => n.endsWith('/school.json'))!;
    entries[name] = new TextEncoder().encode(new TextDecoder().decode(entries[name]).replace('Ліцей №7', 'Ліцей №8'));
    const broken = Buffer.from(zipSync(entries));
    const bad = await as.controller.request({ method: 'POST', url: `${base}/verify`, payload: broken, headers: { 'content-type': 'application/zip', 'accept-language': 'en' } });
    expect(bad.json().problems).toEqual([{ file: 'school.json', code: 'hash_mismatch', message: 'The file was changed: its SHA-256 differs from the manifest.' }]);
    expect(bad.json().ok).toBe(false);
  });

  it('resumes a build: units already written are skipped', async () => {
    await withSystem(db, async (c) => {
      await c.query(`DELETE FROM archive_file WHERE archive_id = $1 AND path LIKE 'classes/10-Б/%'`, [archiveId]);
      await c.query(`UPDATE archive SET status = 'building' WHERE id = $1`, [archiveId]);
    });
    rmSync(join(root, 'classes/05-А/lessons.csv'));
    const head = (await withSystem(db, (c) => c.query(`SELECT user_id FROM staff_role WHERE school_id = $1 AND role = 'head'`, [school.schoolId]))).rows[0].user_id;
    const r = await buildArchive(db, { schoolId: school.schoolId, userId: head }, archiveId, { archiveDir, retention: { journalYears: 5, summaryYears: 75 } });
    // school, 5-А class teacher and summary sheet, remarks when kept: skipped; 5-А journal, all of 10-Б and the history: redone
    expect(r.skippedUnits).toBeGreaterThanOrEqual(3);
    expect(r.files).toBeGreaterThanOrEqual(25);
    const report = await verifyArchive(folderSource(root), { lang: 'en' });
    // the manifest changed, so the signatures made before no longer match it
    expect(report.problems.every((p) => p.file.endsWith('.p7s') && p.code === 'digest_mismatch')).toBe(true);
    expect(report.filesChecked).toBe(r.files);
  });

  it('keeps every school to its own archives', async () => {
    expect((await as['other.head'].get(base)).statusCode).toBe(403);
    expect((await as['other.head'].get(`/api/schools/${other.schoolId}/archives/${archiveId}`)).statusCode).toBe(404);
    expect((await as['other.head'].get(`/api/schools/${other.schoolId}/archives`)).json().archives).toEqual([]);
    const outside = await as.head.get(`${base}/${archiveId}/file?path=${encodeURIComponent('../../../etc/passwd')}`);
    expect(outside.statusCode).toBe(404);
  });
});
