/// <reference lib="dom" />
// Page functions run in the browser (page.evaluate): they need the DOM types.
import type { Page } from 'playwright-core';

/** The accessible-ish name of the focused element: aria-label, its label, or its text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labels = (el as HTMLInputElement).labels;
    const label = labels && labels.length ? labels[0]?.textContent : null;
    return (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
  });

/** Presses Tab (only Tab) until the focused control is named `name`; fails after `max` presses. */
export async function tabTo(page: Page, name: string | RegExp, max = 60): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const text = await focusedName(page);
    if (matches(text)) return;
    seen.push(text);
  }
  throw new Error(`Tab never reached "${String(name)}"; focus went through: ${seen.join(' | ')}`);
}
