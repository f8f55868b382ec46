// Issue 19: with JavaScript off the guide reads as before, and every tool says in its place that
// it needs JavaScript and which chapter covers the same ground (the tools looked usable and did
// nothing). Pages come from the built site, so a new page or tool is covered without a change.
import { readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ROOT } from '../../scripts/support/build-site';
import { launch, noBrowser, siteUrl } from '../support/browser';

const TOOLS = [
  'subject-checker',
  'draft-checker',
  'attachment-checker',
  'mail-composer',
  'mailbox-picker',
  'follow-up-planner',
  'outcome-tracker',
  'data-table-helper',
  'case-file',
];

const DIST = resolve(ROOT, 'dist');
const PAGES = readdirSync(DIST, { withFileTypes: true, recursive: true })
  .filter((entry) => entry.isFile() && entry.name === 'index.html')
  .map((entry) => resolve(entry.parentPath, entry.name))
  .map((file) => ({
    path: relative(DIST, file).replace(/index\.html$/, ''),
    tools: TOOLS.filter((tool) => readFileSync(file, 'utf8').includes(`<${tool} `)),
  }));

describe.skipIf(noBrowser)('with JavaScript off', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds pages with tools to check (the list is not empty)', () => {
    expect(PAGES.filter((page) => page.tools.length > 0).length).toBeGreaterThanOrEqual(8);
    expect(PAGES.find((page) => page.path === 'tools/')?.tools.length).toBeGreaterThanOrEqual(5);
  });

  it('every tool is replaced by a note naming the chapter to use instead; the guide reads', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await context.newPage();
    for (const { path, tools } of PAGES) {
      await page.goto(new URL(path, siteUrl).href, { waitUntil: 'load' });
      expect(await page.locator('main h1').first().isVisible(), path).toBe(true);
      const notes = page.locator('[data-needs-js]');
      expect(await notes.count(), path).toBe(tools.length + (path === 'templates/' ? 1 : 0));
      for (const tool of tools) {
        const elements = page.locator(tool);
        for (let index = 0; index < (await elements.count()); index++)
          expect(await elements.nth(index).isVisible(), `${path} ${tool}`).toBe(false);
      }
      for (let index = 0; index < (await notes.count()); index++) {
        const note = notes.nth(index);
        expect(await note.isVisible(), path).toBe(true);
        expect(await note.innerText(), path).toContain('JavaScript');
        const link = note.locator('a');
        if ((await link.count()) === 0) continue;
        const target = new URL((await link.getAttribute('href'))!, page.url());
        expect(readdirSync(resolve(DIST, `.${target.pathname}`)), target.pathname).toContain('index.html');
      }
      if (path === 'templates/')
        expect(await page.locator('[data-use-template]').first().isVisible()).toBe(false);
    }
    await context.close();
  });

  it('with JavaScript on, no note shows and the tools do', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(new URL('tools/', siteUrl).href, { waitUntil: 'load' });
    expect(await page.locator('[data-needs-js]').count()).toBe(0);
    for (const tool of ['subject-checker', 'draft-checker', 'mail-composer'])
      expect(await page.locator(tool).first().isVisible(), tool).toBe(true);
    await context.close();
  });
});
