import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { attachmentsFromCli } from './cli.js';
import * as file from './fixtures.test-helpers.js';
import { contentDisposition } from './routes.js';
import { tinyPdf } from './sample.js';
import { attachmentPath } from './storage.js';

let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
let schoolId: number;
let otherSchoolId: number;
let pageUrl: string;
let lessons: number[];
let pupilOlia: number;
const PDF = tinyPdf(['Homework 5', 'Exercises 1-10']);
const PDF_NAME = 'Домашнє завдання №5 (дроби).pdf';

const filesUrl = (lessonId: number) => `${pageUrl}/lessons/${lessonId}/attachments`;
const upload = (who: string, lessonId: number, f: { name: string; bytes: Buffer; type?: string } | null, fields: Record<string, string> = {}, lang?: string) =>
  as[who].request({ method: 'POST', url: filesUrl(lessonId), ...withLang(file.multipart(f, fields), lang) });
const withLang = (m: ReturnType<typeof file.multipart>, lang?: string) => ({ payload: m.payload, headers: { ...m.headers, ...(lang ? { 'accept-language': lang } : {}) } });
const storedCount = async () => withSystem(db, async (c) => Number((await c.query('SELECT count(*) FROM lesson_attachment')).rows[0].count));
const historyCount = async () => withSystem(db, async (c) => Number((await c.query(`SELECT count(*) FROM journal_change WHERE field = 'homework'`)).rows[0].count));

