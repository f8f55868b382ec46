import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, noBrowser, siteUrl } from '../support/browser';

// Islands upgrade when the reader gets near them (src/islands/shared/define-island.ts): on a
// phone, /tools/ upgrades the picker at the top at once and the composer only once scrolled
// to, and the first thing a reader does to an island not yet upgraded — typing, choosing a
// file, a tap — is handled, not lost.

const PHONE = { width: 360, height: 740 };
/** /tools/ opened fresh on a phone; `hash` is appended to its address. */
async function openOnPhone(browser: Browser, hash = '') {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: PHONE });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(new URL(`tools/${hash}`, siteUrl).href, { waitUntil: 'load' });
  return { page, context, errors };
}
const defined = (page: Page, tag: string) =>
  page.evaluate((name) => customElements.get(name) !== undefined, tag);

describe.skipIf(noBrowser)('islands upgrade near the viewport', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the picker at the top upgrades at load; the composer far below only when scrolled to', async () => {
    const { page, context, errors } = await openOnPhone(browser);
    await expect.poll(() => defined(page, 'mailbox-picker')).toBe(true);
    expect(await defined(page, 'mail-composer')).toBe(false);
    await page.locator('mail-composer').scrollIntoViewIfNeeded();
    await expect.poll(() => defined(page, 'mail-composer')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a link to a tool far down the page upgrades it', async () => {
    const { page, context } = await openOnPhone(browser, '#5-汇总成邮件');
    await expect.poll(() => defined(page, 'mail-composer')).toBe(true);
    await context.close();
  });

  it('text pasted into a draft box before its island upgraded is checked', async () => {
    const { page, context, errors } = await openOnPhone(browser);
    expect(await defined(page, 'draft-checker')).toBe(false);
    // Focus and input without scrolling first, as a script or an assistive tool may do.
    await page.locator('#tools-draft-text').evaluate((element: HTMLTextAreaElement) => {
      element.focus({ preventScroll: true });
      element.value = '你们太过分了！！！';
      element.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.locator('draft-checker [data-findings] [data-rule="tone.emotional"]').first().waitFor();
    expect(await page.locator('#tools-draft-text').inputValue()).toBe('你们太过分了！！！');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a file chosen before the attachment checker upgraded is listed', async () => {
    const { page, context } = await openOnPhone(browser);
    await page.locator('#tools-attachments-files').setInputFiles([
      {
        name: '截图.png',
        mimeType: 'image/png',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      },
    ]);
    await expect.poll(() => page.locator('attachment-checker').innerText()).toContain('截图');
    await context.close();
  });
});
