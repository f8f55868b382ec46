// Issue 15, "unmistakably independent": the site can never be taken for Kuaishou's own. Every
// built page (from dist/, so a new page is covered without a change) says so in its <title>, in
// the header at the top of a phone's screen and in the footer; a page that shows a Kuaishou
// mailbox opens with the address notice.
import { readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ROOT } from '../../scripts/support/build-site';
import { launch, noBrowser, siteUrl, revealIslands } from '../support/browser';

const DIST = resolve(ROOT, 'dist');
const PAGES = readdirSync(DIST, { withFileTypes: true, recursive: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
  .map((entry) => relative(DIST, resolve(entry.parentPath, entry.name)).replace(/(^|\/)index\.html$/, '$1'))
  .sort();

describe.skipIf(noBrowser)('an unmistakably independent site', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('covers every built page, those with addresses among them', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(15);
    expect(PAGES).toContain('guide/recipients/');
  });

  it.each([
    [360, 740],
    [1280, 800],
  ])(
    'at %d px every page says 非官方 in its title, header and footer; addresses come with the notice',
    async (width, height) => {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
      const page = await context.newPage();
      let withAddresses = 0;
      for (const path of PAGES) {
        await page.goto(new URL(path, siteUrl).href, { waitUntil: 'load' });
        await revealIslands(page);
        expect(await page.title(), path).toContain('非官方');
        const mark = page.locator('header [data-unofficial]');
        expect(await mark.innerText(), path).toContain('非官方');
        const box = await mark.boundingBox();
        // In the header, on the first screen, not cut off.
        expect(
          box && box.y >= 0 && box.y + box.height <= 100 && box.x + box.width <= width,
          `${path} ${JSON.stringify(box)}`,
        ).toBe(true);
        expect(await page.locator('[data-site-disclaimer]').innerText(), path).toContain(
          '均未经快手官方确认',
        );
        const text = await page.locator('main').innerText();
        if (/@kuaishou\.com/.test(text)) {
          withAddresses += 1;
          const banner = page.locator('main [data-address-banner]');
          expect(await banner.isVisible(), `${path}: 有邮箱却没有非官方提示`).toBe(true);
          expect(await banner.innerText(), path).toContain('均未经快手官方确认');
        }
      }
      expect(withAddresses).toBeGreaterThanOrEqual(2);
      await context.close();
    },
    180_000,
  );

  it('the feeds and the published rules carry the independent name', () => {
    expect(readFileSync(resolve(DIST, 'changelog/rss.xml'), 'utf8')).toMatch(/<title>[^<]*非官方/);
    expect(JSON.parse(readFileSync(resolve(DIST, 'rules/schema.json'), 'utf8')).title).toContain('非官方');
  });
});
