/**
 * Reads data pasted from a spreadsheet (TSV), a CSV file or a Markdown pipe table and works out
 * what the guide's chapter 数据呈现 asks for: a three-line table with units in the headers and one
 * or two key figures marked, the kind of data, and the chart table 5 recommends for it. Pure and
 * DOM-free; never throws; everything it finds is a plain object with Chinese messages.
 */
import Papa from 'papaparse';
import type { GuideData } from '../guide-data';
import { MAX_COLUMNS, MAX_INPUT_CHARS, MAX_ROWS, RECOMMENDED_ROWS } from './data-table-limits';
import { parsePipeTables, type Align, type PlainTable } from './plain-table';
import {
  formatNumber,
  MAX_SERIES,
  pieShares,
  type ChartHighlight,
  type ChartKind,
  type ChartSpec,
} from './svg-chart';

export type { ChartKind } from './svg-chart';
export type DataKind = 'time-series' | 'comparison' | 'distribution';
export type ColumnType = 'number' | 'date' | 'text';
/** A row of table 5 (chart-types.yaml): which chart fits which kind of data. */
export type ChartTypeRow = Pick<GuideData['chartTypes'][number], 'id' | 'dataKind' | 'display' | 'chart'>;

// The limits are in their own module: the island needs MAX_INPUT_CHARS before it loads this one.
export { MAX_COLUMNS, MAX_INPUT_CHARS, MAX_ROWS, RECOMMENDED_ROWS } from './data-table-limits';
/** At most this many problems of one kind are listed one by one; the rest are counted. */
const MAX_LISTED = 5;

export type ProblemCode =
  | 'empty'
  | 'too-large'
  | 'too-many-rows'
  | 'too-many-columns'
  | 'header-only'
  | 'no-header'
  | 'ragged-short'
  | 'ragged-long'
  | 'quotes'
  | 'not-a-number'
  | 'mixed-units'
  | 'missing-unit'
  | 'long-table'
  | 'no-numbers'
  | 'dates-unordered'
  | 'not-shares'
  | 'chart-mismatch'
  | 'too-many-series'
  | 'too-many-slices'
  | 'chart-types'
  | 'unreadable';

export interface DataProblem {
  severity: 'error' | 'warning';
  code: ProblemCode;
  message: string;
  /** 1-based row of the pasted data, as a spreadsheet counts it (the header, if any, is row 1). */
  row?: number;
  /** 1-based column. */
  column?: number;
}

export interface DataColumn {
  /** The header as shown in the table, with the unit added when the cells carried it. */
  header: string;
  /** The header as pasted (or 列N when it was empty or missing). */
  name: string;
  type: ColumnType;
  unit: string;
}

export interface KeyFigure {
  /** Index into `rows` (0-based, the header not counted). */
  row: number;
  column: number;
  reason: string;
}

export interface DataAnalysis {
  /** empty: nothing pasted; refused: an error stops it (nothing to render); ok: a table. */
  status: 'empty' | 'refused' | 'ok';
  problems: DataProblem[];
  /** What separated the cells: tab, comma, semicolon, or a Markdown pipe table. */
  source: 'tsv' | 'csv' | 'semicolon' | 'pipe-table' | null;
  columns: DataColumn[];
  /** Cell text as pasted (trimmed), every row as wide as the header. */
  rows: string[][];
  /** Numbers read from number columns (null elsewhere and for unreadable cells). */
  values: (number | null)[][];
  kind: DataKind | null;
  /** The chart drawn: the user's choice when it fits, else table 5's for the kind. */
  chart: ChartKind | null;
  /** What 自动 would choose. */
  recommended: { kind: DataKind; chart: ChartKind } | null;
  /** Why this kind and chart, in one or two Chinese sentences. */
  kindReason: string;
  /** Whether the data can honestly be shown as a pie (one column of non-negative parts of a whole). */
  pieAllowed: boolean;
  keyFigures: KeyFigure[];
  /** Why these cells are marked, in Chinese ('' when none). */
  keyReason: string;
  table: PlainTable | null;
  chartSpec: ChartSpec | null;
}

export interface AnalyzeOptions {
  /** Table 5 (chart-types.yaml). */
  chartTypes: readonly ChartTypeRow[];
  /** The chart the user asked for; 'auto' (default) follows table 5. */
  chart?: ChartKind | 'auto' | undefined;
}

