/**
 * A small table as plain data, and its three renderings for a mail: a GFM pipe table for a
 * plain-text draft, the same table found again in a draft, and a three-line table in inline-styled
 * HTML for web mail. No DOM: the islands, the mail composer and the CLI share it.
 */
import { displayWidth } from '../display-width';

export type Align = 'left' | 'right';

export interface PlainTable {
  header: string[];
  rows: string[][];
  align: Align[];
  /** rows × columns: cells shown as key figures (bold, light background). */
  highlight: boolean[][];
}

/** Characters a backslash escapes in a cell: the cell delimiter, the escape itself, the bold marker. */
const SPECIAL = new Set(['\\', '|', '*']);

/** Leading and trailing `**` around at least one character: read as a highlighted cell. */
const BOLD_CELL = /^\*\*([^]+)\*\*$/;

/** Cell text as it can stand on one line: newlines and tabs become spaces, ends trimmed. */
function oneLine(text: string): string {
  return String(text ?? '')
    .replace(/\r\n?|\n|\t/g, ' ')
    .trim();
}

/**
 * Escapes a cell so that parsing gives it back: `|` → `\|`; a backslash before `\`, `|` or `*`
 * is doubled; text that would read as bold (`**…**`) without being highlighted starts with `\*`.
 * This is also how Markdown reads backslash escapes, so a Markdown viewer shows the same text.
 */
function escapeCell(text: string, highlighted: boolean): string {
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    // The character after the last one is the closing `**` when the cell is highlighted.
    const next = index + 1 < text.length ? text[index + 1]! : highlighted ? '*' : '';
    if (character === '|') out += '\\|';
    else if (character === '\\') out += SPECIAL.has(next) ? '\\\\' : '\\';
    else if (character === '*' && index === 0 && !highlighted && BOLD_CELL.test(text)) out += '\\*';
    else out += character;
  }
  return highlighted ? `**${out}**` : out;
}

/** Reverses escapeCell's backslash escapes (a backslash before another character stays). */
function unescapeCell(raw: string): string {
  let out = '';
  for (let index = 0; index < raw.length; index += 1) {
    const character = raw[index]!;
    const next = raw[index + 1];
    if (character === '\\' && next !== undefined && SPECIAL.has(next)) {
      out += next;
      index += 1;
    } else out += character;
  }
  return out;
}

/** A raw (still escaped, trimmed) body cell → its text and whether it was marked as a key figure. */
function readCell(raw: string): { text: string; highlighted: boolean } {
  const bold = BOLD_CELL.exec(raw);
  return bold
    ? { text: unescapeCell(bold[1]!), highlighted: true }
    : { text: unescapeCell(raw), highlighted: false };
}

/** The widest of the header and the rows (a loop: a spread of many rows would overflow the stack). */
function columnCount(table: PlainTable): number {
  let columns = table.header.length;
  for (const row of table.rows) columns = Math.max(columns, row.length);
  return columns;
}

