import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { closePage, launchBrowser, openPage, screenshot, settled, signIn, typeKeys } from './helpers.js';

const SAVED = 'Усе збережено';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

interface Target {
  schoolId: number;
  pageId: number;
  lessonId: number;
  lessonDate: string;
  pupilId: number;
  pupilName: string;
}

const grid = (page: Page) => page.getByTestId('journal-grid');
const td = (page: Page, row: number, col: number) => grid(page).locator(`tbody tr:nth-child(${row + 1}) td:nth-child(${col + 2})`);
const waitSaved = (page: Page) => page.getByTestId('save-status').getByText(SAVED).waitFor({ timeout: 20_000 });

/** The demo parent's child in 5-А of the first school, signed in as the parent. */
async function parentsChild(page: Page): Promise<{ schoolId: number; pupilId: number; name: string }> {
  await signIn(page, 'parent');
  await page.waitForURL((url) => url.pathname !== '/login');
  const me = await (await page.request.get('/api/auth/me')).json();
  const school = me.schools.find((s: { children: { classLabel: string }[] }) => s.children.some((c) => c.classLabel === '5-А'));
  assert.ok(school, 'the demo parent has a child in 5-А');
  const child = school.children.find((c: { classLabel: string }) => c.classLabel === '5-А');
  return { schoolId: school.schoolId, pupilId: child.pupilId, name: child.name };
}

/** The child's mark in the lesson, as the diary's week API gives it to the parent. */
async function diaryMark(parent: Page, t: Target): Promise<string> {
  const week = await (await parent.request.get(`/api/schools/${t.schoolId}/diary/${t.pupilId}/week?date=${t.lessonDate}`)).json();
  const lesson = week.lessons.find((l: { lessonId: number }) => l.lessonId === t.lessonId);
  assert.ok(lesson, 'the lesson is in the diary week');
  return lesson.mark;
}

/** The teacher's mathematics page of 5-А and its latest lesson held by today. */
async function findLesson(teacher: Page, child: { schoolId: number; pupilId: number; name: string }): Promise<Target> {
  const pages = (await (await teacher.request.get(`/api/schools/${child.schoolId}/journal/pages`)).json()).pages as { id: number; classLabel: string; subjectName: string }[];
  const math = pages.find((p) => p.classLabel === '5-А' && p.subjectName === 'Математика');
  assert.ok(math, 'the demo teacher teaches mathematics in 5-А');
  const json = await (await teacher.request.get(`/api/schools/${child.schoolId}/journal/pages/${math.id}`)).json();
  const held = (json.lessons as { id: number; date: string; cancelled: boolean }[]).filter((l) => !l.cancelled && l.date <= json.page.today);
  const lesson = held[held.length - 1];
  const pupil = (json.pupils as { id: number; name: string }[]).find((p) => p.id === child.pupilId);
  assert.ok(lesson && pupil, 'a lesson held by today, and the child on the page');
  return { schoolId: child.schoolId, pageId: math.id, lessonId: lesson.id, lessonDate: lesson.date, pupilId: pupil.id, pupilName: pupil.name };
}

/** Where a lesson's column and a pupil's row are in the grid. */
async function spotOf(page: Page, t: Target): Promise<{ row: number; col: number }> {
  return page.evaluate((t) => {
    const root = document.querySelector('[data-testid="journal-grid"]')!;
    const col = Number(root.querySelector(`thead button[data-lesson="${t.lessonId}"]`)!.closest('th')!.getAttribute('data-col'));
    const body = root.querySelector('tbody') as HTMLTableSectionElement;
    const row = [...body.rows].findIndex((tr) => (tr.cells[0].textContent ?? '').replace(/^\d+/, '') === t.pupilName);
    return { row, col };
  }, t);
}

async function openGrid(page: Page, t: Target): Promise<void> {
  await page.goto(`/s/${t.schoolId}/journal/${t.pageId}`);
  // generous: a background job may hold the embedded database for a while
  await grid(page).waitFor({ timeout: 90_000 });
  await settled(page);
}

test('a pencil mark stays with the teacher until confirmed; then the parent’s diary shows it', async () => {
  const parent = await openPage(browser);
  const teacher = await openPage(browser);
  try {
    const child = await parentsChild(parent);
    await signIn(teacher, 'teacher');
    await teacher.waitForURL((url) => url.pathname !== '/login');
    const target = await findLesson(teacher, child);
    await openGrid(teacher, target);
    const { row, col } = await spotOf(teacher, target);
    assert.ok(row >= 0, 'the child’s row is on the page');

    await td(teacher, row, col).click();
    await typeKeys(teacher, '?11');
    await teacher.keyboard.press('Enter');
    await waitSaved(teacher);
    const cell = td(teacher, row, col);
    assert.equal(await cell.textContent(), '11');
    assert.ok(await cell.evaluate((el) => el.classList.contains('jg-tent')), 'the pencil mark looks different');
    assert.equal(await cell.getAttribute('title'), 'Олівцем: бачите лише ви, доки не підтвердите');
    await td(teacher, row, col).click();
    await teacher.getByText('олівцем', { exact: true }).waitFor();
    await screenshot(teacher, 'timesavers-pencil');

    assert.equal(await diaryMark(parent, target), '', 'the parent does not receive the pencil mark');

    // Alt+P confirms the pencil marks of the selection
    await teacher.keyboard.press('Alt+KeyP');
    await teacher.getByText('Підтверджено оцінок: 1.').waitFor();
    await waitSaved(teacher);
    assert.ok(!(await cell.evaluate((el) => el.classList.contains('jg-tent'))), 'the mark is confirmed');
    assert.equal(await diaryMark(parent, target), '11');

    await parent.goto(`/s/${target.schoolId}/diary/${target.pupilId}`);
    await parent.getByRole('heading', { level: 1, name: 'Щоденник' }).waitFor();
    await settled(parent);
    await screenshot(parent, 'timesavers-diary');
  } finally {
    await closePage(teacher);
    await closePage(parent);
  }
});

