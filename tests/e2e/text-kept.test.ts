// Issue 19, "nothing typed is ever lost": each scenario a reader met, as a browser test written
// before the fix (each failed on the code before it).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, noBrowser, openPage, siteUrl, revealIslands } from '../support/browser';

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
    await page.getByRole('radio', { name: '账号被封禁或限流' }).check();
    await page.locator('#tools-subject-text').fill(SUBJECT);
    await page.waitForTimeout(400);
    await page.reload({ waitUntil: 'load' });
    await revealIslands(page);
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
    await revealIslands(page);
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

  it('two tabs: a tab keeps its own text when the other saves, and offers the other version', async () => {
    const { page: first, context, errors } = await openPage(browser, 'tools/');
    const second = await context.newPage();
    await second.goto(new URL('tools/', siteUrl).href, { waitUntil: 'load' });
    await revealIslands(second);
    const draftIn = (page: typeof first) => page.locator('#tools-draft-text');
    await draftIn(second).fill(DRAFT_A);
    await second.locator('#tools-subject-text').focus(); // the draft field is not focused there
    await second.waitForTimeout(500);
    await draftIn(first).fill(DRAFT_B);
    await first.waitForTimeout(500);
    // Before: the second tab's field was replaced by the first tab's text.
    const offer = second.locator('draft-checker [data-other-tab]');
    await expect.poll(() => offer.isVisible()).toBe(true);
    expect(await offer.innerText()).toContain('另一个标签页里有更新的版本');
    expect(await draftIn(second).inputValue()).toBe(DRAFT_A);
    // Keep this tab's: it is saved, and now the first tab gets the offer.
    await offer.getByRole('button', { name: '保留这里的' }).click();
    await expect.poll(() => second.evaluate(() => localStorage.getItem('ksmail:draft'))).toBe(DRAFT_A);
    expect(await offer.count()).toBe(0);
    const offerInFirst = first.locator('draft-checker [data-other-tab]');
    await expect.poll(() => offerInFirst.isVisible()).toBe(true);
    expect(await draftIn(first).inputValue()).toBe(DRAFT_B);
    // Load the other one there.
    await offerInFirst.getByRole('button', { name: '载入那个版本' }).click();
    expect(await draftIn(first).inputValue()).toBe(DRAFT_A);
    expect(await first.evaluate(() => document.activeElement?.id)).toBe('tools-draft-text');
    // The subject is offered the same way.
    await first.locator('#tools-subject-text').fill(SUBJECT);
    await second.locator('#tools-subject-text').fill('【账号申诉】');
    await second.locator('#tools-draft-text').focus();
    await first.locator('#tools-subject-text').fill(`${SUBJECT}（补充）`);
    await expect.poll(() => second.locator('subject-checker [data-other-tab]').isVisible()).toBe(true);
    expect(await second.locator('#tools-subject-text').inputValue()).toBe('【账号申诉】');
    expect(errors).toEqual([]);
  });

  it('清除我的草稿 keeps the draft one step back, and 恢复上一版本 brings it back', async () => {
    const { page, errors } = await openPage(browser, 'tools/');
    const draft = page.locator('#tools-draft-text');
    await draft.fill(DRAFT_B);
    await page.locator('draft-checker [data-clear]').click();
    expect(await draft.inputValue()).toBe('');
    const previous = page.locator('draft-checker [data-previous]');
    await expect.poll(() => previous.isVisible()).toBe(true);
    // It survives a reload (the reader may notice only later).
    await page.waitForTimeout(400);
    await page.reload({ waitUntil: 'load' });
    await revealIslands(page);
    await previous.getByRole('button', { name: '恢复上一版本' }).click();
    await expect.poll(() => draft.inputValue()).toBe(DRAFT_B);
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => localStorage.getItem('ksmail:draft'))).toBe(DRAFT_B);
    expect(errors).toEqual([]);
  });

  it('使用此模板 over a draft keeps the draft and subject, restorable on the tools page', async () => {
    const { page, errors } = await openPage(browser, 'tools/');
    await page.locator('#tools-subject-text').fill(SUBJECT);
    await page.locator('#tools-draft-text').fill(DRAFT_B);
    await page.waitForTimeout(500);
    await page.goto(new URL('templates/', siteUrl).href, { waitUntil: 'load' });
    await revealIslands(page);
    await page.locator('[data-use-template]').first().click();
    await page.waitForURL(/\/tools\/$/);
    await revealIslands(page);
    await page.locator('draft-checker[data-checked]').waitFor();
    expect(await page.locator('#tools-draft-text').inputValue()).not.toBe(DRAFT_B);
    const previous = page.locator('draft-checker [data-previous]');
    expect(await previous.innerText()).toContain('使用模板');
    await previous.getByRole('button', { name: '恢复上一版本' }).click();
    await expect.poll(() => page.locator('#tools-draft-text').inputValue()).toBe(DRAFT_B);
    expect(await page.locator('#tools-subject-text').inputValue()).toBe(SUBJECT);
    // The template's text is now the one kept back: the restore can be undone too.
    expect(await previous.innerText()).toContain('恢复上一版本前');
    expect(errors).toEqual([]);
  });

  it('two tabs: recipients typed in one tab are offered in the other, not written over it', async () => {
    const { page: first, context, errors } = await openPage(browser, 'tools/');
    const second = await context.newPage();
    await second.goto(new URL('tools/', siteUrl).href, { waitUntil: 'load' });
    await revealIslands(second);
    await second.locator('mail-composer [data-to]').fill('me@example.com');
    await second.locator('#tools-subject-text').focus();
    await first.locator('mail-composer [data-to]').fill('copyright@kuaishou.com');
    const offer = second.locator('mail-composer [data-other-tab="ksmail:to"]');
    await expect.poll(() => offer.isVisible()).toBe(true);
    expect(await second.locator('mail-composer [data-to]').inputValue()).toBe('me@example.com');
    await offer.getByRole('button', { name: '载入那个版本' }).click();
    expect(await second.locator('mail-composer [data-to]').inputValue()).toBe('copyright@kuaishou.com');
    expect(errors).toEqual([]);
  });
});
