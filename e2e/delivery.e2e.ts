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

test('the head opens curriculum delivery from the side navigation and finds a page behind the programme', async () => {
  const page = await openPage(browser);
  page.context().setDefaultTimeout(60_000);
  try {
    schoolId = await enterSchool(page, 'head');
    // the home shows how many pages are behind
    const home = page.getByRole('region', { name: 'Виконання програм' });
    await home.getByRole('link', { name: 'Сторінок відстає' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Виконання програм' }).click();
    await page.waitForURL(new RegExp(`/s/${schoolId}/delivery$`));
    await page.getByRole('heading', { level: 1, name: 'Виконання навчальних програм' }).waitFor();
    const table = page.getByRole('table', { name: 'Виконання програм: Сторінки журналу' });
    await table.waitFor();
    assert.ok((await table.locator('tbody tr').count()) > 20, 'every page of the school is listed');
    // the demo's page whose lessons were cancelled for three weeks is behind: a shortfall like −5
    const behind = table.locator('tbody tr').filter({ hasText: /−\d+/ });
    assert.ok((await behind.count()) >= 1, 'a page with a shortfall is shown');
    await settled(page);
    await screenshot(page, 'delivery-report');
    // on a 1366 px laptop every column is in sight, none cut at the right edge (К / Л / П was)
    const { scrolled, visible } = await table.evaluate((t) => ({ scrolled: t.parentElement?.scrollWidth ?? 0, visible: t.parentElement?.clientWidth ?? 0 }));
    assert.ok(scrolled <= visible + 1, `the report fits its box (${scrolled} of ${visible} px)`);

    // grouping by class sums the pages of each class
    await page.getByRole('tab', { name: 'Класи' }).click();
    await page.getByRole('table', { name: 'Виконання програм: Класи' }).waitFor();
    assert.match(page.url(), /by=class/);

    // the not-delivered list: the page with the largest shortfall first, printable and as CSV
    await page.getByRole('link', { name: 'Список невиконаних програм' }).click();
    await page.waitForURL(new RegExp(`/s/${schoolId}/delivery/shortfalls`));
    await page.getByRole('heading', { level: 1, name: 'Невиконані навчальні програми' }).waitFor();
    const list = page.getByRole('table', { name: 'Невиконані навчальні програми' });
    await list.waitFor();
    const first = list.locator('tbody tr').first();
    const text = (await first.textContent()) ?? '';
    assert.match(text, /−\d+/, `the first row has a shortfall (${text})`);
    await page.getByRole('button', { name: 'Друкувати' }).waitFor();
    const csv = page.getByRole('link', { name: 'Завантажити CSV' });
    const href = (await csv.getAttribute('href')) ?? '';
    const res = await page.request.get(href);
    assert.equal(res.status(), 200);
    const body = await res.text();
    assert.ok(body.includes('Недовиконано'), 'the CSV has its Ukrainian header');
    assert.ok(body.split('\r\n').length >= 3, 'the CSV lists the page');
    await settled(page);
    await screenshot(page, 'delivery-shortfalls');
  } finally {
    await closePage(page);
  }
});

test('a teacher cannot open the delivery report', async () => {
  const page = await openPage(browser);
  try {
    await signIn(page, 'teacher');
    await page.waitForURL((url) => url.pathname !== '/login');
    const res = await page.request.get(`/api/schools/${schoolId || 1}/delivery`);
    assert.equal(res.status(), 403);
  } finally {
    await closePage(page);
  }
});

test('the city sees the shares of delivery per school, without names', async () => {
  const page = await openPage(browser);
  page.context().setDefaultTimeout(60_000);
  try {
    await signIn(page, 'city');
    await page.waitForURL((url) => url.pathname !== '/login');
    const cityId = /\/city\/(\d+)/.exec(page.url())?.[1] ?? '1';
    await page.goto(`/city/${cityId}/monitoring`);
    const section = page.getByRole('region', { name: 'Виконання навчальних програм' });
    const table = section.getByRole('table', { name: 'Виконання навчальних програм' });
    await table.waitFor();
    assert.ok((await table.locator('tbody tr').count()) >= 1, 'schools are listed');
    await section.getByText('Ліцей №1').waitFor();
    await settled(page);
    await section.screenshot({ path: fileURLToPathScreens('delivery-city.png') });
  } finally {
    await closePage(page);
  }
});

function fileURLToPathScreens(name: string): string {
  return new URL(`./screenshots/${name}`, import.meta.url).pathname;
}
