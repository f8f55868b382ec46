import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildChart,
  CHART_FONT,
  CHART_WIDTH,
  chartNote,
  chartPanels,
  MAX_SERIES,
  textNodes,
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
import { boxInside, textBox } from './chart-text';
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

/** A creator's week: views in the millions, income in yuan, the completion rate in fractions of a percent. */
const MIXED: ChartSpec = {
  chart: 'line',
  title: '播放量等随日期的变化',
  categoryName: '日期',
  labels: ['11月16日', '11月17日', '11月18日', '11月19日', '11月20日'],
  series: [
    { name: '播放量', unit: '次', values: [1200000, 980000, 1500000, 1350000, 1100000] },
    { name: '收入', unit: '元', values: [350.5, 420, 610.2, 580, 505] },
    { name: '完播率', unit: '%', values: [0.1, 0.3, 0.5, 0.2, 0.4] },
  ],
  highlights: [{ series: 0, index: 1, note: '11月17日：980,000' }],
};
const LONG_NAMES: ChartSpec = {
  chart: 'bar',
  title: '各合作达人名称的粉丝数（万人）等，这是一个特别特别长的图表标题，长到一行放不下',
  categoryName: '合作达人名称',
  labels: [
    '这是一个名字特别特别长的美食探店达人账号',
    '城市生活方式与周末好去处推荐官方账号',
    'MMMMWWWW%%%%英文大写很宽的名字',
  ],
  series: [
    { name: '粉丝数', unit: '万人', values: [120, 85.5, 230] },
    { name: '单条报价（这一列的名字也很长很长很长很长很长）', unit: '元/条', values: [50000, 32000, 98000] },
  ],
  highlights: [{ series: 0, index: 2, note: 'MMMMWWWW%%%%英文大写很宽的名字：230' }],
};

const viewBox = (tree: SvgNode) => {
  const [x, y, width, height] = String(tree.attrs.viewBox).split(' ').map(Number);
  return { x: x!, y: y!, width: width!, height: height! };
};
const panelNodes = (tree: SvgNode) => find(tree, (node) => node.attrs['data-panel'] !== undefined);
/** The vertical axis line of a panel: its plot's top and bottom. */
const plotOf = (panel: SvgNode) => {
  const frame = find(panel, (node) => node.attrs.class === 'axis axis--y')[0]!.children!.at(-1)!;
  return { top: Number(frame.attrs.y1), bottom: Number(frame.attrs.y2) };
};
/** The heights a series' marks reach: its points' cy (line), its bars' top and bottom (bar). */
const markHeights = (series: SvgNode) =>
  find(series, (node) => node.tag === 'circle' || node.tag === 'rect').flatMap((node) =>
    node.tag === 'circle'
      ? [Number(node.attrs.cy)]
      : [Number(node.attrs.y), Number(node.attrs.y) + Number(node.attrs.height)],
  );

