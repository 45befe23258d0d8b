import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { closePage, launchBrowser, openPage, screenshot, settled, signIn } from './helpers.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

interface Family {
  schoolId: number;
  classId: number;
  pupilId: number;
  pupilName: string;
  guardianName: string;
  code: string;
}

let family: Family;
const ANNOUNCEMENT = `Батьківські збори 5-А, ${new Date().toISOString().slice(11, 19)}`;

async function api(page: Page, method: 'GET' | 'POST', url: string, data?: unknown) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const res = await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  assert.ok(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`);
  return res.json();
}

test('the class teacher sees the consent register and dashboard, writes to the class, and issues a code', async () => {
  const page = await openPage(browser);
  try {
    await signIn(page, 'classteacher');
    await page.waitForURL(/\/s\/\d+$/);
    const me = await (await page.request.get('/api/auth/me')).json();
    const m = me.schools.find((s: { classIds: number[] }) => s.classIds.length);
    const [schoolId, classId] = [m.schoolId, m.classIds[0]];

    await page.getByRole('heading', { name: 'Згода батьків і запрошення' }).waitFor();
    await page.getByRole('link', { name: 'Реєстр згод' }).click();
    await page.getByRole('heading', { name: 'Згода на обробку персональних даних' }).waitFor();
    await settled(page);
    await screenshot(page, 'consent-dashboard');
    await page.getByRole('main').getByRole('link', { name: '5-А', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Згоди: 5-А' }).waitFor();
    await settled(page);
    await screenshot(page, 'consent-register');

    // a family with no consent yet and a guardian without an account
    const register = await api(page, 'GET', `/api/schools/${schoolId}/classes/${classId}/consent`);
    type G = { id: number; name: string; hasAccount: boolean };
    const pupil = register.pupils.find((p: { valid: boolean; guardians: G[] }) => !p.valid && p.guardians.some((g) => !g.hasAccount));
    assert.ok(pupil, 'the demo class has a family without consent');
    const guardian = pupil.guardians.find((g: G) => !g.hasAccount);
    const batch = await api(page, 'POST', `/api/schools/${schoolId}/classes/${classId}/invitations`, { pupilIds: [pupil.id], include: 'guardians' });
    const issued = batch.issued.find((i: { guardianId: number }) => i.guardianId === guardian.id);
    // the letter names the person by surname and first name
    family = { schoolId, classId, pupilId: pupil.id, pupilName: pupil.name, guardianName: issued.personName, code: issued.code };

    await page.goto(`/s/${schoolId}/announcements`);
    await page.getByRole('heading', { name: 'Оголошення', exact: true }).waitFor();
    await page.getByLabel('Заголовок').fill(ANNOUNCEMENT);
    await page.getByLabel('Текст').fill('Шановні батьки! Збори відбудуться в четвер о 18:00 у кабінеті 12.');
    await page.getByRole('button', { name: 'Надіслати' }).click();
    await page.getByRole('button', { name: ANNOUNCEMENT }).first().waitFor();
    await screenshot(page, 'announcements');
  } finally {
    await closePage(page);
  }
});

test('a parent redeems the invitation code, consents, and sees the diary', async () => {
  const page = await openPage(browser, { phone: true });
  try {
    await page.goto('/invite');
    await page.getByLabel('Код запрошення').fill(family.code.toLowerCase());
    await screenshot(page, 'invite-code');
    await page.getByRole('button', { name: 'Далі' }).click();
    await page.getByRole('heading', { name: `${family.guardianName}: доступ до щоденника учня ${family.pupilName}` }).waitFor();
    await page.getByText('Повідомлення про обробку персональних даних учня').waitFor();

    const login = `e2e.parent.${Date.now().toString(36)}`;
    await page.getByLabel(/^Логін/).fill(login);
    await page.getByLabel(/^Пароль/).fill('parol-dlia-e2e-1');
    await page.getByLabel(/^Повторіть новий пароль/).fill('parol-dlia-e2e-1');
    // without consent the account is not created
    await page.getByRole('button', { name: 'Створити обліковий запис' }).click();
    await page.getByText('Без згоди щоденник не відкриється').waitFor();
    await screenshot(page, 'invite-consent-needed');
    await page.getByLabel(/даю згоду на обробку персональних даних/).check();
    await page.getByRole('button', { name: 'Створити обліковий запис' }).click();

    await page.waitForURL(new RegExp(`/s/${family.schoolId}/diary/${family.pupilId}$`));
    await page.getByRole('heading', { name: 'Щоденник' }).waitFor();
    await page.getByText(family.pupilName).first().waitFor();
    const week = await page.request.get(`/api/schools/${family.schoolId}/diary/${family.pupilId}/week`);
    assert.equal(week.status(), 200);
    assert.equal((await week.json()).pupil.id, family.pupilId);
    await settled(page);
    await screenshot(page, 'invite-diary');

    // the home screen: the child and the class teacher's announcement, unread
    await page.goto(`/s/${family.schoolId}`);
    const unread = page.getByRole('button', { name: `Не прочитано: ${ANNOUNCEMENT}` });
    await unread.waitFor();
    await screenshot(page, 'parent-home');
    // on the phone the title has the card's width: the date goes under it, not beside it in a column
    const [card, title] = await Promise.all([unread.boundingBox(), unread.getByText(ANNOUNCEMENT, { exact: true }).boundingBox()]);
    assert.ok(card && title && title.width > 0.7 * card.width, `the announcement's title is not squeezed (${title?.width} of ${card?.width} px)`);
    await unread.click();
    await page.getByRole('dialog', { name: ANNOUNCEMENT }).getByText('кабінеті 12').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: ANNOUNCEMENT, exact: true }).waitFor();

    await page.goto('/consent');
    await page.getByText('Ви дали згоду').waitFor();
    await screenshot(page, 'parent-consent');
    // after consenting the parent can still read the notice they consented to
    await page.getByRole('button', { name: 'Прочитати повідомлення' }).click();
    await page.getByRole('dialog').getByText('Мета обробки').first().waitFor();
    await page.keyboard.press('Escape');
    await page.goto(`/s/${family.schoolId}/notifications`);
    await page.getByRole('heading', { name: 'Повідомлення на пошту' }).waitFor();
    await settled(page);
    await screenshot(page, 'parent-notifications');
    // the hint under the digest time is as wide as the form, not squeezed to the time field's width
    const [emailHint, digestHint] = await Promise.all([
      page.getByText('Якщо залишити порожнім', { exact: false }).boundingBox(),
      page.getByText('прийде одним листом', { exact: false }).boundingBox(),
    ]);
    assert.ok(emailHint && digestHint && digestHint.width >= emailHint.width - 1, `the digest hint is not squeezed (${digestHint?.width} of ${emailHint?.width} px)`);
  } finally {
    await closePage(page);
  }
});

