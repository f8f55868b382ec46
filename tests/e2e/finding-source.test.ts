/**
 * Each finding in the checker islands says on whose authority it speaks, in one short line
 * (「依据：原文称 …」「依据：编辑建议」「依据：GB 11643-1999…」), and a sentence that accuses gets a
 * neutral rewrite suggested instead of a punctuation swap that keeps the accusation.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, noBrowser, openPage } from '../support/browser';

describe.skipIf(noBrowser)('the authority of each finding, in Chromium', () => {
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

  it('draft checker: every finding shows its 依据 line; an accusing sentence gets no punctuation fix', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    await page.locator('#tools-draft-text').fill('你们负不负责？？抖音都没这样。身份证号11010519491231002X');
    const checker = page.locator('draft-checker');
    const punctuation = checker.locator('[data-findings] [data-rule="tone.punctuation"]');
    await punctuation.waitFor();
    expect(await checker.locator('[data-rule="risk.competitor"] [data-source]').innerText()).toBe(
      '依据：原文称“包含"竞品""转投其他平台"等表述的邮件回复率下降58%”',
    );
    expect(await checker.locator('[data-rule="tone.accusation"] [data-source]').innerText()).toBe(
      '依据：编辑建议',
    );
    expect(await checker.locator('[data-rule="pii.id-number"] [data-source]').innerText()).toBe(
      '依据：GB 11643-1999《公民身份号码》',
    );
    const items = checker.locator('[data-findings] li[data-rule]');
    expect(await items.count()).toBeGreaterThan(3);
    expect(await checker.locator('[data-findings] li[data-rule] [data-source]').count()).toBe(
      await items.count(),
    );
    expect(await punctuation.locator('[data-fix]').count()).toBe(0);
    expect(await punctuation.innerText()).toContain('「请告知处理进度和预计时间。」');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('subject checker: findings show their 依据 line too', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    await page.locator('#tools-subject-text').fill('我的号被封了');
    const finding = page.locator('subject-checker [data-findings] [data-rule="subject.missing-type"]');
    await finding.waitFor();
    expect(await finding.locator('[data-source]').innerText()).toBe(
      '依据：原文称“建议采用"主体类型+核心诉求+身份标识"的三段式结构”',
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
