/**
 * The column-typing stage of the data table helper: which columns hold dates, numbers or text;
 * each number column's unit (from the header, else the unit most of its cells carry) and the
 * numbers read from it (cell syntax: data-table-cells.ts); which rows are 合计 rows. Warns about
 * mixed units, cells of a number column that are not numbers, and number columns without a unit.
 * It does not decide what kind of data the table is or how to chart it (data-table-kind.ts).
 */
import { normalizeCell, parseDate, parseNumber, type ParsedNumber } from './data-table-cells';
import { MAX_LISTED, quote, type ColumnType, type DataColumn, type DataProblem } from './data-table-model';
import type { TableShape } from './data-table-shape';

/** The table with its columns typed: what the kind, chart and key-figure stages read. */
export interface TypedTable {
  rows: string[][];
  columns: DataColumn[];
  /** Numbers read from number columns (null elsewhere and for unreadable cells). */
  values: (number | null)[][];
  /** The rows that are data, i.e. all but the 合计 rows, in the pasted order. */
  dataRows: number[];
  /**
   * The number columns to chart and mark: every one but the first column, which names the rows
   * (unless it is the only column).
   */
  numberColumns: number[];
  /** The spreadsheet row number of rows[0] (see TableShape). */
  firstRow: number;
  problems: DataProblem[];
}

const TOTAL_ROW = /^(?:合计|总计|小计|总和|汇总|共计|total|sum)$/i;
const HEADER_UNIT = /[（(]\s*([^（）()]{1,10}?)\s*[)）]\s*$/;
const YEAR_HEADER = /年|year/i;

/** One column as the typing stage reads it. */
interface ColumnCells {
  /** 0-based position. */
  column: number;
  name: string;
  /** Every row's cell, 合计 rows included. */
  cells: readonly string[];
  /** The data rows (not 合计) whose cell is not empty. */
  filled: number[];
  /** parseNumber of each filled cell, in the order of `filled`. */
  numbers: (ParsedNumber | null)[];
}

/** What one row is called in reasons and on the chart: its first cell, else 第 N 行. */
export function rowLabel(table: TypedTable, index: number): string {
  const numbered = `第 ${index + table.firstRow} 行`;
  return table.columns.length === 1 ? numbered : table.rows[index]![0] || numbered;
}

const isYear = (number: ParsedNumber | null) =>
  number !== null &&
  Number.isInteger(number.value) &&
  number.value >= 1900 &&
  number.value <= 2100 &&
  !number.unit;

/**
 * Dates when every filled cell is one (or a first column headed 年/year holds only years), numbers
 * when at least half the filled cells are, else text: a few stray words (暂无, -) do not make a
 * number column text, they are reported instead.
 */
function columnType({ column, name, cells, filled, numbers }: ColumnCells): ColumnType {
  if (filled.length && filled.every((index) => parseDate(cells[index]!) !== null)) return 'date';
  if (column === 0 && filled.length >= 2 && YEAR_HEADER.test(name) && numbers.every(isYear)) return 'date';
  const numberCount = numbers.filter(Boolean).length;
  if (numberCount > 0 && numberCount * 2 >= filled.length) return 'number';
  return 'text';
}

function mixedUnitsWarning({ column, name }: ColumnCells, cellUnits: string[]): DataProblem[] {
  if (cellUnits.length <= 1) return [];
  return [
    {
      severity: 'warning',
      code: 'mixed-units',
      message: `“${name}”列混用了不同的单位（${cellUnits.join('、')}）：同一列请用同一个单位，否则数字无法比较。`,
      column: column + 1,
    },
  ];
}

function notANumberWarning(
  { column, name }: ColumnCells,
  bad: { row: number; text: string }[],
): DataProblem[] {
  if (!bad.length) return [];
  const detail = bad
    .slice(0, MAX_LISTED)
    .map(({ row, text }) => `第 ${row} 行的 ${quote(text)}`)
    .join('、');
  const problem: DataProblem = {
    severity: 'warning',
    code: 'not-a-number',
    message: `“${name}”是数字列，但 ${detail}${bad.length > MAX_LISTED ? ` 等 ${bad.length} 个单元格` : ''}不是数字：表格里照原样保留，图表里跳过。请改成数字，或留空。`,
    row: bad[0]!.row,
    column: column + 1,
  };
  return [problem];
}

