/**
 * Reads data pasted from a spreadsheet (TSV), a CSV file or a Markdown pipe table and works out
 * what the guide's chapter 数据呈现 asks for: a three-line table with units in the headers and one
 * or two key figures marked, the kind of data, and the chart table 5 recommends for it. Pure and
 * DOM-free; never throws; everything it finds is a plain object with Chinese messages.
 */
import { chartSpecFor, pickKeyFigures } from './data-table-figures';
import { chooseChart, classifyData } from './data-table-kind';
import type { AnalyzeOptions, DataAnalysis, DataColumn, DataProblem, KeyFigure } from './data-table-model';
import { typeColumns } from './data-table-columns';
import { refuseBeforeParsing, shapeTable, type Stop } from './data-table-shape';
import type { Align, PlainTable } from './plain-table';

// The stages live in sibling modules, one or two each, named after what they do; this module is
// the API (the island, its engine and the CLI import it) and runs them in order.
export type { ChartKind } from './svg-chart';
export type {
  AnalyzeOptions,
  ChartTypeRow,
  ColumnType,
  DataAnalysis,
  DataColumn,
  DataKind,
  DataProblem,
  KeyFigure,
  ProblemCode,
} from './data-table-model';
export {
  normalizeCell,
  parseDate,
  parseNumber,
  type ParsedDate,
  type ParsedNumber,
} from './data-table-cells';
export { chartName } from './data-table-kind';

// The limits are in their own module: the island needs MAX_INPUT_CHARS before it loads this one.
export { MAX_COLUMNS, MAX_INPUT_CHARS, MAX_ROWS, RECOMMENDED_ROWS } from './data-table-limits';

function emptyResult(status: DataAnalysis['status'], problems: DataProblem[]): DataAnalysis {
  return {
    status,
    problems,
    source: null,
    columns: [],
    rows: [],
    values: [],
    kind: null,
    chart: null,
    recommended: null,
    kindReason: '',
    pieAllowed: false,
    keyFigures: [],
    keyReason: '',
    table: null,
    chartSpec: null,
  };
}

const stopped = ({ stop, problem }: Stop) => emptyResult(stop, [problem]);

/** Reads pasted data and works out the table, the kind of data, the chart and the key figures. */
export function analyzeData(input: string, options: AnalyzeOptions): DataAnalysis {
  try {
    return analyze(typeof input === 'string' ? input : '', options);
  } catch (error) {
    // Not expected (the property tests look for it); the user still gets a message, not a broken page.
    return emptyResult('refused', [
      {
        severity: 'error',
        code: 'unreadable',
        message: `无法读取这些数据（${String(error).slice(0, 80)}）。请检查后重新粘贴。`,
      },
    ]);
  }
}

/**
 * The stages in order: the text to a table (or a refusal), its columns typed, the kind of data,
 * the chart, the key figures, the chart's layout. Each stage returns its warnings, and they are
 * listed in that order.
 */
function analyze(input: string, options: AnalyzeOptions): DataAnalysis {
  const text = input.replace(/^\uFEFF/, '');
  const early = refuseBeforeParsing(text);
  if (early) return stopped(early);
  const shape = shapeTable(text);
  if ('stop' in shape) return stopped(shape);
  const table = typeColumns(shape);
  const data = classifyData(table);
  const choice = chooseChart(table, data, options);
  const { keyFigures, keyReason } = pickKeyFigures(table, choice.kind, data.order);
  const { chartSpec, problems: chartProblems } = chartSpecFor(table, choice, data.order, keyFigures);
  const problems = [
    ...shape.problems,
    ...table.problems,
    ...data.problems,
    ...choice.problems,
    ...chartProblems,
  ];
  const hasError = problems.some((problem) => problem.severity === 'error');
  return {
    status: hasError ? 'refused' : 'ok',
    problems,
    source: shape.source,
    columns: table.columns,
    rows: table.rows,
    values: table.values,
    kind: choice.kind,
    chart: choice.chart,
    recommended: choice.recommended,
    kindReason: choice.reason,
    pieAllowed: data.pieAllowed,
    keyFigures,
    keyReason,
    // An error (table 5 without this kind) leaves nothing to render.
    table: hasError ? null : plainTable(table.columns, table.rows, keyFigures),
    chartSpec: hasError ? null : chartSpec,
  };
}

/** The table to copy: headers with units, numbers right-aligned, the key figures highlighted. */
function plainTable(
  columns: readonly DataColumn[],
  rows: string[][],
  keyFigures: readonly KeyFigure[],
): PlainTable {
  const highlight = rows.map((_, rowIndex) =>
    columns.map((_, column) =>
      keyFigures.some((figure) => figure.row === rowIndex && figure.column === column),
    ),
  );
  const align: Align[] = columns.map((column) => (column.type === 'number' ? 'right' : 'left'));
  return { header: columns.map((column) => column.header), rows, align, highlight };
}
