/**
 * The stages of the data table helper that decide what the data is and how to draw it: the kind
 * of data (a time series, a comparison, a distribution) with the reason, then the chart table 5
 * (chart-types.yaml) gives that kind, or the user's choice when the data allows it. Reads the
 * typed table (data-table-columns.ts); it neither marks key figures nor lays out the chart
 * (data-table-figures.ts).
 */
import { dateKeys, parseDate, parseNumber, type ParsedDate } from './data-table-cells';
import type { TypedTable } from './data-table-columns';
import type { AnalyzeOptions, DataAnalysis, DataKind, DataProblem } from './data-table-model';
import { formatNumber, type ChartKind } from './svg-chart';

export function chartName(chart: ChartKind): string {
  return { line: '折线图', bar: '柱状图', pie: '饼图' }[chart];
}

/** What the data is, as 自动 sees it. */
export interface DataClass {
  /** null when no column holds numbers: there is nothing to chart. */
  kind: DataKind | null;
  reason: string;
  /** The data rows in time order (a column of dates from new to old is reversed), else as pasted. */
  order: number[];
  /** Whether one column of non-negative parts of a whole can honestly be a pie. */
  pieAllowed: boolean;
  /** The sum of those parts (0 when it cannot be a pie). */
  sharesSum: number;
  problems: DataProblem[];
}

/** The chart drawn, and why. */
export interface ChartChoice {
  kind: DataKind | null;
  chart: ChartKind | null;
  recommended: DataAnalysis['recommended'];
  reason: string;
  problems: DataProblem[];
}

/** Whether the main number column can be a pie: one column, two parts or more, none negative. */
function shares(table: TypedTable, main: number) {
  const present = table.dataRows
    .map((index) => table.values[index]![main] ?? null)
    .filter((value): value is number => value !== null);
  if (table.numberColumns.length !== 1 || present.length < 2 || present.some((value) => value < 0))
    return { pieAllowed: false, sharesSum: 0 };
  const sharesSum = present.reduce((sum, value) => sum + value, 0);
  return { pieAllowed: sharesSum > 0, sharesSum };
}

/** The first column's dates (a bare year, in a 年 column, is 1 January of it). */
function firstColumnDates(table: TypedTable): ParsedDate[] {
  return table.dataRows.map((index) => {
    const cell = table.rows[index]![0]!;
    return parseDate(cell) ?? { year: parseNumber(cell)?.value ?? null, month: 1, day: null, minutes: null };
  });
}

/**
 * Whether the first column is dates in time order, either way; a descending one is charted
 * oldest first. When the order breaks, the spreadsheet row where it does.
 */
function dateOrder(table: TypedTable) {
  const { dataRows } = table;
  if (table.columns[0]!.type !== 'date' || dataRows.length < 2)
    return { inOrder: false, order: dataRows, disorder: null };
  const keys = dateKeys(firstColumnDates(table));
  const ascending = keys.every((key, index) => index === 0 || key > keys[index - 1]!);
  const descending = keys.every((key, index) => index === 0 || key < keys[index - 1]!);
  if (ascending || descending)
    return {
      inOrder: true,
      order: descending && !ascending ? [...dataRows].reverse() : dataRows,
      disorder: null,
    };
  const direction = keys[keys.length - 1]! >= keys[0]! ? 1 : -1;
  const broken = keys.findIndex((key, index) => index > 0 && (key - keys[index - 1]!) * direction <= 0);
  return { inOrder: false, order: dataRows, disorder: dataRows[broken]! + table.firstRow };
}

/** Why a table that is neither a time series nor shares of 100% is a comparison. */
function comparisonReason(table: TypedTable, disorder: number | null, pie: ReturnType<typeof shares>) {
  const first = table.columns[0]!;
  const main = table.columns[table.numberColumns[0]!]!;
  let reason =
    first.type === 'date' && disorder !== null
      ? `第一列“${first.name}”是日期，但没有按时间顺序排列（第 ${disorder} 行与上一行的顺序不一致），因此按对比类数据处理；如果是时间序列，请先按日期排序。`
      : `第一列“${first.name}”是${first.type === 'number' && table.columns.length > 1 ? '数字编号' : '名称'}，各行的数字互相比较，属于对比类数据。`;
  if (pie.pieAllowed && main.unit === '%') {
    reason += `这列百分比合计为 ${formatNumber(pie.sharesSum, 1)}%，不是 100%，所以不按占比（饼图）处理。`;
  }
  return reason;
}

/**
 * The kind of data: dates in order are a time series; one column of percentages adding up to
 * about 100% is a distribution; anything else with numbers is a comparison.
 */
