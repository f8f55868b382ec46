/**
 * Migration of what the tools before the case file kept in this browser into cases, on the
 * case file's first load (and again whenever those tools, still on the site, add something):
 *
 * - the outcome tracker (`ksmail:outcomes`, `{ version: 1, entries }`): the mails of one 事项
 *   (matter) become one case, a mail without a matter a case of its own; each mail a mail step,
 *   its first human reply a reply step (已解决 / 未解决 / 处理中 as the reply's result), its
 *   template, satisfaction and note kept in the case's notes;
 * - the follow-up planner, which saves only the subject of the mail it plans for
 *   (`ksmail:subject`, shared with the checkers) and reads the mailbox picker's request type
 *   (`ksmail:request-type`): a case named after that subject, to which the reader adds the mail
 *   (the planner never saved when it was sent).
 *
 * Nothing is lost and nothing is removed: the old keys stay until the reader deletes them in
 * the old tools. What was migrated is remembered on the shelf (`migrated`), per tracker entry and
 * per subject, so a deleted migrated case does not come back. Pure: the stored texts, the time
 * and the case types are passed in.
 */
import { CASE_FORMAT, CASE_VERSION } from './case-contract';
import type { CaseFile, CaseStep } from './case-schema';
import { mergeShelves, type CaseShelf } from './case-model';
import type { OutcomeEntry } from '../outcomes/outcome-log';
import { isRealDate } from '../shanghai-time';

export const LEGACY_KEYS = {
  outcomes: 'ksmail:outcomes',
  subject: 'ksmail:subject',
  requestType: 'ksmail:request-type',
} as const;

export interface LegacyStorage {
  outcomes: string | null;
  subject: string | null;
  requestType: string | null;
}

export interface MigrationResult {
  shelf: CaseShelf;
  /** Titles of the cases made now. */
  added: string[];
}

const RESULT = { yes: 'resolved', no: 'rejected', pending: 'pending' } as const;
const RESOLUTION_WORDS = { yes: '已解决', no: '未解决', pending: '处理中' } as const;

const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const optionalText = (value: unknown) => value === undefined || typeof value === 'string';

/**
 * Whether a saved tracker entry has the shape the tracker writes. Not outcome-log's validateEntry:
 * importing it here put the tracker's log code in a chunk shared with the case file, which pushed
 * the tracker island over its 15 KB budget; every case made from an entry is checked by the
 * case schema before it is shown in any case.
 */
function isEntry(value: unknown): value is OutcomeEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  const template = entry.template as { id?: unknown; revision?: unknown } | undefined;
  return (
    isText(entry.id) &&
    String(entry.id).length <= 64 &&
    isText(entry.requestType) &&
    typeof entry.sent === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(entry.sent) &&
    (entry.firstReply === undefined ||
      (typeof entry.firstReply === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(entry.firstReply))) &&
    (entry.resolved === 'yes' || entry.resolved === 'no' || entry.resolved === 'pending') &&
    optionalText(entry.matter) &&
    optionalText(entry.note) &&
    (entry.satisfaction === undefined || typeof entry.satisfaction === 'number') &&
    (template === undefined ||
      (typeof template === 'object' &&
        typeof template.id === 'string' &&
        typeof template.revision === 'number'))
  );
}

/** A date a case step can carry (the case schema's range): others stay in the notes. */
const stepDate = (date: string | undefined) =>
  date !== undefined &&
  isRealDate(date) &&
  Number(date.slice(0, 4)) >= 2004 &&
  Number(date.slice(0, 4)) <= 2099;

/** The tracker's entries that can be read (a damaged log: the tracker itself salvages it). */
function trackerEntries(text: string | null): OutcomeEntry[] {
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const list = (parsed as { entries?: unknown } | null)?.entries;
  return Array.isArray(list) ? list.filter(isEntry) : [];
}

/**
 * An id made from the tracker's (any text up to 64 characters) in the characters ids allow,
 * unique among `taken`: 「{」 and 「:」 both become 「_」, and without the suffix the second
 * case (or step) replaced the first on the shelf — the property test found it.
 */
