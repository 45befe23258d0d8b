import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, } from 'playwright-core';
import { closePage, describedBy, launchBrowser, openAdminHome, openPage, screenshot, settled, signIn, withPage } from './helpers.js';

// Issue 4, the administrator's console: a one-time password is changed at the first sign-in;
// the school publishes its own privacy notice and a parent who consented before confirms it.
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

test('a teacher created by the administrator must change the one-time password before anything else', () =>
  withPage(browser, async (page) => {
    const home = await openAdminHome(page);
    // the side navigation leads to the staff screen
    await page.getByRole('navigation').getByRole('link', { name: 'Працівники' }).click();
    await page.getByRole('heading', { name: 'Працівники' }).waitFor();
    await page.getByRole('button', { name: 'Додати працівника' }).click();
    await page.getByRole('textbox', { name: 'Прізвище' }).fill('Гончаренко');
    await page.getByRole('textbox', { name: 'Імʼя' }).fill('Леся');
    await page.getByRole('button', { name: 'Зберегти' }).click();
    await page.getByText('Дані для входу').waitFor();
    const password = (await page.getByTestId('one-time-password').textContent())?.trim() ?? '';
    const login = (await page.getByTestId('one-time-login').textContent())?.trim() ?? '';
    await page.getByRole('button', { name: 'Закрити' }).click();

    const teacher = await openPage(browser);
    try {
      await signIn(teacher, login, password);
      await teacher.getByRole('heading', { name: 'Змініть одноразовий пароль' }).waitFor();
      // no other screen opens meanwhile, even by its address
      await teacher.goto(`${home}/journal`);
      await teacher.getByRole('heading', { name: 'Змініть одноразовий пароль' }).waitFor();
      assert.equal(await teacher.getByRole('navigation').count(), 0);
      await screenshot(teacher, 'accounts-forced-change');

      // the one-time password again is refused beside the field
      await teacher.getByLabel('Одноразовий пароль', { exact: true }).fill(password);
      await teacher.getByLabel('Новий пароль', { exact: true }).fill(password);
      await teacher.getByLabel('Повторіть новий пароль', { exact: true }).fill(password);
      await teacher.getByRole('button', { name: 'Зберегти пароль' }).click();
      await teacher.getByText('Новий пароль має відрізнятися від поточного.').waitFor();
      assert.match(await describedBy(teacher.getByLabel('Новий пароль', { exact: true })), /має відрізнятися від поточного/);
      await screenshot(teacher, 'accounts-forced-change-error');

      await teacher.getByLabel('Новий пароль', { exact: true }).fill('Каштани-цвітуть-2026');
      await teacher.getByLabel('Повторіть новий пароль', { exact: true }).fill('Каштани-цвітуть-2026');
      await teacher.getByRole('button', { name: 'Зберегти пароль' }).click();
      // the school opens: the header with the person's name and the side navigation
      await teacher.getByRole('button', { name: /Гончаренко Леся/ }).waitFor();
      await teacher.getByRole('navigation').getByRole('link', { name: 'Головна' }).waitFor();
    } finally {
      await closePage(teacher);
    }
    // the next sign-in takes the new password and asks nothing
    const again = await openPage(browser);
    try {
      await signIn(again, login, 'Каштани-цвітуть-2026');
      await again.getByRole('button', { name: /Гончаренко Леся/ }).waitFor();
    } finally {
      await closePage(again);
    }
  }));

test('the administrator publishes a new notice version; a parent who consented before is asked to confirm it', async () => {
  await withPage(browser, async (page) => {
    await openAdminHome(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Повідомлення про дані' }).click();
    await page.getByRole('heading', { name: 'Повідомлення про обробку персональних даних', level: 1 }).waitFor();
    await settled(page);
    // the title stays (other browser tests read it on the invitation page); a paragraph is added
    assert.match(await page.getByRole('textbox', { name: 'Заголовок' }).inputValue(), /^Повідомлення про обробку персональних даних учня/);
    const body = page.getByRole('textbox', { name: 'Текст повідомлення' });
    await body.fill(`${await body.inputValue()}\n\nКонтакт відповідальної особи: кабінет 12, щопонеділка з 14:00 до 16:00.`);
    await page.getByRole('button', { name: 'Переглянути' }).click();
    const preview = page.getByRole('dialog', { name: 'Так повідомлення побачать батьки' });
    await preview.getByText('Контакт відповідальної особи: кабінет 12').waitFor();
    await screenshot(page, 'notice-preview');
    await preview.getByRole('button', { name: 'Опублікувати' }).click();
    const confirm = page.getByRole('dialog', { name: 'Опублікувати нову версію?' });
    await confirm.getByRole('button', { name: 'Опублікувати' }).click();
    await page.getByText('Нову версію опубліковано.').waitFor();
    await page.getByText(/власний текст закладу/).first().waitFor();
    await screenshot(page, 'notice-published');
  });

  await withPage(browser, async (page) => {
    await signIn(page, 'parent');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto('/consent');
    const asks = page.getByRole('button', { name: 'Прочитати й підтвердити' });
    await asks.first().waitFor();
    const before = await asks.count();
    await page.getByText(/Заклад оновив повідомлення про обробку персональних даних/).first().waitFor();
    await asks.first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Контакт відповідальної особи: кабінет 12').waitFor();
    await screenshot(page, 'notice-reconfirm');
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Даю згоду' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(
      (n) => [...document.querySelectorAll('button')].filter((b) => b.textContent === 'Прочитати й підтвердити').length === n,
      before - 1,
    );
    await screenshot(page, 'notice-confirmed');
  });
});
