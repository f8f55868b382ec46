/**
 * Line, bar and pie charts as an SVG element tree ({ tag, attrs, children, text }), not a string:
 * the island builds DOM nodes from it with createElementNS, and svgToString() serializes it with
 * every attribute and text escaped (for the download, the PNG and the tests). Fixed 640×360
 * viewBox, Chinese labels and fonts, role="img" with a <title> and aria-label; same input, same
 * output (numbers are rounded before they are written).
 */
import { charWidth, displayWidth } from '../display-width';
import { estimateTextWidth, fitText, textBox, viewBoxAround } from './chart-text';

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

function finiteValues(series: ChartSeries[]): number[] {
  return series.flatMap((item) =>
    item.values.filter((value): value is number => value !== null && Number.isFinite(value)),
  );
}

/** One small chart of a line or bar chart: the series that share one unit, on their own axis. */
export interface ChartPanel {
  /** The unit its axis is labelled with ('' when the series have none). */
  unit: string;
  /** Indexes into the spec's series, in their order. */
  series: number[];
}

/**
 * The drawn series of a line or bar chart grouped by unit, in the order the units first appear:
 * 元 and % (or 次 and 元) on one axis would flatten the smaller ones to a line at zero. A pie has
 * one series and no value axis, so one panel.
 */
export function chartPanels(spec: Pick<ChartSpec, 'chart' | 'series'>): ChartPanel[] {
  const drawn = spec.series.slice(0, spec.chart === 'pie' ? 1 : MAX_SERIES);
  const panels: ChartPanel[] = [];
  drawn.forEach((item, index) => {
    const unit = spec.chart === 'pie' ? '' : item.unit.trim();
    const panel = panels.find((candidate) => candidate.unit === unit);
    if (panel) panel.series.push(index);
    else panels.push({ unit, series: [index] });
  });
  return panels;
}

const unitName = (unit: string) => unit || '未注明';

/** Said next to a chart split into panels (else ''): the panels' heights cannot be compared. */
export function chartNote(spec: ChartSpec): string {
  const panels = chartPanels(spec);
  if (spec.chart === 'pie' || panels.length < 2) return '';
  return `各数据列的单位不同（${panels.map((panel) => unitName(panel.unit)).join('、')}），所以分成 ${panels.length} 个小图，每个小图有自己的纵轴和单位：比较各小图的走势，不要比较它们的高低。准确数字以数据表为准。`;
}

/** Describes the chart for aria-label and <title>. */
export function describeChart(spec: ChartSpec): string {
  const kind = { line: '折线图', bar: '柱状图', pie: '饼图' }[spec.chart];
  const series = spec.series
    .slice(0, MAX_SERIES)
    .map((item) => item.name)
    .join('、');
  const panels = chartPanels(spec);
  const split =
    spec.chart !== 'pie' && panels.length > 1 ? `，按单位分成 ${panels.length} 个小图，各有纵轴` : '';
  const notes = spec.highlights.map((highlight) => highlight.note).join('；');
  return `${kind}：${spec.title}。共 ${spec.labels.length} 项${series ? `，数据列：${series}` : ''}${split}${notes ? `。标出：${notes}` : ''}。`;
}

/** The <desc>: each panel's unit, series and their range, so the numbers are there without the picture. */
function chartDetails(spec: ChartSpec): string {
  const panels = chartPanels(spec);
  const ranges = panels.map((panel, index) => {
    const lines = panel.series.map((seriesIndex) => {
      const item = spec.series[seriesIndex]!;
      const values = finiteValues([item]);
      const range = values.length
        ? `${formatNumber(Math.min(...values))} 至 ${formatNumber(Math.max(...values))}`
        : '没有数据';
      return `${item.name}：${range}`;
    });
    const unit = panel.unit ? `（单位：${panel.unit}）` : '';
    return `${panels.length > 1 ? `小图 ${index + 1}：` : ''}${lines.join('，')}${unit}`;
  });
  return `${ranges.join('；')}。准确数字以数据表为准。`;
}

const PAD = 12;
const FONT = 12;
const TITLE_SIZE = 16;
const HEADER_LINE = 18;
/** The plot height of each panel, by the number of panels. */
const PLOT_HEIGHTS = [236, 236, 150, 120, 100];

/** One panel's value axis: round ticks covering its values, and the position of a value. */
interface Axis {
  ticks: number[];
  labels: string[];
  low: number;
  high: number;
}

function axisFor(values: number[], includeZero: boolean, count: number): Axis {
  let min = values.length ? Math.min(...values) : 0;
  let max = values.length ? Math.max(...values) : 1;
  if (includeZero || (min > 0 && min < max * 0.5)) min = Math.min(min, 0);
  if (includeZero) max = Math.max(max, 0);
  const ticks = niceTicks(min, max, count);
  const low = ticks[0]!;
  const high = ticks[ticks.length - 1]!;
  const scale = Math.max(Math.abs(low), Math.abs(high));
  return { ticks, labels: ticks.map((tick) => formatTick(tick, scale)), low, high };
}

