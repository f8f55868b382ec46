import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite, ROOT } from '../../scripts/support/build-site';
import { serveStatic } from '../../scripts/support/static-server';
import { launch, noBrowser, openPage, searchSite } from '../support/browser';
import { guard, type GuardReport } from '../support/guard';

const BASE = '/mail-guide/';
const OUT = resolve(ROOT, '.tmp/dist-base');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Root-relative URLs in href/src attributes (external and fragment links are not ours to check). */
function rootRelativeLinks(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="(\/[^"/][^"]*|\/)"/g)].map((match) => match[1]!);
}

describe('deploying under a sub-path (BASE_PATH)', () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    buildSite({ BASE_PATH: BASE, SITE_URL: 'https://example.org', OUT_DIR: OUT });
    server = await serveStatic(OUT, BASE);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('writes every internal link under the base path, and each one resolves', async () => {
    const links = new Set<string>();
    for (const file of htmlFiles(OUT))
      for (const link of rootRelativeLinks(readFileSync(file, 'utf8'))) links.add(link);
    expect(links.size).toBeGreaterThan(3);
    const outside = [...links].filter((link) => !link.startsWith(BASE));
    expect(outside).toEqual([]);
    const origin = new URL(server.url).origin;
    const broken: string[] = [];
    for (const link of links) {
      const response = await fetch(origin + link.split('#')[0]);
      if (response.status !== 200) broken.push(`${link} → ${response.status}`);
    }
    expect(broken).toEqual([]);
  });

  it('writes _headers for the paths under the base, with the policy of every page', () => {
    const headers = readFileSync(join(OUT, '_headers'), 'utf8');
    expect(headers.split('\n').filter((line) => /^\S/.test(line) && !line.startsWith('#'))).toEqual([
      `${BASE}*`,
    ]);
    const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(
      readFileSync(join(OUT, 'index.html'), 'utf8'),
    )![1]!;
    expect(headers).toContain(`Content-Security-Policy: ${policy}; frame-ancestors 'none'\n`);
  });

  it('uses SITE_URL for canonical links and the sitemap', () => {
    const home = readFileSync(join(OUT, 'index.html'), 'utf8');
    expect(home).toContain(`<link rel="canonical" href="https://example.org${BASE}"`);
  });

  describe.skipIf(noBrowser)('in Chromium', () => {
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

    it('loads styles and search from the sub-path, within the Content-Security-Policy', async () => {
      let report!: GuardReport;
      const { page, context, errors, requests, response } = await openPage(
        browser,
        '',
        server.url,
        async (context) => {
          report = await guard(context, new URL(server.url).origin);
        },
      );
      expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).not.toBe('rgba(0, 0, 0, 0)');
      const results = await searchSite(page, '广告主');
      expect(results.map((href) => new URL(href).pathname)).toContain(BASE);
      expect(requests.filter((url) => new URL(url).pathname.startsWith(BASE) === false)).toEqual([]);
      expect(errors).toEqual([]);
      expect(report.violations).toEqual([]);
      expect(report.cspConsole).toEqual([]);
      await context.close();
    });
  });
});