function padCell(text: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * GFM pipe table, padded by display width (Chinese characters take two columns), highlighted cells
 * as `**…**`, `|` in cells escaped as `\|`, right-aligned columns marked `---:`. Newlines in a cell
 * become spaces; a highlighted empty cell cannot be marked and stays plain. Ragged rows are padded
 * with empty cells to the widest row. An empty header and no rows give ''.
 */
export function formatPipeTable(table: PlainTable): string {
  const columns = columnCount(table);
  if (columns === 0) return '';
  const align = Array.from({ length: columns }, (_, column) =>
    table.align[column] === 'right' ? 'right' : 'left',
  ) as Align[];
  const header = Array.from({ length: columns }, (_, column) =>
    escapeCell(oneLine(table.header[column] ?? ''), false),
  );
  const rows = table.rows.map((row, rowIndex) =>
    Array.from({ length: columns }, (_, column) => {
      const text = oneLine(row[column] ?? '');
      return escapeCell(text, text !== '' && table.highlight[rowIndex]?.[column] === true);
    }),
  );
  const widths = header.map((cell) => Math.max(3, displayWidth(cell)));
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column]!, displayWidth(cell));
    });
  }
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => padCell(cell, widths[column]!, align[column]!)).join(' | ')} |`;
  const separator = `| ${widths
    .map((width, column) => (align[column] === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width)))
    .join(' | ')} |`;
  return [line(header), separator, ...rows.map(line)].join('\n');
}

/** Splits a table line into raw cells at unescaped `|`, dropping the outer pipes. */
function splitRow(line: string): string[] {
  const text = line.trim();
  const cells: string[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === '\\') index += 1;
    else if (character === '|') {
      cells.push(text.slice(start, index));
      start = index + 1;
    }
  }
  cells.push(text.slice(start));
  if (text.startsWith('|')) cells.shift();
  // A closing pipe leaves an empty last piece (the line was trimmed, so nothing follows it).
  if (cells.length > 1 && cells[cells.length - 1] === '' && text.endsWith('|')) cells.pop();
  return cells.map((cell) => cell.trim());
}

function hasPipe(line: string): boolean {
  for (let index = 0; index < line.length; index += 1) {
    if (line[index] === '\\') index += 1;
    else if (line[index] === '|') return true;
  }
  return false;
}

const SEPARATOR_CELL = /^:?-+:?$/;

/** The alignments of a separator line (`| --- | ---: |`), or null when the line is not one. */
function readSeparator(line: string): Align[] | null {
  if (!line.includes('|') || !line.includes('-')) return null;
  if (!/^[\s|:-]+$/.test(line)) return null;
  const cells = splitRow(line);
  if (cells.length === 0 || !cells.every((cell) => SEPARATOR_CELL.test(cell))) return null;
  return cells.map((cell) => (cell.endsWith(':') && !cell.startsWith(':') ? 'right' : 'left'));
}

/**
 * Finds GFM pipe tables in a mail draft: a header line, a separator line (`|---|---:|`) with as
 * many cells, then the following lines that contain a `|`. `**…**` around a body cell marks it as
 * highlighted (the markers are removed from the text). start/end are UTF-16 offsets into text,
 * end exclusive, from the start of the header line to the end of the last row (its line break
 * excluded). Never throws; linear in the length of the text.
 */
export function parsePipeTables(text: string): Array<{ start: number; end: number; table: PlainTable }> {
  const source = typeof text === 'string' ? text : '';
  // Each line with its start offset and its end (before \r\n or \n).
  const lines: { start: number; end: number; text: string }[] = [];
  let lineStart = 0;
  while (lineStart <= source.length) {
    let newline = source.indexOf('\n', lineStart);
    if (newline === -1) newline = source.length;
    const end = newline > lineStart && source[newline - 1] === '\r' ? newline - 1 : newline;
    lines.push({ start: lineStart, end, text: source.slice(lineStart, end) });
    lineStart = newline + 1;
  }
  const tables: Array<{ start: number; end: number; table: PlainTable }> = [];
  for (let index = 0; index + 1 < lines.length; index += 1) {
    const headerLine = lines[index]!;
    if (!hasPipe(headerLine.text)) continue;
    const align = readSeparator(lines[index + 1]!.text);
    if (!align) continue;
    const header = splitRow(headerLine.text);
    if (header.length !== align.length) continue;
    const rows: string[][] = [];
    const highlight: boolean[][] = [];
    let last = index + 1;
    while (last + 1 < lines.length && hasPipe(lines[last + 1]!.text) && lines[last + 1]!.text.trim() !== '') {
      last += 1;
      const raw = splitRow(lines[last]!.text);
      const cells = Array.from({ length: header.length }, (_, column) => readCell(raw[column] ?? ''));
      rows.push(cells.map((cell) => cell.text));
      highlight.push(cells.map((cell) => cell.highlighted));
    }
    tables.push({
      start: headerLine.start,
      end: lines[last]!.end,
      table: { header: header.map(unescapeCell), rows, align, highlight },
    });
    index = last;
  }
  return tables;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return String(text ?? '').replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

const RULE_COLOR = '#222222';
const HIGHLIGHT_BACKGROUND = '#fff3bf';
const FONT = "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC',Arial,sans-serif";

function style(declarations: Record<string, string | undefined>): string {
  return Object.entries(declarations)
    .filter(([, value]) => value !== undefined)
    .map(([property, value]) => `${property}:${value}`)
    .join(';');
}

/**
 * Inline-styled HTML for pasting into web mail (Gmail, QQ Mail, Outlook web), which drop <style>
 * blocks: a three-line table (2px rules above and below, a 1px rule under the header, no vertical
 * lines, none between rows). The rules sit on the cells as well as on the table, since some
 * clients ignore table borders. Right-aligned columns are right-aligned; highlighted cells are
 * bold (also <strong>, for clients that drop styles) on #fff3bf. All text is HTML-escaped.
 */
export function threeLineTableHtml(table: PlainTable, options: { caption?: string } = {}): string {
  const columns = columnCount(table);
  if (columns === 0) return '';
  const rule = (width: number) => `${width}px solid ${RULE_COLOR}`;
  const alignOf = (column: number) => (table.align[column] === 'right' ? 'right' : 'left');
  const caption = options.caption?.trim()
    ? `<caption style="${style({ 'caption-side': 'top', 'text-align': 'left', 'font-weight': 'bold', padding: '0 0 6px' })}">${escapeHtml(options.caption.trim())}</caption>`
    : '';
  const headerCells = Array.from({ length: columns }, (_, column) => {
    const css = style({
      'border-top': rule(2),
      'border-bottom': rule(table.rows.length === 0 ? 2 : 1),
      padding: '4px 12px',
      'text-align': alignOf(column),
      'font-weight': 'bold',
      'white-space': 'nowrap',
    });
    return `<th style="${css}">${escapeHtml(oneLine(table.header[column] ?? ''))}</th>`;
  }).join('');
  const bodyRows = table.rows
    .map((row, rowIndex) => {
      const lastRow = rowIndex === table.rows.length - 1;
      const cells = Array.from({ length: columns }, (_, column) => {
        const text = escapeHtml(oneLine(row[column] ?? ''));
        const highlighted = table.highlight[rowIndex]?.[column] === true;
        const css = style({
          'border-bottom': lastRow ? rule(2) : undefined,
          padding: '4px 12px',
          'text-align': alignOf(column),
          'font-weight': highlighted ? 'bold' : undefined,
          'background-color': highlighted ? HIGHLIGHT_BACKGROUND : undefined,
        });
        return `<td style="${css}">${highlighted && text ? `<strong>${text}</strong>` : text}</td>`;
      }).join('');
      return `<tr>${cells}</tr>`;
    })
    .join('');
  const tableCss = style({
    'border-collapse': 'collapse',
    'border-top': rule(2),
    'border-bottom': rule(2),
    'border-left': 'none',
    'border-right': 'none',
    'font-family': FONT,
    'font-size': '14px',
    'line-height': '1.5',
    color: '#222222',
  });
  return `<table style="${tableCss}">${caption}<thead><tr>${headerCells}</tr></thead><tbody>${bodyRows}</tbody></table>`;
}
