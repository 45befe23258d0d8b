import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { closePage, launchBrowser, openPage, screenshot, settled, signIn } from './helpers.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

interface Child {
  pupilId: number;
  name: string;
  classLabel: string | null;
}

const api = <T>(page: Page, path: string): Promise<T> => page.evaluate(async (p) => (await fetch(p)).json(), path);

/** Monday of the week containing an ISO date. */
function mondayOf(date: string): number {
  const d = new Date(`${date}T00:00:00Z`);
  return d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000;
}

test('a mark the teacher types is in the parent’s diary at once', async () => {
  const parent = await openPage(browser, { phone: true });
  const teacher = await openPage(browser);
  try {
    // the demo parent's daughter is in 5-А, where the demo teacher teaches mathematics
    await signIn(parent, 'parent');
    await parent.waitForURL((url) => url.pathname !== '/login');
    const me = await api<{ schools: { schoolId: number; children: Child[] }[] }>(parent, '/api/auth/me');
    const school = me.schools.find((s) => s.children.some((c) => c.classLabel === '5-А'));
    assert.ok(school, 'the parent has a child in 5-А');
    const child = school.children.find((c) => c.classLabel === '5-А')!;

    await signIn(teacher, 'teacher');
    await teacher.waitForURL((url) => url.pathname !== '/login');
    const mine = await api<{ pages: { id: number; classLabel: string; groupName: string | null }[] }>(teacher, `/api/schools/${school.schoolId}/journal/pages?mine=true`);
    const journal = mine.pages.find((p) => p.classLabel === '5-А' && !p.groupName);
    assert.ok(journal, 'the teacher has the 5-А page');
    await teacher.goto(`/s/${school.schoolId}/journal/${journal.id}`);
    const grid = teacher.getByTestId('journal-grid');
    await grid.waitFor();
    await settled(teacher);

    // the column the grid opens on (the last lesson the teacher may fill), in the child's row
    const col = Number(await grid.locator('thead th.jg-focus-col').first().getAttribute('data-col'));
    const lessonId = Number(await grid.locator(`thead th[data-col="${col}"] button[data-lesson]`).getAttribute('data-lesson'));
    const row = grid.locator('tbody tr', { hasText: child.name });
    // the row's cells: the pupil's name (th), then one td per column
    const td = row.locator('td').nth(col);
    const before = (await td.textContent())?.trim() ?? '';
    const mark = before === '11' ? '10' : '11';
    await td.click();
    await teacher.keyboard.type(mark);
    await teacher.keyboard.press('Enter');
    await teacher.getByTestId('save-status').getByText('Усе збережено').waitFor({ timeout: 15_000 });
    assert.equal((await td.textContent())?.trim(), mark, 'the grid shows the mark');

    // the parent opens the diary and goes to the lesson's week
    const page = await api<{ lessons: { id: number; date: string }[] }>(teacher, `/api/schools/${school.schoolId}/journal/pages/${journal.id}`);
    const lesson = page.lessons.find((l) => l.id === lessonId);
    assert.ok(lesson, 'the lesson is on the page');
    await parent.goto(`/s/${school.schoolId}/diary/${child.pupilId}`);
    await settled(parent);
    const week = await api<{ weekStart: string }>(parent, `/api/schools/${school.schoolId}/diary/${child.pupilId}/week`);
    const weeksBack = Math.round((mondayOf(week.weekStart) - mondayOf(lesson.date)) / (7 * 86_400_000));
    for (let i = 0; i < weeksBack; i++) {
      await parent.getByRole('button', { name: /Попередній/ }).click();
      await settled(parent);
    }
    const entry = parent.locator(`[data-lesson="${lessonId}"]`);
    await screenshot(parent, 'diary-parent-phone');
    await entry.waitFor();
    assert.equal(await entry.getByLabel(`Оцінка ${mark}`).count(), 1, `the mark ${mark} of ${lesson.date} (weeks back: ${weeksBack}) is in the diary: ${await entry.textContent()}`);
    // on the phone every mark of the week is shown whole, not squeezed by a long topic beside it
    const clipped = await parent.locator('[aria-label^="Оцінка "]').evaluateAll((badges) =>
      badges.filter((b) => [b, ...b.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1)).map((b) => b.getAttribute('aria-label')),
    );
    assert.deepEqual(clipped, [], 'no mark badge is clipped');
  } finally {
    await closePage(parent);
    await closePage(teacher);
  }
});

