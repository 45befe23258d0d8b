import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, } from 'playwright-core';
import { closePage, enterSchool, launchBrowser, openPage, screenshot, settled, signIn } from './helpers.js';

let browser: Browser;
let schoolId = '';
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

test("a teacher answers the readiness survey and the head sees the answer; the city sees only shares", async () => {
  const page = await openPage(browser, { phone: true });
  page.context().setDefaultTimeout(60_000);
  try {
    schoolId = await enterSchool(page, 'teacher');
    const card = page.getByRole('region', { name: 'Опитування: готовність до е-журналу' });
    await card.waitFor();
    await card.getByRole('radio').first().waitFor();
    const question = (await card.getByText('Я вмію виставляти оцінки в електронному журналі', { exact: true }).boundingBox())?.width ?? 0;
    const whole = (await card.boundingBox())?.width ?? 0;
    assert.ok(question > whole * 0.6, `on a phone a question is not squeezed beside its answers (${question} of ${whole} px)`);
    for (const option of await card.getByRole('radio', { name: '2', exact: true }).all()) await option.check();
    await card.getByLabel('Потребую навчання').check();
    await card.getByRole('button', { name: 'Надіслати' }).click();
    await card.getByText('Збережено.', { exact: true }).waitFor();
    await screenshot(page, 'readiness-survey-card');
  } finally {
    await closePage(page);
  }

  const head = await openPage(browser);
  head.context().setDefaultTimeout(60_000);
  try {
    schoolId = await enterSchool(head, 'head');
    await head.goto(`/s/${schoolId}/readiness`);
    await head.getByRole('heading', { level: 1, name: 'Готовність до електронного журналу' }).waitFor();
    await head.getByText(/^Заходів ще немає\. Додайте перший/).waitFor();
    assert.equal(await head.getByRole('table', { name: 'План заходів' }).count(), 0, 'no empty table heading over an empty plan');
    await head.getByLabel('Захід').fill('Обговорити перехід на педагогічній раді');
    await head.getByLabel('Відповідальний').fill('Директор');
    await head.getByLabel('Термін').fill('2026-12-15');
    await head.getByRole('button', { name: 'Додати захід' }).click();
    await head.getByRole('cell', { name: 'Обговорити перехід на педагогічній раді' }).waitFor();
    await head.getByRole('cell', { name: '15.12.2026', exact: true }).waitFor({ timeout: 5_000 });
    await screenshot(head, 'readiness-plan');
    await head.getByRole('tab', { name: 'Результати опитування' }).click();
    await head.getByText(/Відповіли 1 з \d+ вчителів; потребують навчання: 1\./).waitFor();
    await settled(head);
    await screenshot(head, 'readiness-survey');
  } finally {
    await closePage(head);
  }

  const city = await openPage(browser);
  city.context().setDefaultTimeout(90_000);
  try {
    await signIn(city, 'city');
    await city.waitForURL(/\/city\/\d+$/);
    await city.getByRole('link', { name: 'Квартальний моніторинг' }).click();
    await city.getByRole('heading', { level: 1, name: 'Квартальний моніторинг' }).waitFor();
    const rows = city.locator('table').first().locator('tbody tr');
    await rows.first().waitFor();
    assert.ok((await rows.count()) >= 1, 'schools are listed');
    await settled(city);
    const text = (await city.locator('main').textContent()) ?? '';
    assert.ok(!text.includes('Потребує навчання'), 'no per-teacher answers on the city screen');
    const ranking = city.locator('table').first();
    const cut = await ranking.evaluate((t) => t.scrollWidth - (t.parentElement?.clientWidth ?? 0));
    assert.ok(cut <= 1, `the ranking's last columns are not cut at 1366 px (${cut} px over)`);
    const weeks = await city.locator('table').nth(1).locator('thead th').allTextContents();
    assert.ok(weeks.slice(1).every((w) => /^\d\d\.\d\d$/.test(w)), `weeks are labelled by their Monday, not "W41": ${weeks.join(' ')}`);
    assert.ok(!/\d\.\d\s?%/.test(text), 'shares use the Ukrainian decimal comma');
    await screenshot(city, 'city-monitoring');
  } finally {
    await closePage(city);
  }
});
