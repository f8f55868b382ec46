/**
 * The checkers in Chromium on mail as people write it (issue 16): a Traditional Chinese appeal in
 * plain paragraphs, a subject with two leading 【】 groups and a Traditional subject. The
 * Traditional → Simplified table reaches the page as data (checkerData.simplified), so these
 * also prove that the islands install it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, noBrowser, openPage } from '../support/browser';

const TRADITIONAL_APPEAL = `您好：
本人快手號 ks_chen_88，於11月18日晚上被封禁，無法登錄。
帳號被封後粉絲流失，已接的三個商業合作訂單被取消。
懇請貴司複核並恢復帳號。
聯繫電話：+852 9123 4567`;

describe.skipIf(noBrowser)('checkers on mail as people write it', () => {
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

  it('draft: a Traditional appeal in paragraphs has its four modules, only label hints, and its risk word found', async () => {
    const { page, context, errors } = await openPage(browser, 'guide/structure/');
    await page.locator('#draft-text').fill(`${TRADITIONAL_APPEAL}\n再不處理我就轉投其他平台。`);
    const checker = page.locator('draft-checker');
    await checker.locator('[data-findings] [data-rule="risk.platform-switch"]').waitFor();
    expect(await checker.locator('[data-findings] [data-rule="structure.missing-section"]').count()).toBe(0);
    expect(await checker.locator('[data-findings] [data-rule="contact.missing"]').count()).toBe(0);
    expect(await checker.locator('[data-findings] [data-rule="structure.unlabelled-section"]').count()).toBe(
      3,
    );
    expect(await checker.locator('[data-sections]').innerText()).toContain('诉求清单');
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    ['【紧急】【账号申诉】快手号:ks_lin2024 请求复核11月20日的封禁', 'account-appeal'],
    ['【個人資料查閱申請】快手號：ks_chen_88 請提供個人資料副本', 'personal-info'],
  ])('subject: %s reads type and ID, and is not too wide', async (subject, type) => {
    const { page, context, errors } = await openPage(browser, 'guide/subject/');
    const checker = page.locator('subject-checker');
    await checker.locator('[data-input]').fill(subject);
    await checker.locator(`[data-category="${type}"]`).waitFor();
    expect(await checker.locator('[data-part="type"]').getAttribute('data-present')).toBe('true');
    expect(await checker.locator('[data-part="id"]').getAttribute('data-present')).toBe('true');
    // The phone preview (20 em, as the rule measures) shows the type and the whole ID.
    expect(await checker.locator('[data-phone-preview]').innerText()).toContain('ks_');
    expect(await checker.locator('[data-phone-preview]').innerText()).toMatch(/ks_(lin2024|chen_88)/u);
    for (const rule of ['subject.missing-type', 'subject.missing-id', 'subject.width']) {
      expect(await checker.locator(`[data-findings] [data-rule="${rule}"]`).count(), rule).toBe(0);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
