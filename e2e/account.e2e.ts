import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { describedBy, launchBrowser, screenshot, signIn, withPage } from './helpers.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

async function chooseLanguage(page: Page, label: 'Укр' | 'Eng'): Promise<void> {
  await page.getByText(label, { exact: true }).click();
}

test('switching to English changes the login page, and the choice stays after a reload', () =>
  withPage(browser, async (page) => {
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Класний журнал' }).waitFor();
    await page.getByText('Електронні класні журнали шкіл міста').waitFor();
    await chooseLanguage(page, 'Eng');
    await page.getByRole('heading', { name: 'Klasnyi' }).waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Login', { exact: true }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await screenshot(page, 'login-en');
    await page.reload();
    await page.getByRole('heading', { name: 'Klasnyi' }).waitFor();
    await chooseLanguage(page, 'Укр');
    await page.getByRole('button', { name: 'Увійти' }).waitFor();
  }));

test('a wrong password is answered in Ukrainian; empty fields are named beside them', () =>
  withPage(browser, async (page) => {
    await signIn(page, 'teacher', 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.equal((await alert.textContent())?.trim(), 'Неправильний логін або пароль.');
    await screenshot(page, 'login-wrong-password');
    await page.getByLabel('Логін', { exact: true }).fill('');
    await page.getByLabel('Пароль', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Увійти' }).click();
    await page.getByText('Заповніть це поле.').nth(1).waitFor();
    assert.equal(await describedBy(page.getByLabel('Логін', { exact: true })), 'Заповніть це поле.');
    assert.equal(await describedBy(page.getByLabel('Пароль', { exact: true })), 'Заповніть це поле.');
  }));

test('an expired session leads to the login page and back; signing out closes the school', () =>
  withPage(browser, async (page) => {
    const nav = page.getByRole('navigation', { name: 'Розділи' });
    await signIn(page, 'admin');
    await nav.getByRole('link', { name: 'Класи', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Класи' }).waitFor();
    const classesUrl = page.url();

    // the session ends on the server side (here: the cookie is gone); the next request answers 401
    await page.context().clearCookies();
    await nav.getByRole('link', { name: 'Журнали школи' }).click();
    await page.waitForURL(/\/login$/);
    await signIn(page, 'admin');
    await page.waitForURL(/\/s\/\d+\/journal$/);
    await page.getByRole('heading', { level: 1, name: 'Журнали школи' }).waitFor();

    await page.getByRole('button', { name: /^Обліковий запис/ }).click();
    await page.getByRole('menuitem', { name: 'Вийти' }).click();
    await page.waitForURL(/\/login$/);
    await page.goto(classesUrl);
    await page.waitForURL(/\/login$/);
    await page.getByRole('button', { name: 'Увійти' }).waitFor();
  }));

test('changing the password shows each problem beside its field', () =>
  withPage(browser, async (page) => {
    await signIn(page, 'head');
    await page.getByRole('heading', { name: 'Огляд школи' }).waitFor();
    await page.getByRole('button', { name: /^Обліковий запис/ }).click();
    await page.getByRole('menuitem', { name: 'Змінити пароль' }).click();
    const dialog = page.getByRole('dialog', { name: 'Зміна пароля' });
    const field = (label: string) => dialog.getByLabel(label, { exact: true });
    const errorOf = (label: string) => describedBy(field(label));
    await field('Поточний пароль').fill('wrong-password-1');
    await field('Новий пароль').fill('short');
    await field('Повторіть новий пароль').fill('shorter');
    await dialog.getByRole('button', { name: 'Зберегти' }).click();
    await dialog.getByText('Паролі не збігаються.').waitFor();
    assert.match(await errorOf('Повторіть новий пароль'), /Паролі не збігаються\./);

    await field('Повторіть новий пароль').fill('short');
    await dialog.getByRole('button', { name: 'Зберегти' }).click();
    await dialog.getByText('Новий пароль має містити щонайменше 10 символів.').waitFor();
    assert.match(await errorOf('Новий пароль'), /щонайменше 10 символів/);

    await field('Новий пароль').fill('a-long-new-password');
    await field('Повторіть новий пароль').fill('a-long-new-password');
    await dialog.getByRole('button', { name: 'Зберегти' }).click();
    await dialog.getByText('Поточний пароль неправильний.').waitFor();
    assert.match(await errorOf('Поточний пароль'), /Поточний пароль неправильний\./);
    await screenshot(page, 'change-password-errors');
  }));

test('a language chosen while signed in is saved to the account', () =>
  withPage(browser, async (page) => {
    // a choice made on the login page wins over the account's
    await page.goto('/login');
    await chooseLanguage(page, 'Eng');
    await chooseLanguage(page, 'Укр');
    await signIn(page, 'pupil');
    await page.getByRole('heading', { name: 'Мій щоденник' }).waitFor();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/locale') && r.request().method() === 'PUT');
    await chooseLanguage(page, 'Eng');
    assert.equal((await saved).status(), 200);
    await page.getByRole('heading', { name: 'My diary' }).waitFor();
    await screenshot(page, 'pupil-en');

    // a new browser has no choice of its own, so the account's language applies
    await withPage(browser, async (other) => {
      await signIn(other, 'pupil');
      await other.getByRole('heading', { name: 'My diary' }).waitFor();
      await chooseLanguage(other, 'Укр');
      await other.getByRole('heading', { name: 'Мій щоденник' }).waitFor();
    });
  }));

test('on a phone the menu button opens the sections', () =>
  withPage(
    browser,
    async (page) => {
      await signIn(page, 'classteacher');
      await page.getByRole('heading', { name: 'Мій клас' }).waitFor();
      await page.getByRole('button', { name: 'Відкрити меню' }).click();
      await page.getByRole('link', { name: /^Мій клас / }).click();
      await page.getByRole('heading', { level: 1, name: /^Клас / }).waitFor();
      // the drawer slides away once a section is chosen
      await page.waitForFunction(() => (document.querySelector('nav')?.getBoundingClientRect().right ?? 0) <= 1);
      await screenshot(page, 'classteacher-phone-class');
    },
    { phone: true },
  ));