describe('panels: series of different units never share an axis', () => {
  it.each([
    [
      'three units',
      ['次', '元', '%'],
      [
        ['次', [0]],
        ['元', [1]],
        ['%', [2]],
      ],
    ],
    ['one unit', ['单', '单'], [['单', [0, 1]]]],
    [
      'a unit coming back',
      ['元', '%', '元'],
      [
        ['元', [0, 2]],
        ['%', [1]],
      ],
    ],
    [
      'no unit beside one',
      ['', '元'],
      [
        ['', [0]],
        ['元', [1]],
      ],
    ],
    [
      '元 and 万元 are different units',
      ['元', '万元'],
      [
        ['元', [0]],
        ['万元', [1]],
      ],
    ],
    [
      'only the first four series',
      ['a', 'b', 'c', 'd', 'e'],
      [
        ['a', [0]],
        ['b', [1]],
        ['c', [2]],
        ['d', [3]],
      ],
    ],
  ] as const)('%s', (_, units, expected) => {
    for (const chart of ['line', 'bar'] as const) {
      const spec: ChartSpec = {
        ...LINE,
        chart,
        series: units.map((unit, index) => ({ name: `列${index}`, unit, values: [index + 1, 2, 3, 4] })),
        highlights: [],
      };
      expect(chartPanels(spec)).toEqual(expected.map(([unit, series]) => ({ unit, series })));
      const tree = buildChart(spec);
      const panels = panelNodes(tree);
      expect(panels.map((panel) => panel.attrs['data-unit'])).toEqual(expected.map(([unit]) => unit));
      expect(tree.attrs['data-panels']).toBe(expected.length);
      for (const panel of panels) {
        expect(find(panel, (node) => node.attrs.class === 'axis axis--y')).toHaveLength(1);
        const series = find(panel, (node) => node.attrs.class === 'series').map(
          (node) => node.attrs['data-series'],
        );
        expect(series).toEqual(expected.find(([unit]) => unit === panel.attrs['data-unit'])![1]);
      }
      // One set of category labels, under the last panel.
      expect(find(tree, (node) => node.attrs.class === 'axis axis--x')).toHaveLength(1);
      expect(chartNote(spec) === '').toBe(expected.length === 1);
    }
  });

  it('a pie is one panel and never split', () => {
    expect(chartPanels({ chart: 'pie', series: MIXED.series })).toEqual([{ unit: '', series: [0] }]);
    expect(chartNote({ ...MIXED, chart: 'pie' })).toBe('');
  });

  it.each(['line', 'bar'] as const)(
    '%s: each series spans its own axis, 0.1–0.5 %% is not flat next to a million views',
    (chart) => {
      const tree = buildChart({ ...MIXED, chart });
      const panels = panelNodes(tree);
      expect(panels).toHaveLength(3);
      for (const panel of panels) {
        const { top, bottom } = plotOf(panel);
        const heights = markHeights(find(panel, (node) => node.attrs.class === 'series')[0]!);
        expect(Math.min(...heights)).toBeGreaterThanOrEqual(top - 0.01);
        expect(Math.max(...heights)).toBeLessThanOrEqual(bottom + 0.01);
        expect((Math.max(...heights) - Math.min(...heights)) / (bottom - top)).toBeGreaterThan(0.4);
      }
      // The panels are stacked, not overlapping, and each names its unit.
      const plots = panels.map(plotOf);
      plots.slice(1).forEach((plot, index) => expect(plot.top).toBeGreaterThan(plots[index]!.bottom));
      expect(panels.map((panel) => texts(panel).find((text) => text?.startsWith('单位：')))).toEqual([
        '单位：次',
        '单位：元',
        '单位：%',
      ]);
      expect(chartNote({ ...MIXED, chart })).toContain('单位不同（次、元、%），所以分成 3 个小图');
      expect(String(tree.attrs['aria-label'])).toContain('按单位分成 3 个小图');
      expect(find(tree, (node) => node.tag === 'desc')[0]!.text).toBe(
        '小图 1：播放量：980,000 至 1,500,000（单位：次）；小图 2：收入：350.5 至 610.2（单位：元）；小图 3：完播率：0.1 至 0.5（单位：%）。准确数字以数据表为准。',
      );
    },
  );
});

