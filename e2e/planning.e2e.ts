import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { closePage, launchBrowser, openPage, screenshot, settled, signIn } from './helpers.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

test('a teacher imports a plan and sees the topics pre-filled in the journal', async () => {
  const page = await openPage(browser);
  try {
    await signIn(page, 'teacher');
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.goto('/s/1');
    await page.getByRole('region', { name: 'Мої журнали' }).getByRole('link').first().click();
    await page.waitForURL(/\/s\/\d+\/journal\/\d+$/);
    await page.getByTestId('journal-grid').waitFor();
    await settled(page);

    await page.getByRole('link', { name: 'План (КТП)' }).click();
    await page.waitForURL(/\/journal\/\d+\/plan\?semester=\d$/);
    await page.getByRole('heading', { name: /Календарно-тематичний план/ }).waitFor();
    await settled(page);
    const [, schoolId, pageId, semester] = /\/s\/(\d+)\/journal\/(\d+)\/plan\?semester=(\d)$/.exec(page.url().replace(/^https?:\/\/[^/]+/, ''))!.map(Number);
    const plan = await (await page.request.get(`/api/schools/${schoolId}/journal/pages/${pageId}/plans/${semester}`)).json();
    const lessons: number = plan.agreement.lessons;
    assert.ok(lessons > 5, 'the page has lessons this semester');

    // a broken file: every row's problem is listed and nothing can be imported
    const fileInput = page.locator('input[type="file"]');
    const broken = '№;Тема уроку;Кількість годин;Розділ/Тема\n1;;1;Розділ 1\n2;Дроби;два;Розділ 1\n';
    await fileInput.setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await page.getByRole('button', { name: 'Перевірити файл' }).click();
    await page.getByText('Проблем у файлі: 2.').waitFor();
    await page.getByText('Немає теми уроку.').waitFor();
    await page.getByText('Кількість годин «два» має бути цілим числом від 1 до 20.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Імпортувати план' }).count(), 0);
    await screenshot(page, 'planning-preview-problems');

    // a clean file with a topic for every lesson of the semester, in two units
    const rows = Array.from({ length: lessons }, (_, i) => `${i + 1};;Тема з файлу ${i + 1};1;${i < lessons / 2 ? 'Перший розділ' : 'Другий розділ'}`);
    const good = `№;Дата;Тема уроку;Кількість годин;Розділ/Тема\n${rows.join('\n')}\n`;
    await fileInput.setInputFiles({ name: 'ktp.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Перевірити файл' }).click();
    await page.getByText('Помилок немає.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Імпортувати план' }).click();
    await page.getByText('План імпортовано: теми уроків заповнено.').waitFor();
    await page.getByTestId('plan-agreement').getByText('План і календар збігаються').waitFor();
    await page.getByRole('textbox', { name: 'Назва розділу' }).first().waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Назва розділу' }).first().inputValue(), 'Перший розділ');
    await screenshot(page, 'planning-imported');

    // the journal: lessons not written up yet carry the plan's topics; the units are thematic columns
    await page.getByRole('link', { name: 'До журналу' }).click();
    await page.getByTestId('journal-grid').waitFor();
    await settled(page);
    const titles = await page.locator('[data-testid="journal-grid"] button[data-lesson]').evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
    assert.ok(
      titles.some((t) => t.startsWith(`Тема з файлу ${lessons}`)),
      `the last lesson has the plan's last topic (${titles.slice(-3).join(' | ')})`,
    );
    const headers = await page.locator('[data-testid="journal-grid"] th.jg-sum-h').evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? e.textContent ?? ''));
    assert.ok(
      headers.some((h) => h.includes('Другий розділ')),
      `a thematic column of the second unit (${headers.join(' | ')})`,
    );
    await screenshot(page, 'planning-journal');
  } finally {
    await closePage(page);
  }
});
