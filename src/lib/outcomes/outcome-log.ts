/**
 * The outcome log of chapter 9 (效果评估): one record per mail sent, and the figures the
 * chapter defines, computed from it. Pure: no DOM, no storage; the calendar is passed in.
 *
 * - Reply rate = mails with a human reply ÷ mails sent.
 * - Reply time = working days after the sending day up to and including the day of the first
 *   human reply (a reply on the sending day takes 0; the chapter's 用时 column, counted as in the
 *   follow-up chapter, by WorkCalendar.workdaysBetween). The median is over replied mails only;
 *   unanswered mails are counted apart.
 * - Resolution rate = matters resolved ÷ matters decided (resolved or not resolved). A matter
 *   (事项) is counted once however many mails it took: mails sharing a `matter` name are one
 *   matter. Matters still 处理中 are counted and shown, not put in the ratio.
 * - Satisfaction 1–5: mean and count, one score per matter (its latest mail that has one).
 * - No open rate: the chapter explains why it cannot be measured honestly.
 *
 * The figures themselves are computed in ./outcome-summary.ts. Files (export
 * as JSON or CSV, import) are in ./outcome-files.ts, which the figures' page loads only when a
 * file is asked for (it brings the CSV parser).
 */
import { isIsoDate } from '../work-calendar';

export const OUTCOME_FORMAT = 'ksmail-outcomes';
export const OUTCOME_VERSION = 1;

export type Resolution = 'yes' | 'no' | 'pending';
export const RESOLUTIONS: readonly Resolution[] = ['yes', 'no', 'pending'];
// The figures are their own module (outcome-summary.ts, with RESOLUTION_LABELS): the outcome
// figures' first load takes them without this module's validation, which only an import needs;
// and nothing here imports them, so the composer's lazy chunk that logs a sent mail stays as it was.
export type { GroupBy, GroupFigures, OutcomeSummary } from './outcome-summary';

export type Satisfaction = 1 | 2 | 3 | 4 | 5;

/** A template of the gallery and the revision the mail was written from. */
export interface TemplateRef {
  id: string;
  revision: number;
}

export interface OutcomeEntry {
  /** Unique in the log; imports merge by it. */
  id: string;
  /** request-routes.yaml id. */
  requestType: string;
  template?: TemplateRef;
  /** The matter (事项) the mail belongs to: follow-ups of one matter share the name. */
  matter?: string;
  /** YYYY-MM-DD, Beijing time. */
  sent: string;
  /** Day of the first human reply (not an auto-reply, not a bounce). */
  firstReply?: string;
  resolved: Resolution;
  satisfaction?: Satisfaction;
  note?: string;
}

/** The exported JSON (and the value kept in the browser). */
export interface OutcomeFile {
  format: typeof OUTCOME_FORMAT;
  version: typeof OUTCOME_VERSION;
  exported: string;
  entries: OutcomeEntry[];
}

/** What the site knows: request types and templates (for checks and labels), and today's date. */
export interface OutcomeContext {
  requestTypes?: readonly { id: string; label: string; formerNames?: readonly string[] }[];
  /** Each template with its current (highest) revision number. */
  templates?: readonly { id: string; title: string; revisions: number }[];
  /** Today in Beijing time (YYYY-MM-DD): later dates are refused. */
  today?: string;
}

export type OutcomeField =
  | 'id'
  | 'requestType'
  | 'template'
  | 'matter'
  | 'sent'
  | 'firstReply'
  | 'resolved'
  | 'satisfaction'
  | 'note'
  | 'entry';

export interface FieldError {
  field: OutcomeField;
  message: string;
}

export type Validation = { ok: true; entry: OutcomeEntry } | { ok: false; errors: FieldError[] };

export const LIMITS = {
  id: 64,
  matter: 100,
  note: 1000,
  firstYear: 2000,
  lastYear: 2099,
  /** Entries read from one file. */
  importEntries: 10_000,
} as const;

const FIELD_NAMES: Record<OutcomeField, string> = {
  id: '编号',
  requestType: '诉求类型',
  template: '模板',
  matter: '事项',
  sent: '发送日期',
  firstReply: '首次人工回复日期',
  resolved: '结果',
  satisfaction: '满意度',
  note: '备注',
  entry: '记录',
};

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A value shown in a message: short, one line. */
export const shown = (value: unknown) => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const line = text.replace(/\s+/g, ' ');
  return line.length > 30 ? `${line.slice(0, 30)}…` : line;
};

