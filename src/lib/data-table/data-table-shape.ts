/**
 * The first stages of the data table helper: from the pasted text to a rectangular table of
 * trimmed cells with column names. Refuses what is empty or beyond the limits
 * (data-table-limits.ts), before parsing when a count of lines or characters already says no, and
 * warns about what it repaired: unpaired quotes, a missing header, rows shorter or longer than the
 * header. It reads cells only to tell a header row from a data row; what a column holds (numbers,
 * units, dates) is data-table-columns.ts's business.
 */
import Papa from 'papaparse';
import { MAX_COLUMNS, MAX_INPUT_CHARS, MAX_ROWS, RECOMMENDED_ROWS } from './data-table-limits';
import { parseDate, parseNumber } from './data-table-cells';
import { MAX_LISTED, quote, type DataAnalysis, type DataProblem } from './data-table-model';
import { parsePipeTables } from './plain-table';
import { formatNumber } from './svg-chart';

/** Why the analysis ends before there is a table: nothing to analyse (empty) or too much (refused). */
export interface Stop {
  stop: 'empty' | 'refused';
  problem: DataProblem;
}

type Source = NonNullable<DataAnalysis['source']>;

/** The pasted data as a table: what the later stages read. */
export interface TableShape {
  source: Source;
  /** Trimmed cells, every row exactly as wide as `names`; 合计 rows included. */
  rows: string[][];
  /** One per column: the header cell, or 列N when it was empty or there was no header. */
  names: string[];
  /** The spreadsheet row number of rows[0]: 2 below a header, 1 when the first row is data. */
  firstRow: number;
  /** Warnings about what was repaired, in the order the user should read them. */
  problems: DataProblem[];
}

const ATTACHMENT_ADVICE =
  '本章建议邮件里的表格只放支撑结论的几行（能用 5 行说清楚就不要放 30 行），完整明细作为附件发送。';

const refused = (code: DataProblem['code'], message: string, row?: number): Stop => ({
  stop: 'refused',
  problem: { severity: 'error', code, message, ...(row === undefined ? {} : { row }) },
});

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

/**
 * Stops nothing pasted, and a paste too long for a mail table. Before parsing: counting lines is
 * one pass, and parsing a megabyte is not needed to say no.
 */
export function refuseBeforeParsing(text: string): Stop | null {
  if (text.trim() === '') {
    return {
      stop: 'empty',
      problem: {
        severity: 'error',
        code: 'empty',
        message: '还没有数据：请从电子表格复制几行（含表头）粘贴到这里，或粘贴 CSV。',
      },
    };
  }
  const lines = countLines(text);
  if (lines - 1 > MAX_ROWS) {
    return refused(
      'too-many-rows',
      `粘贴的数据约有 ${formatNumber(lines - 1)} 行，超过了 ${MAX_ROWS} 行的上限，不生成表格和图表。${ATTACHMENT_ADVICE}请先在表格软件里筛选或汇总（如按周、按月合计）再粘贴。`,
    );
  }
  if (text.length > MAX_INPUT_CHARS) {
    return refused(
      'too-large',
      `粘贴的内容有 ${formatNumber(text.length)} 个字符，超过了 ${formatNumber(MAX_INPUT_CHARS)} 个字符的上限，不生成表格。邮件里的表格应当简短，${ATTACHMENT_ADVICE}`,
    );
  }
  return null;
}

interface Grid {
  cells: string[][];
  source: Source;
  /** Rows where papaparse found an unpaired quote. */
  quoteProblems: number[];
}

/** The cells as pasted: a Markdown pipe table when that is all there is, else TSV, CSV or `;`. */
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

/** A row's width without its trailing empty cells. */
function widthOf(row: readonly string[]): number {
  let width = row.length;
  while (width > 0 && row[width - 1] === '') width -= 1;
  return width;
}

/** The header is the first row, unless every cell in it reads as a number or a date. */
function splitHeader(records: readonly string[][]) {
  const first = records[0]!.map((cell) => cell.trim());
  const firstIsData = first.every(
    (cell) => cell === '' || parseNumber(cell) !== null || parseDate(cell) !== null,
  );
  const body = (firstIsData ? records : records.slice(1)).map((row) => row.map((cell) => cell.trim()));
  return { headerCells: firstIsData ? [] : first, body, firstRow: firstIsData ? 1 : 2 };
}

/** Stops a table too wide for a mail, and a header without data under it. */
function refuseShape(columnCount: number, bodyRows: number): Stop | null {
  if (columnCount > MAX_COLUMNS) {
    return refused(
      'too-many-columns',
      `数据有 ${columnCount} 列，超过了 ${MAX_COLUMNS} 列的上限：邮件正文大约只有 600 像素宽，列太多在手机上无法阅读。请只保留支撑结论的几列，完整数据作为附件发送。`,
    );
  }
  if (bodyRows === 0) {
    return refused('header-only', '只有表头，没有数据行：请连同下面的数据行一起复制。', 1);
  }
  return null;
}

function quoteWarning(grid: Grid): DataProblem[] {
  if (!grid.quoteProblems.length) return [];
  return [
    {
      severity: 'warning',
      code: 'quotes',
      message:
        '有未配对的英文双引号：从引号处到行尾（或下一个引号）被当作同一个单元格。如果表格看起来不对，请检查引号。',
    },
  ];
}

