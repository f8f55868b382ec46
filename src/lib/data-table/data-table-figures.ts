/**
 * The last stages of the data table helper: the one or two cells to mark, as the chapter asks
 * (the largest change of a time series, the largest share of a distribution, the largest and
 * smallest of a comparison) with the reason, and the specification of the chart for svg-chart.ts.
 * They read the typed table and the chart already chosen (data-table-kind.ts); they do not choose
 * the chart, nor draw it.
 */
import { rowLabel, type TypedTable } from './data-table-columns';
import type { ChartChoice } from './data-table-kind';
import type { DataKind, DataProblem, KeyFigure } from './data-table-model';
import {
  formatNumber,
  MAX_SERIES,
  pieShares,
  type ChartHighlight,
  type ChartKind,
  type ChartSpec,
} from './svg-chart';

/** The cells marked and, when none could be, why (both go into the key reason). */
interface Marked {
  figures: KeyFigure[];
  notes: string[];
}

/** The main number column (the first one charted) as the key-figure stages read it. */
interface MainColumn {
  table: TypedTable;
  column: number;
  /** Its data rows with a number, in chart order. */
  present: number[];
}

const valueAt = ({ table, column }: MainColumn, row: number) => table.values[row]![column]!;

/** The value with its unit, as a reason quotes it. */
function shown({ table, column }: MainColumn, value: number) {
  return `${formatNumber(value)}${table.columns[column]!.unit}`;
}

/** Time series: the largest change from one time point to the next (the first, when tied). */
function largestChange(main: MainColumn): Marked {
  const { present, table, column } = main;
  const { name, unit } = table.columns[column]!;
  let best: { index: number; previous: number; change: number } | null = null;
  for (let position = 1; position < present.length; position += 1) {
    const index = present[position]!;
    const previous = present[position - 1]!;
    const change = valueAt(main, index) - valueAt(main, previous);
    if (change !== 0 && (!best || Math.abs(change) > Math.abs(best.change)))
      best = { index, previous, change };
  }
  if (!best) return { figures: [], notes: [`“${name}”各时间点的数值相同，没有需要标出的变化。`] };
  const before = valueAt(main, best.previous);
  const relative =
    before !== 0
      ? `（${best.change > 0 ? '+' : ''}${formatNumber((best.change / Math.abs(before)) * 100, 1)}%）`
      : '';
  // A change of percentages is in percentage points, not percent.
  const amount =
    unit === '%' ? `${formatNumber(Math.abs(best.change))} 个百分点` : shown(main, Math.abs(best.change));
  const reason = `“${name}”在 ${rowLabel(table, best.index)} 比前一个时间点（${rowLabel(table, best.previous)}）${best.change > 0 ? '增加' : '减少'} ${amount}${relative}，是变化最大的一处。`;
  return { figures: [{ row: best.index, column, reason }], notes: [] };
}

/** Distribution: the largest share (the first, when tied). */
function largestShare(main: MainColumn): Marked {
  const { present, table, column } = main;
  const shares = pieShares(present.map((index) => valueAt(main, index)));
  let top = 0;
  shares.forEach((share, position) => {
    if (share > shares[top]!) top = position;
  });
  const index = present[top]!;
  const reason = `占比最大的是“${rowLabel(table, index)}”，占 ${formatNumber(shares[top]!, 1)}%。`;
  return { figures: [{ row: index, column, reason }], notes: [] };
}

/** Comparison: the largest and the smallest value (the first of each, when tied). */
function extremes(main: MainColumn): Marked {
  const { present, table, column } = main;
  const { name } = table.columns[column]!;
  let high = present[0]!;
  let low = present[0]!;
  for (const index of present) {
    if (valueAt(main, index) > valueAt(main, high)) high = index;
    if (valueAt(main, index) < valueAt(main, low)) low = index;
  }
  if (valueAt(main, high) === valueAt(main, low))
    return { figures: [], notes: [`“${name}”各项数值相同，没有需要标出的最大值或最小值。`] };
  const highReason = `“${name}”最大的是“${rowLabel(table, high)}”（${shown(main, valueAt(main, high))}）。`;
  const lowReason = `最小的是“${rowLabel(table, low)}”（${shown(main, valueAt(main, low))}）。`;
  return {
    figures: [
      { row: high, column, reason: highReason },
      { row: low, column, reason: lowReason },
    ],
    notes: [],
  };
}

