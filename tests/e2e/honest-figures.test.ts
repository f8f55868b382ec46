// Issue 15, item 5 — "every unverified figure marked where it appears". The source article's
// statistics, reply times and escalation paths are not confirmed by any public source, so wherever
// one is shown (a chapter, a table, a tool's output) the same table cell, list item, paragraph or
// output line carries 原文称; no article time is called 「预计」; a Kuaishou address shows its
// 核实状态 and 核对日期 in the same row, card or paragraph; every page carries the 非官方 mark.
// The pages come from dist/ (a new page is covered without a change); /tools/ and the chapters
// with tools are audited again after each tool shows its outputs.
import { readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../../scripts/support/build-site';
import { launch, noBrowser, siteUrl, revealIslands } from '../support/browser';
import { showOldLog } from '../support/outcome-log';

const DIST = resolve(ROOT, 'dist');
const PAGES = readdirSync(DIST, { withFileTypes: true, recursive: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
  .map((entry) => relative(DIST, resolve(entry.parentPath, entry.name)).replace(/(^|\/)index\.html$/, '$1'))
  .sort();

const data = (name: string) => parse(readFileSync(resolve(ROOT, 'src/content/data', name), 'utf8'));
/** The `articleFigure` fields of the article's tables (src/lib/guide-data.ts). */
const tableFigures: string[] = [
  ...data('subject-types.yaml').map((row: { replyTime: string | null }) => row.replyTime),
  ...data('body-structures.yaml').flatMap((row: { replyRate: string | null; cycle: string | null }) => [
    row.replyRate,
    row.cycle,
  ]),
  ...data('attachment-types.yaml').map((row: { effect: string | null }) => row.effect),
  ...data('chart-types.yaml').map((row: { efficiency: string | null }) => row.efficiency),
].filter((figure): figure is string => typeof figure === 'string' && /\d/.test(figure));

/**
 * The article's other figures (source/000_….txt, NOTES.md): open rate +40%, +35%, +50%, +70%,
 * −58%, the 24-hour commitment and table 6's escalation paths. A bare 「3天」 (table 3's cycle)
 * is left to the table-column check: it is also day 3 of the 3-5-7 cadence, which is advice.
 */
const OTHER_FIGURES = [
  '40%',
  '35%',
  '50%',
  '70%',
  '58%',
  '24小时',
  '直连技术总监',
  '客服主管通道',
  '合规监察部门',
];

/** A figure as a pattern over text without white space: 「2-3工作日」 also as 「2～3 个工作日」. */
function figurePattern(figure: string): string {
  const core = figure.replace(/^\+/, '').replace(/效率$/, '').replace(/内$/, '');
  const escaped = core
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/-/g, '[-－～~—至到]')
    .replace(/工作日/, '个?工作日');
  return /^\d/.test(core) ? `(?<![\\d.])${escaped}` : escaped;
}

const FIGURES = [...new Set([...tableFigures, ...OTHER_FIGURES])]
  .filter((figure) => !/^\d+天$/.test(figure))
  .map(figurePattern);
/** Article times that must not be called 「预计」. */
const TIMES = ['2-3工作日', '6小时内', '12小时内', '24小时', '1.5天', '3个工作日', '7个工作日'].map(
  figurePattern,
);
/** Columns of the guide's tables that hold the article's figures or claims. */
const ARTICLE_COLUMNS = [
  '平均回复时效',
  '处理优先级',
  '回复率',
  '处理周期',
  '处理效率影响',
  '认知效率',
  '官方偏好度',
  '响应时效承诺',
  '跟进时间节点',
  '升级路径',
];

/** Runs in the page: every problem found, as 「where: what」 lines. */
function audit(args: { figures: string[]; times: string[]; columns: string[] }): string[] {
  const problems: string[] = [];
  const figures = args.figures.map((source) => new RegExp(source));
  const times = args.times.map((source) => new RegExp(source));
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  const BLOCK =
    'p, li, td, th, dd, dt, figcaption, caption, h1, h2, h3, h4, h5, h6, blockquote, summary, label, option, output, div, section, pre';
  const visible = (element: Element) => element.checkVisibility({ visibilityProperty: true });
  const blockOf = (node: Node) => node.parentElement?.closest(BLOCK) ?? null;
  const shortText = (text: string) => squeeze(text).slice(0, 80);

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, svg, noscript, template') || !visible(parent)) continue;
    const block = blockOf(node);
    if (!block || seen.has(block)) continue;
    const text = squeeze(block.textContent ?? '');
    // An output line (a code line or a tool's line-by-line output) is judged line by line.
    const lines = (block.closest('pre') ? (block as HTMLElement).innerText : (block.textContent ?? ''))
      .split('\n')
      .map(squeeze);
    const units = block.closest('pre') ? lines : [text];
    if (!figures.some((figure) => figure.test(squeeze(node.textContent ?? '')))) {
      // A figure split over several text nodes is still found through its block below.
      if (!figures.some((figure) => figure.test(text))) continue;
    }
    seen.add(block);
    for (const unit of units) {
      const hit = figures.find((figure) => figure.test(unit));
      if (hit && !unit.includes('原文称')) problems.push(`原文的数字没有“原文称”：${shortText(unit)}`);
    }
  }

  // 「预计」 next to an article time: in the same list, row or paragraph.
  for (const element of document.querySelectorAll('dl, tr, li, p, pre, output, [role="status"]')) {
    if (!visible(element)) continue;
    const text = squeeze((element as HTMLElement).innerText ?? '');
    if (text.includes('预计') && times.some((time) => time.test(text)))
      problems.push(`“预计”用在原文的时效上：${shortText(text)}`);
  }

  // Article columns of the guide's tables (not a tool's own figures, such as the user's reply rate).
  for (const table of document.querySelectorAll('table')) {
    if (!visible(table) || [...ancestors(table)].some((element) => element.localName.includes('-'))) continue;
    const headers = [...table.querySelectorAll('thead th')].map((th) => squeeze(th.textContent ?? ''));
    for (const row of table.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, index) => {
        if (!args.columns.includes(headers[index] ?? '')) return;
        const text = squeeze(cell.textContent ?? '');
        if (!/原文称|编辑补充|原文未给出/.test(text))
          problems.push(
            `表格“${headers[index]}”一栏没有标注：${shortText(text)}（${squeeze(table.querySelector('caption')?.textContent ?? '')}）`,
          );
      });
    }
  }

  // A Kuaishou address with its status and check date in the same row, card or paragraph.
  const addressWalker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = addressWalker.nextNode(); node; node = addressWalker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !/@kuaishou\.com/.test(node.textContent ?? '') || !visible(parent)) continue;
    if (parent.closest('script, style, noscript, template, [data-address-banner]')) continue;
    const box = parent.closest('tr, li, p, dl, pre, [data-route-panel], div') ?? parent;
    const text = squeeze((box as HTMLElement).innerText ?? '');
    const status = /未核实|与公开资料不符|已核实/.test(text);
    const date = /\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日/.test(text);
    if (!status || !date) problems.push(`邮箱地址旁没有核实状态和核对日期：${shortText(text)}`);
  }

  if (!document.title.includes('非官方')) problems.push('标题没有“非官方”');
  const mark = document.querySelector('header [data-unofficial]');
  if (!mark || !visible(mark) || !(mark.textContent ?? '').includes('非官方'))
    problems.push('页头没有“非官方”标记');
  return [...new Set(problems)];

  function* ancestors(element: Element) {
    for (let current = element.parentElement; current; current = current.parentElement) yield current;
  }
}

