import { inject } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium';

export const chromiumPath = inject('chromiumPath');
export const siteUrl = inject('siteUrl');
/** describe.skipIf(noBrowser): the only tests ever skipped, and only when no Chromium exists. */
export const noBrowser = chromiumPath === null;

export async function launch(): Promise<Browser> {
  if (!chromiumPath) throw new Error('no Chromium');
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A page that records every request, so a test can assert that nothing left for another
 * origin (a user's draft never leaves the browser) and that no script error happened.
 */
export async function openPage(browser: Browser, path = '', base = siteUrl) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page: Page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(String(error)));
  const response = await page.goto(new URL(path, base).href, { waitUntil: 'load' });
  const origin = new URL(base).origin;
  const foreignRequests = () =>
    requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
  return { page, context, response, requests, errors, foreignRequests };
}

/** Types a query into Starlight's search dialog and returns the result links' hrefs in order. */
export async function searchSite(page: Page, query: string): Promise<string[]> {
  await page.click('button[data-open-modal]');
  const input = page.locator('dialog[open] input[type="text"], dialog[open] .pagefind-ui__search-input');
  await input.first().fill(query);
  await page.waitForSelector('.pagefind-ui__result-link, .pagefind-ui__message', { timeout: 10_000 });
  // Pagefind announces its result count in the message once the search has settled.
  await page.waitForFunction(() => {
    const message = document.querySelector('.pagefind-ui__message');
    return message !== null && /\d|没有|No /.test(message.textContent ?? '');
  });
  return page.$$eval('.pagefind-ui__result-link', (links) => links.map((a) => (a as HTMLAnchorElement).href));
}
