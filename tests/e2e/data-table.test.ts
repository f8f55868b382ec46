import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, noBrowser, openPage, revealIslands } from '../support/browser';
import { parsePipeTables } from '../../src/lib/data-table/plain-table';

const PATH = 'guide/data/';
const TSV =
  '日期\t日订单量（单）\t退款单量（单）\n11月16日\t131\t2\n11月17日\t126\t3\n11月18日\t0\t5\n11月19日\t0\t4';
const CSV = '店铺,销售额（元）\nA店,"12,000"\nB店,8500\nC店,3000\n';
const SHARES = '渠道\t占比\n推荐\t55%\n搜索\t25%\n关注\t20%';

const helper = (page: Page) => page.locator('data-table-helper');
const input = (page: Page) => page.locator('#datatable-input');

/** Puts text in the textarea: with fill, or (for long text, which fill types too slowly) a real paste. */
async function paste(page: Page, text: string, via: 'fill' | 'clipboard' = 'fill') {
  if (via === 'clipboard') {
    await page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await input(page).fill('');
    await input(page).focus();
    await page.keyboard.press('Control+V');
  } else await input(page).fill(text);
  // Rendering waits for a short pause after the last input.
  await page.waitForFunction(
    (value) => {
      const element = document.querySelector<HTMLElement>('data-table-helper');
      const area = document.querySelector<HTMLTextAreaElement>('#datatable-input');
      // Drawn, or (too large for the textarea) refused before it got there.
      return (
        (area?.value === value && element?.dataset.rendered === String(value.length)) ||
        element?.dataset.rendered === `refused:${value.length}`
      );
    },
    text,
    { timeout: 10_000 },
  );
}

async function tableCells(page: Page) {
  return helper(page)
    .locator('[data-table] tr')
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')));
}

