/**
 * The outcome log as files: versioned JSON, and CSV for spreadsheets (UTF-8 with BOM, Chinese
 * header, cells that cannot run as formulas). Import detects which, checks every row with
 * validateEntry and says in Chinese why a row was skipped (`第 3 行：…`). Pure; never throws.
 */
import Papa from 'papaparse';
import { MAX_IMPORT_DEPTH } from '../input-limits';
import { nestsDeeperThan } from '../json-depth';
import { decodeTextBytes } from '../text-decoding';
import {
  errorText,
  isRecord,
  LIMITS,
  OUTCOME_FORMAT,
  OUTCOME_VERSION,
  shown,
  validateEntry,
  type OutcomeContext,
  type OutcomeEntry,
  type OutcomeFile,
  type Resolution,
} from './outcome-log';
import { RESOLUTION_LABELS } from './outcome-summary';

/** The JSON file: `{ format, version, exported, entries }`. */
export function exportJson(entries: readonly OutcomeEntry[], now: Date = new Date()): string {
  const file: OutcomeFile = {
    format: OUTCOME_FORMAT,
    version: OUTCOME_VERSION,
    exported: now.toISOString(),
    entries: [...entries],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const CSV_COLUMNS = [
  '编号',
  '诉求类型',
  '诉求类型代码',
  '模板',
  '模板代码',
  '模板修订',
  '事项',
  '发送日期',
  '首次人工回复日期',
  '结果',
  '满意度',
  '备注',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Header names accepted on import besides the exported ones. */
const CSV_ALIASES: Record<string, CsvColumn> = {
  id: '编号',
  序号: '编号',
  requesttype: '诉求类型代码',
  类型: '诉求类型',
  template: '模板代码',
  模板版本: '模板修订',
  版本: '模板修订',
  revision: '模板修订',
  matter: '事项',
  sent: '发送日期',
  firstreply: '首次人工回复日期',
  首次人工回复: '首次人工回复日期',
  首次回复日期: '首次人工回复日期',
  回复日期: '首次人工回复日期',
  resolved: '结果',
  satisfaction: '满意度',
  note: '备注',
};

/** A cell a spreadsheet could run as a formula (= + - @, tab, CR) gets a leading apostrophe. */
const FORMULA = /^'*[=+\-@\t\r]/;
export const csvSafe = (cell: string) => (FORMULA.test(cell) ? `'${cell}` : cell);
/** Undoes csvSafe: exactly one apostrophe is removed, and only where csvSafe added one. */
export const csvUnsafe = (cell: string) => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

const csvQuote = (cell: string) => (/[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** CSV for spreadsheets: UTF-8 with BOM (Excel then reads Chinese correctly), CRLF, Chinese header. */
export function exportCsv(entries: readonly OutcomeEntry[], context: OutcomeContext = {}): string {
  const typeLabel = (id: string) => context.requestTypes?.find((type) => type.id === id)?.label ?? id;
  const templateTitle = (id: string) =>
    context.templates?.find((template) => template.id === id)?.title ?? id;
  const rows = entries.map((entry) => {
    const cells: Record<CsvColumn, string> = {
      编号: entry.id,
      诉求类型: typeLabel(entry.requestType),
      诉求类型代码: entry.requestType,
      模板: entry.template ? templateTitle(entry.template.id) : '',
      模板代码: entry.template?.id ?? '',
      模板修订: entry.template ? String(entry.template.revision) : '',
      事项: entry.matter ?? '',
      发送日期: entry.sent,
      首次人工回复日期: entry.firstReply ?? '',
      结果: RESOLUTION_LABELS[entry.resolved],
      满意度: entry.satisfaction ? String(entry.satisfaction) : '',
      备注: entry.note ?? '',
    };
    return CSV_COLUMNS.map((column) => csvQuote(csvSafe(cells[column]))).join(',');
  });
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------- import

export interface ImportProblem {
  /** Spreadsheet row (the header is row 1) or position in the JSON list (from 1); 0 for the file. */
  row: number;
  /** `第 3 行：…` / `第 3 条：…` / the file's problem. */
  message: string;
}

export interface ImportResult {
  kind: 'json' | 'csv' | null;
  /** Valid entries, in file order. */
  entries: OutcomeEntry[];
  /** Rows or records read (valid or not). */
  read: number;
  problems: ImportProblem[];
}

/** 32-bit FNV-1a, as 7 base-36 digits: short, stable ids for imported rows without one. */
function fnv1a(text: string) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/** Ids for rows without one: the same row content gives the same id, so importing twice adds nothing. */
function derivedIds() {
  const seen = new Map<string, number>();
  return (raw: Record<string, unknown>) => {
    const template = isRecord(raw.template)
      ? `${String(raw.template.id)}@${String(raw.template.revision)}`
      : '';
    const basis = [
      raw.requestType,
      template,
      raw.matter,
      raw.sent,
      raw.firstReply,
      raw.resolved,
      raw.satisfaction,
      raw.note,
    ]
      .map((value) => (value === undefined || value === null ? '' : String(value).trim()))
      .join('\u001f');
    const hash = fnv1a(basis);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return occurrence === 1 ? `i-${hash}` : `i-${hash}-${occurrence}`;
  };
}

/** Dates as spreadsheets rewrite them: 2026/9/30, 2026.9.30, 2026-9-30 → 2026-09-30. */
export function normalizeDate(text: string): string {
  const match = /^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$/.exec(text);
  return match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : text.trim();
}

const RESOLUTION_WORDS: Record<string, Resolution> = {
  已解决: 'yes',
  解决: 'yes',
  是: 'yes',
  yes: 'yes',
  未解决: 'no',
  否: 'no',
  no: 'no',
  处理中: 'pending',
  pending: 'pending',
  '': 'pending',
};

/** The field of a record that nests too deep ('' for the record itself), or null. */
function deepField(raw: unknown): string | null {
  if (!nestsDeeperThan(raw, MAX_IMPORT_DEPTH)) return null;
  if (!isRecord(raw)) return '';
  return Object.keys(raw).find((key) => nestsDeeperThan(raw[key], MAX_IMPORT_DEPTH - 1)) ?? '';
}

function importRecords(
  records: readonly { row: number; raw: unknown }[],
  context: OutcomeContext,
  label: (row: number) => string,
): Pick<ImportResult, 'entries' | 'problems'> {
  const entries: OutcomeEntry[] = [];
  const problems: ImportProblem[] = [];
  const rowOfId = new Map<string, number>();
  const derive = derivedIds();
  for (const { row, raw } of records) {
    const deep = deepField(raw);
    if (deep !== null) {
      problems.push({
        row,
        message: `${label(row)}：${deep === '' ? '这一条' : `字段“${shown(deep)}”`}嵌套超过 ${MAX_IMPORT_DEPTH} 层，不像本页导出的记录，已跳过`,
      });
      continue;
    }
    let candidate = raw;
    if (
      isRecord(raw) &&
      (raw.id === undefined || raw.id === null || (typeof raw.id === 'string' && raw.id.trim() === ''))
    )
      candidate = { ...raw, id: derive(raw) };
    const checked = validateEntry(candidate, context);
    if (!checked.ok) {
      problems.push({ row, message: `${label(row)}：${errorText(checked.errors)}` });
      continue;
    }
    const earlier = rowOfId.get(checked.entry.id);
    if (earlier !== undefined) {
      problems.push({
        row,
        message: `${label(row)}：编号“${shown(checked.entry.id)}”与${label(earlier)}重复`,
      });
      continue;
    }
    rowOfId.set(checked.entry.id, row);
    entries.push(checked.entry);
  }
  return { entries, problems };
}

function importJson(text: string, context: OutcomeContext): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      kind: 'json',
      entries: [],
      read: 0,
      problems: [{ row: 0, message: '文件不是有效的 JSON，无法读取。' }],
    };
  }
  let list: unknown;
  if (Array.isArray(data)) list = data;
  else if (isRecord(data) && data.format === OUTCOME_FORMAT) {
    if (data.version !== OUTCOME_VERSION)
      return {
        kind: 'json',
        entries: [],
        read: 0,
        problems: [
          {
            row: 0,
            message: `文件的格式版本是 ${nestsDeeperThan(data.version, MAX_IMPORT_DEPTH) ? '（嵌套过深的值）' : shown(data.version)}，本页面只能读取版本 ${OUTCOME_VERSION}${typeof data.version === 'number' && data.version > OUTCOME_VERSION ? '（文件来自更新的版本，请刷新页面后再试）' : ''}。`,
          },
        ],
      };
    list = data.entries;
  } else {
    return {
      kind: 'json',
      entries: [],
      read: 0,
      problems: [{ row: 0, message: `这不是本站导出的效果记录（应含 "format": "${OUTCOME_FORMAT}"）。` }],
    };
  }
  if (!Array.isArray(list))
    return {
      kind: 'json',
      entries: [],
      read: 0,
      problems: [{ row: 0, message: '文件里没有记录列表（entries）。' }],
    };
  const tooMany = list.length > LIMITS.importEntries;
  const records = list.slice(0, LIMITS.importEntries).map((raw, index) => ({ row: index + 1, raw }));
  const result = importRecords(records, context, (row) => `第 ${row} 条`);
  if (tooMany)
    result.problems.push({
      row: 0,
      message: `文件有 ${list.length} 条记录，只读取了前 ${LIMITS.importEntries} 条。`,
    });
  return { kind: 'json', read: records.length, ...result };
}

function importCsv(text: string, context: OutcomeContext): ImportResult {
  // The delimiter is read from the header line (a note full of tabs must not change it).
  const headerLine = text.slice(0, text.search(/\r|\n|$/));
  const delimiter = headerLine.includes(',') ? ',' : headerLine.includes('\t') ? '\t' : ';';
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const rows = parsed.data.filter((row): row is string[] => Array.isArray(row));
  const fail = (message: string): ImportResult => ({
    kind: 'csv',
    entries: [],
    read: 0,
    problems: [{ row: 0, message }],
  });
  if (rows.length === 0) return fail('文件是空的。');
  const header = rows[0]!.map((cell) => {
    const name = cell.trim();
    return (CSV_COLUMNS as readonly string[]).includes(name)
      ? (name as CsvColumn)
      : Object.hasOwn(CSV_ALIASES, name.toLowerCase())
        ? CSV_ALIASES[name.toLowerCase()]!
        : null;
  });
  const has = (column: CsvColumn) => header.includes(column);
  if (!has('发送日期') || (!has('诉求类型') && !has('诉求类型代码')))
    return fail('表头里缺少“发送日期”或“诉求类型”列：请用本页导出的 CSV 作为模板。');

  const types = context.requestTypes ?? [];
  const templates = context.templates ?? [];
  // Blank rows are skipped but still counted, so row numbers match the spreadsheet's.
  const records: { row: number; raw: unknown }[] = [];
  const tooMany = rows.length - 1 > LIMITS.importEntries;
  let row = 1;
  for (const cells of rows.slice(1, LIMITS.importEntries + 1)) {
    row += 1;
    if (cells.every((cell) => cell.trim() === '')) continue;
    const value = (column: CsvColumn) => {
      const index = header.indexOf(column);
      return index >= 0 && index < cells.length ? csvUnsafe(cells[index]!).trim() : '';
    };
    const raw: Record<string, unknown> = {};
    const id = value('编号');
    if (id) raw.id = id;
    const typeText = value('诉求类型代码') || value('诉求类型');
    raw.requestType =
      types.find(
        (type) => type.id === typeText || type.label === typeText || type.formerNames?.includes(typeText),
      )?.id ?? typeText;
    const templateText = value('模板代码') || value('模板');
    const revisionText = value('模板修订');
    if (templateText || revisionText) {
      const templateId =
        templates.find((t) => t.id === templateText || t.title === templateText)?.id ?? templateText;
      const revision = /^(?:v|修订\s*)?(\d{1,6})$/i.exec(revisionText);
      if (!templateText) raw.template = { id: '', revision: 0 };
      else raw.template = { id: templateId, revision: revision ? Number(revision[1]) : revisionText };
    }
    const matter = value('事项');
    if (matter) raw.matter = matter;
    raw.sent = normalizeDate(value('发送日期'));
    const reply = value('首次人工回复日期');
    if (reply && !/^(未回复|无|—|-|–)$/.test(reply)) raw.firstReply = normalizeDate(reply);
    const result = value('结果');
    raw.resolved = Object.hasOwn(RESOLUTION_WORDS, result.toLowerCase())
      ? RESOLUTION_WORDS[result.toLowerCase()]
      : result;
    const score = value('满意度');
    if (score) raw.satisfaction = /^[1-5](?:\.0+)?$/.test(score) ? Number(score) : score;
    const note = value('备注');
    if (note) raw.note = note;
    records.push({ row, raw });
  }
  const result = importRecords(records, context, (line) => `第 ${line} 行`);
  if (tooMany)
    result.problems.push({
      row: 0,
      message: `文件有 ${rows.length - 1} 行，只读取了前 ${LIMITS.importEntries} 行。`,
    });
  return { kind: 'csv', read: records.length, ...result };
}

/**
 * Reads an exported file back: JSON (this site's format, or a bare list of entries) or CSV.
 * Never throws; every skipped row is in `problems` with its number and the reason.
 */
export function importOutcomes(text: string, context: OutcomeContext = {}): ImportResult {
  try {
    const body = text.replace(/^\uFEFF/, '');
    if (body.trim() === '')
      return { kind: null, entries: [], read: 0, problems: [{ row: 0, message: '文件是空的。' }] };
    return /^\s*[[{]/.test(body) ? importJson(body, context) : importCsv(body, context);
  } catch (problem) {
    return {
      kind: null,
      entries: [],
      read: 0,
      problems: [{ row: 0, message: `无法读取文件：${(problem as Error)?.message ?? String(problem)}` }],
    };
  }
}

/**
 * Bytes of a file as text (src/lib/text-decoding.ts: BOM, UTF-16, UTF-8, else GB18030 as Excel
 * saves CSV in China, or Big5); throws an Error with the Chinese reason when it is not text.
 */
export function decodeText(bytes: Uint8Array): string {
  const result = decodeTextBytes(bytes);
  if (!result.ok) throw new Error(result.message);
  return result.text;
}
