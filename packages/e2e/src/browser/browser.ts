/// <reference lib="dom" />
// Page functions run in the browser (page.evaluate): they need the DOM types.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Debian's Chromium (scripts/install.sh); `make test` exports it. No browser is downloaded. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '';

/** `test-artifacts/` at the repo root (git-ignored): screenshots of failed steps, and page shots. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../../../test-artifacts/', import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--disable-dev-shm-usage', '--disable-gpu'],
  });
}

/** A fresh profile (no cookies) with a desktop viewport and clipboard access for the Copy buttons. */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1360, height: 860 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  context.setDefaultTimeout(10_000);
  return context;
}

/**
 * A screenshot of the page as documentation: always to test-artifacts/screenshots/, and to
 * `PROVISIO_SCREENSHOTS_DIR` too when set (docs/screenshots is made that way, see the README).
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dirs = [
    join(ARTIFACTS_DIR, 'screenshots'),
    ...(process.env['PROVISIO_SCREENSHOTS_DIR'] ? [resolve(process.env['PROVISIO_SCREENSHOTS_DIR'])] : []),
  ];
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
  }
}

/**
 * Runs a test step; when it throws, saves a full-page screenshot of `page` to
 * test-artifacts/<name>.png before failing, so a red run shows what the browser saw.
 */
export function withScreenshot(
  getPage: () => Page | undefined,
  name: string,
  step: () => Promise<void>,
): () => Promise<void> {
  return async () => {
    try {
      await step();
    } catch (error) {
      const page = getPage();
      if (page && !page.isClosed()) {
        mkdirSync(ARTIFACTS_DIR, { recursive: true });
        const file = join(ARTIFACTS_DIR, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        if (error instanceof Error) error.message += `\n  screenshot: ${file}`;
      }
      throw error;
    }
  };
}

/** The controls (input, select, textarea, button, link) on the page that have no accessible name. */
export async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const textOf = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const nameOf = (el: HTMLElement): string => {
      const aria = el.getAttribute('aria-label')?.trim();
      if (aria) return aria;
      const labelledBy = el.getAttribute('aria-labelledby');
      if (labelledBy)
        return labelledBy
          .split(/\s+/)
          .map((id) => textOf(document.getElementById(id)))
          .join(' ')
          .trim();
      if ('labels' in el) {
        const labels = (el as HTMLInputElement).labels;
        if (labels && labels.length) return Array.from(labels).map(textOf).join(' ').trim();
      }
      if (el.tagName === 'BUTTON' || el.tagName === 'A') return textOf(el) || el.getAttribute('title')?.trim() || '';
      return el.getAttribute('title')?.trim() ?? '';
    };
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, textarea, button, a[href]'),
    );
    return controls.filter((el) => !nameOf(el)).map((el) => el.outerHTML.slice(0, 120));
  });
}
