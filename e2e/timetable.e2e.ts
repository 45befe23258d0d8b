import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn, withPage } from './helpers.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

/** The input of a Mantine select by its label (not the radio of the same name). */
const selectInput = (page: Page, label: string) => page.getByLabel(label, { exact: true }).and(page.locator('input[aria-haspopup="listbox"]'));

/** Picks an option of a Mantine select by the select's label. */
async function choose(page: Page, label: string, option: string | RegExp): Promise<string> {
  await selectInput(page, label).click();
  const item = page.getByRole('option', { name: option }).first();
  const text = ((await item.textContent()) ?? '').trim();
  await item.click();
  return text;
}

const SATURDAY_FIRST = 'Додати урок: Субота, 1 урок';
/** Signing in (argon2) and whole-school writes can take long on a busy machine. */
const SLOW = { timeout: 120_000 };

test('the administrator places a lesson in the grid and is refused the same teacher twice at one time', () =>
  withPage(browser, async (page) => {
    // a deep link: signing in leads straight to the timetable of the demo's first school
    await page.goto('/s/1/admin/timetable');
    await page.waitForURL(/\/login$/);
    await signIn(page, 'admin');
    await page.waitForURL(/\/s\/1\/admin\/timetable$/, SLOW);
    await page.getByRole('heading', { level: 1, name: 'Розклад уроків' }).waitFor();
    await page.getByRole('table', { name: /^Розклад / }).waitFor(SLOW);

    await choose(page, 'Клас', '5-А');
    await page.getByRole('table', { name: 'Розклад 5-А' }).waitFor();
    await page.getByRole('switch', { name: 'Субота' }).check();
    await page.getByRole('button', { name: SATURDAY_FIRST }).click();
    const dialog = page.getByRole('dialog', { name: 'Субота, 1 урок' });
    const placed = await choose(page, 'Предмет, група, вчитель', /^Інформатика/);
    const teacher = placed.split(' — ')[1];
    assert.ok(teacher, `the option names the teacher: ${placed}`);
    await dialog.getByLabel('Кабінет').fill('Комп. клас 2');
    await dialog.getByRole('button', { name: 'Поставити в розклад' }).click();
    await page.getByText(/^Розклад збережено/).first().waitFor(SLOW);
    await dialog.waitFor({ state: 'detached' });
    const lesson = page.getByRole('button', { name: /^Урок: Інформатика, .*каб\. Комп\. клас 2/ });
    await lesson.waitFor();
    await screenshot(page, 'timetable-placed');
    // on a 1366 px laptop, with Saturday shown, every lesson names its teacher and room whole (the room was cut to "каб....")
    const clipped = await page
      .getByRole('table', { name: 'Розклад 5-А' })
      .locator('button p')
      .evaluateAll((lines) => lines.filter((l) => l.scrollHeight > l.clientHeight + 1 || l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent));
    assert.deepEqual(clipped, [], 'no lesson of the timetable is cut short');

    // the same teacher in another class at the same time
    let clashed = false;
    for (const label of ['5-Б', '6-А', '6-Б', '7-А', '7-Б', '8-А']) {
      await choose(page, 'Клас', label);
      await page.getByRole('table', { name: `Розклад ${label}` }).waitFor();
      await page.getByRole('button', { name: SATURDAY_FIRST }).click();
      await selectInput(page, 'Предмет, група, вчитель').click();
      const same = page.getByRole('option', { name: new RegExp(`— ${teacher.replace(/\./g, '\\.')}$`) });
      if ((await same.count()) === 0) {
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').getByRole('button', { name: 'Скасувати' }).click();
        continue;
      }
      await same.first().click();
      await page.getByRole('dialog').getByRole('button', { name: 'Поставити в розклад' }).click();
      const alert = page.getByRole('dialog').getByRole('alert');
      await alert.waitFor(SLOW);
      const text = (await alert.textContent()) ?? '';
      assert.match(text, new RegExp(`Учитель ${teacher.replace(/\./g, '\\.')} у цей час уже має урок: 5-А, Інформатика, каб\\. Комп\\. клас 2\\.`));
      await screenshot(page, 'timetable-clash');
      await page.getByRole('dialog').getByRole('button', { name: 'Скасувати' }).click();
      clashed = true;
      break;
    }
    assert.ok(clashed, `another class taught by ${teacher} was found`);

    // the first lesson is taken out again, so other browser tests see the demo as it was
    await choose(page, 'Клас', '5-А');
    await lesson.click();
    await page.getByRole('button', { name: 'Прибрати з розкладу' }).click();
    await page.getByRole('button', { name: 'Так, прибрати' }).click();
    await lesson.waitFor({ state: 'detached', ...SLOW });
  }));

test('a teacher sees their week on the home screen, read-only', () =>
  withPage(browser, async (page) => {
    await signIn(page, 'teacher');
    const chooser = page.getByRole('heading', { name: /^Оберіть школу/ });
    await Promise.race([page.waitForURL(/\/s\/\d+$/, SLOW), chooser.waitFor(SLOW)]);
    if (!/\/s\/\d+$/.test(page.url())) await page.getByRole('main').getByRole('link').filter({ hasText: 'Ліцей №1' }).first().click();
    const section = page.getByRole('region', { name: 'Мій розклад' });
    const grid = section.getByRole('table', { name: 'Мій розклад' });
    await grid.waitFor(SLOW);
    assert.ok((await grid.getByLabel(/Математика|Алгебра|Геометрія/).count()) > 3, 'the week holds the teacher’s lessons');
    assert.equal(await section.getByRole('button', { name: /^Додати урок/ }).count(), 0);
    await screenshot(page, 'timetable-mine');
  }));

test('the city declares a day off for every school and withdraws it', () =>
  withPage(browser, async (page) => {
    await signIn(page, 'city');
    await page.waitForURL(/\/city\/\d+$/, SLOW);
    await page.getByRole('link', { name: 'Вихідні дні міста' }).click();
    await page.getByRole('heading', { level: 1, name: 'Вихідні дні міста' }).waitFor();
    const year = Number((await page.evaluate(() => new Date().getFullYear())).toString());
    const day = `${new Date().getMonth() >= 6 ? year + 1 : year}-05-20`;
    await page.getByLabel(/^Дата/).fill(day);
    await page.getByLabel(/^Підстава/).fill('Перевірка оголошення');
    await page.getByRole('button', { name: 'Оголосити для всіх шкіл' }).click();
    const done = page.getByText(/^Готово\. Шкіл: 3\. Уроки в журналах: додано 0, прибрано порожніх [1-9]\d*/);
    await done.waitFor(SLOW);
    await screenshot(page, 'city-days-off');
    const [y, m, d] = day.split('-');
    await page.getByRole('button', { name: `Скасувати вихідний ${d}.${m}.${y}` }).click();
    await page.getByText(/^Готово\. Шкіл: 3\. Уроки в журналах: додано [1-9]\d*, прибрано порожніх 0/).waitFor(SLOW);
  }));