/** Signs the demo parent in and opens the diary of their child in 5-А; returns the diary's address. */
async function openChildDiary(page: Page): Promise<string> {
  await signIn(page, 'parent');
  await page.waitForURL((url) => url.pathname !== '/login');
  const me = await api<{ schools: { schoolId: number; children: Child[] }[] }>(page, '/api/auth/me');
  const school = me.schools.find((s) => s.children.some((c) => c.classLabel === '5-А'));
  assert.ok(school, 'the parent has a child in 5-А');
  const child = school.children.find((c) => c.classLabel === '5-А')!;
  const path = `/s/${school.schoolId}/diary/${child.pupilId}`;
  await page.goto(path);
  await settled(page);
  return path;
}

test('on a phone the diary fits the screen: the homework files and the subjects with their summative marks', async () => {
  const page = await openPage(browser, { phone: true });
  try {
    await openChildDiary(page);
    // the demo puts files on the latest homework of 5-А: this week or one of the two before
    const files = page.locator('a[title^="Відкрити файл"]');
    for (let i = 0; i < 2 && (await files.count()) === 0; i++) {
      await page.getByRole('button', { name: /Попередній/ }).click();
      await settled(page);
    }
    assert.ok((await files.count()) > 0, 'the diary shows a homework file');
    await screenshot(page, 'diary-files-phone');
    // a file's size ("765 Б") stays on one line, not broken between the number and the unit
    const broken = await files.evaluateAll((links) =>
      links
        .map((a) => a.querySelector('span > span:last-child') as HTMLElement)
        .filter((s) => s.getBoundingClientRect().height > 1.5 * Number.parseFloat(getComputedStyle(s).lineHeight))
        .map((s) => s.textContent),
    );
    assert.deepEqual(broken, [], 'no file size is broken over two lines');

    await page.getByRole('tab', { name: 'За предметами' }).click();
    await settled(page);
    const panel = page.getByRole('tabpanel', { name: 'За предметами' });
    await panel.getByText(/^Тематична/).first().waitFor();
    await screenshot(page, 'diary-subjects-phone');
    // every summative mark is on the screen, not in a column past its right edge
    const offscreen = await panel.getByText(/^Тематична|^Семестрова/).evaluateAll((els) =>
      els.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth).map((e) => e.textContent),
    );
    assert.deepEqual(offscreen, [], 'the summative marks are within the phone’s width');
    // a mark's date is written as a date (25.11.2026), not as 2026-11-25
    const titles = await panel.locator('[title]').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    assert.ok(titles.length > 0, 'the marks carry their dates');
    assert.deepEqual(titles.filter((d) => !/^\d{2}\.\d{2}\.\d{4}$/.test(d ?? '')), [], 'the marks’ dates are in the Ukrainian format');
  } finally {
    await closePage(page);
  }
});

test('in English the diary writes the week’s dates the English way', async () => {
  const page = await openPage(browser);
  try {
    const path = await openChildDiary(page);
    await page.getByText(/^\d{2}\.\d{2} – \d{2}\.\d{2}$/).waitFor();
    await page.evaluate(() => localStorage.setItem('klasnyi.locale', 'en'));
    await page.goto(path);
    await settled(page);
    await page.getByRole('button', { name: 'Previous' }).waitFor();
    await screenshot(page, 'diary-english');
    await page.getByText(/^\d{2}\/\d{2} – \d{2}\/\d{2}$/).waitFor({ timeout: 5_000 });
  } finally {
    // the choice was saved to the demo parent's account: back to Ukrainian for the tests after this one
    await page.evaluate(() => localStorage.setItem('klasnyi.locale', 'uk'));
    await page.reload();
    await page.waitForFunction(async () => (await (await fetch('/api/auth/me')).json()).locale === 'uk');
    await closePage(page);
  }
});