export function classifyData(table: TypedTable): DataClass {
  const { columns, numberColumns } = table;
  if (numberColumns.length === 0) {
    const problem: DataProblem = {
      severity: 'warning',
      code: 'no-numbers',
      message: '没有找到数字列，无法画图；表格仍可复制。数字列里请只写数字和单位，如“1,234”“35%”“12元”。',
    };
    return {
      kind: null,
      reason: '',
      order: table.dataRows,
      pieAllowed: false,
      sharesSum: 0,
      problems: [problem],
    };
  }
  const main = columns[numberColumns[0]!]!;
  const pie = shares(table, numberColumns[0]!);
  const dates = dateOrder(table);
  const found = { order: dates.order, ...pie, problems: [] };
  if (dates.inOrder) {
    const reason = `第一列“${columns[0]!.name}”是按时间顺序排列的日期，后面有 ${numberColumns.length} 列数字，属于时间序列数据。`;
    return { kind: 'time-series', reason, ...found };
  }
  // Within 2 points of 100%: rounding each share to a whole percent can leave the sum at 99 or 101.
  if (pie.pieAllowed && main.unit === '%' && Math.abs(pie.sharesSum - 100) <= 2) {
    const reason = `“${main.name}”是一列百分比，合计约 100%（${formatNumber(pie.sharesSum, 1)}%），是各部分占整体的比例，属于分布类数据。`;
    return { kind: 'distribution', reason, ...found };
  }
  return { kind: 'comparison', reason: comparisonReason(table, dates.disorder, pie), ...found };
}

/**
 * The user's chart instead of 自动's, when the data allows it: a pie only for parts of a whole.
 * A line over data that is not a time series, or a pie of percentages not adding up to 100%, is
 * drawn as asked but with a warning.
 */
function usersChoice(
  table: TypedTable,
  data: DataClass,
  auto: ChartChoice & { kind: DataKind; chart: ChartKind },
  asked: ChartKind,
  options: AnalyzeOptions,
): ChartChoice {
  const { numberColumns, columns } = table;
  if (asked === 'pie' && !data.pieAllowed) {
    const problem: DataProblem = {
      severity: 'warning',
      code: 'not-shares',
      message:
        numberColumns.length !== 1
          ? `饼图只能表示一列数字各部分占整体的比例，这份数据有 ${numberColumns.length} 列数字，因此仍画${chartName(auto.chart)}。`
          : '饼图只能表示各部分占整体的比例，这列数字有负数或为空，因此仍画' + `${chartName(auto.chart)}。`,
    };
    return { ...auto, problems: [problem] };
  }
  const askedKind = options.chartTypes.find((type) => type.chart === asked)?.id as DataKind | undefined;
  const askedType = askedKind ? options.chartTypes.find((type) => type.id === askedKind) : undefined;
  if (!askedKind || !askedType) return auto;
  const autoType = options.chartTypes.find((type) => type.id === auto.kind)!;
  const problems: DataProblem[] = [];
  if (asked === 'line' && auto.kind !== 'time-series') {
    problems.push({
      severity: 'warning',
      code: 'chart-mismatch',
      message: `折线图用来表示随时间的变化，但第一列“${columns[0]!.name}”不是按顺序排列的日期：连线会暗示各项之间有先后关系。`,
    });
  }
  if (asked === 'pie' && columns[numberColumns[0]!]!.unit === '%' && Math.abs(data.sharesSum - 100) > 2) {
    problems.push({
      severity: 'warning',
      code: 'not-shares',
      message: `这列百分比合计为 ${formatNumber(data.sharesSum, 1)}%，不是 100%：饼图按各项数值占合计的比例重新计算。`,
    });
  }
  return {
    kind: askedKind,
    chart: asked,
    recommended: auto.recommended,
    reason: `你选择了${chartName(asked)}。按原文表5，${chartName(asked)}用于${askedType.dataKind}；自动判断的结果是${autoType.dataKind}（${chartName(auto.chart)}）。`,
    problems,
  };
}

/** Table 5's chart for the kind of data, or the user's choice when the data allows it. */
export function chooseChart(table: TypedTable, data: DataClass, options: AnalyzeOptions): ChartChoice {
  const none = { kind: null, chart: null, recommended: null, reason: data.reason, problems: [] };
  if (!data.kind) return none;
  const type = options.chartTypes.find((candidate) => candidate.id === data.kind);
  if (!type) {
    const problem: DataProblem = {
      severity: 'error',
      code: 'chart-types',
      message: `表5（chart-types.yaml）里没有“${data.kind}”这一类数据，无法选择图表。`,
    };
    return { ...none, problems: [problem] };
  }
  const auto = {
    kind: data.kind,
    chart: type.chart,
    recommended: { kind: data.kind, chart: type.chart },
    reason: `${data.reason}按原文表5，${type.dataKind}用“${type.display}”呈现，所以画${chartName(type.chart)}。`,
    problems: [],
  };
  const asked = options.chart && options.chart !== 'auto' ? options.chart : null;
  return asked && asked !== auto.chart ? usersChoice(table, data, auto, asked, options) : auto;
}