/** The marks for this kind of data, when there are enough numbers to compare. */
function markFor(kind: DataKind, main: MainColumn): Marked {
  const count = main.present.length;
  if (kind === 'time-series' && count >= 2) return largestChange(main);
  if (kind === 'distribution' && count >= 1) return largestShare(main);
  if (kind === 'comparison' && count >= 2) return extremes(main);
  return { figures: [], notes: [] };
}

/** The one or two cells of the main number column to mark for this kind of data, and why. */
export function pickKeyFigures(table: TypedTable, kind: DataKind | null, order: readonly number[]) {
  const column = table.numberColumns[0];
  if (!kind || column === undefined) return { keyFigures: [], keyReason: '' };
  const present = order.filter((index) => table.values[index]![column] !== null);
  const { figures, notes } = markFor(kind, { table, column, present });
  // With several number columns, say which one the marks are about.
  const which =
    table.numberColumns.length > 1 && figures.length
      ? [`以第一个数字列“${table.columns[column]!.name}”为准。`]
      : [];
  return {
    keyFigures: figures,
    keyReason: [...figures.map((figure) => figure.reason), ...notes, ...which].join(''),
  };
}

function chartTitle(table: TypedTable, chart: ChartKind, main: number, seriesCount: number) {
  const firstName = table.columns[0]!.name;
  const mainHeader = table.columns[main]!.header;
  const more = seriesCount > 1 ? '等' : '';
  if (chart === 'line') return `${mainHeader}${more}随${firstName}的变化`;
  if (chart === 'bar') return `各${table.columns.length > 1 ? firstName : '行'}的${mainHeader}${more}`;
  return `各${firstName}的${table.columns[main]!.name}`;
}

/** The key figures as the chart marks them: by position on the chart, with the value or share. */
function chartHighlights(
  table: TypedTable,
  chart: ChartKind,
  chartRows: readonly number[],
  keyFigures: readonly KeyFigure[],
  main: number,
): ChartHighlight[] {
  return keyFigures
    .map((figure) => ({ position: chartRows.indexOf(figure.row), figure }))
    .filter(({ position }) => position >= 0)
    .map(({ position, figure }) => ({
      series: 0,
      index: position,
      note:
        chart === 'pie'
          ? `${rowLabel(table, figure.row)}：${formatNumber(pieShares(chartRows.map((index) => table.values[index]![main]!))[position]!, 1)}%`
          : `${rowLabel(table, figure.row)}：${table.rows[figure.row]![main]}`,
    }));
}

/**
 * The chart's specification: a pie draws the main column's positive parts; a line or bar the
 * first MAX_SERIES number columns, more being unreadable. Warns when it leaves some out.
 */
export function chartSpecFor(
  table: TypedTable,
  choice: ChartChoice,
  order: readonly number[],
  keyFigures: readonly KeyFigure[],
): { chartSpec: ChartSpec | null; problems: DataProblem[] } {
  const { columns, numberColumns, values } = table;
  const { kind, chart } = choice;
  const main = numberColumns[0];
  if (!kind || !chart || main === undefined) return { chartSpec: null, problems: [] };
  const problems: DataProblem[] = [];
  const seriesColumns = chart === 'pie' ? [main] : numberColumns.slice(0, MAX_SERIES);
  if (chart !== 'pie' && numberColumns.length > MAX_SERIES) {
    problems.push({
      severity: 'warning',
      code: 'too-many-series',
      message: `有 ${numberColumns.length} 列数字，图表只画前 ${MAX_SERIES} 列（${seriesColumns.map((index) => columns[index]!.name).join('、')}）；线条或柱子太多就分不清了。`,
    });
  }
  const chartRows = chart === 'pie' ? order.filter((index) => (values[index]![main] ?? 0) > 0) : order;
  if (chart === 'pie' && chartRows.length > 8) {
    problems.push({
      severity: 'warning',
      code: 'too-many-slices',
      message: `饼图有 ${chartRows.length} 块，超过 8 块就难以分辨：建议把较小的几项合并为“其他”。`,
    });
  }
  const chartSpec: ChartSpec = {
    chart,
    title: chartTitle(table, chart, main, seriesColumns.length),
    categoryName: columns.length > 1 ? columns[0]!.name : '',
    labels: chartRows.map((index) => rowLabel(table, index)),
    series: seriesColumns.map((column) => ({
      name: columns[column]!.name,
      unit: chart === 'pie' ? '' : columns[column]!.unit,
      values: chartRows.map((index) => values[index]![column] ?? null),
    })),
    highlights: chartHighlights(table, chart, chartRows, keyFigures, main),
  };
  return { chartSpec, problems };
}
