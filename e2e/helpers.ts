import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

/** The server under test; e2e/run.ts starts one and sets this. */
export const BASE_URL = process.env.E2E_BASE_URL ?? '';
if (!BASE_URL) throw new Error('E2E_BASE_URL is not set: run the browser tests with `npx tsx e2e/run.ts`');

/** The password of every demo login. */
export const DEMO_PASSWORD = 'klasnyi2025';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Debian's chromium, headless; playwright never downloads a browser here. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh browser profile (no cookies, no saved language): a 1366x768 laptop, or a phone. */
export async function openPage(browser: Browser, opts: { phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: 'uk-UA',
    viewport: opts.phone ? { width: 390, height: 844 } : { width: 1366, height: 768 },
    isMobile: opts.phone ?? false,
    hasTouch: opts.phone ?? false,
  });
  // generous: the embedded database pauses every request while a background job runs
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
  return context.newPage();
}

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByLabel('Логін', { exact: true }).fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Увійти' }).click();
}

/** Waits until no request is under way and no section shows its loader. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.body.textContent?.includes('Завантаження…'));
}

/** Saves a full-page screenshot to e2e/screenshots/<name>.png (gitignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** Closes the page's whole browser profile. */
export function closePage(page: Page): Promise<void> {
  return page.context().close();
}

/** The texts a form field is described by: its hint and its error (linked by aria-describedby). */
export async function describedBy(field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' ').trim();
}

/** A fresh browser profile for fn (a laptop, or a phone), closed afterwards whatever happens. */
export async function withPage(browser: Browser, fn: (page: Page) => Promise<void>, opts: { phone?: boolean } = {}): Promise<void> {
  const page = await openPage(browser, opts);
  try {
    await fn(page);
  } finally {
    await closePage(page);
  }
}

/** Signs in and opens Ліцей №1 (the demo head's school), whatever the chooser shows; returns its id. */
export async function enterSchool(page: Page, login: string): Promise<string> {
  await signIn(page, login);
  await page.waitForURL((url) => url.pathname !== '/login');
  const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
  const schools = me.schools as { schoolId: number; schoolName: string }[];
  const schoolId = String((schools.find((s) => s.schoolName.includes('Ліцей №1')) ?? schools[0]).schoolId);
  await page.goto(`/s/${schoolId}`);
  return schoolId;
}

/** Signs the demo administrator in; returns the address of their school's home. */
export async function openAdminHome(page: Page): Promise<string> {
  await signIn(page, 'admin');
  await page.getByRole('heading', { name: 'Адміністрування' }).waitFor();
  return page.url().replace(/\/$/, '');
}

/**
 * Types as on a Ukrainian keyboard layout: every character is a key press. (keyboard.type sends
 * letters off the US layout as text input only, which no key handler sees.)
 */
export async function typeKeys(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (const ch of text) {
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch });
    }
  } finally {
    await cdp.detach();
  }
}

