import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { closePage, launchBrowser, openPage, screenshot, settled, signIn } from './helpers.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

/** Reopens the year through the API, so the journals of later browser tests stay writable. */
async function reopen(page: Page, schoolId: string, yearId: string): Promise<void> {
  const me = await page.request.get('/api/auth/me');
  const csrf = (await me.json()).csrfToken as string;
  const res = await page.request.post(`/api/schools/${schoolId}/years/${yearId}/reopen`, {
    headers: { 'x-csrf-token': csrf },
    data: { reason: 'Перевірку архіву завершено (браузерний тест)' },
  });
  assert.ok(res.status() === 200 || (await res.json()).error?.code === 'year_not_closed', `reopen: ${res.status()}`);
}

test('the head closes the year with a reason, builds its archive with a progress bar and opens it read-only', async () => {
  const page = await openPage(browser);
  page.context().setDefaultTimeout(60_000);
  let schoolId = '';
  let yearId = '';
  try {
    await signIn(page, 'head');
    await page.waitForURL(/\/s\/\d+$/);
    schoolId = /\/s\/(\d+)/.exec(page.url())![1];
    await page.getByRole('link', { name: /Закриття року і переведення/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Кінець навчального року' }).waitFor();
    const years = await (await page.request.get(`/api/schools/${schoolId}/years`)).json();
    const today = new Date().toISOString().slice(0, 10);
    const year = years.years.find((y: { startsOn: string }) => y.startsOn <= today) ?? years.years[0];
    yearId = String(year.id);
    // right after the server starts, its first background jobs can hold the embedded database for minutes
    await page.getByText(/Незаповнених місць: \d+/).waitFor({ timeout: 300_000 });
    await settled(page);
    await screenshot(page, 'yearend-check');
    const close = page.getByRole('button', { name: 'Закрити рік' });
    assert.equal(await close.isDisabled(), true, 'closing with gaps needs a reason');
    await page.getByLabel('Причина закриття з незаповненими місцями').fill('Перевірка архіву в браузерному тесті');
    await close.click();
    await page.getByText('Рік закрито', { exact: true }).first().waitFor();
    // promotion previews the next year's structure: 4-А becomes 5-А and its pages switch to 1-12
    await page.getByText('Що буде перенесено до наступного року').waitFor();
    const moved = page.getByRole('table', { name: '4-А → 5-А' });
    await moved.scrollIntoViewIfNeeded();
    assert.ok((await moved.getByText('рівні П/С/Д/В → 1–12').count()) > 0, 'the scale follows the new grade');
    await screenshot(page, 'yearend-structure');

    await page.goto(`/s/${schoolId}/archive`);
    const section = page.getByRole('region', { name: `Навчальний рік ${year.name}` });
    await section.getByRole('button', { name: 'Сформувати архів' }).click();
    await section.getByRole('progressbar').or(section.getByText('У черзі на формування…')).first().waitFor();
    await screenshot(page, 'archive-building');
    await section.getByRole('link', { name: 'Переглянути' }).waitFor({ timeout: 600_000 });
    await section.getByText(/Файлів: \d+, сторінок PDF: [\d\s ]+/).waitFor();
    await screenshot(page, 'archive-built');

    await section.getByRole('link', { name: 'Переглянути' }).click();
    await page.waitForURL(new RegExp(`/s/${schoolId}/archive/\\d+$`));
    await page.getByRole('heading', { level: 1, name: `Архів ${year.name} н. р.` }).waitFor();
    await page.getByText('Це архівна копія').waitFor();
    const grid = page.getByRole('table', { name: /^Оцінки і відвідування:/ });
    await grid.waitFor();
    assert.ok((await grid.locator('tbody tr').count()) > 5, 'the archived pupils are listed');
    assert.equal(await grid.locator('input, textarea, [contenteditable="true"]').count(), 0, 'nothing in the archived grid can be edited');
    // a class without lesson files says so, with no error notification on top
    await page.getByRole('tab', { name: 'Файли до уроків' }).click();
    await page.getByText('До уроків цього класу файлів не прикріплювали.').waitFor();
    await settled(page);
    assert.equal(await page.getByText('Не знайдено.').count(), 0, 'a class without lesson files raises no error notification');
    // on a phone the class teacher's pages scroll inside their frame, not the whole screen
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('tab', { name: 'Класний керівник' }).click();
    await page.getByRole('table', { name: 'Учні класу' }).waitFor();
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(over <= 1, `the class teacher's table does not widen the phone screen (${over} px over)`);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('tab', { name: 'Зведена відомість' }).click();
    await page.getByRole('table', { name: 'Річні оцінки' }).waitFor();
    await page.getByRole('tab', { name: 'Журнал' }).click();
    await grid.waitFor();
    await screenshot(page, 'archive-view');

    // the files teachers attached to 5-А's lessons are in its folder, downloadable
    await page.getByRole('combobox', { name: 'Клас' }).click();
    await page.getByRole('option', { name: '5-А', exact: true }).click();
    await page.getByRole('tab', { name: 'Файли до уроків' }).click();
    const files = page.getByRole('table', { name: 'Файли, прикріплені до уроків' });
    await files.waitFor();
    const link = files.getByRole('link', { name: /^Математика — завдання на \d\d\.\d\d\.pdf$/ });
    const res = await page.request.get((await link.getAttribute('href')) ?? '');
    assert.equal(res.status(), 200);
    assert.ok((await res.body()).subarray(0, 5).toString() === '%PDF-', 'the archived file is the attached PDF');
    await screenshot(page, 'archive-files');

    // the year's history dates its closing as 29.11.2026, 08:09 like the rest of the screens
    await page.goto(`/s/${schoolId}/yearend`);
    const closedAt = page.getByText(/^\d\d\.\d\d\.\d{4}, \d\d:\d\d( · |$)/).first();
    await closedAt.waitFor({ timeout: 10_000 });
  } finally {
    if (schoolId && yearId) await reopen(page, schoolId, yearId);
    await closePage(page);
  }
});