/** A panel placed on the page: its axis, header (unit and series names) and plot rows. */
interface PanelFrame {
  panel: ChartPanel;
  axis: Axis;
  header: SvgNode[];
  top: number;
  bottom: number;
  y: (value: number) => number;
}

interface PanelLayout {
  left: number;
  right: number;
  frames: PanelFrame[];
  /** Where the category labels go (under the last panel). */
  bottom: number;
}

/**
 * A panel's header, flowed from the left edge and wrapped before the right one: 单位：… then,
 * when the chart has several series, a colour mark and name for each of this panel's series.
 */
function panelHeader(spec: ChartSpec, panel: ChartPanel, kind: 'line' | 'bar', top: number) {
  const drawn = Math.min(spec.series.length, MAX_SERIES);
  const items: { width: number; draw: (x: number, y: number) => SvgNode[] }[] = [];
  if (panel.unit || chartPanels(spec).length > 1) {
    const label = fitText(`单位：${unitName(panel.unit)}`, CHART_WIDTH - 2 * PAD, FONT);
    items.push({
      width: estimateTextWidth(label, FONT),
      draw: (x, y) => [text(label, { x, y, 'font-size': FONT, fill: MUTED })],
    });
  }
  for (const index of drawn > 1 ? panel.series : []) {
    const color = PALETTE[index % PALETTE.length]!;
    const name = fitText(spec.series[index]!.name, CHART_WIDTH - 2 * PAD - 24, FONT);
    items.push({
      width: 24 + estimateTextWidth(name, FONT),
      draw: (x, y) => [
        kind === 'line'
          ? node('line', { x1: x, x2: x + 18, y1: y - 4, y2: y - 4, stroke: color, 'stroke-width': 3 })
          : node('rect', { x: x + 3, y: y - 10, width: 12, height: 12, fill: color }),
        text(name, { x: x + 24, y, 'font-size': FONT, fill: INK }),
      ],
    });
  }
  const nodes: SvgNode[] = [];
  let x = PAD;
  let y = top + FONT;
  for (const item of items) {
    if (x > PAD && x + item.width > CHART_WIDTH - PAD) {
      x = PAD;
      y += HEADER_LINE;
    }
    nodes.push(...item.draw(x, y));
    x += item.width + 16;
  }
  return { nodes, bottom: items.length ? y + 6 : top };
}

/** The panels stacked under the title, each with its header, one left edge for all plots. */
function layoutPanels(spec: ChartSpec, kind: 'line' | 'bar'): PanelLayout {
  const panels = chartPanels(spec);
  const plotHeight = PLOT_HEIGHTS[Math.min(panels.length, PLOT_HEIGHTS.length - 1)]!;
  const axes = panels.map((panel) =>
    axisFor(
      finiteValues(panel.series.map((index) => spec.series[index]!)),
      kind === 'bar',
      panels.length > 2 ? 4 : 5,
    ),
  );
  const widest = Math.max(
    0,
    ...axes.flatMap((axis) => axis.labels.map((label) => estimateTextWidth(label, FONT))),
  );
  const left = PAD + widest + 8;
  const right = CHART_WIDTH - PAD - 12;
  let cursor = 40;
  const frames = panels.map((panel, index) => {
    const header = panelHeader(spec, panel, kind, cursor);
    // Half a tick label sticks out above the plot's top line.
    const top = header.bottom + 14;
    const bottom = top + plotHeight;
    const axis = axes[index]!;
    const y = (value: number) => bottom - ((value - axis.low) / (axis.high - axis.low || 1)) * plotHeight;
    cursor = bottom + 20;
    return { panel, axis, header: header.nodes, top, bottom, y };
  });
  return { left, right, frames, bottom: frames[frames.length - 1]!.bottom };
}

/** A panel's grid lines, tick labels and frame (the vertical axis line last). */
function valueAxis(
  { axis, y }: PanelFrame,
  { left, right }: PanelLayout,
  top: number,
  bottom: number,
): SvgNode {
  const nodes: SvgNode[] = axis.ticks.map((tick, index) =>
    node('g', { class: 'tick' }, [
      node('line', { x1: left, x2: right, y1: y(tick), y2: y(tick), stroke: tick === 0 ? MUTED : GRID }),
      text(axis.labels[index]!, {
        x: left - 8,
        y: y(tick) + 4,
        'text-anchor': 'end',
        'font-size': FONT,
        fill: MUTED,
      }),
    ]),
  );
  nodes.push(
    node('line', { x1: left, x2: right, y1: bottom, y2: bottom, stroke: MUTED }),
    node('line', { x1: left, x2: left, y1: top, y2: bottom, stroke: MUTED }),
  );
  return node('g', { class: 'axis axis--y' }, nodes);
}

