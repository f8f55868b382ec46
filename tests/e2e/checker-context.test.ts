import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, noBrowser, openPage } from '../support/browser';

// The draft checker reads the mail in the reader's case: the one picked (here through ?case=,
// as the case pages link to it) or, without one, the one it infers — and says which.

const NOTICE = `您好：
我是原创视频的作者，快手号 ks_lin2024。我的视频首发于B站，11月20日发现被用户ID 77665544 搬运到快手，作品ID 3xk9a2b7。
请删除该作品。联系电话 138 0013 8000。`;

describe.skipIf(noBrowser)('the draft checker reads the mail in the reader’s case', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a rights holder who picked 作品被搬运: 「首发于B站」 is evidence, and the case is named', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/?case=copyright');
    await page.locator('#tools-draft-text').fill(NOTICE);
    const checker = page.locator('draft-checker');
    await expect
      .poll(() => checker.locator('[data-context]').innerText())
      .toContain('按“侵权通知”检查（你选择的诉求）');
    expect(await checker.locator('[data-findings] [data-rule="risk.competitor"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('without a picked case the checker says which case it assumed', async () => {
    const { page, context } = await openPage(browser, 'tools/');
    await page.locator('#tools-subject-text').fill('【侵权投诉-作品ID:3xk9a2b7】请求删除搬运作品');
    await page.locator('#tools-draft-text').fill(NOTICE);
    const checker = page.locator('draft-checker');
    await expect.poll(() => checker.locator('[data-context]').innerText()).toContain('根据主题和正文推断');
    expect(await checker.locator('[data-context]').innerText()).toContain('侵权通知');
    await context.close();
  });

  it('a Traditional appeal in plain paragraphs gets no missing-module or missing-ID warning', async () => {
    const { page, context } = await openPage(browser, 'tools/?case=account-appeal');
    await page.locator('#tools-draft-text').fill(`您好：
我的帳號 ks_wang_1990 於11月18日晚上被封禁，提示「違規營銷」，但我一直只是在直播間賣自家果園的蘋果。
封禁後已經預約的 42 筆訂單全部被取消，粉絲也在流失。
懇請複核並恢復帳號。
聯繫電話：+852 9123 4567，郵箱 wang@example.com`);
    const checker = page.locator('draft-checker');
    await expect.poll(() => checker.locator('[data-context]').innerText()).toContain('账号申诉');
    const warnings = await checker
      .locator('[data-findings] .ks-finding--warning, [data-findings] .ks-finding--error')
      .count();
    expect(warnings, await checker.locator('[data-findings]').innerText()).toBe(0);
    await context.close();
  });
});
