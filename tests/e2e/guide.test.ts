import { readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, noBrowser, openPage, revealIslands } from '../support/browser';
import { ROOT } from '../../scripts/support/build-site';
import { loadGuideData } from '../../src/lib/node/load-guide-data';
import { mailboxStatusLabels, priorityLabels } from '../../src/lib/guide-data';

const DIST = resolve(ROOT, 'dist');
const pages = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name === 'index.html' && !entry.parentPath.includes('pagefind'))
  .map((entry) => relative(DIST, entry.parentPath).replaceAll('\\', '/'))
  .map((path) => (path ? `${path}/` : ''));

const CHAPTERS = [
  'guide/',
  ...[
    'subject',
    'recipients',
    'structure',
    'attachments',
    'data',
    'follow-up',
    'risks',
    'rules',
    'evaluation',
  ].map((slug) => `guide/${slug}/`),
  'about/',
];

/** Figures of the article that must never appear without the 原文称 marker. */
const ARTICLE_FIGURES = String.raw`(?<![\d.])(?:40|82|47|12|35|50|70|58|30|25|90|85|80)\s*%|(?<!\d)(?:6|12|24)\s*小时|2\s*[-–~～至]\s*3\s*个?工作日|1\.5\s*天|每月\s*1\s*[号日]|每季度`;