test('the class teacher records a signed paper consent with its scan, sees the history, and prints letters', async () => {
  const page = await openPage(browser);
  try {
    await signIn(page, 'classteacher');
    await page.waitForURL(/\/s\/\d+$/);
    await page.goto(`/s/${family.schoolId}/consent/classes/${family.classId}`);
    await settled(page);
    const register = await api(page, 'GET', `/api/schools/${family.schoolId}/classes/${family.classId}/consent`);
    type G = { name: string; latest: { action: string } | null };
    const pupil = register.pupils.find((p: { guardians: G[] }) => p.guardians.some((g) => g.latest?.action !== 'given'));
    assert.ok(pupil, 'a guardian without consent is in the class');
    const row = page.getByRole('row').filter({ hasText: pupil.name });
    await row.getByRole('button', { name: 'Внести згоду' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Паперова згода' });
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'zgoda.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    });
    await screenshot(page, 'consent-record-paper');
    await dialog.getByRole('button', { name: 'Зберегти згоду' }).click();
    await page.getByText('Записано. Згода для учня чинна.').waitFor();
    await row.getByRole('button', { name: 'Історія' }).click();
    const history = page.getByRole('dialog', { name: `Історія згод: ${pupil.name}` });
    await history.getByText('на папері').first().waitFor();
    await history.getByRole('link', { name: 'Скан' }).first().waitFor();
    await screenshot(page, 'consent-history');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Листи-запрошення' }).click();
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Створити PDF' }).click();
    assert.match((await popup).url(), /^blob:/);
  } finally {
    await closePage(page);
  }
});

test('the class teacher sees who read the announcement', async () => {
  const page = await openPage(browser);
  try {
    await signIn(page, 'classteacher');
    await page.waitForURL(/\/s\/\d+$/);
    await page.goto(`/s/${family.schoolId}/announcements`);
    await page.getByRole('button', { name: ANNOUNCEMENT }).first().click();
    const dialog = page.getByRole('dialog', { name: ANNOUNCEMENT });
    await dialog.getByText(family.guardianName.split(' ').slice(0, 2).join(' ')).first().waitFor();
    await settled(page);
    await screenshot(page, 'announcement-receipts');
  } finally {
    await closePage(page);
  }
});
