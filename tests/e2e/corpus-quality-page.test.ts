// The quality page (/guide/rules/quality/) publishes the corpus benchmark of the ruleset in
// effect: the number of mails and holdout mails matches tests/corpus/, the clean share and every
// rule's figures match what the benchmark computes here, it is listed in the sidebar right after
// the rules chapter, and it carries no script of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, noBrowser, openPage } from '../support/browser';
import { loadCorpus } from '../../src/lib/node/load-corpus';
import { loadCompiledRules } from '../../src/lib/node/load-ruleset';
import { benchmarkCorpus, formatShare } from '../../src/lib/rules/corpus-benchmark';

const mails = loadCorpus();
const report = benchmarkCorpus(mails, loadCompiledRules());
const PATH = 'guide/rules/quality/';

describe.skipIf(noBrowser)('the corpus quality page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([360, 1280])('shows the corpus and its figures at %i px', async (width) => {
    const { page, response, errors, context } = await openPage(browser, PATH);
    await page.setViewportSize({ width, height: 900 });
    expect(response?.status()).toBe(200);
    const section = page.locator('[data-corpus-quality]');
    expect(await section.count()).toBe(1);
    expect(await section.getAttribute('data-corpus-mails')).toBe(String(mails.length));
    expect(await section.locator('[data-figure="mails"]').textContent()).toBe(String(mails.length));
    expect(await section.locator('[data-figure="holdout"]').textContent()).toBe(
      String(mails.filter((mail) => mail.split === 'holdout').length),
    );
    expect(await section.locator('[data-figure="good"]').textContent()).toBe(
      String(mails.filter((mail) => mail.good).length),
    );
    expect(await section.locator('[data-figure="clean-share-all"]').textContent()).toContain(
      formatShare(report.all.cleanShare),
    );
    const contexts = new Set(mails.map((mail) => mail.context));
    expect(await section.locator('[data-table="corpus-makeup"] tbody tr').count()).toBe(contexts.size);
    for (const rule of report.all.rules) {
      const row = section.locator(`tr[data-rule="${rule.rule}"]`);
      expect(await row.count(), rule.rule).toBe(1);
      const cells = await row.locator('td').allTextContents();
      expect(cells.slice(1, 4), rule.rule).toEqual([String(rule.tp), String(rule.fp), String(rule.fn)]);
      expect(cells[6], rule.rule).toContain(`${formatShare(rule.precision)} / ${formatShare(rule.recall)}`);
    }
    // Plain words for precision and recall, and the mark of our own method.
    const text = await section.textContent();
    expect(text).toContain('报出的问题里有多少是真问题');
    expect(text).toContain('该报的问题报出了多少');
    expect(await page.locator('[data-editorial]').count()).toBeGreaterThan(0);
    // No script of its own: no island, no page data, nothing inside the section.
    expect(await section.locator('script').count()).toBe(0);
    expect(await page.locator('[data-page-data]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is in the sidebar right after the rules chapter', async () => {
    const { page, context } = await openPage(browser, 'guide/rules/');
    const links = await page
      .locator('nav[aria-label] a[href]')
      .evaluateAll((anchors) =>
        anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
      );
    const rules = links.findIndex((path) => path.endsWith('/guide/rules/'));
    expect(rules).toBeGreaterThan(-1);
    expect(links[rules + 1]).toMatch(/\/guide\/rules\/quality\/$/);
    await context.close();
  });
});
