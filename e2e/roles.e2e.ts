import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { closePage, launchBrowser, openPage, screenshot, settled, signIn } from './helpers.js';

const CHOOSER = /^Оберіть школу/;
const CONTEXT_URL = /\/(s|city)\/\d+$/;

/** What a role's home must offer beyond its heading: one journey through it. */
const CHECKS: Record<string, (page: Page, chooserCards: number) => Promise<void>> = {
  async city(page) {
    const table = page.getByRole('table', { name: 'Школи міста' });
    assert.ok((await table.locator('tbody tr').count()) >= 1, 'the city has schools');
    await table.getByText('Разом').waitFor();
  },
  async admin(page) {
    await page.getByRole('region', { name: 'Огляд школи' }).getByText('Учнів').waitFor();
    await page.getByRole('table', { name: 'Класи' }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /^Клас / }).waitFor();
    await page.getByRole('table', { name: 'Учні' }).waitFor();
  },
  async controller(page) {
    const section = page.getByRole('region', { name: 'Журнали школи' });
    const rows = section.getByRole('table').locator('tbody tr');
    const all = await rows.count();
    await section.getByLabel('Клас', { exact: true }).click();
    const option = page.getByRole('option').first();
    const label = ((await option.textContent()) ?? '').trim();
    await option.click();
    await page.waitForURL(/\?class=\d+$/);
    await page.waitForFunction(
      ([selector, before]) => document.querySelectorAll(selector).length < before,
      ['section table tbody tr', all] as const,
    );
    const classes = (await rows.locator('td:first-child').allTextContents()).map((c) => c.trim());
    assert.ok(classes.length > 0 && classes.length < all, `${classes.length} of ${all} pages shown`);
    assert.ok(
      classes.every((c) => c === label),
      `only ${label}`,
    );
  },
  async teacher(page) {
    const first = page.getByRole('region', { name: 'Мої журнали' }).getByRole('link').first();
    const subject = ((await first.textContent()) ?? '').trim();
    await first.click();
    await page.waitForURL(/\/s\/\d+\/journal\/\d+$/);
    await page.getByRole('heading', { level: 1, name: new RegExp(subject) }).waitFor();
  },
  async classteacher(page) {
    const section = page.getByRole('region', { name: 'Мій клас' });
    const names = (await section.getByRole('listitem').allTextContents()).map((n) => n.trim());
    assert.ok(names.length > 5, `the class has pupils (${names.length})`);
    assert.deepEqual(names, [...names].sort(new Intl.Collator('uk').compare), 'Ukrainian alphabetical order');
    await section.getByRole('link', { name: 'Відкрити клас' }).click();
    await page.getByRole('table', { name: 'Учні' }).waitFor();
    // the attendance summary names its period in the school's date format
    await page.getByRole('tab', { name: 'Відвідування' }).click();
    const period = (await page.getByText(/^Період:/).textContent()) ?? '';
    assert.match(period, /^Період: \d\d\.\d\d\.\d{4} – \d\d\.\d\d\.\d{4}$/, period);
    // the summary sheet prints whole on a landscape A4 page (277 mm ≈ 1047 px), without the app's header
    await page.getByRole('tab', { name: 'Зведена відомість' }).click();
    const sheet = page.locator('table').filter({ hasText: 'Річна' });
    await sheet.waitFor();
    // before any semester mark the sheet says why it is empty
    const marks = await sheet.locator('tbody td:not(:first-child)').evaluateAll((cells) => cells.filter((c) => c.textContent?.trim()).length);
    const why = await page.getByText(/^Семестрових і річних оцінок ще немає/).count();
    assert.ok(marks > 0 || why === 1, `the sheet has marks (${marks}) or says why it has none`);
    await page.setViewportSize({ width: 1047, height: 740 });
    await page.emulateMedia({ media: 'print' });
    try {
      assert.equal(await page.getByRole('banner').isVisible(), false, 'the header is not printed');
      const { right, width } = await sheet.evaluate((t) => ({ right: t.getBoundingClientRect().right, width: document.documentElement.clientWidth }));
      assert.ok(right <= width + 1, `the printed sheet fits the page (${Math.round(right)} of ${width} px)`);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  },
  async parent(page, chooserCards) {
    assert.ok(chooserCards >= 2, `the chooser shows both children's schools (${chooserCards})`);
    await page.getByRole('link', { name: 'Відкрити щоденник' }).first().click();
    await page.waitForURL(/\/s\/\d+\/diary\/\d+$/);
    await page.getByRole('heading', { level: 1, name: 'Щоденник' }).waitFor();
  },
  async pupil(page) {
    await page.getByRole('link', { name: 'Відкрити щоденник' }).click();
    await page.waitForURL(/\/s\/\d+\/diary\/\d+$/);
  },
};

/** Each demo login, the role its chooser card names, and the heading its home must show. */
const ROLES = [
  { login: 'city', role: 'Спеціаліст управління освіти', heading: 'Школи міста' },
  { login: 'head', role: 'Директор', heading: 'Огляд школи' },
  { login: 'controller', role: 'Відповідальний за контроль', heading: 'Журнали школи' },
  { login: 'admin', role: 'Адміністратор електронних журналів', heading: 'Класи' },
  { login: 'teacher', role: 'Вчитель', heading: 'Мої журнали' },
  { login: 'classteacher', role: 'Класний керівник', heading: 'Мій клас' },
  { login: 'parent', role: 'Батьки', heading: 'Мої діти' },
  { login: 'pupil', role: 'Учень', heading: 'Мій щоденник' },
];

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

/** Signs in and, when the chooser shows, picks the card naming the role; returns how many cards it had. */
async function signInAs(page: Page, login: string, role: string): Promise<number> {
  await signIn(page, login);
  const chooser = page.getByRole('heading', { name: CHOOSER });
  await Promise.race([page.waitForURL(CONTEXT_URL), chooser.waitFor()]);
  if (CONTEXT_URL.test(new URL(page.url()).pathname)) return 1;
  const cards = page.getByRole('main').getByRole('link');
  const count = await cards.count();
  await screenshot(page, `${login}-chooser`);
  await cards.filter({ hasText: role }).first().click();
  await page.waitForURL(CONTEXT_URL);
  return count;
}

for (const { login, role, heading } of ROLES) {
  test(`${login} signs in and sees "${heading}"`, async () => {
    const page = await openPage(browser);
    try {
      const cards = await signInAs(page, login, role);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await settled(page);
      assert.equal(await page.getByText('Не вдалося завантажити дані.').count(), 0, 'every section loaded');
      await screenshot(page, login);
      await CHECKS[login]?.(page, cards);
    } finally {
      await closePage(page);
    }
  });
}
