/**
 * Issue 21 A in the browser: the follow-up planner with a date in year 9999 (it froze the tab),
 * and the outcome log's import of a UTF-16 CSV and of a JSON file with a field nested 100,000 deep.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, noBrowser, openPage, revealIslands } from '../support/browser';

async function importFile(page: Page, name: string, buffer: Buffer) {
  const tracker = page.locator('outcome-tracker');
  await tracker
    .locator('[data-import]')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await page.waitForFunction(
    () => (document.querySelector('outcome-tracker [data-import-summary]')?.textContent ?? '') !== '',
  );
  return tracker.locator('[data-import-summary]').innerText();
}

const utf16le = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf16le');

describe.skipIf(noBrowser)('hardening in Chromium (issue 21 A)', () => {
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

  it('the planner refuses 9999-12-31 with the range and the tab stays responsive', async () => {
    const { page, errors } = await openPage(browser, 'guide/follow-up/');
    await revealIslands(page);
    const planner = page.locator('follow-up-planner').first();
    await page.locator('follow-up-planner[data-ready]').waitFor();
    await planner.locator('[data-type]').selectOption('basic-inquiry');
    await planner.locator('[data-sent]').fill('9999-12-31T10:00');
    await planner.locator('[data-error]:not([hidden])').waitFor();
    expect(await planner.locator('[data-error]').innerText()).toMatch(
      /年份 9999 超出了可以推算的范围：只能推算 2004–2099 年/,
    );
    // A frozen main thread never answers this.
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await planner.locator('[data-sent]').fill('2026-09-30T10:00');
    await planner.getByRole('button', { name: '记入案卷并生成计划' }).click();
    await planner.locator('[data-step="email"][data-due="2026-10-10"]').waitFor();
    expect(errors).toEqual([]);
  });

  it('the outcome log imports a UTF-16 CSV, and a JSON row nested 100,000 deep skips only that row', async () => {
    const { page, errors } = await openPage(browser, 'guide/evaluation/');
    await revealIslands(page);
    const csv = await importFile(
      page,
      'utf16.csv',
      utf16le('发送日期,诉求类型,结果\r\n2026-11-02,账号申诉,处理中\r\n'),
    );
    expect(csv).toMatch(/读到 1 条：导入 1 条/);
    expect(csv).toContain('UTF-16LE');

    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const json = `{"format":"ksmail-outcomes","version":1,"entries":[{"sent":"2026-11-03","requestType":"account-appeal","resolved":"pending"},{"sent":"2026-11-01","requestType":"account-appeal","note":${deep}}]}`;
    const summary = await importFile(page, 'deep.json', Buffer.from(json));
    expect(summary).not.toContain('Maximum call stack');
    expect(summary).toMatch(/读到 2 条：导入 1 条/);
    expect(await page.locator('outcome-tracker [data-import-problems]').innerText()).toContain(
      '嵌套超过 8 层',
    );
    expect(errors).toEqual([]);
  });
});
