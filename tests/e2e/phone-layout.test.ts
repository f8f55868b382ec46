import { mkdirSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, noBrowser, openPage } from '../support/browser';
import { ROOT } from '../../scripts/support/build-site';
import { SAMPLE_OUTCOMES, showOldLog } from '../support/outcome-log';
import { addStep, caseFileReady, caseIsland, createCase } from '../support/case-file-page';

// Every page reads on a 360 px phone (issue 19): no page scrolls sideways, and no table cell —
// in a table or shown as a card — is squeezed below two characters of its own font, which is
// how a 5-column table on a phone ended up with one character per line. The pages are every
// index.html of the built site (so a new page is covered by itself) and the 404 page; the tools
// are checked again with every island showing results. Screenshots at 360 px are kept in
// .tmp/phone/ for a person to look at.

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const DIST = resolve(ROOT, 'dist');
const SHOTS = resolve(ROOT, '.tmp/phone');

/** Site paths of every built page: '' for the home page, 'guide/' …, and '404.html'. */
function builtPages(dir = DIST): string[] {
  const paths: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) paths.push(...builtPages(full));
    else if (entry.name === 'index.html') {
      const path = relative(DIST, dir);
      paths.push(path ? `${path}/` : '');
    }
  }
  if (dir === DIST) paths.push('404.html');
  return paths.sort();
}

const shotName = (path: string, suffix = '') =>
  `${path.replace(/\/$/, '').replace(/[/.]/g, '_') || 'home'}${suffix}.png`;

/**
 * What is wrong with the layout as shown: the page scrolls sideways, or a visible cell's content
 * box is narrower than two characters of its font (a cell's padding is not room for text).
 */
async function layoutProblems(page: Page, label: string): Promise<string[]> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      found.push(`页面横向滚动：scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`);
    for (const cell of document.querySelectorAll<HTMLElement>('td, th')) {
      if (!cell.checkVisibility() || !cell.textContent?.trim()) continue;
      const style = getComputedStyle(cell);
      const box = cell.getBoundingClientRect();
      const content =
        box.width -
        parseFloat(style.paddingLeft) -
        parseFloat(style.paddingRight) -
        parseFloat(style.borderLeftWidth) -
        parseFloat(style.borderRightWidth);
      const twoCharacters = 2 * parseFloat(style.fontSize);
      if (content < twoCharacters) {
        const table = cell.closest('table');
        const where = table?.caption?.textContent?.trim().slice(0, 24) ?? table?.className ?? '';
        found.push(
          `单元格过窄（${Math.round(content)}px < ${twoCharacters}px）：“${cell.textContent.trim().slice(0, 16)}”，表格 ${where}`,
        );
      }
    }
    return found;
  });
  return problems.map((problem) => `${label}：${problem}`);
}