/** Every k-th category is labelled, about one per 64 units of width. */
const labelStep = (count: number, left: number, right: number) =>
  Math.max(1, Math.ceil(count / Math.max(1, Math.floor((right - left) / 64))));

/** The width a category label may take: its share of the axis, at most 160. */
const categoryRoom = (count: number, left: number, right: number, slot: number) =>
  Math.max(24, Math.min(slot * labelStep(count, left, right) - 8, 160));

/** Category labels under the last panel: every k-th one when they would overlap, each cut to its room. */
function categoryAxis(
  spec: ChartSpec,
  layout: PanelLayout,
  x: (index: number) => number,
  slot: number,
): SvgNode {
  const { left, right, bottom } = layout;
  const count = spec.labels.length;
  const step = labelStep(count, left, right);
  const room = categoryRoom(count, left, right, slot);
  const labels: SvgNode[] = [];
  for (let index = 0; index < count; index += step) {
    labels.push(
      node('line', { x1: x(index), x2: x(index), y1: bottom, y2: bottom + 4, stroke: MUTED }),
      text(fitText(spec.labels[index] ?? '', room, FONT), {
        x: x(index),
        y: bottom + 18,
        'text-anchor': 'middle',
        'font-size': FONT,
        fill: INK,
      }),
    );
  }
  if (spec.categoryName) {
    labels.push(
      text(fitText(spec.categoryName, right - left, FONT), {
        x: (left + right) / 2,
        y: bottom + 40,
        'text-anchor': 'middle',
        'font-size': FONT,
        fill: MUTED,
      }),
    );
  }
  return node('g', { class: 'axis axis--x' }, labels);
}

/** A callout next to a highlighted mark, kept inside its panel's plot. */
function callout(note: string, x: number, y: number, layout: PanelLayout, top: number): SvgNode[] {
  const label = fitText(note, 240, FONT, true);
  const width = estimateTextWidth(label, FONT, true) + 12;
  const leftEdge = Math.min(Math.max(x - width / 2, layout.left + 2), layout.right - width);
  const above = y - 34 >= top - 14;
  const boxTop = above ? y - 34 : y + 12;
  return [
    node('rect', { x: leftEdge, y: boxTop, width, height: 20, rx: 3, fill: '#fff3bf', stroke: HIGHLIGHT }),
    text(label, {
      x: leftEdge + width / 2,
      y: boxTop + 14,
      'text-anchor': 'middle',
      'font-size': FONT,
      fill: HIGHLIGHT,
      'font-weight': 'bold',
    }),
  ];
}

/** The panel a series is drawn in. */
const frameOf = (layout: PanelLayout, series: number) =>
  layout.frames.find((frame) => frame.panel.series.includes(series));

function linePath(
  item: ChartSeries,
  color: string,
  x: (index: number) => number,
  y: (value: number) => number,
) {
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
  return [
    node('path', {
      d: path || 'M0 0',
      fill: 'none',
      stroke: color,
      'stroke-width': 2.5,
      'stroke-linejoin': 'round',
    }),
    ...points,
  ];
}

function lineChart(spec: ChartSpec): SvgNode[] {
  const layout = layoutPanels(spec, 'line');
  const { left, right } = layout;
  const count = spec.labels.length;
  // The first and last points sit far enough in for their centred labels to stay inside the chart.
  const room = categoryRoom(count, left, right, count <= 1 ? right - left : (right - left) / (count - 1));
  const half = (label: string | undefined) => estimateTextWidth(fitText(label ?? '', room, FONT), FONT) / 2;
  const start = Math.max(16, half(spec.labels[0]) - (left - PAD));
  const end = Math.max(16, half(spec.labels[count - 1]) - (CHART_WIDTH - PAD - right));
  const x = (index: number) =>
    count <= 1 ? (left + right) / 2 : left + start + (index * (right - left - start - end)) / (count - 1);
  const panels = layout.frames.map((frame) => {
    const lines = frame.panel.series.map((seriesIndex) =>
      node(
        'g',
        { class: 'series', 'data-series': seriesIndex },
        linePath(spec.series[seriesIndex]!, PALETTE[seriesIndex % PALETTE.length]!, x, frame.y),
      ),
    );
    const marks = spec.highlights.flatMap((highlight) => {
      const value = spec.series[highlight.series]?.values[highlight.index];
      if (frameOf(layout, highlight.series) !== frame) return [];
      if (value === null || value === undefined || !Number.isFinite(value)) return [];
      const [cx, cy] = [x(highlight.index), frame.y(value)];
      return [
        node('g', { class: 'highlight', 'data-highlight': highlight.index }, [
          node('circle', { cx, cy, r: 7, fill: 'none', stroke: HIGHLIGHT, 'stroke-width': 2.5 }),
          ...callout(highlight.note, cx, cy, layout, frame.top),
        ]),
      ];
    });
    return panelNode(frame, layout, [...lines, ...marks]);
  });
  const slot = count <= 1 ? right - left : (right - left - start - end) / (count - 1);
  return [...panels, categoryAxis(spec, layout, x, slot)];
}

