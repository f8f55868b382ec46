/**
 * Line, bar and pie charts as an SVG element tree ({ tag, attrs, children, text }), not a string:
 * the island builds DOM nodes from it with createElementNS, and svgToString() serializes it with
 * every attribute and text escaped (for the download, the PNG and the tests). Fixed 640×360
 * viewBox, Chinese labels and fonts, role="img" with a <title> and aria-label; same input, same
 * output (numbers are rounded before they are written).
 */
import { charWidth, displayWidth } from '../display-width';

export type ChartKind = 'line' | 'bar' | 'pie';

export interface ChartSeries {
  name: string;
  /** Shown on the value axis as 单位：… ('' when none). */
  unit: string;
  /** One value per label; null for a missing or unreadable cell (a gap in a line, no bar). */
  values: (number | null)[];
}

export interface ChartHighlight {
  series: number;
  index: number;
  /** A short label drawn next to the mark, e.g. “11月18日：0”. */
  note: string;
}

export interface ChartSpec {
  chart: ChartKind;
  title: string;
  /** The category (first) column's name, shown under the x axis of line and bar charts. */
  categoryName: string;
  labels: string[];
  series: ChartSeries[];
  highlights: ChartHighlight[];
}

export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  children?: SvgNode[];
  text?: string;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 360;
export const CHART_FONT =
  "'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei',sans-serif";
/** At most this many series are drawn (more lines or bar groups cannot be told apart). */
export const MAX_SERIES = 4;
export const PALETTE = [
  '#1c64c8',
  '#e8590c',
  '#2b8a3e',
  '#9c36b5',
  '#0b7285',
  '#c2255c',
  '#5c940d',
  '#862e9c',
];
const HIGHLIGHT = '#c92a2a';
const INK = '#222222';
const MUTED = '#666666';
const GRID = '#e5e5e5';

const PLOT = { left: 72, right: 616, top: 56, bottom: 292 };

/** Rounds for output so that the same chart always gives the same text. */
const round = (value: number) => Math.round(value * 100) / 100;

function node(tag: string, attrs: Record<string, string | number>, children?: SvgNode[]): SvgNode {
  const clean: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(attrs))
    clean[key] = typeof value === 'number' ? round(value) : value;
  return children ? { tag, attrs: clean, children } : { tag, attrs: clean };
}

function text(content: string, attrs: Record<string, string | number>): SvgNode {
  return { ...node('text', attrs), text: content };
}

