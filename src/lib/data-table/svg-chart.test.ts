import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildChart,
  CHART_FONT,
  formatNumber,
  formatTick,
  niceTicks,
  pieShares,
  shorten,
  svgToString,
  type ChartSpec,
  type SvgNode,
} from './svg-chart';
import { analyzeData } from './data-table';
import { loadGuideData } from '../node/load-guide-data';
import { expectLinearTime, repeatTo } from '../../../tests/support/linear-time';

const chartTypes = loadGuideData().chartTypes;

const LINE: ChartSpec = {
  chart: 'line',
  title: '日订单量（单）随日期的变化',
  categoryName: '日期',
  labels: ['11月16日', '11月17日', '11月18日', '11月19日'],
  series: [{ name: '日订单量', unit: '单', values: [131, 126, 0, 0] }],
  highlights: [{ series: 0, index: 2, note: '11月18日：0' }],
};

function find(tree: SvgNode, predicate: (node: SvgNode) => boolean): SvgNode[] {
  const found = predicate(tree) ? [tree] : [];
  for (const child of tree.children ?? []) found.push(...find(child, predicate));
  return found;
}
const texts = (tree: SvgNode) => find(tree, (node) => node.tag === 'text').map((node) => node.text);

describe('numbers and ticks', () => {
  it.each([
    [0, 10, [0, 2, 4, 6, 8, 10]],
    [0, 131, [0, 50, 100, 150]],
    [0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [-3, 5, [-4, -2, 0, 2, 4, 6]],
    [12000, 12000, [10500, 11000, 11500, 12000, 12500, 13000, 13500]],
    [0, 0, [-1, -0.5, 0, 0.5, 1]],
    [0, 0.3, [0, 0.1, 0.2, 0.3]],
    [0, 0.5, [0, 0.1, 0.2, 0.3, 0.4, 0.5]],
    [5e-324, 0, [-1, -0.5, 0, 0.5, 1]],
  ])('niceTicks(%d, %d)', (min, max, ticks) => {
    expect(niceTicks(min, max)).toEqual(ticks);
  });

  it.each([
    [1234.5, '1,234.5'],
    [-1234567, '-1,234,567'],
    [0.125, '0.13'],
    [-0.001, '0'],
  ])('formatNumber(%d) = %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it.each([
    [950, '950'],
    [12000, '1.2万'],
    [350000000, '3.5亿'],
    [0, '0'],
  ])('formatTick(%d) = %s', (value, text) => {
    expect(formatTick(value)).toBe(text);
    expect(formatTick(5000, 20000)).toBe('0.5万');
  });

  it('shortens by display width', () => {
    expect(shorten('一二三四五六', 8)).toBe('一二三…');
    expect(shorten('abc', 8)).toBe('abc');
  });

  it('ticks are round, ordered and cover the range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        (a, b) => {
          const ticks = niceTicks(a, b);
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          expect(ticks.length).toBeLessThanOrEqual(12);
          expect(ticks[0]!).toBeLessThanOrEqual(Math.min(a, b));
          expect(ticks[ticks.length - 1]!).toBeGreaterThanOrEqual(Math.max(a, b));
          for (let index = 1; index < ticks.length; index += 1)
            expect(ticks[index]!).toBeGreaterThan(ticks[index - 1]!);
        },
      ),
    );
  });

  it('pie shares sum to 100 and ignore negative or missing values', () => {
    pieShares([55, 25, 20]).forEach((share, index) => expect(share).toBeCloseTo([55, 25, 20][index]!, 9));
    expect(pieShares([3, null, -1, 1])).toEqual([75, 0, 0, 25]);
    expect(pieShares([0, 0])).toEqual([0, 0]);
  });
});

