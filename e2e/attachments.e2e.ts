import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { tinyPdf } from '../src/server/modules/attachments/sample.js';
import { closePage, launchBrowser, openPage, screenshot, settled, signIn } from './helpers.js';

const FILE_NAME = `Домашнє завдання (дроби) ${Date.now() % 10_000}.pdf`;
const PDF = tinyPdf(['Fractions: homework', 'Exercises 12-15']);

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

/** Monday of the week of an ISO date. */
function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
}

interface Target {
  schoolId: number;
  pageId: number;
  lessonId: number;
  lessonDate: string;
  today: string;
}

/** The demo teacher's mathematics page of 5-А in the first school (the demo parent's daughter's class) and its latest lesson held by today. */
async function findLesson(page: Page): Promise<Target> {
  const me = await (await page.request.get('/api/auth/me')).json();
  const schoolId = Math.min(...me.schools.map((s: { schoolId: number }) => s.schoolId));
  const pages = (await (await page.request.get(`/api/schools/${schoolId}/journal/pages`)).json()).pages as { id: number; classLabel: string; subjectName: string }[];
  const math = pages.find((p) => p.classLabel === '5-А' && p.subjectName === 'Математика');
  assert.ok(math, 'the demo teacher teaches mathematics in 5-А');
  const json = await (await page.request.get(`/api/schools/${schoolId}/journal/pages/${math.id}`)).json();
  const held = (json.lessons as { id: number; date: string; cancelled: boolean }[]).filter((l) => !l.cancelled && l.date <= json.page.today);
  const lesson = held[held.length - 1];
  assert.ok(lesson, 'a lesson held by today');
  return { schoolId, pageId: math.id, lessonId: lesson.id, lessonDate: lesson.date, today: json.page.today };
}

test('a teacher attaches a PDF to a lesson’s homework, and the parent opens it from the diary', async () => {
  let target: Target;
  const teacher = await openPage(browser);
  try {
    await signIn(teacher, 'teacher');
    await teacher.waitForURL((url) => url.pathname !== '/login');
    target = await findLesson(teacher);
    await teacher.goto(`/s/${target.schoolId}/journal/${target.pageId}`);
    await teacher.getByTestId('journal-grid').waitFor();
    await settled(teacher);
    await teacher.locator(`[data-testid="journal-grid"] thead button[data-lesson="${target.lessonId}"]`).click();
    const drawer = teacher.getByRole('dialog');
    const files = drawer.getByTestId('lesson-attachments');
    await files.getByText('Файли до домашнього завдання').waitFor();
    await files.getByText(/До 10 МБ: PDF/).waitFor();

    // a web page named .pdf is refused with the reason, and nothing appears in the list
    await files.locator('input[type="file"]').setInputFiles({ name: 'завдання.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><body>not a pdf</body></html>') });
    await files.getByText('Файл «завдання.pdf» не є документом дозволеного типу', { exact: false }).waitFor();
    assert.equal(await files.getByRole('link', { name: /завдання\.pdf/ }).count(), 0);

    await files.locator('input[type="file"]').setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: PDF });
    await teacher.getByText(`Файл «${FILE_NAME}» додано.`).waitFor();
    await files.getByRole('link', { name: FILE_NAME }).waitFor();
    await screenshot(teacher, 'attachments-lesson-panel');
  } finally {
    await closePage(teacher);
  }

  const parent = await openPage(browser);
  try {
    await signIn(parent, 'parent');
    await parent.waitForURL((url) => url.pathname !== '/login');
    const me = await (await parent.request.get('/api/auth/me')).json();
    const school = me.schools.find((s: { schoolId: number }) => s.schoolId === target.schoolId);
    const child = school.children.find((c: { classLabel: string }) => c.classLabel === '5-А');
    assert.ok(child, `the demo parent has a child in 5-А: ${JSON.stringify(me.schools)}`);
    await parent.goto(`/s/${target.schoolId}/diary/${child.pupilId}`);
    await parent.getByRole('heading', { level: 1, name: 'Щоденник' }).waitFor();
    await settled(parent);
    // the lesson may be in an earlier week than today's
    const weeksBack = Math.round((Date.parse(mondayOf(target.today)) - Date.parse(mondayOf(target.lessonDate))) / (7 * 86_400_000));
    for (let i = 0; i < weeksBack; i++) {
      await parent.getByRole('button', { name: /Попередній/ }).click();
      await settled(parent);
    }
    const link = parent.getByRole('link', { name: new RegExp(FILE_NAME.replace(/[()]/g, '\\$&')) });
    await link.waitFor();
    await screenshot(parent, 'attachments-diary');

    const href = await link.getAttribute('href');
    assert.ok(href);
    const res = await parent.request.get(href);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/pdf');
    assert.equal(res.headers()['x-content-type-options'], 'nosniff');
    assert.ok(res.headers()['content-disposition'].includes(`filename*=UTF-8''${encodeURIComponent(FILE_NAME).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`));
    assert.ok((await res.body()).equals(PDF), 'the parent gets the very bytes the teacher attached');

    // clicking the link opens the file in a new tab
    const [opened] = await Promise.all([parent.waitForEvent('popup'), link.click()]);
    await opened.waitForLoadState('domcontentloaded').catch(() => undefined);
    assert.ok(opened.url().endsWith(href), `the new tab shows ${href} (${opened.url()})`);
    await opened.waitForTimeout(1500);
    await screenshot(opened, 'attachments-opened');
  } finally {
    await closePage(parent);
  }
});
