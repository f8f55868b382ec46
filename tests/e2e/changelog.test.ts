import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import Ajv2020 from 'ajv/dist/2020.js';
import { launch, noBrowser, openPage, searchSite, siteUrl } from '../support/browser';
import { parseRuleset } from '../../src/lib/rules/ruleset-schema';
import { loadRuleset, loadRulesets } from '../../src/lib/node/load-ruleset';

const get = async (path: string) => {
  const response = await fetch(new URL(path, siteUrl));
  expect(response.status, path).toBe(200);
  return response;
};

describe('published rulesets', () => {
  it('every version, the latest and the index are published as JSON that follows the published schema', async () => {
    const index = await (await get('rules/index.json')).json();
    const schema = await (await get('rules/schema.json')).json();
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    expect(index.latest).toBe(loadRuleset().version);
    expect(index.versions.map((entry: { version: string }) => entry.version)).toEqual(
      loadRulesets().map((ruleset) => ruleset.version),
    );
    for (const entry of index.versions) {
      const response = await get(entry.url.replace(/^\//, ''));
      expect(response.headers.get('content-type')).toMatch(/json/);
      const ruleset = await response.json();
      expect(validate(ruleset), JSON.stringify(validate.errors)).toBe(true);
      expect(parseRuleset(ruleset, entry.url).version).toBe(entry.version);
      await get(entry.changelog.replace(/^\//, ''));
    }
    const latest = await (await get('rules/latest.json')).json();
    expect(latest.version).toBe(index.latest);
    expect(validate(latest)).toBe(true);
    // The schema can fail: a ruleset without rules is refused.
    expect(validate({ ...latest, rules: 'none' })).toBe(false);
  });

  it('the RSS feed lists the changelog entries, newest first', async () => {
    const xml = await (await get('changelog/rss.xml')).text();
    const titles = [...xml.matchAll(/<item><title>([^<]+)<\/title>/g)].map((match) => match[1]);
    expect(titles[0]).toMatch(/^规则集 2026\.12\.0/);
    expect(titles[1]).toMatch(/^规则集 2026\.11\.1/);
    expect(titles).toContain('规则集 2026.11.0：主题与正文检查的首个版本');
  });
});

describe.skipIf(noBrowser)('policy changelog in Chromium', () => {
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

  it('the list is newest first by month; an entry shows its document, ruleset and diff', async () => {
    const { page, context, errors } = await openPage(browser, 'changelog/');
    const ids = await page
      .locator('[data-changelog-entry]')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.changelogEntry));
    expect(ids.slice(0, 3)).toEqual([
      '2026-12-01-ruleset-2026-12-0',
      '2026-11-24-attachments-and-follow-up',
      '2026-11-24-initial-ruleset',
    ]);
    expect(await page.locator('[data-changelog-list] h2').allInnerTexts()).toEqual([
      '2026年12月',
      '2026年11月',
    ]);
    await page.locator('[data-changelog-entry="2026-11-24-attachments-and-follow-up"] a').click();
    await page.waitForURL('**/changelog/2026-11-24-attachments-and-follow-up/');
    expect(await page.locator('[data-changelog-meta]').innerText()).toMatch(
      /本站规则与模板[\s\S]*2026\.11\.1/,
    );
    expect(
      await page
        .locator('[data-ruleset-diff="2026.11.0..2026.11.1"] [data-diff-added="attachment.size"]')
        .count(),
    ).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('searching the changelog with a filter finds the entry of a changed rule (附件大小)', async () => {
    const { page, context, errors, foreignRequests } = await openPage(browser, 'changelog/');
    await page.click('button[data-open-modal]');
    const select = page.locator('dialog[open] select[data-filter="doc"]');
    await select.waitFor();
    await select.selectOption('本站');
    const results = await searchSite(page, '附件大小');
    expect(results[0]).toBe(new URL('changelog/2026-11-24-attachments-and-follow-up/', siteUrl).href);
    // Only changelog entries carry the document filter.
    expect(results.every((url) => url.includes('/changelog/'))).toBe(true);
    // The year filter narrows the same way.
    await page.locator('dialog[open] select[data-filter="year"]').selectOption('2026');
    expect((await searchSite(page, '附件大小'))[0]).toBe(results[0]);
    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });

  it('compares any two versions; ?to= picks the version before it', async () => {
    const { page, context } = await openPage(browser, 'changelog/compare/?to=2026.11.1');
    expect(await page.locator('[data-from]').inputValue()).toBe('2026.11.0');
    const visible = page.locator('[data-pair]:not([hidden])');
    expect(await visible.getAttribute('data-pair')).toBe('2026.11.0..2026.11.1');
    expect(await visible.locator('[data-diff-setting="cadence"]').innerText()).toContain('第 3 天：追问邮件');
    await page.locator('[data-to]').selectOption('2026.11.0');
    expect(await page.locator('[data-pair]:not([hidden])').count()).toBe(0);
    expect(await page.locator('[data-compare-empty]').isVisible()).toBe(true);
    await context.close();
  });

  it('the schedule shows the article’s claimed dates, marked as claims', async () => {
    const { page, context } = await openPage(browser, 'changelog/schedule/');
    const monthly = page.locator('[data-schedule="monthly"]');
    expect(await monthly.locator('[data-claim]').count()).toBe(1);
    expect(await monthly.innerText()).toMatch(/\d{4}-\d{2}-01/);
    await context.close();
  });
});