// ---------------------------------------------------------------------------------------------
// Cells: numbers and dates

/** Full-width digits and signs (Chinese input methods) → ASCII; odd spaces and minus signs unified. */
export function normalizeCell(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(/\uFFE5/g, '¥')
    .replace(/[\u2212\u2012\u2013\uFE63]/g, '-')
    .replace(/[\u3000\u00A0\u2000-\u200B\u202F\u205F]/g, ' ')
    .trim();
}

export interface ParsedNumber {
  value: number;
  /** The unit written with the number: 元, %, 万元, 单…; '' when none. */
  unit: string;
}

const CURRENCY: Record<string, string> = {
  '¥': '元',
  RMB: '元',
  CNY: '元',
  $: '美元',
  USD: '美元',
  '€': '欧元',
  '£': '英镑',
};
/** Units after a number: percent, a few Latin ones, or up to 3 Chinese characters (not 年月日号: dates). */
const UNIT =
  /^(?:%|‰|kg|g|t|km|m|cm|mm|h|min|s|ms|KB|MB|GB|TB|k|K|w|W|pcs|(?![^]*[年月日号])[\u4E00-\u9FFF]{1,3}(?:\/[\u4E00-\u9FFF]{1,2})?)$/;
const NUMBER =
  /^([+-])?(¥|\$|€|£|RMB|CNY|USD)?([+-])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(万|亿)?(.*)$/;

/** 1,234 / 1 234 / ¥1,234.5 / 12元 / -3.5% / 1.2万 / １２３ → number and unit, or null. */
export function parseNumber(text: string): ParsedNumber | null {
  const compact = normalizeCell(text).replace(/\s+/g, '');
  if (!compact || compact.length > 40) return null;
  const negativeParens = /^\((.+)\)$/.exec(compact);
  const body = negativeParens ? negativeParens[1]! : compact;
  const match = NUMBER.exec(body);
  if (!match) return null;
  const [, sign1, currency, sign2, digits, multiplier, rest] = match;
  if (sign1 && sign2) return null;
  let unit = rest ?? '';
  if (unit && !UNIT.test(unit)) return null;
  if (currency) {
    if (unit && unit !== '元') return null;
    unit = CURRENCY[currency] ?? '';
  }
  let value = Number(digits!.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  if (multiplier === '万') value *= 1e4;
  if (multiplier === '亿') value *= 1e8;
  if (sign1 === '-' || sign2 === '-' || negativeParens) value = -value;
  // Rounding away float noise from 1.2 × 10⁴ and the like.
  value = Number(value.toPrecision(15));
  return { value, unit };
}

export interface ParsedDate {
  year: number | null;
  month: number;
  /** null for a month (2026年11月, 2026-11). */
  day: number | null;
  /** Minutes after midnight, when a time was given. */
  minutes: number | null;
}

const WEEKDAY = /\s*[(（]?(?:周|星期|礼拜)[一二三四五六日天][)）]?$/;
const TIME = String.raw`(?:[ T]+(\d{1,2}):(\d{2})(?::\d{2})?)?`;
type DateFields = [
  year: number | null,
  month: number,
  day: number | null,
  hour?: string | undefined,
  minute?: string | undefined,
];
const DATE_PATTERNS: [RegExp, (match: RegExpExecArray) => DateFields][] = [
  [
    new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`),
    (m) => [+m[1]!, +m[2]!, +m[3]!, m[4], m[5]],
  ],
  [
    new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?${TIME}$`),
    (m) => [+m[1]!, +m[2]!, +m[3]!, m[4], m[5]],
  ],
  [/^(\d{4})[-/](\d{1,2})$/, (m) => [+m[1]!, +m[2]!, null]],
  [/^(\d{4})年(\d{1,2})月份?$/, (m) => [+m[1]!, +m[2]!, null]],
  [new RegExp(String.raw`^(\d{1,2})月(\d{1,2})[日号]?${TIME}$`), (m) => [null, +m[1]!, +m[2]!, m[3], m[4]]],
  [/^(\d{1,2})\/(\d{1,2})$/, (m) => [null, +m[1]!, +m[2]!]],
  [/^(\d{1,2})月份?$/, (m) => [null, +m[1]!, null]],
];

function daysInMonth(year: number | null, month: number): number {
  // Without a year, 29 February is allowed.
  return new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate();
}