beforeAll(async () => {
  db = await openTestDatabase();
  // a small limit (20 KB), so "over the limit" needs no big buffers
  app = await buildTestApp(db, { TODAY: '2025-10-15', ATTACHMENT_MAX_MB: '0.02' });
  const cityId = await f.buildCity(db);
  const school = await f.buildSchool(db, cityId);
  schoolId = school.schoolId;
  const teacher = await f.buildStaff(db, schoolId, 'math', ['teacher']);
  const classTeacher = await f.buildStaff(db, schoolId, 'ct', ['teacher']);
  const subId = await f.buildStaff(db, schoolId, 'sub', ['teacher']);
  await f.buildStaff(db, schoolId, 'bio', ['teacher']);
  await f.buildStaff(db, schoolId, 'head', ['head']);
  const classId = await f.buildClass(db, school, 6, 'А', classTeacher);
  const otherClass = await f.buildClass(db, school, 6, 'Б');
  pupilOlia = await f.buildPupil(db, schoolId, classId, ['Коваль', 'Оля'], await f.buildUser(db, 'olia'));
  await f.buildGuardian(db, schoolId, pupilOlia, await f.buildUser(db, 'mama'));
  const petro = await f.buildPupil(db, schoolId, otherClass, ['Шевчук', 'Петро']);
  await f.buildGuardian(db, schoolId, petro, await f.buildUser(db, 'tato'));
  const pageId = await f.buildPage(db, school, { classId, subject: 'Математика', teacherId: teacher });
  lessons = await f.buildLessons(db, schoolId, pageId, ['2025-10-13', '2025-10-14', '2025-09-02']);
  pageUrl = `/api/schools/${schoolId}/journal/pages/${pageId}`;

  const other = await f.buildSchool(db, cityId, 'Інша гімназія');
  otherSchoolId = other.schoolId;
  await f.buildStaff(db, otherSchoolId, 'other.head', ['head']);
  const otherPupil = await f.buildPupil(db, otherSchoolId, await f.buildClass(db, other, 6, 'А'), ['Інший', 'Учень']);
  await f.buildGuardian(db, otherSchoolId, otherPupil, await f.buildUser(db, 'other.mama'));

  for (const login of ['math', 'ct', 'sub', 'bio', 'head', 'olia', 'mama', 'tato', 'other.head', 'other.mama']) as[login] = await actAs(app, login);
  expect((await as.head.put(`${pageUrl}/lessons/${lessons[1]}/substitute`, { teacherId: subId })).statusCode).toBe(200);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe(`homework attachments (${testEngine})`, () => {
  let pdfId: number;

  it('lets the page’s teacher attach a PDF, with its detected type, size, SHA-256 and a history row', async () => {
    const res = await upload('math', lessons[0], { name: PDF_NAME, bytes: PDF, type: 'application/octet-stream' });
    expect(res.statusCode).toBe(200);
    pdfId = res.json().id;
    expect(res.json()).toMatchObject({
      lessonId: lessons[0],
      name: PDF_NAME,
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      url: `/api/schools/${schoolId}/attachments/${pdfId}`,
    });
    const history = (await as.math.get(`${pageUrl}/history?lessonId=${lessons[0]}`)).json().changes;
    expect(history[0]).toMatchObject({ field: 'homework', oldValue: '', newValue: expect.stringContaining(`файл «${PDF_NAME}»`), late: false });
  });

  it('lists the lesson’s files for the page’s readers, with the limit and who may change them', async () => {
    const byTeacher = (await as.math.get(filesUrl(lessons[0]))).json();
    expect(byTeacher).toMatchObject({ canWrite: true, maxBytes: Math.floor(0.02 * 1024 * 1024), attachments: [{ id: pdfId, name: PDF_NAME }] });
    expect(byTeacher.allowedExtensions).toEqual(expect.arrayContaining(['pdf', 'docx', 'xlsx', 'odt', 'doc', 'png']));
    expect((await as.ct.get(filesUrl(lessons[0]))).json()).toMatchObject({ canWrite: false, attachments: [{ id: pdfId }] });
    expect((await as.head.get(filesUrl(lessons[0]))).statusCode).toBe(200);
    expect((await as.bio.get(filesUrl(lessons[0]))).statusCode).toBe(403);
    expect((await as.mama.get(filesUrl(lessons[0]))).statusCode).toBe(403);
    expect((await as['other.head'].get(filesUrl(lessons[0]))).statusCode).toBe(403);
  });

  it('gives the file to a parent and the pupil of the class with its type, original name and nosniff', async () => {
    for (const who of ['mama', 'olia', 'math', 'ct', 'head']) {
      const res = await as[who].get(`/api/schools/${schoolId}/attachments/${pdfId}`);
      expect(res.statusCode, who).toBe(200);
      expect(res.rawPayload.equals(PDF)).toBe(true);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBe(contentDisposition('inline', PDF_NAME));
    }
    // RFC 5987: an ASCII fallback, and the UTF-8 name percent-encoded (parentheses too)
    const enc = '%D0%94%D0%BE%D0%BC%D0%B0%D1%88%D0%BD%D1%94%20%D0%B7%D0%B0%D0%B2%D0%B4%D0%B0%D0%BD%D0%BD%D1%8F%20%E2%84%965%20%28%D0%B4%D1%80%D0%BE%D0%B1%D0%B8%29.pdf';
    expect(contentDisposition('inline', PDF_NAME)).toBe(
      `inline; filename="_______ ________ _5 (_____).pdf"; filename*=UTF-8''${enc}`,
    );
  });

  it('refuses the file to a parent of another class, a teacher of another page, another school and no session', async () => {
    const url = `/api/schools/${schoolId}/attachments/${pdfId}`;
    expect((await as.tato.get(url)).statusCode).toBe(403);
    expect((await as.bio.get(url)).statusCode).toBe(403);
    expect((await as['other.mama'].get(url)).statusCode).toBe(403);
    expect((await as['other.head'].get(url)).statusCode).toBe(403);
    // through their own school's path, the other school's rows do not exist for them
    expect((await as['other.head'].get(`/api/schools/${otherSchoolId}/attachments/${pdfId}`)).statusCode).toBe(404);
    expect((await anonymous(app, 'GET', url)).statusCode).toBe(401);
  });

  it('shows the files in the diary of the class’s pupils only', async () => {
    const week = (await as.mama.get(`/api/schools/${schoolId}/diary/${pupilOlia}/week?date=2025-10-15`)).json();
    const lesson = week.lessons.find((l: { lessonId: number }) => l.lessonId === lessons[0]);
    expect(lesson.attachments).toEqual([{ id: pdfId, name: PDF_NAME, mediaType: 'application/pdf', size: PDF.length, url: `/api/schools/${schoolId}/attachments/${pdfId}` }]);
    expect(week.lessons.find((l: { lessonId: number }) => l.lessonId === lessons[1]).attachments).toEqual([]);
  });

  it('refuses a file over the limit in the request’s language, storing nothing', async () => {
    const [before, beforeHistory] = [await storedCount(), await historyCount()];
    const big = Buffer.concat([PDF, Buffer.alloc(25 * 1024, 0x20)]);
    const uk = await upload('math', lessons[0], { name: 'великий.pdf', bytes: big });
    expect(uk.statusCode).toBe(413);
    expect(uk.json().error).toMatchObject({ code: 'attachment_too_large', message: 'Файл «великий.pdf» завеликий: можна до 0.02 МБ. Файл не збережено.' });
    const en = await upload('math', lessons[0], { name: 'big.pdf', bytes: big }, {}, 'en');
    expect(en.json().error.message).toMatch(/^The file “big.pdf” is too large/);
    expect([await storedCount(), await historyCount()]).toEqual([before, beforeHistory]);
  });

  it('refuses an executable, a web page, a plain zip and a macro document named as documents, storing nothing', async () => {
    const [before, beforeHistory] = [await storedCount(), await historyCount()];
    const fakes = [
      { name: 'завдання.pdf', bytes: file.exe() },
      { name: 'завдання.pdf', bytes: Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), type: 'application/pdf' },
      { name: 'завдання.docx', bytes: file.plainZip() },
      { name: 'завдання.doc', bytes: file.ole(['WordDocument', 'Macros/VBA/ThisDocument']) },
      { name: 'setup.msi', bytes: file.ole(['SummaryInformation']) },
    ];
    for (const fake of fakes) {
      const res = await upload('math', lessons[0], fake);
      expect(res.statusCode, fake.name).toBe(415);
      expect(res.json().error).toMatchObject({ code: 'attachment_type', message: expect.stringContaining(`«${fake.name}» не є документом дозволеного типу`) });
    }
    expect((await upload('math', lessons[0], fakes[0], {}, 'en')).json().error.message).toContain('is not a document of an allowed type');
    expect([await storedCount(), await historyCount()]).toEqual([before, beforeHistory]);
  });

  it('accepts images and office documents, telling the programs apart by content', async () => {
    const cases: [string, Buffer, string][] = [
      ['схема.png', file.PNG, 'image/png'],
      ['вправи.docx', file.docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['таблиця.xlsx', await file.xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['слайди.pptx', file.pptx(), 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['текст.odt', file.openDocument('application/vnd.oasis.opendocument.text'), 'application/vnd.oasis.opendocument.text'],
      ['таблиця.ods', file.openDocument('application/vnd.oasis.opendocument.spreadsheet'), 'application/vnd.oasis.opendocument.spreadsheet'],
      ['слайди.odp', file.openDocument('application/vnd.oasis.opendocument.presentation'), 'application/vnd.oasis.opendocument.presentation'],
      // a .doc named .xls is still a Word file: the name is not believed
      ['старе.xls', file.ole(['WordDocument', '1Table']), 'application/msword'],
      ['старе.xls', file.ole(['Workbook']), 'application/vnd.ms-excel'],
      ['старе.ppt', file.ole(['PowerPoint Document', 'Current User']), 'application/vnd.ms-powerpoint'],
    ];
    for (const [name, bytes, type] of cases) {
      const res = await upload('math', lessons[0], { name, bytes });
      expect(res.statusCode, name).toBe(200);
      expect(res.json().mediaType, name).toBe(type);
    }
    const docx = (await as.math.get(filesUrl(lessons[0]))).json().attachments.find((a: { name: string }) => a.name === 'вправи.docx');
    const res = await as.mama.get(docx.url);
    expect(res.headers['content-disposition']).toMatch(/^attachment; /);
  });

  it('lets only the page’s teacher and the lesson’s substitute attach', async () => {
    const pdf = { name: 'a.pdf', bytes: PDF };
    expect((await upload('sub', lessons[1], pdf)).statusCode).toBe(200);
    expect((await upload('sub', lessons[0], pdf)).statusCode).toBe(403);
    expect((await upload('bio', lessons[0], pdf)).statusCode).toBe(403);
    expect((await upload('ct', lessons[0], pdf)).statusCode).toBe(403);
    expect((await upload('mama', lessons[0], pdf)).statusCode).toBe(403);
    expect((await upload('other.head', lessons[0], pdf)).statusCode).toBe(403);
    expect((await anonymous(app, 'POST', filesUrl(lessons[0]))).statusCode).toBe(401);
  });

  it('asks for a file and, for an old lesson, a reason', async () => {
    const none = await upload('math', lessons[0], null, { reason: 'x' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toBe('Виберіть файл для завантаження.');
    const before = await storedCount();
    const late = await upload('math', lessons[2], { name: 'a.pdf', bytes: PDF });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details.problems[0].code).toBe('reason_required');
    expect(await storedCount()).toBe(before);
    const withReason = await upload('math', lessons[2], { name: 'a.pdf', bytes: PDF }, { reason: 'забула додати' });
    expect(withReason.statusCode).toBe(200);
    const history = (await as.math.get(`${pageUrl}/history?lessonId=${lessons[2]}`)).json().changes;
    expect(history[0]).toMatchObject({ field: 'homework', late: true, reason: 'забула додати' });
  });

  it('removes a file with a history row; it is then gone for everybody', async () => {
    const url = `/api/schools/${schoolId}/attachments/${pdfId}`;
    expect((await as.mama.request({ method: 'DELETE', url: `${filesUrl(lessons[0])}/${pdfId}` })).statusCode).toBe(403);
    expect((await as.bio.request({ method: 'DELETE', url: `${filesUrl(lessons[0])}/${pdfId}` })).statusCode).toBe(403);
    const res = await as.math.request({ method: 'DELETE', url: `${filesUrl(lessons[0])}/${pdfId}` });
    expect(res.statusCode).toBe(200);
    expect((await as.math.get(filesUrl(lessons[0]))).json().attachments.map((a: { id: number }) => a.id)).not.toContain(pdfId);
    expect((await as.mama.get(url)).statusCode).toBe(404);
    const history = (await as.math.get(`${pageUrl}/history?lessonId=${lessons[0]}`)).json().changes;
    expect(history[0]).toMatchObject({ field: 'homework', oldValue: expect.stringContaining(`файл «${PDF_NAME}»`), newValue: '' });
    expect((await as.math.request({ method: 'DELETE', url: `${filesUrl(lessons[0])}/${pdfId}` })).statusCode).toBe(404);
  });

  it('takes a school’s own smaller limit', async () => {
    await withSystem(db, (c) => c.query(`UPDATE school SET settings = jsonb_set(settings, '{attachments}', '{"maxMb": 0.001}') WHERE id = $1`, [schoolId]));
    try {
      expect((await as.math.get(filesUrl(lessons[0]))).json().maxBytes).toBe(Math.floor(0.001 * 1024 * 1024));
      expect((await upload('math', lessons[0], { name: 'a.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(2000, 0x20)]) })).statusCode).toBe(413);
    } finally {
      await withSystem(db, (c) => c.query(`UPDATE school SET settings = settings - 'attachments' WHERE id = $1`, [schoolId]));
    }
  });
});

describe('attachments in the API documentation', () => {
  it('documents upload as multipart, listing, removal and download', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const lessonFiles = doc.paths['/api/schools/{schoolId}/journal/pages/{pageId}/lessons/{lessonId}/attachments'];
    expect(Object.keys(lessonFiles).sort()).toEqual(['get', 'post']);
    expect(Object.keys(lessonFiles.post.requestBody.content)).toEqual(['multipart/form-data']);
    expect(doc.paths['/api/schools/{schoolId}/journal/pages/{pageId}/lessons/{lessonId}/attachments/{attachmentId}'].delete).toBeDefined();
    expect(doc.paths['/api/schools/{schoolId}/attachments/{attachmentId}'].get.summary).toMatch(/^Download a homework file/);
  });
});

describe(`attachments verify, the CLI (${testEngine})`, () => {
  it('finds every stored file intact, then names one whose bytes were changed', async () => {
    const lines: string[] = [];
    expect(await attachmentsFromCli(db, { sub: 'verify', schoolId }, (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toMatch(/^\d+ files, [\d.]+ MB: \d+ intact, 0 with problems$/);
    const victim = await withSystem(db, async (c) =>
      (await c.query(`UPDATE lesson_attachment SET content = overlay(content placing '\\x41'::bytea from 20 for 1) WHERE id = (SELECT min(id) FROM lesson_attachment WHERE removed_at IS NULL AND storage = 'db') RETURNING id`)).rows[0].id,
    );
    lines.length = 0;
    expect(await attachmentsFromCli(db, { sub: 'verify', schoolId }, (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(new RegExp(`^school ${schoolId} file ${victim} «.*»: SHA-256 does not match`));
    expect(lines.at(-1)).toMatch(/, 1 with problems$/);
  });
});

describe(`homework attachments in a folder (${testEngine})`, () => {
  it('keeps the bytes in ATTACHMENTS_DIR and serves them from there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klasnyi-att-'));
    const folderApp = await buildTestApp(db, { TODAY: '2025-10-15', ATTACHMENTS_DIR: dir });
    try {
      const math = await actAs(folderApp, 'math');
      const bytes = tinyPdf(['Folder copy']);
      const m = file.multipart({ name: 'у теці.pdf', bytes });
      const res = await math.request({ method: 'POST', url: filesUrl(lessons[1]), payload: m.payload, headers: m.headers });
      expect(res.statusCode).toBe(200);
      const { id, sha256 } = res.json();
      expect(readFileSync(attachmentPath(dir, schoolId, sha256)).equals(bytes)).toBe(true);
      const row = await withSystem(db, async (c) => (await c.query('SELECT storage, content FROM lesson_attachment WHERE id = $1', [id])).rows[0]);
      expect(row).toEqual({ storage: 'dir', content: null });
      const mama = await actAs(folderApp, 'mama');
      expect((await mama.get(`/api/schools/${schoolId}/attachments/${id}`)).rawPayload.equals(bytes)).toBe(true);
      // a refused file leaves nothing in the folder either
      const refused = file.multipart({ name: 'x.pdf', bytes: file.exe() });
      expect((await math.request({ method: 'POST', url: filesUrl(lessons[1]), payload: refused.payload, headers: refused.headers })).statusCode).toBe(415);
      expect(existsSync(attachmentPath(dir, schoolId, createHash('sha256').update(file.exe()).digest('hex')))).toBe(false);
    } finally {
      await folderApp.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
