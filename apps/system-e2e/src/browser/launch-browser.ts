import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; playwright-core never downloads a browser of its own here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Where screenshots go (gitignored: `test-results/`). */
export const SCREENSHOT_DIR = resolve(__dirname, '../../test-results');

/** Launches headless Chromium with the flags a container without a GPU or sandbox needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Saves a full-page screenshot as `test-results/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * One browser for a spec file: launched before its tests, closed after them with every context it
 * opened. `newPage()` opens a fresh context (its own cookies and storage: one user each), and every
 * uncaught page error is collected so a spec can assert there were none.
 */
export function useBrowser(options: { baseURL: string; locale?: string }): { newPage(): Promise<Page>; pageErrors: string[]; screenshotAll(prefix: string): Promise<void> } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });
  return {
    pageErrors,
    /** Screenshots every open page (after a failure, to see where each user was). */
    async screenshotAll(prefix) {
      for (const [i, context] of contexts.entries()) {
        for (const page of context.pages()) await screenshot(page, `${prefix}-context${i}`).catch(() => undefined);
      }
    },
    async newPage() {
      if (!browser) throw new Error('useBrowser: the browser starts in beforeAll');
      const context = await browser.newContext({ baseURL: options.baseURL, viewport: { width: 1280, height: 900 }, locale: options.locale });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (err) => pageErrors.push(err.message));
      return page;
    },
  };
}