describe('labels are never clipped: every text box lies inside the viewBox', () => {
  it.each([
    ['a line of one unit', LINE],
    ['three units', MIXED],
    ['three units as bars', { ...MIXED, chart: 'bar' as const }],
    ['long Chinese names, a long title, wide Latin letters', LONG_NAMES],
    ['the same as a line', { ...LONG_NAMES, chart: 'line' as const }],
    ['a pie with long names', { ...LONG_NAMES, chart: 'pie' as const }],
    ['nothing to draw', { ...LINE, series: [{ name: 'x', unit: '', values: [null] }] }],
  ])('%s: every text box lies inside the viewBox, which stays about 640 wide', (_, spec) => {
    const tree = buildChart(spec);
    const view = viewBox(tree);
    expect([tree.attrs.width, tree.attrs.height]).toEqual([view.width, view.height]);
    for (const item of textNodes(tree)) expect(boxInside(textBox(item), view), item.text).toBe(true);
    expect(view.width).toBeLessThanOrEqual(CHART_WIDTH + 40);
    // The white background covers the whole viewBox (the PNG has no transparent edge).
    expect(tree.children![2]!.attrs).toMatchObject({ ...view, fill: '#ffffff' });
  });

  it('property: random series and labels, long Chinese names included: all text inside, no panel mixes units', () => {
    const label = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('这是一个名字特别特别长的美食探店达人账号', 'MMMMWWWW%%%%', '11月16日', '合计😀'),
      fc
        .array(fc.constantFrom('播', '放', 'W', '%', '1', ' ', '…'), { maxLength: 40 })
        .map((chars) => chars.join('')),
    );
    const value = fc.option(
      fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
    );
    fc.assert(
      fc.property(
        fc.constantFrom<'line' | 'bar' | 'pie'>('line', 'bar', 'pie'),
        fc.array(label, { minLength: 1, maxLength: 24 }),
        fc.array(
          fc.record({
            name: label,
            unit: fc.constantFrom('', '次', '元', '%', '万元/条', '单'),
            seed: fc.array(value, { maxLength: 24 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        label,
        (chart, labels, columns, title) => {
          const series = columns.map(({ name, unit, seed }) => ({
            name,
            unit,
            values: labels.map((_, index) => seed[index] ?? null),
          }));
          const spec: ChartSpec = {
            chart,
            title,
            categoryName: title,
            labels,
            series,
            highlights: [{ series: 0, index: labels.length - 1, note: title }],
          };
          const tree = buildChart(spec);
          const view = viewBox(tree);
          for (const item of textNodes(tree)) expect(boxInside(textBox(item), view), item.text).toBe(true);
          expect(view.width).toBeLessThanOrEqual(CHART_WIDTH + 120);
          const drawn = series.slice(0, MAX_SERIES);
          if (chart === 'pie' || !drawn.some((item) => item.values.some((value) => value !== null))) return;
          const units = new Set<string>();
          for (const panel of panelNodes(tree)) {
            const drawn = find(panel, (node) => node.attrs.class === 'series').map((node) =>
              Number(node.attrs['data-series']),
            );
            expect(new Set(drawn.map((index) => series[index]!.unit.trim()))).toEqual(
              new Set([panel.attrs['data-unit']]),
            );
            expect(units.has(String(panel.attrs['data-unit']))).toBe(false);
            units.add(String(panel.attrs['data-unit']));
          }
          expect(units.size).toBe(new Set(drawn.map((item) => item.unit)).size);
        },
      ),
      { numRuns: 150 },
    );
  });
});

/**
 * Any code points, lone surrogates and control characters included: what fc.string({ unit:
 * 'binary' }) gives, built from integers because that arbitrary takes about 80 ms a string here
 * (200 runs of 30 labels timed out, before this chart change as after it).
 */
const anyCodePoints = (maxLength: number) =>
  fc
    .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength })
    .map((points) => points.map((point) => String.fromCodePoint(point)).join(''));

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
            fc.oneof(fc.string({ maxLength: 12 }), anyCodePoints(12)),
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
      fc.property(anyCodePoints(60), fc.integer({ min: 1, max: 40 }), (label, columns) => {
        const short = shorten(label, columns);
        if (short !== label) {
          expect(short.endsWith('…')).toBe(true);
          expect(label.startsWith(short.slice(0, -1))).toBe(true);
        }
        expect(shorten(label, columns)).toBe(short);
      }),
    );
    expectLinearTime(
      (size) => repeatTo('十一月订单量😀ab', size),
      (label) => shorten(label, 20) + shorten(label, Number.MAX_SAFE_INTEGER),
    );
  });
});