/** A number column's unit, values (one per row) and warnings. */
function readNumberColumn(
  input: ColumnCells,
  headerUnit: string,
  isTotal: readonly boolean[],
  firstRow: number,
) {
  const { cells, filled, numbers } = input;
  const units = new Map<string, number>();
  for (const number of numbers) if (number) units.set(number.unit, (units.get(number.unit) ?? 0) + 1);
  const cellUnits = [...units.keys()].filter(Boolean);
  // The header's unit wins; else the unit most cells carry.
  const unit =
    headerUnit || ([...units.entries()].filter(([key]) => key).sort((a, b) => b[1] - a[1])[0]?.[0] ?? '');
  const values = cells.map((): number | null => null);
  const bad: { row: number; text: string }[] = [];
  filled.forEach((index, position) => {
    const number = numbers[position];
    if (number) values[index] = number.value;
    else bad.push({ row: index + firstRow, text: cells[index]! });
  });
  // Total rows are read too (for the table), but not checked against the others.
  cells.forEach((cell, index) => {
    if (isTotal[index]) values[index] = parseNumber(cell)?.value ?? null;
  });
  return {
    unit,
    values,
    problems: [...mixedUnitsWarning(input, cellUnits), ...notANumberWarning(input, bad)],
  };
}

/** One column typed: its header with the unit added when only the cells carried it, and its values. */
function typeColumn(input: ColumnCells, isTotal: readonly boolean[], firstRow: number) {
  const { name } = input;
  const headerUnit = HEADER_UNIT.exec(name)?.[1] ?? (/%$/.test(name) ? '%' : '');
  const type = columnType(input);
  const read =
    type === 'number'
      ? readNumberColumn(input, headerUnit, isTotal, firstRow)
      : { unit: headerUnit, values: input.cells.map((): number | null => null), problems: [] };
  const { unit } = read;
  const header = unit && !HEADER_UNIT.test(name) && !name.endsWith(unit) ? `${name}（${unit}）` : name;
  const column: DataColumn = { header, name, type, unit };
  return { column, values: read.values, problems: read.problems };
}

function missingUnitWarning(columns: readonly DataColumn[], numberColumns: readonly number[]): DataProblem[] {
  const unitless = numberColumns
    .filter((index) => !columns[index]!.unit)
    .map((index) => columns[index]!.name);
  if (!unitless.length) return [];
  return [
    {
      severity: 'warning',
      code: 'missing-unit',
      message: `这些数字列没有写单位：${unitless.join('、')}。本章建议每列都写清单位，例如“金额（元）”“时长（分钟）”。`,
    },
  ];
}

/** Types every column of the table and reads its numbers. */
export function typeColumns(shape: TableShape): TypedTable {
  const { rows, names, firstRow } = shape;
  // Total rows (合计) stay in the table but out of the chart and the key figures.
  const isTotal = rows.map((row) => TOTAL_ROW.test(normalizeCell(row[0] ?? '')));
  const dataRows = rows.map((_, index) => index).filter((index) => !isTotal[index]);
  const typed = names.map((name, column) => {
    const cells = rows.map((row) => row[column]!);
    const filled = dataRows.filter((index) => cells[index] !== '');
    const numbers = filled.map((index) => parseNumber(cells[index]!));
    return typeColumn({ column, name, cells, filled, numbers }, isTotal, firstRow);
  });
  const columns = typed.map(({ column }) => column);
  const numberColumns = columns.flatMap((column, index) =>
    column.type === 'number' && (index > 0 || columns.length === 1) ? [index] : [],
  );
  return {
    rows,
    columns,
    values: rows.map((_, index) => typed.map(({ values }) => values[index] ?? null)),
    dataRows,
    numberColumns,
    firstRow,
    problems: [...typed.flatMap(({ problems }) => problems), ...missingUnitWarning(columns, numberColumns)],
  };
}
