// Code that islands load on demand (see the JavaScript budgets): it is not downloaded before it
// is needed, and when it cannot be downloaded (offline after the page loaded) the user gets a
// clear Chinese message instead of a dead button or a script error.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, noBrowser, openPage } from '../support/browser';
import { recordMail } from '../support/planner-page';

const OFFLINE = /没有下载成功（可能网络已断开，或本站刚更新过）。请检查网络后再试一次；仍不行请刷新页面。/;

/** Requests for the chunk `name` (its hashed file name starts with it) fail from now on. */
async function goOffline(page: Page, name: string) {
  await page.route(new RegExp(`/_astro/${name}\\.[\\w-]+\\.js$`), (route) =>
    route.abort('internetdisconnected'),
  );
}
const requested = (requests: string[], name: string) =>
  requests.some((url) => new RegExp(`/_astro/${name}\\.[\\w-]+\\.js$`).test(url));

describe.skipIf(noBrowser)('lazily loaded code in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  // A test that fails before its own context.close() leaves no context open for the next one.
  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });

  it('data table helper: the analysis loads on the first paste; offline, the helper says so', async () => {
    const { page, context, errors, requests } = await openPage(browser, 'guide/data/');
    const helper = page.locator('data-table-helper');
    expect(await helper.getAttribute('data-status')).toBe('empty');
    expect(requested(requests, 'data-table-engine')).toBe(false);
    expect(requested(requests, 'papaparse.min')).toBe(false);
    await goOffline(page, 'data-table-engine');
    await page.locator('#datatable-input').fill('店铺,销售额（元）\nA店,12000\nB店,8500');
    const problem = helper.locator('[data-problem="load-error"]');
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(OFFLINE);
    expect(await problem.innerText()).toContain('数据分析代码');
    expect(await helper.locator('[data-output]').isHidden()).toBe(true);
    // Back online, the next edit loads it and draws the table.
    await page.unrouteAll();
    await page.locator('#datatable-input').fill('店铺,销售额（元）\nA店,12000\nB店,8500\nC店,3000');
    await helper.locator('[data-table] td').first().waitFor();
    expect(await helper.locator('[data-table] td').first().innerText()).toBe('A店');
    expect(await helper.locator('[data-problem="load-error"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('attachment checker: the ZIP code loads only to build the package; offline, the package says so', async () => {
    const { page, context, errors, requests } = await openPage(browser, 'guide/attachments/');
    await page.locator('#attachments-files').setInputFiles([
      {
        name: '20261120_截图.png',
        mimeType: 'image/png',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      },
    ]);
    await page.locator('attachment-checker [data-package-size]').filter({ hasText: '共 ' }).waitFor();
    expect(requested(requests, 'evidence-builder')).toBe(false);
    await goOffline(page, 'evidence-builder');
    await page.locator('attachment-checker [data-build]').click();
    const result = page.locator('attachment-checker [data-package-result]');
    await expect.poll(() => result.innerText()).toMatch(OFFLINE);
    expect(await result.innerText()).toContain('生成证据包失败：证据包的打包代码');
    // Nothing is stuck: the list is still there, and back online the same button builds it.
    expect(await page.locator('attachment-checker [data-attachment]').count()).toBe(1);
    await page.unrouteAll();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('attachment-checker [data-build]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^\d{8}_证据包\.zip$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('composer: the preview code loads once there is a draft; offline, preview and .eml say so', async () => {
    const { page, context, errors, requests } = await openPage(browser, 'tools/');
    const composer = page.locator('mail-composer');
    await composer.locator('[data-problems] li').first().waitFor();
    expect(requested(requests, 'mail-body')).toBe(false);
    expect(requested(requests, 'eml')).toBe(false);
    await goOffline(page, 'mail-body');
    await goOffline(page, 'eml');
    await page.locator('#tools-draft-text').fill('问题描述：11月18日起订单量降为 0 单。');
    await expect
      .poll(() => composer.locator('[data-preview]').evaluate((element) => element.textContent ?? ''), {
        timeout: 5000,
      })
      .toMatch(OFFLINE);
    await composer.getByRole('button', { name: '下载 .eml 草稿' }).click();
    await expect
      .poll(() => composer.locator('[data-status]').innerText())
      .toMatch(/^无法生成 \.eml 草稿：.*没有下载成功/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('composer: 记入案卷 loads its code on the click; offline, it says so beside the button', async () => {
    const { page, context, errors, requests } = await openPage(browser, 'tools/');
    const composer = page.locator('mail-composer');
    await composer.locator('[data-problems] li').first().waitFor();
    expect(requested(requests, 'record-sent')).toBe(false);
    await goOffline(page, 'record-sent');
    await composer.getByRole('button', { name: '已发送，记入案卷' }).click();
    await expect.poll(() => composer.locator('[data-record-status]').innerText()).toMatch(OFFLINE);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follow-up planner: the calendar library loads only for the .ics; offline, the planner says so', async () => {
    const { page, context, errors, requests } = await openPage(browser, 'guide/follow-up/');
    const planner = page.locator('follow-up-planner').first();
    await recordMail(page, '2026-09-30T10:00', 'basic-inquiry');
    await planner.locator('[data-step="email"]').first().waitFor();
    expect(requested(requests, 'follow-up-ics')).toBe(false);
    await goOffline(page, 'follow-up-ics');
    await planner.getByRole('button', { name: '导出到日历（.ics）' }).click();
    const error = planner.locator('[data-error]:not([hidden])');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/^无法生成日历文件：生成日历文件的代码没有下载成功/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('case file: the dossier code loads on 导出案卷（ZIP）; offline, the case file says so', async () => {
    const { page, errors, requests } = await openPage(browser, 'tools/case/');
    const island = page.locator('case-file');
    await page.locator('case-file[data-ready]').waitFor();
    await island.getByLabel('案卷名称').fill('离线导出');
    await island.getByRole('button', { name: '新建案卷' }).click();
    await island.locator('[data-case-view]:not([hidden])').waitFor();
    expect(requested(requests, 'case-dossier')).toBe(false);
    await goOffline(page, 'case-dossier');
    await island.getByRole('button', { name: '导出案卷（ZIP）' }).click();
    await expect.poll(() => island.locator('[data-message]').innerText()).toMatch(OFFLINE);
    expect(requested(requests, 'case-dossier')).toBe(true);
    expect(errors).toEqual([]);
  });
});