describe.skipIf(noBrowser)('phone layout in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  // A test that fails before its own context.close() leaves no context open for the next one.
  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });

  it('finds every page of the build, the page types among them', () => {
    const pages = builtPages();
    for (const path of ['', 'guide/', 'guide/recipients/', 'changelog/', 'changelog/compare/', 'templates/'])
      expect(pages).toContain(path);
    expect(pages).toEqual(expect.arrayContaining(['tools/', 'about/', '404.html']));
  });

  // One test a page, so that a failure names its page and a slow machine times out one page only.
  it.each(builtPages())(
    '/%s neither scrolls sideways nor squeezes a table cell, on a phone and a desktop',
    async (path) => {
      const { page, context, response } = await openPage(browser, path);
      // 404.html asked for by name is served as a page (200), as static hosts do.
      expect(response?.status(), path).toBe(200);
      await page.setViewportSize(PHONE);
      const problems = await layoutProblems(page, `/${path} 手机`);
      await page.screenshot({ path: join(SHOTS, shotName(path)), fullPage: true });
      await page.setViewportSize(DESKTOP);
      problems.push(...(await layoutProblems(page, `/${path} 桌面`)));
      await context.close();
      expect(problems).toEqual([]);
    },
    120_000,
  );

  it('the tools page with every island showing results fits a phone and a desktop', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    await page.setViewportSize(PHONE);
    await page.getByRole('radio', { name: '作品被搬运或盗用（我是权利人）' }).check();
    await page.locator('mailbox-picker [data-route-panel]:not([hidden])').waitFor();
    await page.locator('#tools-subject-text').fill('我的号被封了！！！');
    await page.locator('subject-checker [data-findings] li').first().waitFor();
    await page
      .locator('#tools-draft-text')
      .fill('问题描述：我的视频被下架了，你们太过分了！！！\n订单量下降了 80%。');
    await page.locator('draft-checker [data-findings] li').first().waitFor();
    await page.locator('#tools-attachments-files').setInputFiles([
      {
        name: 'IMG_4821_a_very_long_file_name_without_any_spaces_at_all.png',
        mimeType: 'image/png',
        buffer: Buffer.alloc(3000, 7),
      },
      { name: '20261120_封禁提示截图.png', mimeType: 'image/png', buffer: Buffer.alloc(3000, 7) },
    ]);
    await page.locator('attachment-checker [data-attachment]').first().waitFor();
    await page.locator('mail-composer [data-problems] li').first().waitFor();

    const problems = await layoutProblems(page, '/tools/（有结果） 手机');
    await page.screenshot({ path: join(SHOTS, 'tools_results.png'), fullPage: true });
    await page.setViewportSize(DESKTOP);
    problems.push(...(await layoutProblems(page, '/tools/（有结果） 桌面')));
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('the data table helper and the outcome tracker with results fit a phone and a desktop', async () => {
    const problems: string[] = [];
    const data = await openPage(browser, 'guide/data/');
    await data.page.setViewportSize(PHONE);
    await data.page
      .locator('#datatable-input')
      .fill(
        '日期\t日订单量（单）\t退款（单）\t差评（条）\t客服工单（个）\n11月16日\t131\t3\t1\t8\n11月17日\t126\t5\t0\t9',
      );
    await data.page.locator('data-table-helper [data-chart] svg').waitFor();
    problems.push(...(await layoutProblems(data.page, '/guide/data/（有表格） 手机')));
    await data.page.screenshot({ path: join(SHOTS, 'guide_data_results.png'), fullPage: true });
    await data.page.setViewportSize(DESKTOP);
    problems.push(...(await layoutProblems(data.page, '/guide/data/（有表格） 桌面')));
    await data.context.close();

    const evaluation = await openPage(browser, 'guide/evaluation/');
    const { page } = evaluation;
    await page.setViewportSize(PHONE);
    await showOldLog(page, SAMPLE_OUTCOMES.slice(0, 1));
    problems.push(...(await layoutProblems(page, '/guide/evaluation/（有记录） 手机')));
    await page.screenshot({ path: join(SHOTS, 'guide_evaluation_results.png'), fullPage: true });
    await page.setViewportSize(DESKTOP);
    problems.push(...(await layoutProblems(page, '/guide/evaluation/（有记录） 桌面')));
    await evaluation.context.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it('the case file with an open case, its steps, a running clock, the import question and a message fits a phone and a desktop', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/case/');
    await page.setViewportSize(PHONE);
    await caseFileReady(page);
    const island = caseIsland(page);
    const unbroken = 'a'.repeat(90);
    await createCase(page, `作品被投诉下架${unbroken}`, '我的作品被投诉下架（不侵权声明）');
    await addStep(page, '邮件', {
      '日期（北京时间）': '2026-11-30',
      邮件主题: `【不侵权声明】${'作品'.repeat(60)}`,
      '收件人（多个用逗号分隔）': `${'x'.repeat(60)}@example.com`,
      '.eml 的 SHA-256（可选）': 'ab'.repeat(32),
    });
    await addStep(page, '收到回复', {
      '日期（北京时间）': '2026-11-30',
      回复说了什么: unbroken,
      '这一步开始计时（可选）': '反通知转达权利人后的 15 日',
    });
    await island.locator('[data-running-clock]').waitFor();
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      island.getByRole('button', { name: '导出这个案卷（JSON）' }).click(),
    ]);
    const older = await exported.path();
    await addStep(page, '电话', { '联系的是（如 人工客服）': '人工客服' });
    await island.getByLabel('导入案卷（ZIP 或 JSON）').setInputFiles(older!);
    await island.locator('[data-import-question]:not([hidden])').waitFor();
    await island.locator('[data-add-step]').getByLabel('日期（北京时间）').fill('2100-01-01');
    await island.getByRole('button', { name: '保存这一步' }).click();
    await island.locator('[data-step-error]:not([hidden])').waitFor();

    const problems = await layoutProblems(page, '/tools/case/（有案卷） 手机');
    await page.screenshot({ path: join(SHOTS, 'tools_case_results.png'), fullPage: true });
    await page.setViewportSize(DESKTOP);
    problems.push(...(await layoutProblems(page, '/tools/case/（有案卷） 桌面')));
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('wide tables are cards on a phone, each value after its column header, marks kept', async () => {
    const { page, context } = await openPage(browser, 'guide/recipients/');
    await page.setViewportSize(PHONE);
    const table = page.locator('[data-guide-table="mailboxes"] table');
    // Screen readers still meet a table with column headers.
    expect(await table.getAttribute('role')).toBe('table');
    expect(await table.locator('th').first().getAttribute('role')).toBe('columnheader');
    const row = table.locator('tr[data-mailbox="copyright"]');
    const cells = row.locator('td');
    expect(await cells.nth(1).getAttribute('data-label')).toBe('原文所说的用途');
    const label = await cells.nth(1).evaluate((cell) => getComputedStyle(cell, '::before').content);
    expect(label).toContain('原文所说的用途');
    // A card: the cells stack, each as wide as the row.
    const [first, second] = await Promise.all([cells.nth(0).boundingBox(), cells.nth(1).boundingBox()]);
    expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height - 1);
    expect(second!.width).toBeGreaterThan(250);
    // Provenance stays visible: the verification status and its check date.
    expect(await row.locator('.ks-status').first().isVisible()).toBe(true);
    expect(await row.locator('.ks-status__date').first().isVisible()).toBe(true);
    // On a desktop it is a table again.
    await page.setViewportSize(DESKTOP);
    const [wide1, wide2] = await Promise.all([cells.nth(0).boundingBox(), cells.nth(1).boundingBox()]);
    expect(wide2!.x).toBeGreaterThan(wide1!.x);
    expect(Math.abs(wide2!.y - wide1!.y)).toBeLessThan(2);
    await context.close();
  });

  it('the ruleset comparison groups the changes and folds the unchanged rules', async () => {
    const { page, context } = await openPage(browser, 'changelog/compare/?from=2026.11.0&to=2026.11.1');
    await page.setViewportSize(PHONE);
    const diff = page.locator('[data-pair]:not([hidden]) [data-ruleset-diff]');
    expect(await diff.locator('[data-diff-group="added"]').count()).toBe(1);
    const unchanged = diff.locator('details[data-diff-unchanged]');
    expect(await unchanged.getAttribute('open')).toBeNull();
    expect(await unchanged.locator('summary').innerText()).toMatch(/^\d+ 条规则未变/);
    expect(await unchanged.locator('[data-diff-unchanged-rule="tone.emotional"]').count()).toBe(1);
    expect(await unchanged.locator('[data-diff-unchanged-rule="tone.emotional"]').isVisible()).toBe(false);
    await context.close();
  });
});