function checkDate(
  value: unknown,
  field: 'sent' | 'firstReply',
  context: OutcomeContext,
  errors: FieldError[],
) {
  const name = FIELD_NAMES[field];
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
    errors.push({
      field,
      message: `${name}应写成 2026-09-30 这样的日期${value === undefined || value === '' ? '' : `，这里是“${shown(value)}”`}`,
    });
    return undefined;
  }
  const date = value.trim();
  if (!isIsoDate(date)) {
    errors.push({ field, message: `${name} ${date} 不存在` });
    return undefined;
  }
  const year = Number(date.slice(0, 4));
  if (year < LIMITS.firstYear || year > LIMITS.lastYear) {
    errors.push({
      field,
      message: `${name} ${date} 超出记录范围（${LIMITS.firstYear}–${LIMITS.lastYear} 年）`,
    });
    return undefined;
  }
  if (context.today && date > context.today) {
    errors.push({ field, message: `${name} ${date} 晚于今天（北京时间 ${context.today}）` });
    return undefined;
  }
  return date;
}

const optionalText = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Checks one record (from the form, storage or a file) and returns it cleaned: strings trimmed,
 * empty optional fields left out, unknown fields dropped. Messages are in Chinese and name the field.
 */
export function validateEntry(raw: unknown, context: OutcomeContext = {}): Validation {
  if (!isRecord(raw))
    return { ok: false, errors: [{ field: 'entry', message: '这一条不是一条记录（应为对象）' }] };
  const errors: FieldError[] = [];

  let id: string | undefined;
  if (typeof raw.id !== 'string' || raw.id.trim() === '') errors.push({ field: 'id', message: '缺少编号' });
  else if (raw.id.trim().length > LIMITS.id || CONTROL.test(raw.id))
    errors.push({ field: 'id', message: `编号最长 ${LIMITS.id} 个字符，且不能含控制字符` });
  else id = raw.id.trim();

  let requestType: string | undefined;
  if (typeof raw.requestType !== 'string' || raw.requestType.trim() === '')
    errors.push({ field: 'requestType', message: '请选择诉求类型' });
  else {
    requestType = raw.requestType.trim();
    if (context.requestTypes && !context.requestTypes.some((type) => type.id === requestType)) {
      errors.push({
        field: 'requestType',
        message: `未知的诉求类型“${shown(requestType)}”，可选：${context.requestTypes.map((type) => type.label).join('、')}`,
      });
    }
  }

  let template: TemplateRef | undefined;
  if (raw.template !== undefined && raw.template !== null) {
    const ref = raw.template;
    if (!isRecord(ref) || typeof ref.id !== 'string' || ref.id.trim() === '')
      errors.push({ field: 'template', message: '模板应写明模板和修订号' });
    else if (ref.revision === undefined || ref.revision === '')
      errors.push({ field: 'template', message: '请写明模板的修订号' });
    else if (typeof ref.revision !== 'number' || !Number.isInteger(ref.revision) || ref.revision < 1)
      errors.push({ field: 'template', message: `模板修订号应为正整数，这里是“${shown(ref.revision)}”` });
    else {
      template = { id: ref.id.trim(), revision: ref.revision };
      const known = context.templates?.find((candidate) => candidate.id === template!.id);
      if (context.templates && !known)
        errors.push({ field: 'template', message: `未知的模板“${shown(template.id)}”` });
      else if (known && template.revision > known.revisions)
        errors.push({
          field: 'template',
          message: `模板“${known.title}”没有修订 ${template.revision}（最新是修订 ${known.revisions}）`,
        });
    }
  }

  let matter: string | undefined;
  if (!optionalText(raw.matter)) {
    if (
      typeof raw.matter !== 'string' ||
      raw.matter.trim().length > LIMITS.matter ||
      CONTROL.test(raw.matter)
    )
      errors.push({ field: 'matter', message: `事项名称最长 ${LIMITS.matter} 字，且不能含控制字符` });
    else matter = raw.matter.trim();
  }

  const sent = checkDate(raw.sent, 'sent', context, errors);
  let firstReply: string | undefined;
  if (!optionalText(raw.firstReply)) {
    firstReply = checkDate(raw.firstReply, 'firstReply', context, errors);
    if (firstReply && sent && firstReply < sent) {
      errors.push({ field: 'firstReply', message: `首次人工回复日期 ${firstReply} 早于发送日期 ${sent}` });
      firstReply = undefined;
    }
  }

  let resolved: Resolution | undefined;
  if (typeof raw.resolved === 'string' && (RESOLUTIONS as readonly string[]).includes(raw.resolved))
    resolved = raw.resolved as Resolution;
  else
    errors.push({
      field: 'resolved',
      message: `结果应为 已解决、未解决 或 处理中${raw.resolved === undefined ? '' : `，这里是“${shown(raw.resolved)}”`}`,
    });

  let satisfaction: Satisfaction | undefined;
  if (raw.satisfaction !== undefined && raw.satisfaction !== null && raw.satisfaction !== '') {
    const score = raw.satisfaction;
    if (typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= 5)
      satisfaction = score as Satisfaction;
    else errors.push({ field: 'satisfaction', message: `满意度应为 1 到 5 的整数，这里是“${shown(score)}”` });
  }

  let note: string | undefined;
  if (!optionalText(raw.note)) {
    if (typeof raw.note !== 'string') errors.push({ field: 'note', message: '备注应为文字' });
    else {
      const text = raw.note.replace(/\r\n?/g, '\n').trim();
      if (text.length > LIMITS.note) errors.push({ field: 'note', message: `备注最多 ${LIMITS.note} 字` });
      else note = text;
    }
  }

  if (errors.length > 0 || !id || !requestType || !sent || !resolved) {
    return { ok: false, errors };
  }
  const entry: OutcomeEntry = { id, requestType, sent, resolved };
  if (template) entry.template = template;
  if (matter) entry.matter = matter;
  if (firstReply) entry.firstReply = firstReply;
  if (satisfaction) entry.satisfaction = satisfaction;
  if (note) entry.note = note;
  return { ok: true, entry };
}

