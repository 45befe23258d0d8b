import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, } from 'playwright-core';
import { closePage, enterSchool, launchBrowser, openPage, screenshot, settled, } from './helpers.js';

let browser: Browser;
let schoolId = '';
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

test('the head opens the weekly analysis, clicks a gap and lands on that lesson of the journal', async () => {
  const page = await openPage(browser);
  page.context().setDefaultTimeout(60_000);
  try {
    schoolId = await enterSchool(page, 'head');
    const card = page.getByRole('region', { name: 'Контроль ведення журналів' });
    await card.getByText(/%$/).first().waitFor();
    await card.getByRole('link', { name: 'Рівень заповнення за минулий тиждень' }).click();
    await page.waitForURL(new RegExp(`/s/${schoolId}/analysis$`));
    await page.getByRole('heading', { level: 1, name: 'Аналіз заповнення журналів' }).waitFor();
    const level = (await page.getByTestId('school-level').textContent()) ?? '';
    assert.match(level, /^\d{1,3},\d\s?%$/, `the school's level is a percentage (${level})`);
    const rows = page.getByRole('table', { name: 'Вчителі' }).locator('tbody tr');
    assert.ok((await rows.count()) > 5, 'teachers are listed');
    await page.getByRole('img', { name: 'Рівень заповнення за тижнями' }).waitFor();
    await settled(page);
    await screenshot(page, 'control-analysis');

    // the most behind teacher first: open their gaps, then the first lesson that is missing something
    const gapsButton = page.getByRole('button', { name: /^Пропуски:/ }).first();
    // on a 1366 px laptop the way into the gaps is in sight, not beyond the columns that scroll sideways
    const inSight = await gapsButton.evaluate((b) => {
      const box = b.closest('.mantine-TableScrollContainer-scrollContainer')?.getBoundingClientRect();
      return !!box && b.getBoundingClientRect().right <= box.right + 1;
    });
    assert.ok(inSight, 'the "Пропуски" button is in sight without scrolling the table');
    await gapsButton.click();
    const drawer = page.getByRole('dialog');
    const gap = drawer.locator('a[data-testid="gap-link"][href*="lesson="]').first();
    await gap.waitFor();
    await screenshot(page, 'control-gaps');
    const href = (await gap.getAttribute('href')) ?? '';
    await gap.click();
    await page.waitForURL(new RegExp(`/s/${schoolId}/journal/\\d+\\?lesson=\\d+$`));
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, href);
    // the journal opens on the missing entry: its lesson is the focused column (in whichever semester it is)
    const lessonId = new URL(href, 'http://x').searchParams.get('lesson');
    const grid = page.getByTestId('journal-grid');
    await grid.locator(`thead th.jg-focus-col button[data-lesson="${lessonId}"]`).waitFor();
  } finally {
    await closePage(page);
  }
});

test('the head downloads a weekly report', async () => {
  const page = await openPage(browser);
  try {
    schoolId = await enterSchool(page, 'head');
    await page.goto(`/s/${schoolId}/analysis/reports`);
    const table = page.getByRole('table', { name: 'Щотижневі звіти' });
    await table.locator('tbody tr').first().waitFor();
    await screenshot(page, 'control-reports');
    const download = page.waitForEvent('download');
    await table.getByRole('link', { name: /^Завантажити PDF/ }).first().click();
    assert.match((await download).suggestedFilename(), /^zapovnennia-\d{4}-W\d{2}\.pdf$/);
    await table.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /^Звіт за тиждень/ }).waitFor();
    await screenshot(page, 'control-report');
  } finally {
    await closePage(page);
  }
});

test("a controller's remark reaches the teacher's home, and the teacher acknowledges it", async () => {
  const teacher = await openPage(browser);
  const controller = await openPage(browser);
  const text = `Заповніть теми уроків за минулий тиждень (перевірка ${Date.now()}).`;
  try {
    schoolId = await enterSchool(teacher, 'teacher');
    const me = (await (await teacher.request.get('/api/auth/me')).json()) as { fullName: string };
    const lastName = me.fullName.split(' ')[0];

    schoolId = await enterSchool(controller, 'controller');
    await controller.goto(`/s/${schoolId}/remarks`);
    await controller.getByRole('button', { name: 'Нове зауваження' }).click();
    const form = controller.getByRole('dialog', { name: 'Нове зауваження' });
    await form.getByLabel('Сторінка журналу').fill(lastName);
    await controller.getByRole('option').first().click();
    await form.getByLabel('Зауваження').fill(text);
    await screenshot(controller, 'control-new-remark');
    await form.getByRole('button', { name: 'Записати зауваження' }).click();
    await controller.getByText('Зауваження записано.').waitFor();
    await controller.getByText(text).waitFor();
    await screenshot(controller, 'control-remarks');

    await teacher.goto(`/s/${schoolId}`);
    const section = teacher.getByRole('region', { name: 'Зауваження до моїх журналів' });
    const remark = section.getByTestId('remark').filter({ hasText: text });
    await remark.waitFor();
    await screenshot(teacher, 'control-teacher-home');
    await remark.getByRole('button', { name: 'Прийняти до виконання' }).click();
    await remark.getByText('Прийняте до виконання').waitFor();
    // on a phone the statuses stay readable beside a long page name and author, not squeezed to "П…"
    await teacher.setViewportSize({ width: 390, height: 844 });
    const clipped = await section.locator('[data-testid="remark"] .mantine-Badge-label').evaluateAll((labels) =>
      labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent),
    );
    assert.deepEqual(clipped, [], 'no remark status is clipped');
  } finally {
    await closePage(teacher);
    await closePage(controller);
  }
});