function freshId(text: string, taken: Set<string>): string {
  const base = text.replace(/[^\w-]/g, '_').slice(0, 64);
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base.slice(0, 64 - String(n).length - 1)}-${n}`;
  taken.add(id);
  return id;
}

function entrySteps(entry: OutcomeEntry, taken: Set<string>): CaseStep[] {
  if (!stepDate(entry.sent)) return [];
  const steps: CaseStep[] = [
    {
      id: freshId(`${entry.id}-mail`, taken),
      kind: 'mail',
      date: entry.sent,
      subject: '',
      to: [],
      note: '从效果记录迁移：效果记录没有保存主题、收件人和发送时刻。',
    },
  ];
  if (stepDate(entry.firstReply))
    steps.push({
      id: freshId(`${entry.id}-reply`, taken),
      kind: 'reply',
      date: entry.firstReply!,
      said: '',
      result: RESULT[entry.resolved],
      note: '从效果记录迁移：首次人工回复的日期。',
    });
  return steps;
}

function entryNotes(entry: OutcomeEntry): string {
  const parts = [`效果记录 ${entry.sent} 发出的邮件：结果 ${RESOLUTION_WORDS[entry.resolved]}`];
  if (entry.firstReply) parts.push(`首次人工回复 ${entry.firstReply}`);
  if (entry.template) parts.push(`模板 ${entry.template.id}（第 ${entry.template.revision} 版）`);
  if (entry.satisfaction) parts.push(`满意度 ${entry.satisfaction}/5`);
  if (entry.note) parts.push(`备注：${entry.note}`);
  if (!stepDate(entry.sent) || (entry.firstReply && !stepDate(entry.firstReply)))
    parts.push('日期超出案卷可记的范围（2004–2099 年），只记在备注里');
  return parts.join('；');
}

function legacyCase(id: string, caseType: string, title: string, at: string, from: string): CaseFile {
  return {
    format: CASE_FORMAT,
    version: CASE_VERSION,
    id,
    revision: 1,
    updatedAt: at,
    createdAt: at,
    caseType,
    title: title.slice(0, 100),
    parties: [],
    steps: [],
    notes: '',
    migratedFrom: from,
  };
}

export function migrateLegacy(
  legacy: LegacyStorage,
  shelf: CaseShelf,
  now: number,
  caseTypes: readonly { id: string; need: string }[],
): MigrationResult {
  const done = new Set(shelf.migrated);
  const at = new Date(now).toISOString();
  const known = new Map(caseTypes.map((type) => [type.id, type.need]));
  const made: CaseFile[] = [];
  const migrated: string[] = [];
  // A deleted case's id too: a new case under it would be dropped as deleted.
  // A saved entry may be anything (the island shows it as unreadable): only string ids count.
  const caseIds = new Set([
    ...shelf.cases.flatMap((caseFile: unknown) => {
      const id = (caseFile as { id?: unknown } | null)?.id;
      return typeof id === 'string' ? [id] : [];
    }),
    ...shelf.deleted,
  ]);

  // One case per matter, in the order the tracker has them.
  const groups = new Map<string, OutcomeEntry[]>();
  for (const entry of trackerEntries(legacy.outcomes)) {
    if (done.has(`outcome:${entry.id}`)) continue;
    const key = entry.matter ? `matter:${entry.requestType}:${entry.matter}` : `entry:${entry.id}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  for (const entries of groups.values()) {
    const first = entries[0]!;
    const need = known.get(first.requestType) ?? first.requestType;
    const title = first.matter?.trim() || `${need}（${first.sent} 发出）`;
    const typeKnown = known.has(first.requestType);
    const caseFile = legacyCase(
      freshId(`m-${first.id}`, caseIds),
      typeKnown ? first.requestType : 'basic-inquiry',
      title,
      at,
      '效果记录',
    );
    const stepIds = new Set<string>();
    caseFile.steps = entries.flatMap((entry) => entrySteps(entry, stepIds));
    const unknownType = typeKnown
      ? ''
      : `效果记录里的诉求类型“${first.requestType}”本站已没有，暂记为一般咨询：请改选。\n`;
    caseFile.notes = (unknownType + entries.map(entryNotes).join('\n')).slice(0, 10_000);
    caseFile.steps = caseFile.steps.slice(0, 300);
    made.push(caseFile);
    migrated.push(...entries.map((entry) => `outcome:${entry.id}`));
  }

  const subject = legacy.subject?.trim() ?? '';
  if (subject && !done.has(`subject:${subject}`)) {
    const type = legacy.requestType && known.has(legacy.requestType) ? legacy.requestType : 'basic-inquiry';
    const caseFile = legacyCase(freshId(`p-${now.toString(36)}`, caseIds), type, subject, at, '跟进计划');
    caseFile.notes =
      `从跟进计划迁移：原邮件主题「${subject}」。跟进计划没有保存发送时间：发出后请在这里记一封邮件，下一步才能按日期推算。` +
      (type === legacy.requestType ? '' : '\n案例类型是迁移时猜的（跟进计划没有保存）：请按实际情况改选。');
    made.push(caseFile);
    migrated.push(`subject:${subject}`);
  }

  if (made.length === 0) return { shelf, added: [] };
  return {
    shelf: mergeShelves(shelf, { ...shelf, cases: made, migrated }),
    added: made.map((caseFile) => caseFile.title),
  };
}