/** 2026-11-16, 2026/11/16, 11/16, 11月16日, 2026年11月16日, 2026-11, 11月 (a weekday after it is ignored). */
export function parseDate(text: string): ParsedDate | null {
  const clean = normalizeCell(text).replace(WEEKDAY, '').replace(/\s+/g, ' ');
  if (!clean || clean.length > 30) return null;
  for (const [pattern, read] of DATE_PATTERNS) {
    const match = pattern.exec(clean);
    if (!match) continue;
    const [year, month, day, hourText, minuteText] = read(match);
    if (year !== null && (year < 1900 || year > 2100)) return null;
    if (month < 1 || month > 12) return null;
    if (day !== null && (day < 1 || day > daysInMonth(year, month))) return null;
    let minutes: number | null = null;
    if (hourText !== undefined && minuteText !== undefined) {
      const hour = +hourText;
      const minute = +minuteText;
      if (hour > 23 || minute > 59) return null;
      minutes = hour * 60 + minute;
    }
    return { year, month, day, minutes };
  }
  return null;
}

/** Sort keys for a column of dates; dates without a year roll over into the next year after December. */
function dateKeys(dates: ParsedDate[]): number[] {
  let year = dates.find((date) => date.year !== null)?.year ?? 2000;
  let previous: ParsedDate | null = null;
  return dates.map((date) => {
    if (date.year !== null) year = date.year;
    else if (previous && previous.month >= 10 && date.month <= 3) year += 1;
    previous = date;
    return ((year * 12 + date.month) * 32 + (date.day ?? 0)) * 1440 + (date.minutes ?? 0);
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

const TOTAL_ROW = /^(?:合计|总计|小计|总和|汇总|共计|total|sum)$/i;
const HEADER_UNIT = /[（(]\s*([^（）()]{1,10}?)\s*[)）]\s*$/;
const YEAR_HEADER = /年|year/i;

function quote(text: string, columns = 16): string {
  const clean = text.replace(/\s+/g, ' ');
  return clean.length > columns ? `“${clean.slice(0, columns)}…”` : `“${clean}”`;
}

function countLines(text: string): number {
  let lines = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (text.slice(start, end).trim() !== '') lines += 1;
    start = end + 1;
  }
  return lines;
}

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

const ATTACHMENT_ADVICE =
  '本章建议邮件里的表格只放支撑结论的几行（能用 5 行说清楚就不要放 30 行），完整明细作为附件发送。';

// ---------------------------------------------------------------------------------------------
// Reading the grid

interface Grid {
  cells: string[][];
  source: NonNullable<DataAnalysis['source']>;
  quoteProblems: number[];
}

function readGrid(text: string): Grid {
  const pipe = text.trimStart().startsWith('|') ? parsePipeTables(text) : [];
  if (
    pipe.length === 1 &&
    text.slice(0, pipe[0]!.start).trim() === '' &&
    text.slice(pipe[0]!.end).trim() === ''
  ) {
    const { header, rows } = pipe[0]!.table;
    return { cells: [header, ...rows], source: 'pipe-table', quoteProblems: [] };
  }
  // A spreadsheet's copy has a tab in its first line; otherwise let papaparse guess.
  const firstLine = text.split('\n', 50).find((line) => line.trim() !== '') ?? '';
  const parsed = Papa.parse<string[]>(text, {
    delimiter: firstLine.includes('\t') ? '\t' : '',
    delimitersToGuess: ['\t', ',', ';'],
    skipEmptyLines: false,
  });
  const delimiter = parsed.meta.delimiter;
  const quoteProblems = parsed.errors
    .filter((error) => error.type === 'Quotes' && typeof error.row === 'number')
    .map((error) => error.row!);
  return {
    cells: parsed.data.map((row) => (Array.isArray(row) ? row.map((cell) => String(cell ?? '')) : [])),
    source: delimiter === '\t' ? 'tsv' : delimiter === ';' ? 'semicolon' : 'csv',
    quoteProblems,
  };
}

// ---------------------------------------------------------------------------------------------
// The analysis

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

function analyze(input: string, options: AnalyzeOptions): DataAnalysis {
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return emptyResult('empty', [
      {
        severity: 'error',
        code: 'empty',
        message: '还没有数据：请从电子表格复制几行（含表头）粘贴到这里，或粘贴 CSV。',
      },
    ]);
  }
  // Refused before parsing: counting lines is one pass, parsing a megabyte is not needed to say no.
  const lines = countLines(text);
  if (lines - 1 > MAX_ROWS) {
    return emptyResult('refused', [
      {
        severity: 'error',
        code: 'too-many-rows',
        message: `粘贴的数据约有 ${formatNumber(lines - 1)} 行，超过了 ${MAX_ROWS} 行的上限，不生成表格和图表。${ATTACHMENT_ADVICE}请先在表格软件里筛选或汇总（如按周、按月合计）再粘贴。`,
      },
    ]);
  }
  if (text.length > MAX_INPUT_CHARS) {
    return emptyResult('refused', [
      {
        severity: 'error',
        code: 'too-large',
        message: `粘贴的内容有 ${formatNumber(text.length)} 个字符，超过了 ${formatNumber(MAX_INPUT_CHARS)} 个字符的上限，不生成表格。邮件里的表格应当简短，${ATTACHMENT_ADVICE}`,
      },
    ]);
  }

  const problems: DataProblem[] = [];
  const grid = readGrid(text);
  // Blank lines (and lines of empty cells) are left out; row numbers count the rest.
  const records = grid.cells.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (records.length === 0) {
    return emptyResult('empty', [
      { severity: 'error', code: 'empty', message: '粘贴的内容里没有数据：所有单元格都是空的。' },
    ]);
  }
  if (grid.quoteProblems.length) {
    problems.push({
      severity: 'warning',
      code: 'quotes',
      message:
        '有未配对的英文双引号：从引号处到行尾（或下一个引号）被当作同一个单元格。如果表格看起来不对，请检查引号。',
    });
  }

  // Header: the first row, unless every cell in it reads as a number or a date.
  const first = records[0]!.map((cell) => cell.trim());
  const firstIsData = first.every(
    (cell) => cell === '' || parseNumber(cell) !== null || parseDate(cell) !== null,
  );
  const headerCells = firstIsData ? [] : first;
  const body = (firstIsData ? records : records.slice(1)).map((row) => row.map((cell) => cell.trim()));
  const rowNumber = (index: number) => index + (firstIsData ? 1 : 2);

  // Columns: as many as the header has (or the widest row without a header); trailing empties dropped.
  const widthOf = (row: string[]) => {
    let width = row.length;
    while (width > 0 && row[width - 1] === '') width -= 1;
    return width;
  };
  const columnCount = firstIsData ? Math.max(...body.map(widthOf)) : Math.max(widthOf(headerCells), 1);
  if (columnCount > MAX_COLUMNS) {
    return emptyResult('refused', [
      {
        severity: 'error',
        code: 'too-many-columns',
        message: `数据有 ${columnCount} 列，超过了 ${MAX_COLUMNS} 列的上限：邮件正文大约只有 600 像素宽，列太多在手机上无法阅读。请只保留支撑结论的几列，完整数据作为附件发送。`,
      },
    ]);
  }
  if (body.length === 0) {
    return emptyResult('refused', [
      {
        severity: 'error',
        code: 'header-only',
        message: '只有表头，没有数据行：请连同下面的数据行一起复制。',
        row: 1,
      },
    ]);
  }
  if (firstIsData) {
    problems.push({
      severity: 'warning',
      code: 'no-header',
      message: `第一行看起来就是数据，没有表头：已用“列1”“列2”……作列名。请补上写明单位的列名，例如“日订单量（单）”。`,
      row: 1,
    });
  }

  // Ragged rows: short ones padded, long ones cut, and both said.
  const short: number[] = [];
  const long: { row: number; extra: string[] }[] = [];
  const rows = body.map((row, index) => {
    const width = widthOf(row);
    // A row with empty trailing cells (a spreadsheet's copy) is as wide as the header.
    if (row.length < columnCount) short.push(rowNumber(index));
    if (width > columnCount) long.push({ row: rowNumber(index), extra: row.slice(columnCount, width) });
    return Array.from({ length: columnCount }, (_, column) => row[column] ?? '');
  });
  if (short.length) {
    const detail = short
      .slice(0, MAX_LISTED)
      .map((row) => `第 ${row} 行只有 ${body[row - rowNumber(0)]!.length} 个`)
      .join('，');
    problems.push({
      severity: 'warning',
      code: 'ragged-short',
      message: `${short.length} 行的单元格比表头少（表头 ${columnCount} 列；${detail}${short.length > MAX_LISTED ? ' 等' : ''}）：已在行尾补空单元格。请确认没有漏复制，或数据没有错位。`,
      row: short[0]!,
    });
  }
  if (long.length) {
    const detail = long
      .slice(0, MAX_LISTED)
      .map(({ row, extra }) => `第 ${row} 行多出 ${extra.map((cell) => quote(cell, 10)).join('、')}`)
      .join('；');
    const commaHint =
      grid.source === 'csv'
        ? '如果是数字里的千分位逗号（如 1,234），请给这个单元格加英文双引号，或直接从表格软件复制（用制表符分隔）。'
        : '请检查这些行是否多了分隔符。';
    problems.push({
      severity: 'warning',
      code: 'ragged-long',
      message: `${long.length} 行的单元格比表头多（表头 ${columnCount} 列）：${detail}${long.length > MAX_LISTED ? ' 等' : ''}。多出的单元格没有放进表格。${commaHint}`,
      row: long[0]!.row,
      column: columnCount + 1,
    });
  }
  if (rows.length > MAX_ROWS) {
    return emptyResult('refused', [
      {
        severity: 'error',
        code: 'too-many-rows',
        message: `数据有 ${rows.length} 行，超过了 ${MAX_ROWS} 行的上限，不生成表格和图表。${ATTACHMENT_ADVICE}`,
      },
    ]);
  }
  if (rows.length > RECOMMENDED_ROWS) {
    problems.push({
      severity: 'warning',
      code: 'long-table',
      message: `表格有 ${rows.length} 行。${ATTACHMENT_ADVICE}`,
    });
  }

  // Column names: empty ones become 列N.
  const names = Array.from({ length: columnCount }, (_, column) => headerCells[column] || `列${column + 1}`);
  const emptyNames = headerCells.length ? names.filter((_, column) => !headerCells[column]) : [];
  if (emptyNames.length) {
    problems.push({
      severity: 'warning',
      code: 'no-header',
      message: `${emptyNames.join('、')} 没有列名：已临时这样称呼，请补上写明单位的列名。`,
      row: 1,
    });
  }

  // Total rows (合计) stay in the table but out of the chart and the key figures.
  const isTotal = rows.map((row) => TOTAL_ROW.test(normalizeCell(row[0] ?? '')));
  const dataRows = rows.map((_, index) => index).filter((index) => !isTotal[index]);

  // Column types and units.
  const columns: DataColumn[] = [];
  const values: (number | null)[][] = rows.map(() => Array<number | null>(columnCount).fill(null));
  let dates: ParsedDate[] | null = null;
  for (let column = 0; column < columnCount; column += 1) {
    const name = names[column]!;
    const headerUnit = HEADER_UNIT.exec(name)?.[1] ?? (/%$/.test(name) ? '%' : '');
    const filled = dataRows.filter((index) => rows[index]![column] !== '');
    const cellDates = filled.map((index) => parseDate(rows[index]![column]!));
    const numbers = filled.map((index) => parseNumber(rows[index]![column]!));
    const numberCount = numbers.filter(Boolean).length;
    let type: ColumnType = 'text';
    if (filled.length && cellDates.every(Boolean)) type = 'date';
    else if (
      column === 0 &&
      filled.length >= 2 &&
      YEAR_HEADER.test(name) &&
      numbers.every(
        (number) =>
          number &&
          Number.isInteger(number.value) &&
          number.value >= 1900 &&
          number.value <= 2100 &&
          !number.unit,
      )
    )
      type = 'date';
    else if (numberCount > 0 && numberCount * 2 >= filled.length) type = 'number';

    let unit = headerUnit;
    if (type === 'number') {
      const units = new Map<string, number>();
      for (const number of numbers) if (number) units.set(number.unit, (units.get(number.unit) ?? 0) + 1);
      const cellUnits = [...units.keys()].filter(Boolean);
      if (cellUnits.length > 1) {
        problems.push({
          severity: 'warning',
          code: 'mixed-units',
          message: `“${name}”列混用了不同的单位（${cellUnits.join('、')}）：同一列请用同一个单位，否则数字无法比较。`,
          column: column + 1,
        });
      }
      if (!unit) unit = [...units.entries()].filter(([key]) => key).sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
      const bad: { row: number; text: string }[] = [];
      filled.forEach((index, position) => {
        const number = numbers[position];
        if (number) values[index]![column] = number.value;
        else bad.push({ row: rowNumber(index), text: rows[index]![column]! });
      });
      // Total rows are read too (for the table), but not checked against the others.
      rows.forEach((row, index) => {
        if (isTotal[index]) values[index]![column] = parseNumber(row[column] ?? '')?.value ?? null;
      });
      if (bad.length) {
        const detail = bad
          .slice(0, MAX_LISTED)
          .map(({ row, text }) => `第 ${row} 行的 ${quote(text)}`)
          .join('、');
        problems.push({
          severity: 'warning',
          code: 'not-a-number',
          message: `“${name}”是数字列，但 ${detail}${bad.length > MAX_LISTED ? ` 等 ${bad.length} 个单元格` : ''}不是数字：表格里照原样保留，图表里跳过。请改成数字，或留空。`,
          row: bad[0]!.row,
          column: column + 1,
        });
      }
    }
    if (type === 'date' && column === 0) {
      dates = dataRows.map((index) => {
        const cell = rows[index]![0]!;
        return (
          parseDate(cell) ?? { year: parseNumber(cell)?.value ?? null, month: 1, day: null, minutes: null }
        );
      });
    }
    const header = unit && !HEADER_UNIT.test(name) && !name.endsWith(unit) ? `${name}（${unit}）` : name;
    columns.push({ header, name, type, unit });
  }

  const numberColumns = columns
    .map((column, index) => ({ column, index }))
    .filter(({ column, index }) => column.type === 'number' && (index > 0 || columnCount === 1))
    .map(({ index }) => index);
  const unitless = numberColumns
    .filter((index) => !columns[index]!.unit)
    .map((index) => columns[index]!.name);
  if (unitless.length) {
    problems.push({
      severity: 'warning',
      code: 'missing-unit',
      message: `这些数字列没有写单位：${unitless.join('、')}。本章建议每列都写清单位，例如“金额（元）”“时长（分钟）”。`,
    });
  }

  // Kind of data.
  const labelOf = (index: number) =>
    columnCount === 1 ? `第 ${rowNumber(index)} 行` : rows[index]![0] || `第 ${rowNumber(index)} 行`;
  const firstName = columns[0]!.name;
  let recommendedKind: DataKind | null = null;
  let kindReason = '';
  let order: number[] = dataRows;
  let pieAllowed = false;
  let sharesSum = 0;
  if (numberColumns.length === 0) {
    problems.push({
      severity: 'warning',
      code: 'no-numbers',
      message: '没有找到数字列，无法画图；表格仍可复制。数字列里请只写数字和单位，如“1,234”“35%”“12元”。',
    });
  } else {
    const main = numberColumns[0]!;
    const mainValues = dataRows.map((index) => values[index]![main]!);
    const present = mainValues.filter((value): value is number => value !== null);
    if (numberColumns.length === 1 && present.length >= 2 && present.every((value) => value >= 0)) {
      sharesSum = present.reduce((sum, value) => sum + value, 0);
      pieAllowed = sharesSum > 0;
    }
    const isShares = pieAllowed && columns[main]!.unit === '%' && Math.abs(sharesSum - 100) <= 2;

    let datesInOrder = false;
    let disorder: number | null = null;
    if (columns[0]!.type === 'date' && dates && dataRows.length >= 2) {
      const keys = dateKeys(dates);
      const ascending = keys.every((key, index) => index === 0 || key > keys[index - 1]!);
      const descending = keys.every((key, index) => index === 0 || key < keys[index - 1]!);
      datesInOrder = ascending || descending;
      if (descending && !ascending) order = [...dataRows].reverse();
      if (!datesInOrder) {
        const direction = keys[keys.length - 1]! >= keys[0]! ? 1 : -1;
        const broken = keys.findIndex((key, index) => index > 0 && (key - keys[index - 1]!) * direction <= 0);
        disorder = rowNumber(dataRows[broken]!);
      }
    }
    if (datesInOrder) {
      recommendedKind = 'time-series';
      kindReason = `第一列“${firstName}”是按时间顺序排列的日期，后面有 ${numberColumns.length} 列数字，属于时间序列数据。`;
    } else if (isShares) {
      recommendedKind = 'distribution';
      kindReason = `“${columns[main]!.name}”是一列百分比，合计约 100%（${formatNumber(sharesSum, 1)}%），是各部分占整体的比例，属于分布类数据。`;
    } else {
      recommendedKind = 'comparison';
      kindReason =
        columns[0]!.type === 'date' && disorder !== null
          ? `第一列“${firstName}”是日期，但没有按时间顺序排列（第 ${disorder} 行与上一行的顺序不一致），因此按对比类数据处理；如果是时间序列，请先按日期排序。`
          : `第一列“${firstName}”是${columns[0]!.type === 'number' && columnCount > 1 ? '数字编号' : '名称'}，各行的数字互相比较，属于对比类数据。`;
      if (pieAllowed && columns[main]!.unit === '%') {
        kindReason += `这列百分比合计为 ${formatNumber(sharesSum, 1)}%，不是 100%，所以不按占比（饼图）处理。`;
      }
    }
  }

  // Table 5: the chart for the kind, and the user's choice.
  const typeFor = (kind: DataKind) => options.chartTypes.find((type) => type.id === kind);
  const kindForChart = (chart: ChartKind) =>
    options.chartTypes.find((type) => type.chart === chart)?.id as DataKind | undefined;
  let kind = recommendedKind;
  let chart: ChartKind | null = null;
  let recommended: DataAnalysis['recommended'] = null;
  if (recommendedKind) {
    const type = typeFor(recommendedKind);
    if (!type) {
      problems.push({
        severity: 'error',
        code: 'chart-types',
        message: `表5（chart-types.yaml）里没有“${recommendedKind}”这一类数据，无法选择图表。`,
      });
      kind = null;
    } else {
      chart = type.chart;
      recommended = { kind: recommendedKind, chart };
      kindReason += `按原文表5，${type.dataKind}用“${type.display}”呈现，所以画${chartName(chart)}。`;
      const asked = options.chart && options.chart !== 'auto' ? options.chart : null;
      if (asked && asked !== chart) {
        const askedKind = kindForChart(asked);
        const askedType = askedKind ? typeFor(askedKind) : undefined;
        if (asked === 'pie' && !pieAllowed) {
          problems.push({
            severity: 'warning',
            code: 'not-shares',
            message:
              numberColumns.length !== 1
                ? `饼图只能表示一列数字各部分占整体的比例，这份数据有 ${numberColumns.length} 列数字，因此仍画${chartName(chart)}。`
                : '饼图只能表示各部分占整体的比例，这列数字有负数或为空，因此仍画' + `${chartName(chart)}。`,
          });
        } else if (askedKind && askedType) {
          kind = askedKind;
          chart = asked;
          kindReason = `你选择了${chartName(asked)}。按原文表5，${chartName(asked)}用于${askedType.dataKind}；自动判断的结果是${typeFor(recommendedKind)!.dataKind}（${chartName(recommended.chart)}）。`;
          if (asked === 'line' && recommendedKind !== 'time-series') {
            problems.push({
              severity: 'warning',
              code: 'chart-mismatch',
              message: `折线图用来表示随时间的变化，但第一列“${firstName}”不是按顺序排列的日期：连线会暗示各项之间有先后关系。`,
            });
          }
          if (asked === 'pie' && columns[numberColumns[0]!]!.unit === '%' && Math.abs(sharesSum - 100) > 2) {
            problems.push({
              severity: 'warning',
              code: 'not-shares',
              message: `这列百分比合计为 ${formatNumber(sharesSum, 1)}%，不是 100%：饼图按各项数值占合计的比例重新计算。`,
            });
          }
        }
      }
    }
  }

  // Key figures: one or two cells, with a reason.
  const keyFigures: KeyFigure[] = [];
  const keyReasons: string[] = [];
  const main = numberColumns[0];
  if (kind && main !== undefined) {
    const mainName = columns[main]!.name;
    const unit = columns[main]!.unit;
    const show = (value: number) => `${formatNumber(value)}${unit}`;
    const present = order.filter((index) => values[index]![main] !== null);
    if (kind === 'time-series' && present.length >= 2) {
      let best: { index: number; previous: number; change: number } | null = null;
      for (let position = 1; position < present.length; position += 1) {
        const index = present[position]!;
        const previous = present[position - 1]!;
        const change = values[index]![main]! - values[previous]![main]!;
        if (change !== 0 && (!best || Math.abs(change) > Math.abs(best.change)))
          best = { index, previous, change };
      }
      if (best) {
        const before = values[best.previous]![main]!;
        const relative =
          before !== 0
            ? `（${best.change > 0 ? '+' : ''}${formatNumber((best.change / Math.abs(before)) * 100, 1)}%）`
            : '';
        keyFigures.push({
          row: best.index,
          column: main,
          reason: `“${mainName}”在 ${labelOf(best.index)} 比前一个时间点（${labelOf(best.previous)}）${best.change > 0 ? '增加' : '减少'} ${unit === '%' ? `${formatNumber(Math.abs(best.change))} 个百分点` : show(Math.abs(best.change))}${relative}，是变化最大的一处。`,
        });
      } else keyReasons.push(`“${mainName}”各时间点的数值相同，没有需要标出的变化。`);
    } else if (kind === 'distribution' && present.length >= 1) {
      const shares = pieShares(present.map((index) => values[index]![main]!));
      let top = 0;
      shares.forEach((share, position) => {
        if (share > shares[top]!) top = position;
      });
      const index = present[top]!;
      keyFigures.push({
        row: index,
        column: main,
        reason: `占比最大的是“${labelOf(index)}”，占 ${formatNumber(shares[top]!, 1)}%。`,
      });
    } else if (present.length >= 2) {
      let high = present[0]!;
      let low = present[0]!;
      for (const index of present) {
        if (values[index]![main]! > values[high]![main]!) high = index;
        if (values[index]![main]! < values[low]![main]!) low = index;
      }
      if (values[high]![main] !== values[low]![main]) {
        keyFigures.push(
          {
            row: high,
            column: main,
            reason: `“${mainName}”最大的是“${labelOf(high)}”（${show(values[high]![main]!)}）。`,
          },
          { row: low, column: main, reason: `最小的是“${labelOf(low)}”（${show(values[low]![main]!)}）。` },
        );
      } else keyReasons.push(`“${mainName}”各项数值相同，没有需要标出的最大值或最小值。`);
    }
    if (numberColumns.length > 1 && keyFigures.length) keyReasons.push(`以第一个数字列“${mainName}”为准。`);
  }
  const keyReason = [...keyFigures.map((figure) => figure.reason), ...keyReasons].join('');

  // The chart.
  let chartSpec: ChartSpec | null = null;
  if (kind && chart && main !== undefined) {
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
    const highlights: ChartHighlight[] = keyFigures
      .map((figure) => ({ position: chartRows.indexOf(figure.row), figure }))
      .filter(({ position }) => position >= 0)
      .map(({ position, figure }) => ({
        series: 0,
        index: position,
        note:
          chart === 'pie'
            ? `${labelOf(figure.row)}：${formatNumber(pieShares(chartRows.map((index) => values[index]![main]!))[position]!, 1)}%`
            : `${labelOf(figure.row)}：${rows[figure.row]![main]}`,
      }));
    const mainHeader = columns[main]!.header;
    chartSpec = {
      chart,
      title:
        chart === 'line'
          ? `${mainHeader}${seriesColumns.length > 1 ? '等' : ''}随${firstName}的变化`
          : chart === 'bar'
            ? `各${columnCount > 1 ? firstName : '行'}的${mainHeader}${seriesColumns.length > 1 ? '等' : ''}`
            : `各${firstName}的${columns[main]!.name}`,
      categoryName: columnCount > 1 ? firstName : '',
      labels: chartRows.map(labelOf),
      series: seriesColumns.map((column) => ({
        name: columns[column]!.name,
        unit: chart === 'pie' ? '' : columns[column]!.unit,
        values: chartRows.map((index) => values[index]![column] ?? null),
      })),
      highlights,
    };
  }

  const highlight = rows.map((_, rowIndex) =>
    Array.from({ length: columnCount }, (_, column) =>
      keyFigures.some((figure) => figure.row === rowIndex && figure.column === column),
    ),
  );
  const align: Align[] = columns.map((column) => (column.type === 'number' ? 'right' : 'left'));
  const table: PlainTable = { header: columns.map((column) => column.header), rows, align, highlight };
  const hasError = problems.some((problem) => problem.severity === 'error');
  return {
    status: hasError ? 'refused' : 'ok',
    problems,
    source: grid.source,
    columns,
    rows,
    values,
    kind,
    chart,
    recommended,
    kindReason,
    pieAllowed,
    keyFigures,
    keyReason,
    table: hasError ? null : table,
    chartSpec: hasError ? null : chartSpec,
  };
}

export function chartName(chart: ChartKind): string {
  return { line: '折线图', bar: '柱状图', pie: '饼图' }[chart];
}
