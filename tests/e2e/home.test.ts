import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, noBrowser, openPage, searchSite, siteUrl } from '../support/browser';

describe.skipIf(noBrowser)('home page in Chromium', () => {
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

  it('loads in Chinese with the independence notice and makes no foreign request', async () => {
    const { page, response, errors, foreignRequests, context } = await openPage(browser, '');
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(page.title()).resolves.toContain('给快手写邮件：非官方指南');
    const disclaimer = page.locator('[data-site-disclaimer]');
    await disclaimer.waitFor();
    expect(await disclaimer.innerText()).toContain('非快手官方网站');
    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });

  it('finds the home page when searching a Chinese word that is on it', async () => {
    const { page, context } = await openPage(browser, '');
    const results = await searchSite(page, '创作者');
    expect(results.map((href) => new URL(href).pathname)).toContain(new URL(siteUrl).pathname);
    await context.close();
  });
});
