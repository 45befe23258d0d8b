import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { closePage, launchBrowser, openPage, screenshot, settled, signIn, typeKeys } from './helpers.js';

const SAVED = 'Усе збережено';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

/** Signs the demo teacher in and opens their first journal page in school 1; returns its address parts. */
async function openFirstPage(page: Page): Promise<{ schoolId: number; pageId: number }> {
  await signIn(page, 'teacher');
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.goto('/s/1');
  await page.getByRole('region', { name: 'Мої журнали' }).getByRole('link').first().click();
  await page.waitForURL(/\/s\/\d+\/journal\/\d+$/);
  await grid(page).waitFor();
  await settled(page);
  const [, schoolId, pageId] = /\/s\/(\d+)\/journal\/(\d+)$/.exec(new URL(page.url()).pathname)!.map(Number);
  return { schoolId, pageId };
}

const grid = (page: Page) => page.getByTestId('journal-grid');
const status = (page: Page) => page.getByTestId('save-status');
const cell = (page: Page, row: number, col: number) => grid(page).locator(`tbody tr:nth-child(${row + 1}) td:nth-child(${col + 2})`);

/** The grid's values of a block, as the cells show them. */
function values(page: Page, rows: number[], cols: number[]): Promise<string[][]> {
  return page.evaluate(
    ({ rows, cols }) => {
      const body = document.querySelector('[data-testid="journal-grid"] tbody') as HTMLTableSectionElement;
      return rows.map((r) => cols.map((c) => body.rows[r].cells[c + 1].textContent ?? ''));
    },
    { rows, cols },
  );
}

/** The column the grid focuses first (the last lesson the teacher may fill) and rows where it and the column before are open. */
async function writableSpot(page: Page): Promise<{ col: number; rows: number[] }> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid="journal-grid"]')!;
    const col = Number(root.querySelector('thead th.jg-focus-col')!.getAttribute('data-col'));
    const body = root.querySelector('tbody') as HTMLTableSectionElement;
    const rows: number[] = [];
    for (const tr of body.rows) {
      const cells = [tr.cells[col], tr.cells[col + 1]];
      if (cells.every((td) => !td.classList.contains('jg-off') && !td.classList.contains('jg-ro'))) rows.push(tr.sectionRowIndex);
    }
    return { col, rows };
  });
}

/** The first of `n` rows next to each other among the open rows. */
function run(rows: number[], n: number): number {
  const start = rows.find((r) => Array.from({ length: n }, (_, i) => r + i).every((x) => rows.includes(x)));
  assert.ok(start !== undefined, `${n} open rows next to each other`);
  return start;
}

async function waitSaved(page: Page): Promise<void> {
  await status(page).getByText(SAVED).waitFor({ timeout: 15_000 });
}

