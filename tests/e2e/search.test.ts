import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, noBrowser, openPage, siteUrl } from '../support/browser';
import { firstIsExpected, loadSearchQueries } from '../search/queries';
import { shownResults } from '../../scripts/bench-search';
import { loadSearchSynonyms } from '../../src/lib/node/load-search-synonyms';

/**
 * The site search as readers use it. Every query of tests/search/queries.yaml (colloquial,
 * site terms and Traditional Chinese; tuning and held-out) must return results, and at least
 * 95% must put the expected page (or card) first; every synonym group's example must find its
 * page first. When a query fails, fix the cause (page wording, `answers`, synonyms, ranking),
 * never the query; the held-out queries are not looked at one by one (npm run bench prints
 * the figures).
 */
const QUERIES = loadSearchQueries();
const SYNONYMS = loadSearchSynonyms();

describe.skipIf(noBrowser)('site search', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    browser = await launch();
    ({ page, errors } = await openPage(browser, ''));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`every one of the ${QUERIES.length} queries returns results; top-1 ≥ 95% on the whole set and on the tuning queries`, async () => {
    const wrong: string[] = [];
    const empty: string[] = [];
    const heldOutRight = { holdout: 0, holdout2: 0, holdout3: 0 };
    let right = 0;
    for (const entry of QUERIES) {
      const results = await shownResults(page, entry.query);
      if (results.length === 0) empty.push(entry.query);
      const first = firstIsExpected(entry.expect, results, siteUrl);
      right += first ? 1 : 0;
      // Held-out failures are counted, not named: they are not for tuning.
      if (entry.split !== 'tuning') heldOutRight[entry.split] += first ? 1 : 0;
      else if (!first) wrong.push(`${entry.query} → ${results[0]?.href ?? '—'}`);
    }
    expect(empty).toEqual([]);
    const tuning = QUERIES.filter((entry) => entry.split === 'tuning').length;
    expect((tuning - wrong.length) / tuning, `wrong: ${wrong.join('; ')}`).toBeGreaterThanOrEqual(0.95);
    expect(right / QUERIES.length, `${right} of ${QUERIES.length} right first`).toBeGreaterThanOrEqual(0.95);
    // Floors against regressions, not targets to tune towards: the held-out shares measured
    // after issue 20's second and third rounds (holdout 13 → 32 → 40 of 40; holdout2 29 → 40 →
    // 43 of 48; holdout3 23 → 30 of 32, its first figure measured once before its misses were
    // read). Every batch has now been looked at, so none of these is a clean estimate any more.
    expect(heldOutRight.holdout).toBeGreaterThanOrEqual(40);
    expect(heldOutRight.holdout2).toBeGreaterThanOrEqual(43);
    expect(heldOutRight.holdout3).toBeGreaterThanOrEqual(30);
    expect(errors).toEqual([]);
  });

  it('every synonym group’s example query finds its page first', async () => {
    for (const { example } of SYNONYMS) {
      const results = await shownResults(page, example.query);
      expect(firstIsExpected(example.page, results, siteUrl), `${example.query} → ${results[0]?.href}`).toBe(
        true,
      );
    }
  });

  it('Traditional Chinese is folded to Simplified: 帳號被封 finds what 账号被封 finds', async () => {
    const traditional = await shownResults(page, '帳號被封');
    const simplified = await shownResults(page, '账号被封');
    expect(traditional.length).toBeGreaterThan(0);
    expect(traditional.map((result) => result.href)).toEqual(simplified.map((result) => result.href));
  });

  it('template hits link to the card; snippets start at a sentence or clause, 本页解答 items are separated', async () => {
    const results = await shownResults(page, '申诉模板');
    expect(new URL(results[0]!.href, siteUrl).hash).toBe('#account-appeal');
    const excerpts = await page.locator('dialog[open] .result-excerpt').allInnerTexts();
    for (const excerpt of excerpts) {
      expect(excerpt, excerpt).not.toMatch(/^页解答/);
      // Starts after a boundary: either an ellipsis or a whole sentence/clause, never mid-word like 「送给谁」.
      expect(excerpt.startsWith('…') || !/^[\p{Script=Han}]{0,2}[，。；：]/u.test(excerpt), excerpt).toBe(
        true,
      );
    }
    await shownResults(page, '抄送给谁');
    const recipients = await page.locator('dialog[open] .result-excerpt').first().innerText();
    expect(recipients).not.toMatch(/^送给谁/);
    await shownResults(page, '现成的邮件范文');
    const answers = (await page.locator('dialog[open] .result-excerpt').allInnerTexts()).find((text) =>
      text.includes('本页解答'),
    );
    if (answers) expect(answers).toMatch(/申诉邮件模板；侵权投诉邮件模板；现成的邮件范文/);
  });

  it('the filters appear only when changelog entries are among the results', async () => {
    const seen: boolean[] = [];
    for (const query of ['闪退', '三线表', '封号', '规则集 2026.11.3']) {
      const results = await shownResults(page, query);
      const hasEntries = results.some((result) => /\/changelog\/\d{4}-/.test(result.page));
      expect(await page.locator('dialog[open] [data-search-filters]').isVisible(), query).toBe(hasEntries);
      seen.push(hasEntries);
    }
    expect(seen).toContain(true);
    expect(seen).toContain(false);
    expect(await page.locator('dialog[open] select[data-filter="doc"]').count()).toBe(1);
  });

  it('nothing at all matches: it says so and offers the list of cases, not fixed suggestions', async () => {
    const results = await shownResults(page, 'zzqxv');
    expect(results).toEqual([]);
    const status = await page.locator('dialog[open] [data-search-status]').innerText();
    expect(status).toContain('没有与“zzqxv”相关的内容');
    expect(status).not.toContain('附件格式');
    const cases = page.locator('dialog[open] [data-search-cases]');
    expect(await cases.isVisible()).toBe(true);
    const links = await cases
      .locator('a')
      .evaluateAll((anchors) =>
        anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
      );
    expect(links).toContain(new URL('cases/account-appeal/', siteUrl).pathname);
    expect(links).toContain(new URL('cases/', siteUrl).pathname);
    // A query that matches again hides the list.
    await shownResults(page, '封号');
    expect(await cases.isVisible()).toBe(false);
  });

  it('a colloquial sentence with no word as the pages write it still finds text (character pairs, then characters)', async () => {
    for (const query of ['号被封了还能解吗', '店被罚了', '说话太冲']) {
      expect((await shownResults(page, query)).length, query).toBeGreaterThan(0);
    }
  });

  it('works by keyboard alone: Ctrl+K, type, ArrowDown to the first result, Enter follows it', async () => {
    const { page: fresh, context } = await openPage(browser, 'guide/');
    await fresh.locator('site-search button[data-open-modal]:not([disabled])').waitFor();
    await fresh.keyboard.press('Control+k');
    await fresh.keyboard.type('封号');
    await fresh
      .locator('dialog[open] [data-search-results][data-query="封号"]')
      .waitFor({ state: 'attached' });
    await fresh.keyboard.press('ArrowDown');
    const focused = await fresh.evaluate(
      () => (document.activeElement as HTMLAnchorElement).dataset.searchResult,
    );
    expect(focused).toContain('/cases/account-appeal/');
    await Promise.all([fresh.waitForURL(/\/cases\/account-appeal\//), fresh.keyboard.press('Enter')]);
    await context.close();
  });

  it('on a 360 px phone the dialog and its results fit the screen', async () => {
    const { page: phone, context } = await openPage(browser, '');
    await phone.setViewportSize({ width: 360, height: 740 });
    await shownResults(phone, '作品被搬运怎么投诉');
    const widths = await phone.evaluate(() => ({
      page: document.documentElement.clientWidth,
      dialog: document.querySelector('dialog[open]')!.getBoundingClientRect().right,
      results: Math.max(
        ...[...document.querySelectorAll('dialog[open] [data-search-result]')].map(
          (a) => a.getBoundingClientRect().right,
        ),
      ),
      scroll: document.querySelector('dialog[open] .dialog-frame')!.scrollWidth,
      frame: document.querySelector('dialog[open] .dialog-frame')!.clientWidth,
    }));
    expect(widths.dialog).toBeLessThanOrEqual(widths.page);
    expect(widths.results).toBeLessThanOrEqual(widths.page);
    expect(widths.scroll).toBeLessThanOrEqual(widths.frame);
    await context.close();
  });
});