function noHeaderWarning(firstRow: number): DataProblem[] {
  if (firstRow !== 1) return [];
  return [
    {
      severity: 'warning',
      code: 'no-header',
      message: `第一行看起来就是数据，没有表头：已用“列1”“列2”……作列名。请补上写明单位的列名，例如“日订单量（单）”。`,
      row: 1,
    },
  ];
}

function shortRowsWarning(short: { row: number; cells: number }[], columnCount: number): DataProblem[] {
  if (!short.length) return [];
  const detail = short
    .slice(0, MAX_LISTED)
    .map(({ row, cells }) => `第 ${row} 行只有 ${cells} 个`)
    .join('，');
  return [
    {
      severity: 'warning',
      code: 'ragged-short',
      message: `${short.length} 行的单元格比表头少（表头 ${columnCount} 列；${detail}${short.length > MAX_LISTED ? ' 等' : ''}）：已在行尾补空单元格。请确认没有漏复制，或数据没有错位。`,
      row: short[0]!.row,
    },
  ];
}

function longRowsWarning(
  long: { row: number; extra: string[] }[],
  columnCount: number,
  source: Source,
): DataProblem[] {
  if (!long.length) return [];
  const detail = long
    .slice(0, MAX_LISTED)
    .map(({ row, extra }) => `第 ${row} 行多出 ${extra.map((cell) => quote(cell, 10)).join('、')}`)
    .join('；');
  const commaHint =
    source === 'csv'
      ? '如果是数字里的千分位逗号（如 1,234），请给这个单元格加英文双引号，或直接从表格软件复制（用制表符分隔）。'
      : '请检查这些行是否多了分隔符。';
  return [
    {
      severity: 'warning',
      code: 'ragged-long',
      message: `${long.length} 行的单元格比表头多（表头 ${columnCount} 列）：${detail}${long.length > MAX_LISTED ? ' 等' : ''}。多出的单元格没有放进表格。${commaHint}`,
      row: long[0]!.row,
      column: columnCount + 1,
    },
  ];
}

/** Every row made as wide as the header: short ones padded, long ones cut, and both said. */
function squareRows(body: readonly string[][], columnCount: number, firstRow: number, source: Source) {
  const short: { row: number; cells: number }[] = [];
  const long: { row: number; extra: string[] }[] = [];
  const rows = body.map((row, index) => {
    const width = widthOf(row);
    // Short by its length, not its width: a row with empty trailing cells (a spreadsheet's copy)
    // is as wide as the header.
    if (row.length < columnCount) short.push({ row: index + firstRow, cells: row.length });
    if (width > columnCount) long.push({ row: index + firstRow, extra: row.slice(columnCount, width) });
    return Array.from({ length: columnCount }, (_, column) => row[column] ?? '');
  });
  const problems = [...shortRowsWarning(short, columnCount), ...longRowsWarning(long, columnCount, source)];
  return { rows, problems };
}

function longTableWarning(rowCount: number): DataProblem[] {
  if (rowCount <= RECOMMENDED_ROWS) return [];
  return [
    { severity: 'warning', code: 'long-table', message: `表格有 ${rowCount} 行。${ATTACHMENT_ADVICE}` },
  ];
}

/** Column names: empty ones (or all, without a header) become 列N, and missing ones are said. */
function nameColumns(headerCells: readonly string[], columnCount: number) {
  const names = Array.from({ length: columnCount }, (_, column) => headerCells[column] || `列${column + 1}`);
  const emptyNames = headerCells.length ? names.filter((_, column) => !headerCells[column]) : [];
  const problems: DataProblem[] = emptyNames.length
    ? [
        {
          severity: 'warning',
          code: 'no-header',
          message: `${emptyNames.join('、')} 没有列名：已临时这样称呼，请补上写明单位的列名。`,
          row: 1,
        },
      ]
    : [];
  return { names, problems };
}

/** The pasted text as a table with column names, or why there is none. */
export function shapeTable(text: string): Stop | TableShape {
  const grid = readGrid(text);
  // Blank lines (and lines of empty cells) are left out; row numbers count the rest.
  const records = grid.cells.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (records.length === 0) {
    return {
      stop: 'empty',
      problem: { severity: 'error', code: 'empty', message: '粘贴的内容里没有数据：所有单元格都是空的。' },
    };
  }
  const { headerCells, body, firstRow } = splitHeader(records);
  // As many columns as the header has (or the widest row without a header); trailing empties dropped.
  const columnCount = headerCells.length
    ? Math.max(widthOf(headerCells), 1)
    : Math.max(...body.map((row) => widthOf(row)));
  const refusal = refuseShape(columnCount, body.length);
  if (refusal) return refusal;
  const squared = squareRows(body, columnCount, firstRow, grid.source);
  if (squared.rows.length > MAX_ROWS) {
    return refused(
      'too-many-rows',
      `数据有 ${squared.rows.length} 行，超过了 ${MAX_ROWS} 行的上限，不生成表格和图表。${ATTACHMENT_ADVICE}`,
    );
  }
  const named = nameColumns(headerCells, columnCount);
  return {
    source: grid.source,
    rows: squared.rows,
    names: named.names,
    firstRow,
    problems: [
      ...quoteWarning(grid),
      ...noHeaderWarning(firstRow),
      ...squared.problems,
      ...longTableWarning(squared.rows.length),
      ...named.problems,
    ],
  };
}