describe('buildChart', () => {
  it('a line chart: accessible, titled, 640 wide, Chinese fonts, the highlighted point labelled', () => {
    const tree = buildChart(LINE);
    expect(tree.tag).toBe('svg');
    expect(String(tree.attrs.viewBox)).toBe(`0 0 640 ${tree.attrs.height}`);
    expect(tree.attrs).toMatchObject({
      width: 640,
      role: 'img',
      'data-chart': 'line',
      'font-family': CHART_FONT,
    });
    expect(String(tree.attrs['aria-label'])).toContain('折线图：日订单量（单）随日期的变化');
    expect(tree.children![0]).toEqual({ tag: 'title', attrs: {}, text: tree.attrs['aria-label'] });
    expect(tree.children![1]).toEqual({
      tag: 'desc',
      attrs: {},
      text: '日订单量：0 至 131（单位：单）。准确数字以数据表为准。',
    });
    expect(CHART_FONT).toContain('Noto Sans CJK SC');
    expect(find(tree, (node) => node.tag === 'path')).toHaveLength(1);
    expect(find(tree, (node) => node.tag === 'circle' && node.attrs.r === 3)).toHaveLength(4);
    const highlight = find(tree, (node) => node.attrs['data-highlight'] !== undefined);
    expect(highlight).toHaveLength(1);
    expect(texts(tree)).toEqual(
      expect.arrayContaining(['11月18日：0', '单位：单', '日期', '0', '50', '100', '150']),
    );
  });

  it('a gap in a line for a missing value', () => {
    const tree = buildChart({
      ...LINE,
      series: [{ name: 'x', unit: '', values: [1, null, 3, 4] }],
      highlights: [],
    });
    const d = String(find(tree, (node) => node.tag === 'path')[0]!.attrs.d);
    expect(d.match(/M/g)).toHaveLength(2);
  });

  it('a bar chart with a zero line, values and the largest and smallest outlined', () => {
    const tree = buildChart({
      chart: 'bar',
      title: '各店铺的销售额（元）',
      categoryName: '店铺',
      labels: ['A店', 'B店', 'C店'],
      series: [{ name: '销售额', unit: '元', values: [12000, 8500, -3000] }],
      highlights: [
        { series: 0, index: 0, note: 'A店：12,000' },
        { series: 0, index: 2, note: 'C店：-3,000' },
      ],
    });
    expect(tree.attrs['data-chart']).toBe('bar');
    const bars = find(
      tree,
      (node) => node.tag === 'rect' && node.attrs.fill !== '#ffffff' && node.attrs.width !== 640,
    );
    expect(bars).toHaveLength(3);
    expect(bars.filter((bar) => bar.attrs['data-highlight'] !== undefined)).toHaveLength(2);
    expect(texts(tree)).toEqual(
      expect.arrayContaining(['12,000', '8,500', '-3,000', '1万', '0.5万', 'A店', '单位：元']),
    );
  });

  it('a pie chart with percentages in the legend', () => {
    const tree = buildChart({
      chart: 'pie',
      title: '各渠道的占比',
      categoryName: '渠道',
      labels: ['推荐', '搜索', '关注'],
      series: [{ name: '占比', unit: '%', values: [55, 25, 20] }],
      highlights: [{ series: 0, index: 0, note: '推荐：55%' }],
    });
    expect(find(tree, (node) => node.tag === 'path')).toHaveLength(3);
    expect(texts(tree)).toEqual(expect.arrayContaining(['推荐　55%', '搜索　25%', '关注　20%']));
    const one = buildChart({
      ...LINE,
      chart: 'pie',
      series: [{ name: 'a', unit: '', values: [5] }],
      labels: ['全部'],
      highlights: [],
    });
    expect(find(one, (node) => node.tag === 'circle')).toHaveLength(1);
  });

  it('says so when there is nothing to draw', () => {
    expect(texts(buildChart({ ...LINE, series: [{ name: 'x', unit: '', values: [null] }] }))).toContain(
      '没有可画的数据',
    );
  });
});

describe('svgToString', () => {
  it('escapes every attribute and text and drops invalid names', () => {
    const svg = svgToString({
      tag: 'svg',
      attrs: { 'aria-label': `"><script>alert(1)</script>`, 'on load': 'x', 'bad"name': 1 },
      children: [
        { tag: 'text', attrs: {}, text: `<b>&'"\u0000` },
        { tag: 'scr ipt', attrs: {} },
      ],
    });
    expect(svg).toBe(
      '<svg aria-label="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"><text>&lt;b&gt;&amp;&#39;&quot;</text></svg>',
    );
  });

  it('serializes a chart from pasted data, deterministically', () => {
    const result = analyzeData('日期\t订单量（单）\n11月16日\t131\n11月17日\t126\n11月18日\t0', {
      chartTypes,
    });
    const first = svgToString(buildChart(result.chartSpec!));
    expect(first).toBe(svgToString(buildChart(result.chartSpec!)));
    expect(first).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 640 \d+"/);
    expect(first).not.toMatch(/\d\.\d{3,}/);
  });

  it('any labels and names stay escaped: the output is well-formed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'line' | 'bar' | 'pie'>('line', 'bar', 'pie'),
        fc.array(
          fc.tuple(
            fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 })),
            fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true })),
          ),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        fc.string({ maxLength: 20 }),
        (chart, points, title) => {
          const spec: ChartSpec = {
            chart,
            title,
            categoryName: title,
            labels: points.map(([label]) => label),
            series: [{ name: title, unit: title, values: points.map(([, value]) => value) }],
            highlights: [{ series: 0, index: points.length - 1, note: title }],
          };
          const svg = svgToString(buildChart(spec));
          expect(svgToString(buildChart(spec))).toBe(svg);
          // Only the tags the chart uses; every < starts one of them.
          for (const tag of svg.match(/<\/?([^\s/>]+)/g) ?? []) {
            expect(['svg', 'title', 'desc', 'rect', 'text', 'g', 'line', 'path', 'circle']).toContain(
              tag.replace(/^<\/?/, ''),
            );
          }
          expect(svg).not.toMatch(/NaN|Infinity|undefined/);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('shortens any label within its columns, and a 1 MB label in linear time', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.integer({ min: 1, max: 40 }),
        (label, columns) => {
          const short = shorten(label, columns);
          if (short !== label) {
            expect(short.endsWith('…')).toBe(true);
            expect(label.startsWith(short.slice(0, -1))).toBe(true);
          }
          expect(shorten(label, columns)).toBe(short);
        },
      ),
    );
    expectLinearTime(
      (size) => repeatTo('十一月订单量😀ab', size),
      (label) => shorten(label, 20) + shorten(label, Number.MAX_SAFE_INTEGER),
    );
  });
});