/** The first problem of a failed validation, as one line. */
export const errorText = (errors: readonly FieldError[]) => errors.map((error) => error.message).join('；');

/** Whether a stored log is readable as it is (the storage guard; no site data needed). */
export function isOutcomeList(value: unknown): value is OutcomeEntry[] {
  if (!Array.isArray(value)) return false;
  const ids = new Set<string>();
  for (const item of value) {
    const checked = validateEntry(item);
    if (!checked.ok || ids.has(checked.entry.id)) return false;
    ids.add(checked.entry.id);
  }
  return true;
}

export interface MergeResult {
  entries: OutcomeEntry[];
  added: number;
  updated: number;
  unchanged: number;
}

const sameEntry = (a: OutcomeEntry, b: OutcomeEntry) =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** An entry with its keys in one order, for comparison and storage. */
export function canonical(entry: OutcomeEntry): OutcomeEntry {
  const result: OutcomeEntry = {
    id: entry.id,
    requestType: entry.requestType,
    sent: entry.sent,
    resolved: entry.resolved,
  };
  if (entry.template) result.template = { id: entry.template.id, revision: entry.template.revision };
  if (entry.matter !== undefined) result.matter = entry.matter;
  if (entry.firstReply !== undefined) result.firstReply = entry.firstReply;
  if (entry.satisfaction !== undefined) result.satisfaction = entry.satisfaction;
  if (entry.note !== undefined) result.note = entry.note;
  return result;
}

/** Imported entries merged into the log by id: a known id is replaced, a new one appended. */
export function mergeOutcomes(
  existing: readonly OutcomeEntry[],
  incoming: readonly OutcomeEntry[],
): MergeResult {
  const entries = [...existing];
  const index = new Map(entries.map((entry, position) => [entry.id, position]));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const entry of incoming) {
    const position = index.get(entry.id);
    if (position === undefined) {
      index.set(entry.id, entries.length);
      entries.push(entry);
      added += 1;
    } else if (sameEntry(entries[position]!, entry)) unchanged += 1;
    else {
      entries[position] = entry;
      updated += 1;
    }
  }
  return { entries, added, updated, unchanged };
}
