/**
 * The data table helper's chart in Chromium: series of different units are drawn in separate
 * panels, each with its own axis, and no label is clipped (every <text>'s real box, as the browser
 * lays it out, lies inside the viewBox), on a phone and a desktop; the PNG is the whole viewBox.
 * The rest of the helper (table, key figures, copy and download) is in data-table.test.ts.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, noBrowser, openPage } from '../support/browser';

const PATH = 'guide/data/';
/** A creator's week: views in the millions, income in yuan, completion rate in fractions of a percent. */
const MIXED = [
  '日期\t播放量（次）\t收入（元）\t完播率 %',
  '11月16日\t1,200,000\t350.5\t0.1%',
  '11月17日\t980,000\t420\t0.3%',
  '11月18日\t1,500,000\t610.2\t0.5%',
  '11月19日\t1,350,000\t580\t0.2%',
  '11月20日\t1,100,000\t505\t0.4%',
].join('\n');
/** A comparison with long Chinese names and a long unit. */
const LONG_NAMES = [
  '合作达人名称\t粉丝数（万人）\t单条报价（元/条）',
  '这是一个名字特别特别长的美食探店达人账号\t120\t50000',
  '城市生活方式与周末好去处推荐官方账号\t85.5\t32000',
  'MMMMWWWW%%%%英文大写很宽的名字\t230\t98000',
].join('\n');

const helper = (page: Page) => page.locator('data-table-helper');

async function paste(page: Page, text: string) {
  await page.locator('#datatable-input').fill(text);
  await page.waitForFunction(
    (length) => document.querySelector<HTMLElement>('data-table-helper')?.dataset.rendered === String(length),
    text.length,
    { timeout: 10_000 },
  );
  await helper(page).locator('[data-chart] svg').waitFor();
}

/** Every <text> whose real box leaves the viewBox (with half a pixel for rounding), and the viewBox. */
async function textsOutside(page: Page) {
  return helper(page)
    .locator('[data-chart] svg')
    .evaluate((svg: SVGSVGElement) => {
      const view = svg.viewBox.baseVal;
      const outside = [...svg.querySelectorAll('text')].flatMap((text) => {
        const box = text.getBBox();
        const inside =
          box.x >= view.x - 0.5 &&
          box.y >= view.y - 0.5 &&
          box.x + box.width <= view.x + view.width + 0.5 &&
          box.y + box.height <= view.y + view.height + 0.5;
        return inside
          ? []
          : [`${text.textContent} ${[box.x, box.y, box.width, box.height].map(Math.round).join(',')}`];
      });
      return {
        outside,
        view: [view.x, view.y, view.width, view.height],
        count: svg.querySelectorAll('text').length,
      };
    });
}

/** Per panel: its unit, its axes, its unit label, and how much of its plot height each series spans. */
async function panels(page: Page) {
  return helper(page)
    .locator('[data-chart] svg')
    .evaluate((svg) =>
      [...svg.querySelectorAll<SVGGElement>('[data-panel]')].map((panel) => {
        const frame = panel.querySelector<SVGLineElement>('.axis--y > line:last-of-type')!;
        const plotHeight = frame.getBBox().height;
        return {
          unit: panel.dataset.unit,
          axes: panel.querySelectorAll('.axis--y').length,
          unitLabel: [...panel.querySelectorAll('text')]
            .map((text) => text.textContent)
            .find((text) => text?.startsWith('单位：')),
          // The lines' or bars' extent, as drawn (value labels left out).
          spans: [...panel.querySelectorAll<SVGGElement>('.series')].map((series) => {
            const boxes = [...series.querySelectorAll<SVGGraphicsElement>('path, rect')].map((mark) =>
              mark.getBBox(),
            );
            const top = Math.min(...boxes.map((box) => box.y));
            const bottom = Math.max(...boxes.map((box) => box.y + box.height));
            return (bottom - top) / plotHeight;
          }),
        };
      }),
    );
}

describe.skipIf(noBrowser)('data table chart in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });

  it.each([360, 1280])('at %d px: one panel per unit, each series spanning its own axis', async (width) => {
    const { page, context, errors } = await openPage(browser, PATH);
    await page.setViewportSize({ width, height: 900 });
    await paste(page, MIXED);
    const drawn = await panels(page);
    expect(drawn.map((panel) => panel.unit)).toEqual(['次', '元', '%']);
    for (const panel of drawn) {
      expect(panel.axes).toBe(1);
      expect(panel.unitLabel).toBe(`单位：${panel.unit}`);
      // 0.1–0.5 % must not lie flat next to 1.5 million views: each spans most of its own axis.
      expect(panel.spans).toHaveLength(1);
      expect(panel.spans[0]!).toBeGreaterThan(0.4);
    }
    expect(await helper(page).locator('[data-chart-note]').innerText()).toContain('单位不同');
    await paste(page, LONG_NAMES);
    expect((await panels(page)).map((panel) => panel.unit)).toEqual(['万人', '元/条']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([360, 1280])(
    'at %d px: every label lies inside the viewBox, and the chart inside its box',
    async (width) => {
      const { page, context, errors } = await openPage(browser, PATH);
      await page.setViewportSize({ width, height: 900 });
      for (const table of [MIXED, LONG_NAMES]) {
        await paste(page, table);
        const texts = await textsOutside(page);
        expect(texts.count).toBeGreaterThan(10);
        expect(texts.outside).toEqual([]);
      }
      // Scaled down to fit on a phone, not cut off.
      const fit = await helper(page)
        .locator('[data-chart-figure]')
        .evaluate((figure) => ({
          figure: figure.clientWidth,
          svg: figure.querySelector('svg')!.getBoundingClientRect().width,
          page: document.documentElement.scrollWidth,
        }));
      expect(fit.svg).toBeLessThanOrEqual(fit.figure + 0.5);
      expect(fit.page).toBeLessThanOrEqual(width);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('the PNG is the whole viewBox at 2×', async () => {
    const { page, context, errors } = await openPage(browser, PATH);
    await paste(page, MIXED);
    const view = (await textsOutside(page)).view;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      helper(page).getByRole('button', { name: '下载 PNG' }).click(),
    ]);
    const png = readFileSync((await download.path())!);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([view[2]! * 2, view[3]! * 2]);
    // The message says the size the file has.
    const status = helper(page).locator('[data-action-status]').filter({ hasText: '已下载' });
    await status.waitFor();
    expect(await status.innerText()).toContain(`${view[2]! * 2}×${view[3]! * 2}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
