import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/support/chromium';

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
 * `setup` runs before the page opens (init scripts, bindings, permissions).
 */
export async function openPage(
  browser: Browser,
  path = '',
  base = siteUrl,
  setup?: (context: BrowserContext) => Promise<void>,
) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await setup?.(context);
  const page: Page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(String(error)));
  const response = await page.goto(new URL(path, base).href, { waitUntil: 'load' });
  await revealIslands(page);
  const origin = new URL(base).origin;
  const foreignRequests = () =>
    requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
  return { page, context, response, requests, errors, foreignRequests };
}

/** The islands' custom elements (src/islands/*), upgraded when the reader gets near them. */
export const ISLAND_TAGS = [
  'mailbox-picker',
  'subject-checker',
  'draft-checker',
  'attachment-checker',
  'mail-composer',
  'follow-up-planner',
  'outcome-tracker',
  'data-table-helper',
  'template-gallery',
  'case-file',
] as const;

/**
 * Scrolls to every island on the page in turn, as a reader scrolling through it would, until each
 * is upgraded (src/islands/shared/define-island.ts), then back to the top. openPage does this
 * after loading, and tests call it after a reload or a navigation: most tests use several tools
 * of one page together. tests/e2e/island-upgrade.test.ts covers the upgrade itself, without it.
 */
export async function revealIslands(page: Page): Promise<void> {
  for (const tag of ISLAND_TAGS) {
    const host = page.locator(tag).first();
    if ((await host.count()) === 0 || !(await host.isVisible())) continue;
    await host.scrollIntoViewIfNeeded();
    await page.waitForFunction((name) => customElements.get(name) !== undefined, tag);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Types a query into the site's search dialog and returns the result links' page URLs in order. */
export async function searchSite(page: Page, query: string): Promise<string[]> {
  if (!(await page.locator('dialog[open]').count())) await page.click('button[data-open-modal]');
  await page.locator('dialog[open] input[type="search"]').fill(query);
  await page.waitForSelector(
    `dialog[open] [data-search-results][data-query="${query.trim().replace(/"/g, '\\"')}"]`,
    {
      timeout: 15_000,
    },
  );
  return page.$$eval('dialog[open] [data-search-result]', (links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).dataset.searchResult!, location.href).href),
  );
}