/** Sends a paste event with text/plain to the grid, as Excel's clipboard would give it. */
function paste(page: Page, text: string): Promise<void> {
  return grid(page).evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('a teacher fills a page with the keyboard and a paste, and it is all saved', async () => {
  const page = await openPage(browser);
  try {
    await openFirstPage(page);
    await screenshot(page, 'journal-laptop');
    const { col, rows } = await writableSpot(page);
    const a = run(rows, 3);
    const d = run(rows.filter((r) => r > a + 2), 2);

    // 9 Enter 10 Enter н Enter, down the focused column
    await cell(page, a, col).click();
    for (const value of ['9', '10', 'н']) {
      await typeKeys(page, value);
      await page.keyboard.press('Enter');
    }
    assert.deepEqual(await values(page, [a, a + 1, a + 2], [col]), [['9'], ['10'], ['н']]);
    assert.ok(await cell(page, a + 2, col).evaluate((td) => td.classList.contains('jg-abs')), 'absence is marked as such');

    // a 2x2 block from a spreadsheet, with its \r\n and trailing newline
    await cell(page, d, col - 1).click();
    await paste(page, '7\t8\r\n11\t12\r\n');
    assert.deepEqual(await values(page, [d, d + 1], [col - 1, col]), [['7', '8'], ['11', '12']]);
    await waitSaved(page);

    // a value off the scale is flagged at once and never sent
    const e = rows.find((r) => r > d + 1)!;
    await cell(page, e, col).click();
    await page.keyboard.type('13');
    await page.keyboard.press('Enter');
    assert.ok(await cell(page, e, col).evaluate((td) => td.classList.contains('jg-f')), 'the refused cell is marked');
    await status(page).getByText('Не прийнято: 1').waitFor();
    // undo puts the old value back; the refusal goes with it
    const before = (await values(page, [e], [col]))[0][0];
    await cell(page, e, col).click();
    await page.keyboard.press('Control+z');
    await status(page).getByText(SAVED).waitFor();
    assert.notEqual((await values(page, [e], [col]))[0][0], '13', `undo restored ${before}`);

    // copy a block as TSV
    await cell(page, a, col).click();
    await page.keyboard.press('Shift+ArrowDown');
    const copied = await grid(page).evaluate((el) => {
      const data = new DataTransfer();
      el.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/plain');
    });
    assert.equal(copied, '9\n10');

    await page.reload();
    await grid(page).waitFor();
    await settled(page);
    assert.deepEqual(await values(page, [a, a + 1, a + 2], [col]), [['9'], ['10'], ['н']]);
    assert.deepEqual(await values(page, [d, d + 1], [col - 1, col]), [['7', '8'], ['11', '12']]);
    await status(page).getByText(SAVED).waitFor();
  } finally {
    await closePage(page);
  }
});

test('a cell changed by someone else meanwhile shows the conflict, and the teacher decides', async () => {
  const page = await openPage(browser);
  try {
    const { schoolId, pageId } = await openFirstPage(page);
    const { col, rows } = await writableSpot(page);
    const [x, y] = rows;

    // another session changes two cells after the grid loaded
    const changed = await page.evaluate(
      async ({ schoolId, pageId, col, rows }) => {
        const me = await (await fetch('/api/auth/me')).json();
        const data = await (await fetch(`/api/schools/${schoolId}/journal/pages/${pageId}`)).json();
        const body = document.querySelector('[data-testid="journal-grid"] tbody') as HTMLTableSectionElement;
        const th = document.querySelector(`[data-testid="journal-grid"] thead th[data-col="${col}"] button`) as HTMLButtonElement;
        const lessonId = Number(th.dataset.lesson);
        const pupilIds = rows.map((r) => {
          const name = (body.rows[r].cells[0].textContent ?? '').replace(/^\d+/, '');
          return data.pupils.find((p: { name: string }) => p.name === name).id as number;
        });
        const cells = pupilIds.map((pupilId) => ({
          lessonId,
          pupilId,
          mark: '3',
          absent: false,
          version: data.cells.find((c: number[]) => c[0] === lessonId && c[1] === pupilId)?.[4] ?? 0,
        }));
        const res = await fetch(`/api/schools/${schoolId}/journal/pages/${pageId}/entries`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
          body: JSON.stringify({ cells, summary: [] }),
        });
        return res.status;
      },
      { schoolId, pageId, col, rows: [x, y] },
    );
    assert.equal(changed, 200);

    await cell(page, x, col).click();
    await page.keyboard.type('11');
    await page.keyboard.press('Enter');
    await status(page).getByText('Конфлікти: 1').waitFor({ timeout: 15_000 });
    assert.ok(await cell(page, x, col).evaluate((td) => td.classList.contains('jg-k')), 'the cell shows the conflict');
    await cell(page, x, col).click();
    const popover = page.getByRole('dialog', { name: 'Клітинку змінили' });
    await popover.getByText('Збережено зараз: 3').waitFor();
    await popover.getByText('Ви ввели: 11').waitFor();
    await screenshot(page, 'journal-conflict');
    await popover.getByRole('button', { name: 'Записати моє' }).click();
    await waitSaved(page);
    assert.equal((await values(page, [x], [col]))[0][0], '11');

    await cell(page, y, col).click();
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await status(page).getByText('Конфлікти: 1').waitFor({ timeout: 15_000 });
    await cell(page, y, col).click();
    await page.getByRole('dialog', { name: 'Клітинку змінили' }).getByRole('button', { name: 'Залишити збережене' }).click();
    await waitSaved(page);
    assert.equal((await values(page, [y], [col]))[0][0], '3');

    await page.reload();
    await grid(page).waitFor();
    await settled(page);
    assert.deepEqual(await values(page, [x, y], [col]), [['11'], ['3']]);
  } finally {
    await closePage(page);
  }
});