const ARGS = { figures: FIGURES, times: TIMES, columns: ARTICLE_COLUMNS };
const auditPage = async (page: Page, where: string) =>
  (await page.evaluate(audit, ARGS)).map((problem) => `${where}　${problem}`);

const FOUR_PART =
  '问题描述：作品ID:8848 于 11 月 18 日被搬运。\n影响说明：播放量下降。\n诉求清单：请下架搬运作品。\n联系方式：13800138000';
const EMOTIONAL = '问题描述：你们太过分了！！！不处理我就转投其他平台。';

describe.skipIf(noBrowser)('article figures marked where they appear (360 px)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the figures are defined as data, from the tables and the article', () => {
    expect(PAGES).toContain('guide/subject/');
    expect(FIGURES.length).toBeGreaterThanOrEqual(20);
    for (const sample of ['原文称，回复率 82%', '2～3 个工作日', '+30%效率', '直连技术总监'])
      expect(
        FIGURES.some((figure) => new RegExp(figure).test(sample.replace(/\s+/g, ''))),
        sample,
      ).toBe(true);
    expect(FIGURES.some((figure) => new RegExp(figure).test('100%'))).toBe(false);
  });

  it('every built page, and every tool with its outputs shown', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of PAGES) {
      await page.goto(new URL(path, siteUrl).href, { waitUntil: 'load' });
      await revealIslands(page);
      problems.push(...(await auditPage(page, path)));
    }

    await page.goto(new URL('tools/', siteUrl).href, { waitUntil: 'load' });
    await revealIslands(page);
    const radios = page.locator('mailbox-picker input[type="radio"]');
    for (let index = 0; index < (await radios.count()); index += 1) {
      await radios.nth(index).check();
      problems.push(...(await auditPage(page, `tools/ 诉求 ${await radios.nth(index).inputValue()}`)));
    }
    const subjects = data('subject-types.yaml').map((row: { sample: string }) => row.sample);
    for (const subject of subjects) {
      await page.locator('#tools-subject-text').fill(subject);
      await page.locator('subject-checker [data-category]').first().waitFor();
      // Table 1's priority is the article's too (or ours, where the article gives none).
      const line = await page.locator('subject-checker [data-category]').first().innerText();
      if (/优先级/.test(line) && !/优先级[^　]*(原文称|编辑补充)/.test(line))
        problems.push(`tools/ 主题 ${subject}　优先级没有标注：${line}`);
      problems.push(...(await auditPage(page, `tools/ 主题 ${subject}`)));
    }
    for (const [name, draft] of [
      ['四段式', FOUR_PART],
      ['情绪化', EMOTIONAL],
    ] as const) {
      await page.locator('#tools-draft-text').fill(draft);
      await page.locator('draft-checker [data-band]:not([hidden])').waitFor();
      // No reply rate is attached to the user's draft, marked or not, and no unexplained score. (A
      // finding may quote the article on a wording, with 原文称: the figure check above covers it.)
      const shown = (await page.locator('draft-checker > :not([data-findings])').allInnerTexts()).join('\n');
      if (/回复率/.test(shown)) problems.push(`tools/ 正文（${name}）　用户的草稿旁出现回复率`);
      if (/\/\s*100/.test(shown)) problems.push(`tools/ 正文（${name}）　没有说明的百分制得分`);
      problems.push(...(await auditPage(page, `tools/ 正文（${name}）`)));
    }
    await page
      .locator('#tools-attachments-files')
      .setInputFiles([
        { name: 'IMG_0001.PNG', mimeType: 'image/png', buffer: Buffer.from('\x89PNG\r\n\x1a\n0000') },
      ]);
    await page.locator('attachment-checker [data-attachment]').first().waitFor();
    problems.push(...(await auditPage(page, 'tools/ 附件')));

    // The planner (a view of the case file, on its chapter): one plan for every case type.
    await page.goto(new URL('guide/follow-up/', siteUrl).href, { waitUntil: 'load' });
    await revealIslands(page);
    await page.locator('follow-up-planner[data-ready]').waitFor();
    const planner = page.locator('follow-up-planner');
    const types = await planner
      .locator('[data-type] option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    for (const type of types) {
      await planner.locator('[data-case]').selectOption('');
      await page.locator('follow-up-planner[data-case=""]').waitFor();
      await planner.locator('[data-type]').selectOption(type);
      await planner.locator('[data-sent]').fill('2026-11-20T10:00');
      await planner.getByRole('button', { name: '记入案卷并生成计划' }).click();
      await page.locator('follow-up-planner:not([data-case=""]) [data-step="email"]').waitFor();
      problems.push(...(await auditPage(page, `guide/follow-up/ 跟进 ${type}`)));
    }

    await page.goto(new URL('guide/data/', siteUrl).href, { waitUntil: 'load' });
    await revealIslands(page);
    await page.locator('#datatable-input').fill('日期\t订单量（单）\n11月17日\t126\n11月18日\t0');
    await page.locator('data-table-helper [data-chart] svg').waitFor();
    problems.push(...(await auditPage(page, 'guide/data/ 数据表格')));

    await page.goto(new URL('guide/evaluation/', siteUrl).href, { waitUntil: 'load' });
    await showOldLog(page, [
      { id: 'h1', requestType: 'tech-fault', sent: '2026-11-02', resolved: 'pending' },
    ]);
    problems.push(...(await auditPage(page, 'guide/evaluation/ 效果评估')));

    await context.close();
    expect(problems, problems.join('\n')).toEqual([]);
  }, 300_000);
});