test('a teacher fills a selected block with one value and undoes it as a whole', async () => {
  const parent = await openPage(browser);
  const teacher = await openPage(browser);
  try {
    const child = await parentsChild(parent);
    await closePage(parent);
    await signIn(teacher, 'teacher');
    await teacher.waitForURL((url) => url.pathname !== '/login');
    const target = await findLesson(teacher, child);
    await openGrid(teacher, target);
    const { col } = await spotOf(teacher, target);
    // three open rows next to each other in the lesson's column
    const rows = await teacher.evaluate((col) => {
      const body = document.querySelector('[data-testid="journal-grid"] tbody') as HTMLTableSectionElement;
      const open = [...body.rows].map((tr) => !tr.cells[col + 1].classList.contains('jg-off') && !tr.cells[col + 1].classList.contains('jg-ro'));
      const start = open.findIndex((_, i) => open[i] && open[i + 1] && open[i + 2]);
      return [start, start + 1, start + 2];
    }, col);
    assert.ok(rows[0] >= 0, 'three open rows');
    const texts = () => Promise.all(rows.map((r) => td(teacher, r, col).textContent()));

    await td(teacher, rows[0], col).click();
    await teacher.keyboard.press('Shift+ArrowDown');
    await teacher.keyboard.press('Shift+ArrowDown');
    await typeKeys(teacher, '7');
    await teacher.keyboard.press('Control+Enter');
    await teacher.getByText('Заповнено клітинок: 3.', { exact: false }).waitFor();
    await waitSaved(teacher);
    assert.deepEqual(await texts(), ['7', '7', '7']);
    await screenshot(teacher, 'timesavers-fill');

    await teacher.reload();
    await grid(teacher).waitFor();
    await settled(teacher);
    assert.deepEqual(await texts(), ['7', '7', '7'], 'the block is saved');

    // «Заповнити виділене» from the bar, then one undo takes the whole block back
    await td(teacher, rows[0], col).click();
    await teacher.keyboard.press('Shift+ArrowDown');
    await teacher.keyboard.press('Shift+ArrowDown');
    await teacher.getByRole('button', { name: /Заповнити виділене/ }).click();
    await typeKeys(teacher, 'н');
    await teacher.keyboard.press('Enter');
    await waitSaved(teacher);
    assert.deepEqual(await texts(), ['н', 'н', 'н']);
    await td(teacher, rows[0], col).click();
    await teacher.keyboard.press('Control+z');
    await waitSaved(teacher);
    assert.deepEqual(await texts(), ['7', '7', '7']);
    await teacher.reload();
    await grid(teacher).waitFor();
    await settled(teacher);
    assert.deepEqual(await texts(), ['7', '7', '7'], 'the undo is saved as a whole');
  } finally {
    await closePage(teacher);
  }
});

test('the lesson panel sets the same homework for the parallel classes in one action', async () => {
  const parent = await openPage(browser);
  const teacher = await openPage(browser);
  try {
    const child = await parentsChild(parent);
    await closePage(parent);
    await signIn(teacher, 'teacher');
    await teacher.waitForURL((url) => url.pathname !== '/login');
    const latest = await findLesson(teacher, child);
    // the last lesson of the past week that 5-Б also has on the same day (the demo teacher teaches both)
    const json = await (await teacher.request.get(`/api/schools/${latest.schoolId}/journal/pages/${latest.pageId}`)).json();
    const held = (json.lessons as { id: number; date: string; cancelled: boolean }[]).filter((l) => !l.cancelled && l.date <= json.page.today).reverse().slice(0, 4);
    let target = latest;
    let parallels: { lessonId: number; pageId: number; classLabel: string }[] = [];
    for (const l of held) {
      const res = await teacher.request.get(`/api/schools/${latest.schoolId}/journal/pages/${latest.pageId}/lessons/${l.id}/parallels`);
      parallels = (await res.json()).lessons;
      target = { ...latest, lessonId: l.id, lessonDate: l.date };
      if (parallels.length) break;
    }
    assert.ok(parallels.length > 0, 'the demo teacher teaches mathematics in another 5th class on one of the last days');
    await openGrid(teacher, target);
    await teacher.locator(`[data-testid="journal-grid"] thead button[data-lesson="${target.lessonId}"]`).click();
    const drawer = teacher.getByRole('dialog');
    const homework = `§ 12, № ${Date.now() % 1000}`;
    await drawer.getByLabel('Домашнє завдання', { exact: true }).fill(homework);
    await drawer.getByRole('button', { name: 'Те саме для паралелі' }).click();
    for (const p of parallels) await drawer.getByRole('checkbox', { name: new RegExp(`^${p.classLabel},`) }).waitFor();
    await screenshot(teacher, 'timesavers-parallels');
    await drawer.getByRole('button', { name: 'Задати це домашнє завдання' }).click();
    await teacher.getByText(`Домашнє завдання задано: ${parallels.map((p) => p.classLabel).join(', ')}.`).waitFor();
    for (const p of parallels) {
      const json = await (await teacher.request.get(`/api/schools/${target.schoolId}/journal/pages/${p.pageId}`)).json();
      assert.equal(json.lessons.find((l: { id: number }) => l.id === p.lessonId).homework, homework, `${p.classLabel} has the homework`);
    }
  } finally {
    await closePage(teacher);
  }
});