function panelNode(frame: PanelFrame, layout: PanelLayout, marks: SvgNode[]): SvgNode {
  return node(
    'g',
    { class: 'panel', 'data-panel': frame.panel.series.join(' '), 'data-unit': frame.panel.unit },
    [...frame.header, valueAxis(frame, layout, frame.top, frame.bottom), ...marks],
  );
}

function panelBars(
  spec: ChartSpec,
  frame: PanelFrame,
  x: (index: number) => number,
  slot: number,
): SvgNode[] {
  const { series } = frame.panel;
  const groupWidth = slot * 0.7;
  const barWidth = groupWidth / Math.max(1, series.length);
  const highlighted = new Set(spec.highlights.map((highlight) => `${highlight.series}:${highlight.index}`));
  const showValues = spec.labels.length * series.length <= 24;
  const { y } = frame;
  return series.map((seriesIndex, position) => {
    const color = PALETTE[seriesIndex % PALETTE.length]!;
    const rects: SvgNode[] = [];
    spec.series[seriesIndex]!.values.forEach((value, index) => {
      if (value === null || !Number.isFinite(value)) return;
      const left = x(index) - groupWidth / 2 + position * barWidth;
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
}

function barChart(spec: ChartSpec): SvgNode[] {
  const layout = layoutPanels(spec, 'bar');
  const { left, right } = layout;
  const count = Math.max(1, spec.labels.length);
  const slot = (right - left) / count;
  const x = (index: number) => left + slot * index + slot / 2;
  const panels = layout.frames.map((frame) => panelNode(frame, layout, panelBars(spec, frame, x, slot)));
  return [...panels, categoryAxis(spec, layout, x, slot)];
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

/** Every <text> in a tree, with its estimated box. */
export function textNodes(tree: SvgNode): SvgNode[] {
  const found = tree.tag === 'text' ? [tree] : [];
  for (const child of tree.children ?? []) found.push(...textNodes(child));
  return found;
}

function chartBody(spec: ChartSpec): { body: SvgNode[]; height: number } {
  const hasData = finiteValues(spec.series.slice(0, spec.chart === 'pie' ? 1 : MAX_SERIES)).length > 0;
  if (!hasData) {
    const message = text('没有可画的数据', {
      x: CHART_WIDTH / 2,
      y: CHART_HEIGHT / 2,
      'text-anchor': 'middle',
      'font-size': TITLE_SIZE,
      fill: MUTED,
    });
    return { body: [message], height: CHART_HEIGHT };
  }
  if (spec.chart === 'pie') return { body: pieChart(spec), height: CHART_HEIGHT };
  const body = spec.chart === 'line' ? lineChart(spec) : barChart(spec);
  return { body, height: CHART_HEIGHT };
}

/**
 * The whole chart: an <svg> element tree with a white background, <title> and <desc>. Its viewBox
 * holds every label's estimated box (chart-text.ts), so a chart split into panels is taller than
 * 640×360 and one with a long label a little wider; width and height are the viewBox's, which the
 * PNG is drawn at (2×).
 */
export function buildChart(spec: ChartSpec): SvgNode {
  const description = describeChart(spec);
  const title = text(fitText(spec.title, CHART_WIDTH - 2 * PAD, TITLE_SIZE, true), {
    x: CHART_WIDTH / 2,
    y: 26,
    'text-anchor': 'middle',
    'font-size': TITLE_SIZE,
    'font-weight': 'bold',
    fill: INK,
  });
  const { body, height } = chartBody(spec);
  const drawn = [title, ...body];
  const view = viewBoxAround(
    drawn.flatMap((item) => textNodes(item).map(textBox)),
    CHART_WIDTH,
    height,
  );
  return node(
    'svg',
    {
      xmlns: SVG_NS,
      viewBox: `${view.x} ${view.y} ${view.width} ${view.height}`,
      width: view.width,
      height: view.height,
      role: 'img',
      'aria-label': description,
      'data-chart': spec.chart,
      'data-panels': spec.chart === 'pie' ? 1 : chartPanels(spec).length,
      'font-family': CHART_FONT,
    },
    [
      { tag: 'title', attrs: {}, text: description },
      { tag: 'desc', attrs: {}, text: chartDetails(spec) },
      node('rect', { ...view, fill: '#ffffff' }),
      ...drawn,
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