test('a change to an old lesson asks for a reason, and the cell history keeps it', async () => {
  const page = await openPage(browser);
  try {
    await openFirstPage(page);
    // a lesson more than the 7-day window ago, and a pupil who may be marked in it
    const spot = await page.evaluate(() => {
      const root = document.querySelector('[data-testid="journal-grid"]')!;
      const today = new Date('2026-11-28T00:00:00Z').getTime();
      const body = root.querySelector('tbody') as HTMLTableSectionElement;
      for (const th of [...root.querySelectorAll('thead th[data-col]')].reverse()) {
        const date = th.querySelector('.jg-date')?.textContent ?? '';
        const [d, m] = date.split('.').map(Number);
        if (!d || (today - Date.UTC(2026, m - 1, d)) / 86_400_000 <= 8) continue;
        const col = Number(th.getAttribute('data-col'));
        for (const tr of body.rows) {
          const td = tr.cells[col + 1];
          if (!td.classList.contains('jg-off') && !td.classList.contains('jg-ro')) return { row: tr.sectionRowIndex, col };
        }
      }
      return null;
    });
    assert.ok(spot, 'an old lesson to correct');
    const mark = (await values(page, [spot.row], [spot.col]))[0][0] === '4' ? '5' : '4';
    await cell(page, spot.row, spot.col).click();
    await typeKeys(page, mark);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Причина зміни' });
    await dialog.getByLabel('Причина').fill('Виправлення помилки введення');
    await screenshot(page, 'journal-reason');
    await dialog.getByRole('button', { name: 'Зберегти з причиною' }).click();
    await waitSaved(page);
    assert.equal((await values(page, [spot.row], [spot.col]))[0][0], mark);

    await cell(page, spot.row, spot.col).click();
    await page.keyboard.press('Alt+h');
    const history = page.getByRole('dialog', { name: 'Історія змін' });
    await history.getByText('Причина: Виправлення помилки введення').first().waitFor();
    await history.getByText('після строку').first().waitFor();
  } finally {
    await closePage(page);
  }
});

test('a change made without a connection waits, says so, and is saved on "Повторити"', async () => {
  const page = await openPage(browser);
  try {
    await openFirstPage(page);
    const { col, rows } = await writableSpot(page);
    const row = rows[rows.length - 1];
    const mark = (await values(page, [row], [col]))[0][0] === '6' ? '7' : '6';
    await page.context().setOffline(true);
    await cell(page, row, col).click();
    await typeKeys(page, mark);
    await page.keyboard.press('Enter');
    await status(page).getByText('Не збережено: 1').waitFor({ timeout: 15_000 });
    assert.ok(await cell(page, row, col).evaluate((td) => td.classList.contains('jg-f')), 'the cell shows it is not saved');
    await page.context().setOffline(false);
    await status(page).getByRole('button', { name: 'Повторити' }).click();
    await waitSaved(page);
    await page.reload();
    await grid(page).waitFor();
    assert.equal((await values(page, [row], [col]))[0][0], mark);
  } finally {
    await closePage(page);
  }
});

test('the lesson panel saves the topic, and the grid reads on a phone', async () => {
  const page = await openPage(browser, { phone: true });
  try {
    await openFirstPage(page);
    await screenshot(page, 'journal-phone');
    // on a phone the bulk bar shows only what can be used now: no disabled button pushes the grid down
    const disabled = await page.locator('.jg-bulkbar button:disabled').evaluateAll((buttons) => buttons.filter((b) => (b as HTMLElement).offsetParent !== null).map((b) => b.textContent));
    assert.deepEqual(disabled, [], 'no disabled bulk action is shown on a phone');
    const { col } = await writableSpot(page);
    await grid(page).locator(`thead th[data-col="${col}"] button`).click();
    const drawer = page.getByRole('dialog');
    const topic = drawer.getByLabel('Зміст уроку');
    const text = `Додавання дробів. Самостійна робота ${Date.now() % 1000}`;
    await topic.fill(text);
    await drawer.getByRole('button', { name: 'Зберегти' }).click();
    await page.getByText('Урок збережено.').waitFor();
    await grid(page).locator(`thead th[data-col="${col}"] button[title*="${text}"]`).waitFor();
  } finally {
    await closePage(page);
  }
});
