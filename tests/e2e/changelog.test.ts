import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import Ajv2020 from 'ajv/dist/2020.js';
import { launch, noBrowser, openPage, searchSite, siteUrl, revealIslands } from '../support/browser';
import { parseRuleset } from '../../src/lib/rules/ruleset-schema';
import { loadRuleset, loadRulesets } from '../../src/lib/node/load-ruleset';
import { jsonFeedValidator } from '../support/json-feed-schema';

/** The site's own releases and every Kuaishou change we found a dated, quotable source for. */
const RELEASES = [
  '2026-11-30-ruleset-2026-11-3',
  '2026-11-30-ruleset-2026-11-2',
  '2026-11-24-attachments-and-follow-up',
  '2026-11-24-initial-ruleset',
];
const KUAISHOU_CHANGES = ['2023-06-26-kwaixiaodian-violation-rules', '2017-10-09-user-service-agreement'];
/** The documents research found no trace of: they must not be offered as filters or feeds. */
const NOT_DOCUMENTS = ['商业合作条款', '邮件处理规则', '社区规范'];
/** The watch list's documents (src/content/data/watched-documents.yaml) and the site's own. */
const DOCUMENT_NAMES = [
  '快手社区管理规范',
  '快手直播管理规范',
  '快手社区评论规范',
  '快手用户资料规范',
  '快手直播封面规范',
  '快手软件许可及服务协议',
  '快手隐私政策',
  '快手电商规则中心公告',
  '快手知识产权保护平台规则',
  '信息网络传播权保护条例',
  '民法典侵权责任编（网络侵权条款）',
  '电子商务法',
  '个人信息保护法',
  '网络信息内容生态治理规定',
  '本站规则与模板',
];

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
    // The legal element rules are published with their kind and the article they rest on.
    const legal = latest.rules.filter((rule: { kind: string }) => rule.kind === 'legal-elements');
    expect(legal.map((rule: { id: string }) => rule.id)).toEqual(
      expect.arrayContaining(['legal.notice.address', 'legal.counter.evidence']),
    );
    expect(legal.find((rule: { id: string }) => rule.id === 'legal.notice.address').source).toEqual({
      kind: 'law',
      law: '《信息网络传播权保护条例》',
      article: '第十四条',
      lawId: 'ndr-14',
    });
    // The schema can fail: a ruleset without rules is refused.
    expect(validate({ ...latest, rules: 'none' })).toBe(false);
  });

  it('the RSS feeds list the changelog entries, newest first (the existing URL keeps every entry)', async () => {
    const titlesOf = async (path: string) =>
      [...(await (await get(path)).text()).matchAll(/<item><title>([^<]+)<\/title>/g)].map(
        (match) => match[1],
      );
    const all = await titlesOf('changelog/rss.xml');
    expect(all.slice(0, 3)).toEqual([
      expect.stringMatching(/^规则集 2026\.11\.3/),
      expect.stringMatching(/^规则集 2026\.11\.2/),
      expect.stringMatching(/^2026年11月30日检查/),
    ]);
    expect(all.indexOf('规则集 2026.11.0：主题与正文检查的首个版本')).toBeGreaterThan(
      all.findIndex((title) => /^规则集 2026\.11\.1/.test(title!)),
    );
    expect(all).toHaveLength(RELEASES.length + KUAISHOU_CHANGES.length + 1);
    const site = await titlesOf('changelog/site.xml');
    expect(site[0]).toMatch(/^规则集 2026\.11\.3/);
    expect(site).toHaveLength(RELEASES.length);
  });

  it('feed.json is JSON Feed 1.1 with the site’s releases and every Kuaishou change, each from its source', async () => {
    const validate = jsonFeedValidator();
    const response = await get('changelog/feed.json');
    expect(response.headers.get('content-type')).toMatch(/json/);
    const feed = await response.json();
    expect(validate(feed), JSON.stringify(validate.errors)).toBe(true);
    const byId = new Map(
      feed.items.map((item: { id: string }) => [item.id.replace(/\/$/, '').split('/').pop(), item]),
    );
    for (const id of [...RELEASES, ...KUAISHOU_CHANGES]) expect([...byId.keys()], id).toContain(id);
    for (const id of KUAISHOU_CHANGES) {
      const item = byId.get(id) as { external_url: string; tags: string[]; content_text: string };
      expect(item.external_url, id).toMatch(/^https?:\/\//);
      expect(item.tags, id).toContain('快手规则变化');
      expect(item.content_text, id).toMatch(/来源原文/);
    }
    // The two feeds split the same items: Kuaishou's documents, and the site's releases.
    const kuaishou = await (await get('changelog/kuaishou.json')).json();
    const site = await (await get('changelog/site.json')).json();
    for (const part of [kuaishou, site]) expect(validate(part), JSON.stringify(validate.errors)).toBe(true);
    const ids = (part: { items: { id: string }[] }) => part.items.map((item) => item.id).sort();
    expect([...ids(kuaishou), ...ids(site)].sort()).toEqual(ids(feed));
    expect(site.items.every((item: { tags: string[] }) => item.tags.includes('本站规则与模板'))).toBe(true);
    for (const path of ['changelog/kuaishou.xml', 'changelog/site.xml'])
      expect(await (await get(path)).text()).toMatch(/<rss[\s\S]*<item>/);
    const all = JSON.stringify(feed) + (await (await get('changelog/rss.xml')).text());
    for (const name of NOT_DOCUMENTS.slice(0, 2)) expect(all).not.toContain(name);
    // The schema can fail: an item without content is refused.
    expect(validate({ ...feed, items: [{ id: 'x' }] })).toBe(false);
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
    expect(ids).toEqual([
      ...RELEASES.slice(0, 2),
      '2026-11-30-checked-watch-list',
      ...RELEASES.slice(2),
      ...KUAISHOU_CHANGES,
    ]);
    expect(await page.locator('[data-changelog-list] h2').allInnerTexts()).toEqual([
      '2026年11月',
      '2023年6月',
      '2017年10月',
    ]);
    expect(await page.locator('[data-changelog-list] h2').first().innerText()).toBe('2026年11月');
    await page.locator('[data-changelog-entry="2026-11-24-attachments-and-follow-up"] a').click();
    await page.waitForURL('**/changelog/2026-11-24-attachments-and-follow-up/');
    await revealIslands(page);
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

  it('the index shows the watch list with its check dates above the entries, and links the feeds', async () => {
    const { page, context, errors } = await openPage(browser, 'changelog/');
    const rows = page.locator('[data-watched-document]');
    expect(await rows.count()).toBe(DOCUMENT_NAMES.length - 1);
    const names = await rows.locator('[data-watched-name]').allInnerTexts();
    expect(names.map((name) => name.trim())).toEqual(DOCUMENT_NAMES.slice(0, -1));
    for (const date of await rows.locator('[data-last-checked]').allInnerTexts())
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await rows.locator('a[href^="https://"]').count()).toBe(DOCUMENT_NAMES.length - 1);
    // Above the entries.
    const above = await page.evaluate(() => {
      const list = document.querySelector('[data-watch-list]');
      const entries = document.querySelector('[data-changelog-list]');
      return (
        !!list && !!entries && !!(list.compareDocumentPosition(entries) & Node.DOCUMENT_POSITION_FOLLOWING)
      );
    });
    expect(above).toBe(true);
    const alternates = await page
      .locator('head link[rel="alternate"]')
      .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
    for (const path of ['feed.json', 'rss.xml', 'kuaishou.json', 'site.json'])
      expect(alternates).toContain(new URL(`changelog/${path}`, siteUrl).href);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the document filter offers only real documents; with it the changelog finds the entry of a changed rule (附件大小)', async () => {
    const { page, context, errors, foreignRequests } = await openPage(browser, 'changelog/');
    // The filters appear once changelog entries are among the results.
    await searchSite(page, '附件大小');
    const select = page.locator('dialog[open] select[data-filter="doc"]');
    await select.waitFor();
    const options = (await select.locator('option').allInnerTexts()).map((text) =>
      text.replace(/\s*\(\d+\)$/, '').trim(),
    );
    const offered = options.filter((option) => DOCUMENT_NAMES.some((name) => option.startsWith(name)));
    expect(offered.length).toBe(options.length - 1); // the other one is 'all'
    for (const name of NOT_DOCUMENTS)
      expect(
        options.some((option) => option.startsWith(name)),
        name,
      ).toBe(false);
    await select.selectOption('本站规则与模板');
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

  it('a Kuaishou change shows its dates, its source quoted and its impact on mail', async () => {
    const { page, context, errors } = await openPage(browser, `changelog/${KUAISHOU_CHANGES[0]}/`);
    const record = page.locator('[data-change-record]');
    expect(await record.locator('[data-change-published]').innerText()).toBe('2023-06-26');
    expect(await record.locator('[data-change-effective]').innerText()).toBe('2023-07-03');
    expect(await record.locator('[data-change-statement]').innerText()).toContain('于2023年7月3日生效');
    expect(await record.locator('[data-change-source] a').getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await record.locator('[data-change-source]').innerText()).toContain('二手');
    expect(await record.locator('[data-change-impact]').innerText()).not.toBe('');
    expect(await page.locator('[data-changelog-meta]').innerText()).toContain('快手电商规则中心公告');
    expect(errors).toEqual([]);
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

  it('the schedule is our own checking routine: last check and next check per document, no projected Kuaishou dates', async () => {
    const { page, context, errors } = await openPage(browser, 'changelog/schedule/');
    const rows = page.locator('[data-check-row]');
    expect(await rows.count()).toBe(DOCUMENT_NAMES.length - 1);
    for (const row of await rows.all()) {
      const last = await row.locator('[data-last-checked]').innerText();
      const next = await row.locator('[data-next-check]').innerText();
      const days = (Date.parse(next) - Date.parse(last)) / 86_400_000;
      expect(days, `${last} → ${next}`).toBe(30);
    }
    expect(await page.locator('[data-check-cadence] [data-editorial]').count()).toBeGreaterThan(0);
    const text = await page.locator('main').innerText();
    // The old page projected the 1st of each month and each quarter from the article's claim.
    for (const phrase of [
      '推算的下几个日期',
      '按此推算',
      '按各季度的第一天推算',
      '原文称的更新频率',
      '原文称的规则更新时间表',
    ])
      expect(text, phrase).not.toContain(phrase);
    expect(await page.locator('[data-schedule="monthly"], [data-schedule="quarterly"]').count()).toBe(0);
    // Our own dates (each row's last and next check, the build's Beijing date) may fall on the
    // 1st of a month — CI once built the page just after midnight in Beijing on 12-01; only
    // the text around them must name no 1st of a coming month.
    const ownDates = await page
      .locator('[data-last-checked], [data-next-check], [data-generated]')
      .allInnerTexts();
    expect(ownDates.length).toBe(2 * (DOCUMENT_NAMES.length - 1) + 1);
    const textWithoutOwnDates = ownDates.reduce((rest, date) => rest.replaceAll(date.trim(), ''), text);
    const today = new Date();
    for (let offset = 0; offset <= 6; offset += 1) {
      const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + offset, 1));
      expect(textWithoutOwnDates).not.toContain(first.toISOString().slice(0, 10));
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
