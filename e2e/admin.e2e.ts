import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, } from 'playwright-core';
import { PUPIL_HEADERS, pupilCells, samplePupils, toXlsx } from '../src/server/modules/people/import/samples.js';
import { closePage, describedBy, launchBrowser, openAdminHome, openPage, screenshot, settled, signIn, withPage } from './helpers.js';

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'klasnyi-admin-e2e-'));
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

test('the administrator imports a class from XLSX, sees a problem in the preview, fixes the file and imports again', () =>
  withPage(browser, async (page) => {
    const home = await openAdminHome(page);

    // a new class for the import
    await page.getByRole('main').getByRole('link', { name: /Класи й учні/ }).click();
    await page.getByRole('heading', { name: 'Класи й учні' }).waitFor();
    await settled(page);
    await page.getByRole('textbox', { name: 'Літера' }).fill('ю');
    await page.getByRole('combobox', { name: 'Паралель' }).click();
    await page.getByRole('option', { name: '4', exact: true }).click();
    await page.getByRole('button', { name: 'Створити клас' }).click();
    await page.getByRole('link', { name: '4-Ю' }).waitFor();

    // the registry export: one pupil's date of birth is impossible
    const pupils = samplePupils(6, ['4-Ю'], 11).map(pupilCells);
    const broken = pupils.map((r) => [...r]);
    broken[2][3] = '31.02.2016';
    const brokenFile = join(dir, 'учні 4-Ю.xlsx');
    writeFileSync(brokenFile, await toXlsx(PUPIL_HEADERS, broken, { title: 'Список учнів 4-Ю', dateColumn: 3 }));

    await page.goto(`${home}/admin/import`);
    await page.getByRole('heading', { name: 'Імпорт з файлу' }).waitFor();
    // the recent imports are listed, or the section says there are none yet (it was a heading over nothing)
    await settled(page);
    const recent = page.getByRole('region', { name: 'Останні імпорти' });
    assert.ok((await recent.getByRole('table').count()) + (await recent.getByText(/^Імпортів ще не було\./).count()) > 0, 'the recent imports are not an empty heading');
    await page.locator('input[type=file]').setInputFiles(brokenFile);
    await page.getByRole('button', { name: 'Перевірити файл' }).click();
    await page.getByRole('heading', { name: 'Помилки в рядках' }).waitFor();
    await page.getByText('Неправильна дата народження: «31.02.2016».').waitFor();
    await page.getByText('Нічого не записано. Виправте файл і завантажте його ще раз.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Імпортувати', exact: true }).count(), 0);
    await screenshot(page, 'admin-import-problems');

    // the fixed file
    const fixedFile = join(dir, 'учні 4-Ю (виправлено).xlsx');
    writeFileSync(fixedFile, await toXlsx(PUPIL_HEADERS, pupils, { title: 'Список учнів 4-Ю', dateColumn: 3 }));
    await page.locator('input[type=file]').setInputFiles(fixedFile);
    await page.getByRole('button', { name: 'Перевірити файл' }).click();
    await page.getByText('Перевірка файлу «учні 4-Ю (виправлено).xlsx»').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Помилки в рядках' }).count(), 0);
    await page.getByRole('button', { name: 'Імпортувати', exact: true }).click();
    await page.getByText('Імпорт завершено').waitFor();
    await page.getByText(/Учнів додано: 6, уже були: 0\. Зарахувань: 6\. Батьків додано: 12\./).waitFor();
    await screenshot(page, 'admin-import-done');

    // the pupils are in the class, with their parents
    await page.goto(`${home}/admin/classes`);
    await page.getByRole('link', { name: '4-Ю' }).click();
    await page.getByRole('heading', { name: 'Клас 4-Ю' }).waitFor();
    for (const p of pupils) await page.getByText(`${p[0]} ${p[1]} ${p[2]}`, { exact: true }).waitFor();
    await page.getByText(`${pupils[0][6].split(' ').slice(0, 2).join(' ')}`).first().waitFor();
    await screenshot(page, 'admin-class-imported');

    // a parent's phone number never breaks across lines (5-А's guardian read "+380 95 998 19" over "58")
    await page.goto(`${home}/admin/classes`);
    await page.getByRole('link', { name: '5-А', exact: true }).click();
    await page.getByRole('heading', { name: 'Клас 5-А' }).waitFor();
    await settled(page);
    const splitPhones = await page.getByRole('table', { name: 'Учні' }).evaluate((table) => {
      const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      const split: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const at = text.search(/\+380[\d ]+\d/);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + (text.slice(at).match(/\+380[\d ]+\d/)?.[0].length ?? 0));
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) split.push(range.toString());
      }
      return split;
    });
    assert.deepEqual(splitPhones, [], 'no phone number is broken across lines');
  }));

test('the administrator adds a staff member: field problems beside the fields, then a one-time password', () =>
  withPage(browser, async (page) => {
    const home = await openAdminHome(page);
    await page.goto(`${home}/admin/staff`);
    await page.getByRole('button', { name: 'Додати працівника' }).click();
    await page.getByRole('textbox', { name: 'Ел. пошта' }).fill('не адреса');
    await page.getByRole('button', { name: 'Зберегти' }).click();
    await page.getByText('Неправильна адреса ел. пошти.').waitFor();
    assert.equal(await describedBy(page.getByRole('textbox', { name: 'Прізвище' })), 'Заповніть це поле.');
    await page.getByRole('textbox', { name: 'Прізвище' }).fill('Ярошенко');
    await page.getByRole('textbox', { name: 'Імʼя' }).fill('Віра');
    await page.getByRole('textbox', { name: 'Ел. пошта' }).fill('vira@school.ua');
    await page.getByRole('button', { name: 'Зберегти' }).click();
    await page.getByText('Дані для входу').waitFor();
    const password = (await page.getByTestId('one-time-password').textContent())?.trim() ?? '';
    const login = (await page.getByTestId('one-time-login').textContent())?.trim() ?? '';
    assert.match(password, /^[A-Za-z2-9]{12}$/);
    assert.match(login, /^yaroshenko\.v\d*$/);
    await page.getByRole('button', { name: 'Закрити' }).click();
    await page.getByText('Ярошенко Віра').first().waitFor();

    const newcomer = await openPage(browser);
    try {
      await signIn(newcomer, login, password);
      // a one-time password: the change of password comes first (e2e/accounts.e2e.ts goes on)
      await newcomer.getByRole('heading', { name: 'Змініть одноразовий пароль' }).waitFor();
    } finally {
      await closePage(newcomer);
    }
  }));
