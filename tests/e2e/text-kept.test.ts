// Issue 19, "nothing typed is ever lost": each scenario a reader met, as a browser test written
// before the fix (each failed on the code before it).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, noBrowser, openPage, siteUrl } from '../support/browser';

const SUBJECT = '【帳號申訴-快手號:ks8823】請求複核封禁';
const DRAFT_A = '你好，我的快手号 ks8823 在 11 月 20 日被封禁，我没有违规。';
const DRAFT_B = '您好：账号 ks8823 于 2026-11-20 被封禁，申请人工复核。联系电话 13800138000。';

describe.skipIf(noBrowser)('nothing typed is lost', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });

  it('the subject survives a reload after a request type was chosen (it was wiped)', async () => {
    const { page, errors } = await openPage(browser, 'tools/');
    await page.getByRole('radio', { name: '账号申诉' }).check();
    await page.locator('#tools-subject-text').fill(SUBJECT);
    await page.waitForTimeout(400);
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => page.locator('#tools-subject-text').inputValue()).toBe(SUBJECT);
    // And it is still what is saved, after everything on the page has set itself up.
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => localStorage.getItem('ksmail:subject'))).toBe(SUBJECT);
    expect(errors).toEqual([]);
  });

  it('Back shows the newest draft, and the next keystroke does not save the old one over it', async () => {
    const { page, errors } = await openPage(browser, 'tools/');
    await page.locator('#tools-draft-text').fill(DRAFT_A);
    await page.waitForTimeout(500);
    // The chapter's inline checker shares the draft: change it there.
    await page.goto(new URL('guide/structure/', siteUrl).href, { waitUntil: 'load' });
    const inline = page.locator('draft-checker textarea').first();
    await expect.poll(() => inline.inputValue()).toBe(DRAFT_A);
    await inline.fill(DRAFT_B);
    await page.waitForTimeout(500);
    await page.goBack({ waitUntil: 'load' });
    const draft = page.locator('#tools-draft-text');
    await expect.poll(() => draft.inputValue()).toBe(DRAFT_B);
    await draft.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('谢谢');
    await page.waitForTimeout(500);
    const saved = await page.evaluate(() => localStorage.getItem('ksmail:draft'));
    expect(saved).toBe(`${DRAFT_B}谢谢`);
    expect(errors).toEqual([]);
  });

  it('the subject and draft fields ask the browser not to refill them (autocomplete="off")', async () => {
    const { page } = await openPage(browser, 'tools/');
    for (const selector of ['#tools-subject-text', '#tools-draft-text'])
      expect(await page.locator(selector).getAttribute('autocomplete'), selector).toBe('off');
  });
});