/** Groups digits by thousands without the locale's help (same output everywhere). */
export function formatNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return '—';
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole, fraction] = String(rounded).split('.');
  const grouped = (whole ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** A short label: 12,000 → 1.2万, 350,000,000 → 3.5亿; `scale` is the largest value it goes with. */
export function formatTick(value: number, scale = value): string {
  const size = Math.abs(scale);
  if (value === 0) return '0';
  if (size >= 1e8) return `${formatNumber(value / 1e8, 2)}亿`;
  if (size >= 1e4) return `${formatNumber(value / 1e4, 2)}万`;
  return formatNumber(value, 2);
}

/** A value written on a bar: in full up to a million, then shortened. */
const valueLabel = (value: number) => (Math.abs(value) >= 1e6 ? formatTick(value) : formatNumber(value));

/** About `count` round ticks (steps of 1, 2, 2.5 or 5 × 10ⁿ) covering min…max. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min > max) [min, max] = [max, min];
  // A flat (or float-noise) range gets room around it; a mail's figures never need finer steps.
  if (max - min < 1e-9 * Math.max(1, Math.abs(min), Math.abs(max))) {
    const pad = Math.max(Math.abs(min) * 0.1, 1);
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw)!;
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + (step / magnitude === 2.5 ? 1 : 0));
  const tick = (index: number) => Number((index * step).toFixed(Math.min(decimals, 20)));
  const ticks: number[] = [];
  for (let index = first; index <= last && ticks.length < 50; index += 1) ticks.push(tick(index));
  // Rounding a tick may leave the data's end just outside: one more step then.
  if (ticks[0]! > min) ticks.unshift(tick(first - 1));
  if (ticks[ticks.length - 1]! < max) ticks.push(tick(last + 1));
  return ticks;
}

/** Cuts a label to `columns` display columns, with … when cut. */
export function shorten(label: string, columns: number): string {
  if (displayWidth(label) <= columns) return label;
  let width = 0;
  let out = '';
  for (const character of label) {
    width += charWidth(character);
    if (width > columns - 1) break;
    out += character;
  }
  return `${out}…`;
}

function unitLine(series: ChartSeries[]): string {
  const units = [...new Set(series.map((item) => item.unit).filter(Boolean))];
  return units.length ? `单位：${units.join(' / ')}` : '';
}

function finiteValues(series: ChartSeries[]): number[] {
  return series.flatMap((item) =>
    item.values.filter((value): value is number => value !== null && Number.isFinite(value)),
  );
}

/** Describes the chart for aria-label and <title>. */
export function describeChart(spec: ChartSpec): string {
  const kind = { line: '折线图', bar: '柱状图', pie: '饼图' }[spec.chart];
  const series = spec.series
    .slice(0, MAX_SERIES)
    .map((item) => item.name)
    .join('、');
  const notes = spec.highlights.map((highlight) => highlight.note).join('；');
  return `${kind}：${spec.title}。共 ${spec.labels.length} 项${series ? `，数据列：${series}` : ''}${notes ? `。标出：${notes}` : ''}。`;
}

/** The axis frame, grid lines and tick labels of a line or bar chart; returns the y scale. */
function valueAxis(spec: ChartSpec, includeZero: boolean) {
  const values = finiteValues(spec.series.slice(0, MAX_SERIES));
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (includeZero || (min > 0 && min < max * 0.5)) min = Math.min(min, 0);
  if (includeZero) max = Math.max(max, 0);
  const ticks = niceTicks(min, max, 5);
  const low = ticks[0]!;
  const high = ticks[ticks.length - 1]!;
  const scale = Math.max(Math.abs(low), Math.abs(ticks[ticks.length - 1]!));
  const y = (value: number) => PLOT.bottom - ((value - low) / (high - low || 1)) * (PLOT.bottom - PLOT.top);
  const nodes: SvgNode[] = ticks.map((tick) =>
    node('g', { class: 'tick' }, [
      node('line', {
        x1: PLOT.left,
        x2: PLOT.right,
        y1: y(tick),
        y2: y(tick),
        stroke: tick === 0 ? MUTED : GRID,
      }),
      text(formatTick(tick, scale), {
        x: PLOT.left - 8,
        y: y(tick) + 4,
        'text-anchor': 'end',
        'font-size': 12,
        fill: MUTED,
      }),
    ]),
  );
  const unit = unitLine(spec.series);
  if (unit)
    nodes.push(
      text(unit, { x: PLOT.left - 8, y: PLOT.top - 12, 'text-anchor': 'end', 'font-size': 12, fill: MUTED }),
    );
  nodes.push(
    node('line', { x1: PLOT.left, x2: PLOT.left, y1: PLOT.top, y2: PLOT.bottom, stroke: MUTED }),
    node('line', { x1: PLOT.left, x2: PLOT.right, y1: PLOT.bottom, y2: PLOT.bottom, stroke: MUTED }),
  );
  return { nodes: [node('g', { class: 'axis axis--y' }, nodes)], y, low };
}

/** Category labels under the x axis: every k-th one when they would overlap. */
function categoryAxis(spec: ChartSpec, x: (index: number) => number, slot: number): SvgNode {
  const count = spec.labels.length;
  const columns = Math.max(4, Math.floor(slot / 7));
  const step = Math.max(1, Math.ceil(count / Math.max(1, Math.floor((PLOT.right - PLOT.left) / 64))));
  const labels: SvgNode[] = [];
  for (let index = 0; index < count; index += 1) {
    if (index % step !== 0) continue;
    labels.push(
      node('line', { x1: x(index), x2: x(index), y1: PLOT.bottom, y2: PLOT.bottom + 4, stroke: MUTED }),
      text(shorten(spec.labels[index] ?? '', step > 1 ? 10 : Math.min(12, columns)), {
        x: x(index),
        y: PLOT.bottom + 18,
        'text-anchor': 'middle',
        'font-size': 12,
        fill: INK,
      }),
    );
  }
  if (spec.categoryName) {
    labels.push(
      text(shorten(spec.categoryName, 30), {
        x: (PLOT.left + PLOT.right) / 2,
        y: PLOT.bottom + 40,
        'text-anchor': 'middle',
        'font-size': 12,
        fill: MUTED,
      }),
    );
  }
  return node('g', { class: 'axis axis--x' }, labels);
}

function legend(series: ChartSeries[], kind: 'line' | 'bar'): SvgNode | null {
  if (series.length < 2) return null;
  let x = PLOT.left + 24;
  const items = series.map((item, index) => {
    const color = PALETTE[index % PALETTE.length]!;
    const name = shorten(item.name, 16);
    const mark =
      kind === 'line'
        ? node('line', { x1: x, x2: x + 18, y1: 38, y2: 38, stroke: color, 'stroke-width': 3 })
        : node('rect', { x, y: 32, width: 12, height: 12, fill: color });
    const label = text(name, { x: x + (kind === 'line' ? 24 : 18), y: 42, 'font-size': 12, fill: INK });
    x += (kind === 'line' ? 32 : 26) + displayWidth(name) * 7;
    return node('g', {}, [mark, label]);
  });
  return node('g', { class: 'legend' }, items);
}

/** A callout next to a highlighted mark, kept inside the plot area. */
function callout(note: string, x: number, y: number): SvgNode[] {
  const label = shorten(note, 28);
  const width = displayWidth(label) * 6.5 + 12;
  const left = Math.min(Math.max(x - width / 2, PLOT.left + 2), PLOT.right - width);
  const top = y - 34 < PLOT.top - 14 ? y + 12 : y - 34;
  return [
    node('rect', { x: left, y: top, width, height: 20, rx: 3, fill: '#fff3bf', stroke: HIGHLIGHT }),
    text(label, {
      x: left + width / 2,
      y: top + 14,
      'text-anchor': 'middle',
      'font-size': 12,
      fill: HIGHLIGHT,
      'font-weight': 'bold',
    }),
  ];
}

function lineChart(spec: ChartSpec): SvgNode[] {
  const series = spec.series.slice(0, MAX_SERIES);
  const count = spec.labels.length;
  const { nodes, y } = valueAxis(spec, false);
  const inset = 16;
  const x = (index: number) =>
    count <= 1
      ? (PLOT.left + PLOT.right) / 2
      : PLOT.left + inset + (index * (PLOT.right - PLOT.left - 2 * inset)) / (count - 1);
  const lines = series.map((item, seriesIndex) => {
    const color = PALETTE[seriesIndex % PALETTE.length]!;
    let path = '';
    let pen = false;
    const points: SvgNode[] = [];
    item.values.forEach((value, index) => {
      if (value === null || !Number.isFinite(value)) {
        pen = false;
        return;
      }
      path += `${pen ? 'L' : 'M'}${round(x(index))} ${round(y(value))}`;
      pen = true;
      points.push(node('circle', { cx: x(index), cy: y(value), r: 3, fill: color }));
    });
    return node('g', { class: 'series', 'data-series': seriesIndex }, [
      node('path', {
        d: path || 'M0 0',
        fill: 'none',
        stroke: color,
        'stroke-width': 2.5,
        'stroke-linejoin': 'round',
      }),
      ...points,
    ]);
  });
  const marks = spec.highlights.flatMap((highlight) => {
    const value = series[highlight.series]?.values[highlight.index];
    if (value === null || value === undefined || !Number.isFinite(value)) return [];
    return [
      node('g', { class: 'highlight', 'data-highlight': highlight.index }, [
        node('circle', {
          cx: x(highlight.index),
          cy: y(value),
          r: 7,
          fill: 'none',
          stroke: HIGHLIGHT,
          'stroke-width': 2.5,
        }),
        ...callout(highlight.note, x(highlight.index), y(value)),
      ]),
    ];
  });
  const legendNode = legend(series, 'line');
  const slot = count <= 1 ? PLOT.right - PLOT.left : (PLOT.right - PLOT.left) / (count - 1);
  return [...nodes, categoryAxis(spec, x, slot), ...lines, ...marks, ...(legendNode ? [legendNode] : [])];
}

function barChart(spec: ChartSpec): SvgNode[] {
  const series = spec.series.slice(0, MAX_SERIES);
  const count = Math.max(1, spec.labels.length);
  const { nodes, y } = valueAxis(spec, true);
  const slot = (PLOT.right - PLOT.left) / count;
  const groupWidth = slot * 0.7;
  const barWidth = groupWidth / Math.max(1, series.length);
  const x = (index: number) => PLOT.left + slot * index + slot / 2;
  const highlighted = new Set(spec.highlights.map((highlight) => `${highlight.series}:${highlight.index}`));
  const showValues = count * series.length <= 24;
  const bars = series.map((item, seriesIndex) => {
    const color = PALETTE[seriesIndex % PALETTE.length]!;
    const rects: SvgNode[] = [];
    item.values.forEach((value, index) => {
      if (value === null || !Number.isFinite(value)) return;
      const left = x(index) - groupWidth / 2 + seriesIndex * barWidth;
      const top = Math.min(y(value), y(0));
      const height = Math.max(Math.abs(y(0) - y(value)), value === 0 ? 0 : 1);
      const marked = highlighted.has(`${seriesIndex}:${index}`);
      rects.push(
        node('rect', {
          x: left + 1,
          y: top,
          width: Math.max(1, barWidth - 2),
          height,
          fill: color,
          ...(marked ? { stroke: HIGHLIGHT, 'stroke-width': 3, 'data-highlight': index } : {}),
        }),
      );
      if (showValues || marked) {
        rects.push(
          text(valueLabel(value), {
            x: left + barWidth / 2,
            y: value < 0 ? top + height + 14 : top - 5,
            'text-anchor': 'middle',
            'font-size': 11,
            fill: marked ? HIGHLIGHT : INK,
            ...(marked ? { 'font-weight': 'bold' } : {}),
          }),
        );
      }
    });
    return node('g', { class: 'series', 'data-series': seriesIndex }, rects);
  });
  const legendNode = legend(series, 'bar');
  return [...nodes, categoryAxis(spec, x, slot), ...bars, ...(legendNode ? [legendNode] : [])];
}

/** Share of each slice in percent (non-negative values only), summing to 100 when the total is positive. */
export function pieShares(values: (number | null)[]): number[] {
  const clean = values.map((value) => (value !== null && Number.isFinite(value) && value > 0 ? value : 0));
  const total = clean.reduce((sum, value) => sum + value, 0);
  return clean.map((value) => (total > 0 ? (value / total) * 100 : 0));
}

function pieChart(spec: ChartSpec): SvgNode[] {
  const values = spec.series[0]?.values ?? [];
  const shares = pieShares(values);
  const cx = 190;
  const cy = 200;
  const radius = 120;
  const highlighted = new Set(spec.highlights.map((highlight) => highlight.index));
  const slices: SvgNode[] = [];
  let angle = -Math.PI / 2;
  shares.forEach((share, index) => {
    if (share <= 0) return;
    const color = PALETTE[index % PALETTE.length]!;
    const sweep = (share / 100) * Math.PI * 2;
    const middle = angle + sweep / 2;
    const marked = highlighted.has(index);
    // A highlighted slice is pulled out a little and outlined.
    const dx = marked ? Math.cos(middle) * 10 : 0;
    const dy = marked ? Math.sin(middle) * 10 : 0;
    const extra = marked
      ? { stroke: HIGHLIGHT, 'stroke-width': 3, 'data-highlight': index }
      : { stroke: '#ffffff', 'stroke-width': 1.5 };
    if (share >= 99.999) {
      slices.push(node('circle', { cx: cx + dx, cy: cy + dy, r: radius, fill: color, ...extra }));
    } else {
      const start = [cx + dx + radius * Math.cos(angle), cy + dy + radius * Math.sin(angle)];
      const end = [cx + dx + radius * Math.cos(angle + sweep), cy + dy + radius * Math.sin(angle + sweep)];
      const d = `M${round(cx + dx)} ${round(cy + dy)}L${round(start[0]!)} ${round(start[1]!)}A${radius} ${radius} 0 ${sweep > Math.PI ? 1 : 0} 1 ${round(end[0]!)} ${round(end[1]!)}Z`;
      slices.push(node('path', { d, fill: color, ...extra }));
    }
    angle += sweep;
  });
  const rows = Math.min(spec.labels.length, 12);
  const legendItems: SvgNode[] = [];
  for (let index = 0; index < rows; index += 1) {
    const top = 80 + index * 22;
    const marked = highlighted.has(index);
    legendItems.push(
      node('rect', { x: 360, y: top - 11, width: 12, height: 12, fill: PALETTE[index % PALETTE.length]! }),
      text(`${shorten(spec.labels[index] ?? '', 18)}　${formatNumber(shares[index] ?? 0, 1)}%`, {
        x: 380,
        y: top,
        'font-size': 13,
        fill: marked ? HIGHLIGHT : INK,
        ...(marked ? { 'font-weight': 'bold' } : {}),
      }),
    );
  }
  if (spec.labels.length > rows) {
    legendItems.push(
      text(`另有 ${spec.labels.length - rows} 项未列出`, {
        x: 380,
        y: 80 + rows * 22,
        'font-size': 12,
        fill: MUTED,
      }),
    );
  }
  return [node('g', { class: 'slices' }, slices), node('g', { class: 'legend' }, legendItems)];
}

/** The whole chart: an <svg> element tree with a white background, title and description. */
export function buildChart(spec: ChartSpec): SvgNode {
  const description = describeChart(spec);
  const hasData = finiteValues(spec.series.slice(0, spec.chart === 'pie' ? 1 : MAX_SERIES)).length > 0;
  const body = !hasData
    ? [
        text('没有可画的数据', {
          x: CHART_WIDTH / 2,
          y: CHART_HEIGHT / 2,
          'text-anchor': 'middle',
          'font-size': 16,
          fill: MUTED,
        }),
      ]
    : spec.chart === 'line'
      ? lineChart(spec)
      : spec.chart === 'bar'
        ? barChart(spec)
        : pieChart(spec);
  return node(
    'svg',
    {
      xmlns: SVG_NS,
      viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`,
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      role: 'img',
      'aria-label': description,
      'data-chart': spec.chart,
      'font-family': CHART_FONT,
    },
    [
      { tag: 'title', attrs: {}, text: description },
      node('rect', { x: 0, y: 0, width: CHART_WIDTH, height: CHART_HEIGHT, fill: '#ffffff' }),
      text(shorten(spec.title, 80), {
        x: CHART_WIDTH / 2,
        y: 24,
        'text-anchor': 'middle',
        'font-size': 16,
        'font-weight': 'bold',
        fill: INK,
      }),
      ...body,
    ],
  );
}

const NAME = /^[A-Za-z_][\w:.-]*$/;
const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeXml = (value: string) =>
  value
    // Characters XML 1.0 does not allow at all are dropped.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (character) => TEXT_ESCAPES[character]!);

/** Serializes the tree as standalone SVG. Every value is escaped; invalid names are left out. */
export function svgToString(tree: SvgNode): string {
  const write = (item: SvgNode): string => {
    if (!NAME.test(item.tag)) return '';
    const attrs = Object.entries(item.attrs)
      .filter(([name]) => NAME.test(name))
      .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
      .join('');
    const inner =
      (item.text !== undefined ? escapeXml(item.text) : '') + (item.children ?? []).map(write).join('');
    return inner ? `<${item.tag}${attrs}>${inner}</${item.tag}>` : `<${item.tag}${attrs}/>`;
  };
  return write(tree);
}