describe.skipIf(noBrowser)('data table helper in Chromium', () => {
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

  it('a pasted TSV becomes a three-line table with the key figure marked, and a line chart', async () => {
    const { page, context, errors, foreignRequests } = await openPage(browser, PATH);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    // A real paste, as from a spreadsheet.
    await page.evaluate((text) => navigator.clipboard.writeText(text), TSV);
    await input(page).focus();
    await page.keyboard.press('Control+V');
    await helper(page).locator('[data-chart] svg').waitFor();

    expect(await tableCells(page)).toEqual([
      ['日期', '日订单量（单）', '退款单量（单）'],
      ['11月16日', '131', '2'],
      ['11月17日', '126', '3'],
      ['11月18日', '0', '5'],
      ['11月19日', '0', '4'],
    ]);
    const marked = helper(page).locator('[data-table] td[data-highlight]');
    expect(await marked.count()).toBe(1);
    expect(await marked.innerText()).toBe('0');
    expect(await marked.evaluate((cell) => (cell.parentElement as HTMLTableRowElement).rowIndex)).toBe(3);
    const styles = await helper(page)
      .locator('[data-table]')
      .evaluate((table) => {
        const style = getComputedStyle(table);
        const th = getComputedStyle(table.querySelector('th')!);
        const td = getComputedStyle(table.querySelector('td')!);
        return [
          style.borderTopWidth,
          style.borderBottomWidth,
          th.borderBottomWidth,
          td.borderLeftWidth,
          td.borderBottomWidth,
        ];
      });
    expect(styles).toEqual(['2px', '2px', '1px', '0px', '0px']);
    expect(await marked.evaluate((cell) => getComputedStyle(cell).backgroundColor)).toBe(
      'rgb(255, 243, 191)',
    );

    const svg = helper(page).locator('[data-chart] svg');
    expect(await svg.getAttribute('data-chart')).toBe('line');
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await svg.getAttribute('aria-label')).toContain('折线图');
    expect(await svg.locator('[data-highlight]').count()).toBe(1);
    expect(await svg.locator('text').allTextContents()).toContain('11月18日：0');

    expect(await helper(page).locator('[data-kind-reason]').innerText()).toContain('时间序列数据');
    const claim = helper(page).locator('[data-kind-claim="time-series"]');
    expect(await claim.isVisible()).toBe(true);
    expect(await claim.locator('[data-claim]').first().innerText()).toContain('原文称');
    expect(await helper(page).locator('[data-kind-claim]:visible').count()).toBe(1);
    expect(await helper(page).locator('[data-key-reason]').innerText()).toContain('变化最大');

    // What was pasted survives a reload.
    await page.reload();
    await revealIslands(page);
    await helper(page).locator('[data-chart] svg[data-chart="line"]').waitFor();
    expect(await input(page).inputValue()).toBe(TSV);
    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });

  it('CSV comparison → bar; shares → pie; the chart select overrides and explains', async () => {
    const { page, context, errors, foreignRequests } = await openPage(browser, PATH);
    await paste(page, CSV);
    expect(await helper(page).locator('[data-chart] svg').getAttribute('data-chart')).toBe('bar');
    expect(await helper(page).locator('[data-table] td[data-highlight]').allInnerTexts()).toEqual([
      '12,000',
      '3000',
    ]);
    expect(await helper(page).locator('[data-kind-claim="comparison"]').isVisible()).toBe(true);

    await paste(page, SHARES);
    expect(await helper(page).locator('[data-chart] svg').getAttribute('data-chart')).toBe('pie');
    expect(await helper(page).locator('[data-chart] svg text').allTextContents()).toContain('推荐　55%');
    expect(await helper(page).locator('[data-kind-reason]').innerText()).toContain('分布类数据');

    await page.locator('#datatable-chart').selectOption('bar');
    await helper(page).locator('[data-chart] svg[data-chart="bar"]').waitFor();
    expect(await helper(page).locator('[data-kind-reason]').innerText()).toContain('你选择了柱状图');

    // A pie is not offered for data that is not parts of a whole.
    await paste(page, TSV);
    await page.locator('#datatable-chart').selectOption('pie');
    await helper(page).locator('[data-problems] [data-problem="not-shares"]').waitFor();
    expect(await helper(page).locator('[data-chart] svg').getAttribute('data-chart')).toBe('line');
    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });

  it('bad data gets a clear Chinese message, not a broken table; the page stays responsive', async () => {
    const { page, context, errors } = await openPage(browser, PATH);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await paste(page, '日期\t订单量（单）\t说明\n11月16日\t131\n11月17日\t126\t正常\t多余');
    expect(await helper(page).locator('[data-problem="ragged-short"]').innerText()).toContain(
      '第 2 行只有 2 个',
    );
    expect(await helper(page).locator('[data-problem="ragged-long"]').innerText()).toContain('多余');
    expect((await tableCells(page)).every((row) => row.length === 3)).toBe(true);

    await paste(page, '日期\t订单量（单）\n11月16日\t131\n11月17日\t暂无\n11月18日\t0');
    expect(await helper(page).locator('[data-problem="not-a-number"]').innerText()).toContain(
      '“暂无”不是数字',
    );
    expect(await tableCells(page)).toContainEqual(['11月17日', '暂无']);

    const rows = Array.from({ length: 10_000 }, (_, index) => `2026-01-01\t${index}`).join('\n');
    let started = Date.now();
    await paste(page, `日期\t数量（件）\n${rows}`, 'clipboard');
    expect(Date.now() - started).toBeLessThan(5_000);
    const problem = helper(page).locator('[data-problem="too-many-rows"]');
    expect(await problem.innerText()).toContain('10,000 行');
    expect(await problem.innerText()).toContain('附件');
    expect(await helper(page).locator('[data-output]').isHidden()).toBe(true);
    expect(await helper(page).locator('[data-table] tr').count()).toBe(0);
    // Too large for a mail table: kept out of the textarea, so the page does not freeze laying it out.
    expect(await input(page).inputValue()).toBe('');
    expect(await page.evaluate(() => 1 + 1)).toBe(2);

    // A 1 MB paste on one line (seconds of layout in a textarea) is refused before it is read.
    started = Date.now();
    await paste(page, '数,'.repeat(350_000), 'clipboard');
    expect(await helper(page).locator('[data-problem="too-large"]').innerText()).toContain('没有放进输入框');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await input(page).inputValue()).toBe('');

    // 200 rows (the limit) are drawn.
    const limit = Array.from({ length: 200 }, (_, index) => `项目${index}\t${index}`).join('\n');
    await paste(page, `项目\t数量（件）\n${limit}`, 'clipboard');
    expect(await helper(page).locator('[data-table] tbody tr').count()).toBe(200);
    expect(await helper(page).locator('[data-problem="long-table"]').count()).toBe(1);
    await paste(page, '');
    expect(await helper(page).locator('[data-problems] li').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('插入到正文 appends the pipe table to the shared draft', async () => {
    const { page, context, errors } = await openPage(browser, PATH);
    await page.evaluate(() => localStorage.setItem('ksmail:draft', '问题描述：订单量下降。'));
    await page.reload();
    await revealIslands(page);
    await helper(page).getByRole('button', { name: '示例数据' }).click();
    await helper(page).locator('[data-chart] svg').waitFor();
    await helper(page).getByRole('button', { name: '插入到正文' }).click();
    await helper(page).locator('[data-action-status]').filter({ hasText: '已把表格插入' }).waitFor();
    const draft = (await page.evaluate(() => localStorage.getItem('ksmail:draft')))!;
    expect(draft.startsWith('问题描述：订单量下降。\n\n| 日期')).toBe(true);
    const [table] = parsePipeTables(draft);
    expect(table!.table.rows[2]).toEqual(['11月18日', '0', '5']);
    expect(table!.table.highlight[2]).toEqual([false, true, false]);
    expect(draft).toContain('**0**');

    // The draft checker on the tools page shows it.
    await page.goto(new URL('../../tools/', page.url()).href);
    await revealIslands(page);
    expect(await page.locator('#tools-draft-text').inputValue()).toContain('| 11月18日 |');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('下载 SVG and 下载 PNG give files; 复制表格 and 复制图表 put HTML on the clipboard', async () => {
    const { page, context, errors, foreignRequests } = await openPage(browser, PATH);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await paste(page, TSV);

    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      helper(page).getByRole('button', { name: '下载 SVG' }).click(),
    ]);
    expect(svgDownload.suggestedFilename()).toBe('图表_时间序列.svg');
    const svgText = readFileSync((await svgDownload.path())!, 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        root: doc.documentElement.localName,
        chart: doc.documentElement.getAttribute('data-chart'),
        title: doc.querySelector('title')?.textContent ?? '',
      };
    }, svgText);
    expect(parsed).toMatchObject({ error: false, root: 'svg', chart: 'line' });
    expect(parsed.title).toContain('折线图');

    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      helper(page).getByRole('button', { name: '下载 PNG' }).click(),
    ]);
    expect(pngDownload.suggestedFilename()).toBe('图表_时间序列.png');
    const png = readFileSync((await pngDownload.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: the chart's width and height (its viewBox, which grows to hold every label) at 2×.
    const size = await helper(page)
      .locator('[data-chart] svg')
      .evaluate((svg: SVGSVGElement) => [svg.viewBox.baseVal.width, svg.viewBox.baseVal.height]);
    expect(size[0]).toBe(640);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size[0]! * 2, size[1]! * 2]);
    expect(png.length).toBeGreaterThan(5000);

    await helper(page).getByRole('button', { name: '复制表格（富文本）' }).click();
    await helper(page).locator('[data-action-status]').filter({ hasText: '已复制三线表' }).waitFor();
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return {
        html: await (await item!.getType('text/html')).text(),
        text: await (await item!.getType('text/plain')).text(),
      };
    });
    expect(copied.html).toContain('<table');
    expect(copied.html).toContain('border-top:2px solid');
    expect(copied.html).toContain('background-color:#fff3bf');
    expect(copied.text.split('\n')[1]).toMatch(/^\| -+ \| -+: \| -+: \|$/);

    await helper(page).getByRole('button', { name: '复制图表（富文本）' }).click();
    await helper(page).locator('[data-action-status]').filter({ hasText: '已复制图表' }).waitFor();
    const chartHtml = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return (await item!.getType('text/html')).text();
    });
    expect(chartHtml).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]{100,}"/);
    expect(chartHtml).toContain('<table');
    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });

  it('user text never becomes markup; works at 360 px with the table scrolling in its own box', async () => {
    const { page, context, errors } = await openPage(browser, PATH);
    await page.setViewportSize({ width: 360, height: 740 });
    const evil =
      '名称<img src=x onerror="window.__pwned=1">\t金额（元）\n<script>window.__pwned=1</script>\t1\n很长很长很长很长很长很长的名字\t2';
    await paste(page, evil);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(
      await helper(page).locator('[data-table] img, [data-table] script, [data-chart] img').count(),
    ).toBe(0);
    expect(await helper(page).locator('[data-table] th').first().innerText()).toContain('<img');

    const wide = Array.from({ length: 10 }, (_, index) => `列名比较长的第${index}列`).join('\t');
    await paste(
      page,
      `${wide}\n${Array.from({ length: 10 }, (_, index) => String(index * 1000)).join('\t')}`,
    );
    const sizes = await page.evaluate(() => {
      const box = document.querySelector<HTMLElement>('[data-table-box]')!;
      return {
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        box: box.clientWidth,
        content: box.scrollWidth,
      };
    });
    expect(sizes.page).toBeLessThanOrEqual(sizes.viewport);
    expect(sizes.content).toBeGreaterThan(sizes.box);
    // Keyboard: the scroll box and every control are reachable.
    await helper(page).locator('[data-table-box]').focus();
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-table-box'))).toBe(true);
    for (const name of ['示例数据', '清空', '复制表格（富文本）', '下载 PNG']) {
      expect(await helper(page).getByRole('button', { name }).isVisible(), name).toBe(true);
    }
    expect(await page.getByLabel('图表类型').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