describe.skipIf(noBrowser)('the guide in Chromium', () => {
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

  it('has every chapter, the overview, the closing page and the about page', () => {
    for (const chapter of CHAPTERS) expect(pages).toContain(chapter);
  });

  it('marks every article figure on every page with 原文称', async () => {
    const unmarked: string[] = [];
    let marked = 0;
    for (const path of pages) {
      const { page, context } = await openPage(browser, path);
      const found = await page.evaluate((source) => {
        const pattern = new RegExp(source, 'gu');
        const main = document.querySelector('main');
        const problems: string[] = [];
        let ok = 0;
        if (!main) return { problems, ok };
        const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          // What a reader sees: not the page-data blocks the islands read (PageData.astro).
          if (node.parentElement?.closest('script, style, template')) continue;
          const text = node.textContent ?? '';
          for (const match of text.matchAll(pattern)) {
            if (node.parentElement?.closest('[data-claim]')) ok += 1;
            else problems.push(`${match[0]} in “${text.trim().slice(0, 60)}”`);
          }
        }
        return { problems, ok };
      }, ARTICLE_FIGURES);
      marked += found.ok;
      unmarked.push(...found.problems.map((problem) => `/${path}: ${problem}`));
      await context.close();
    }
    expect(unmarked).toEqual([]);
    // The article's figures are on the site (tables 1, 3, 4, 5, 6 and the prose), all marked.
    expect(marked).toBeGreaterThan(30);
    // Every built page in turn (30 with the case pages): past the default minute on a shared machine.
  }, 300_000);

  it('never shows a Kuaishou mailbox without its verification status nearby', async () => {
    const labels = Object.values(mailboxStatusLabels);
    const bare: string[] = [];
    for (const path of pages) {
      const { page, context } = await openPage(browser, path);
      const found = await page.evaluate((statusWords) => {
        const problems: string[] = [];
        const main = document.querySelector('main');
        if (!main) return problems;
        const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!/[a-z]+@kuaishou\.com/i.test(node.textContent ?? '')) continue;
          const block = node.parentElement?.closest('td, dd, li, p, section, tr');
          const text = block?.textContent ?? '';
          if (!statusWords.some((word) => text.includes(word))) problems.push(text.trim().slice(0, 80));
        }
        return problems;
      }, labels);
      bare.push(...found.map((problem) => `/${path}: ${problem}`));
      await context.close();
    }
    expect(bare).toEqual([]);
  }, 300_000);

  it('renders the tables from the data files, with claims and editorial cells marked', async () => {
    const data = loadGuideData();
    const { page, context } = await openPage(browser, 'guide/subject/');
    const rows = await page.$$eval('[data-guide-table="subjectTypes"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
    );
    expect(rows).toHaveLength(data.subjectTypes.length);
    data.subjectTypes.forEach((type, index) => {
      expect(rows[index]![0]).toBe(type.label);
      expect(rows[index]![3]).toContain(priorityLabels[type.priority]);
      if (type.replyTime) expect(rows[index]![2]).toBe(`${type.replyTime}原文称`);
    });
    await context.close();

    const attachments = await openPage(browser, 'guide/attachments/');
    const documentRow = attachments.page.locator('[data-guide-table="attachmentTypes"] tbody tr', {
      hasText: '文档说明',
    });
    expect(await documentRow.locator('[data-editorial]').first().innerText()).toContain('PDF');
    await attachments.context.close();

    const followUp = await openPage(browser, 'guide/follow-up/');
    const complex = followUp.page.locator('[data-guide-table="followUps"] tbody tr', {
      hasText: '复杂权益申诉',
    });
    expect(await complex.locator('[data-editorial]').innerText()).toContain('第 8 个工作日');
    await followUp.context.close();

    const risks = await openPage(browser, 'guide/risks/');
    expect(await risks.page.locator('[data-guide-table="risks"] caption [data-editorial]').count()).toBe(1);
    expect(await risks.page.locator('[data-guide-table="risks"] tbody tr').count()).toBe(data.risks.length);
    await risks.context.close();

    const recipients = await openPage(browser, 'guide/recipients/');
    for (const mailbox of data.mailboxes) {
      const row = recipients.page.locator(`[data-mailbox="${mailbox.id}"]`);
      expect(await row.locator('code').first().innerText()).toBe(mailbox.address);
      expect(await row.locator('[data-mailbox-status]').first().innerText()).toContain(
        mailboxStatusLabels[mailbox.status],
      );
      expect(await row.locator('[data-mailbox-status]').first().innerText()).toContain(mailbox.lastChecked);
    }
    await recipients.context.close();
  });

  it('mailbox picker: choosing a need shows To, Cc, status, channel, and survives a reload', async () => {
    const data = loadGuideData();
    const { page, context, foreignRequests, errors } = await openPage(browser, 'guide/recipients/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('radio', { name: '作品被搬运或盗用（我是权利人）' }).check();
    const panel = page.locator('[data-route-panel="copyright"]');
    await panel.waitFor({ state: 'visible' });
    expect(await page.locator('[data-route-panel]:visible').count()).toBe(1);
    const copyright = data.mailboxes.find((mailbox) => mailbox.id === 'copyright')!;
    expect(await panel.locator('[data-field="to"] code').innerText()).toBe(copyright.address);
    expect(await panel.locator('[data-field="cc"]').innerText()).toContain('legal@kuaishou.com');
    expect(await panel.innerText()).toContain('未核实');
    // The first channel comes first, as a link: the IP platform.
    expect(await panel.locator('[data-first-action] a').first().getAttribute('href')).toBe(
      'https://ipp.kuaishou.com/',
    );
    // One reply time per case (table 6, 原文称), the one the planner uses.
    expect(await panel.locator('[data-field="reply-time"]').innerText()).toContain('7 个工作日');
    expect(await panel.locator('[data-field="reply-time"] [data-claim]').count()).toBe(1);
    expect(await panel.locator('[data-field="warning"]').innerText()).toContain('发送前请在快手官方页面');

    await panel.getByRole('button', { name: '复制' }).first().click();
    await page.locator('[data-picker-status]').filter({ hasText: '已复制' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(copyright.address);

    // The choice is kept (nanostores persistent) for the checkers of the other pages.
    await page.reload();
    await revealIslands(page);
    await page.locator('[data-route-panel="copyright"]').waitFor({ state: 'visible' });
    expect(await page.getByRole('radio', { name: '作品被搬运或盗用（我是权利人）' }).isChecked()).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('ksmail:request-type'))).toBe('copyright');

    // The support@ mailbox is shown only as the fallback, contradicted by public sources.
    await page.getByRole('radio', { name: '功能使用咨询' }).check();
    expect(
      await page
        .locator('[data-route-panel="basic-inquiry"] [data-field="fallback"] [data-mailbox-status]')
        .innerText(),
    ).toContain('与公开资料不符');
    expect(foreignRequests()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
