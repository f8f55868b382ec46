/**
 * What can be done to a case (case-schema.ts): open one, add, edit and remove its steps, list
 * them in order, turn them into the dossier's timeline, and keep several cases side by side
 * across tabs (a copy edited from another replaces it; two copies edited apart are both kept).
 * Pure: no DOM, no storage, no zod (the island loads this at once; the schema only on demand);
 * time, random ids and edit tokens are passed in.
 *
 * It is not the validation of a saved or imported case (case-schema.ts) nor what to do next
 * (case-next.ts).
 */
import { CASE_FORMAT, CASE_VERSION, type TimelineEntry } from './case-contract';
import { extendLineage } from './case-lineage';
import type { CaseFile, CaseStep, StepKind } from './case-schema';

export const STEP_KIND_LABELS: Record<StepKind, string> = {
  appeal: '站内申诉',
  mail: '邮件',
  call: '电话',
  reply: '收到回复',
  escalation: '升级',
};

export const REPLY_RESULT_LABELS = {
  resolved: '已解决',
  rejected: '被拒绝或未解决',
  pending: '已受理，处理中',
} as const;

export class CaseEditError extends Error {
  override name = 'CaseEditError';
}

/**
 * A new, empty case. `now` is an instant (ms), `id` a random id and `token` a random edit token
 * (case-lineage.ts) made by the caller.
 */
export function newCase(input: {
  id: string;
  caseType: string;
  title: string;
  now: number;
  token: string;
}): CaseFile {
  const title = input.title.trim();
  if (!title) throw new CaseEditError('请给案卷起个名字，例如「11 月封号申诉」。');
  const at = new Date(input.now).toISOString();
  return {
    format: CASE_FORMAT,
    version: CASE_VERSION,
    id: input.id,
    revision: 1,
    updatedAt: at,
    lineage: [input.token],
    createdAt: at,
    caseType: input.caseType,
    title: title.slice(0, 100),
    parties: [],
    steps: [],
    notes: '',
  };
}

/**
 * Every save: revision + 1, the time of the edit (never earlier than the last save: a clock set
 * back) and the edit's token at the end of the lineage.
 */
function saved(caseFile: CaseFile, changes: Partial<CaseFile>, now: number, token: string): CaseFile {
  const at = Math.max(now, Date.parse(caseFile.updatedAt) || 0);
  return {
    ...caseFile,
    ...changes,
    revision: caseFile.revision + 1,
    updatedAt: new Date(at).toISOString(),
    lineage: extendLineage(caseFile.lineage, token),
  };
}

/** The instant a step happened: its Beijing date and time (00:00 when the time is unknown). */
export const stepInstant = (step: Pick<CaseStep, 'date' | 'time'>) =>
  Date.parse(`${step.date}T${step.time ?? '00:00'}:00+08:00`);

/**
 * Steps oldest first. A step without a time counts as happening after the steps entered before
 * it on the same day (a reply noted without its hour comes after that morning's mail, not at
 * 00:00 before it); steps of one moment keep the order they were entered in.
 */
export function orderedSteps(caseFile: Pick<CaseFile, 'steps'>): CaseStep[] {
  const lastTime = new Map<string, string>();
  return caseFile.steps
    .map((step, index) => {
      const time = step.time ?? lastTime.get(step.date) ?? '00:00';
      if (time > (lastTime.get(step.date) ?? '')) lastTime.set(step.date, time);
      return { step, index, key: `${step.date}T${time}` };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
    .map(({ step }) => step);
}

export function addStep(caseFile: CaseFile, step: CaseStep, now: number, token: string): CaseFile {
  if (caseFile.steps.some((existing) => existing.id === step.id))
    throw new CaseEditError(`步骤编号“${step.id}”已存在。`);
  if (caseFile.steps.length >= 300) throw new CaseEditError('一个案卷最多记 300 个步骤：请新开一个案卷。');
  return saved(caseFile, { steps: [...caseFile.steps, step] }, now, token);
}

export function editStep(caseFile: CaseFile, step: CaseStep, now: number, token: string): CaseFile {
  const position = caseFile.steps.findIndex((existing) => existing.id === step.id);
  if (position < 0) throw new CaseEditError('找不到这个步骤，可能已在其他标签页删除。');
  const steps = [...caseFile.steps];
  steps[position] = step;
  return saved(caseFile, { steps }, now, token);
}

export function removeStep(caseFile: CaseFile, stepId: string, now: number, token: string): CaseFile {
  if (!caseFile.steps.some((step) => step.id === stepId))
    throw new CaseEditError('找不到这个步骤，可能已在其他标签页删除。');
  return saved(caseFile, { steps: caseFile.steps.filter((step) => step.id !== stepId) }, now, token);
}

/** Title, type, parties or notes changed. */
export function editCase(
  caseFile: CaseFile,
  changes: Partial<Pick<CaseFile, 'title' | 'caseType' | 'parties' | 'notes'>>,
  now: number,
  token: string,
): CaseFile {
  if (changes.title !== undefined && !changes.title.trim()) throw new CaseEditError('案卷名称不能为空。');
  return saved(caseFile, changes, now, token);
}

/**
 * Display names for the ids a step holds: an escalation's channel (the case type's route) and a
 * mail's gallery template. An id without a name is shown as it is.
 */
export interface StepNames {
  channel?: (id: string) => string;
  template?: (id: string) => string;
}

/** One step in words: the title and detail of its timeline line. */
function describe(step: CaseStep, names: StepNames): { title: string; detail: string } {
  const channelName = names.channel ?? ((id: string) => id);
  const templateName = names.template ?? ((id: string) => id);
  const parts: string[] = [];
  let title: string;
  switch (step.kind) {
    case 'appeal':
      title = '在 App 内提交申诉';
      if (step.reference) parts.push(`编号或提交时间：${step.reference}`);
      if (step.screenshot) parts.push(`截图：${step.screenshot}`);
      break;
    case 'mail':
      title = step.subject ? `发送邮件「${step.subject}」` : '发送邮件';
      if (step.to.length) parts.push(`收件人：${step.to.join('、')}`);
      if (step.cc?.length) parts.push(`抄送：${step.cc.join('、')}`);
      if (step.template)
        parts.push(`所用模板：${templateName(step.template.id)}（第 ${step.template.revision} 版）`);
      break;
    case 'call':
      title = step.who ? `致电${step.who}` : '打电话';
      if (step.ticket) parts.push(`工单号：${step.ticket}`);
      break;
    case 'reply':
      title = `收到回复（${REPLY_RESULT_LABELS[step.result]}）`;
      if (step.said) parts.push(`回复内容：${step.said}`);
      break;
    case 'escalation':
      title = `升级到${channelName(step.channel)}`;
      if (step.reference) parts.push(`编号：${step.reference}`);
      break;
  }
  if (step.note) parts.push(step.note);
  return { title, detail: parts.join('\n') };
}

/**
 * The case as the dossier's timeline, oldest first. A mail's .eml and evidence package are
 * listed with their SHA-256 when known, under `mails/<step id>.eml` and
 * `evidence/<step id>.zip` (the paths the dossier export is to use for them).
 */
export function caseTimeline(caseFile: CaseFile, names: StepNames = {}): TimelineEntry[] {
  return orderedSteps(caseFile).map((step) => {
    const { title, detail } = describe(step, names);
    const files =
      step.kind === 'mail'
        ? [
            ...(step.emlSha256 ? [{ path: `mails/${step.id}.eml`, sha256: step.emlSha256 }] : []),
            ...(step.packageSha256 ? [{ path: `evidence/${step.id}.zip`, sha256: step.packageSha256 }] : []),
          ]
        : [];
    return {
      date: step.date,
      ...(step.time ? { time: step.time } : {}),
      kind: STEP_KIND_LABELS[step.kind],
      title,
      ...(detail ? { detail } : {}),
      ...(files.length ? { files } : {}),
    };
  });
}

/**
 * case.json as every export writes it (the island's JSON export and the dossier's case.json, and
 * what `ksmail dossier` reads): the case's own fields, then `timeline` — the steps in words,
 * derived from them, so that the CLI, which does not know the case schema, can print it.
 * readCase drops `timeline` again on import (the steps are the record; the words follow from
 * them). The same case gives the same text: the dossier's bytes depend on it.
 */
export function caseJsonText(caseFile: CaseFile, names?: StepNames): string {
  return `${JSON.stringify({ ...caseFile, timeline: caseTimeline(caseFile, names) }, null, 2)}\n`;
}

/**
 * Whether `a` is a newer edit of the same case than `b`: more revisions, then the later save; two
 * copies alike in both are ordered by their text, so that every tab picks the same one.
 */
export const isNewer = (a: CaseFile, b: CaseFile) =>
  a.revision !== b.revision
    ? a.revision > b.revision
    : a.updatedAt !== b.updatedAt
      ? a.updatedAt > b.updatedAt
      : JSON.stringify(a) > JSON.stringify(b);

/** Every case this browser keeps, as saved under one key. */
export interface CaseShelf {
  format: 'ksmail-cases';
  version: 1;
  cases: CaseFile[];
  /** Ids of deleted cases, so that another tab's older copy does not bring one back. */
  deleted: string[];
  /** What was migrated from the planner and the tracker already (see case-migration.ts). */
  migrated: string[];
}

export const emptyShelf = (): CaseShelf => ({
  format: 'ksmail-cases',
  version: 1,
  cases: [],
  deleted: [],
  migrated: [],
});

/**
 * Two copies of the shelf (this tab's, what storage holds now) as one: each case in its newer
 * edit (isNewer: a copy edited from another always has more revisions, an import chosen to replace
 * one too), deleted cases gone for good, migrations remembered. Commutative and associative — the
 * newest of a total order — so every tab agrees in whatever order saves meet.
 *
 * Not kept: two tabs that edit one case at the same moment, each before seeing the other's save
 * (stores.ts applies another tab's save at once, so only in that window): the copy with more
 * edits wins. Keeping both (a copy under an id of its own) was tried and gave a different shelf
 * depending on the order three tabs' saves met; lineages decide imports (import-decision.ts).
 */
export function mergeShelves(a: CaseShelf, b: CaseShelf): CaseShelf {
  const deleted = [...new Set([...a.deleted, ...b.deleted])].sort();
  const gone = new Set(deleted);
  const byId = new Map<string, CaseFile>();
  // A saved entry without an id and both times is not merged but kept as it is (once, by its
  // JSON): the island names it as unreadable and never drops it (looksLikeShelf lets it in).
  const unreadable = new Map<string, CaseFile>();
  for (const caseFile of [...a.cases, ...b.cases]) {
    if (!isMergeable(caseFile)) {
      unreadable.set(JSON.stringify(caseFile) ?? String(caseFile), caseFile);
      continue;
    }
    if (gone.has(caseFile.id)) continue;
    const known = byId.get(caseFile.id);
    if (!known || isNewer(caseFile, known)) byId.set(caseFile.id, caseFile);
  }
  // Oldest case first, as the list shows them.
  const cases = [...byId.values()].sort(
    (x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id),
  );
  return {
    ...emptyShelf(),
    cases: [...cases, ...unreadable.values()],
    deleted,
    migrated: [...new Set([...a.migrated, ...b.migrated])].sort(),
  };
}

/** What merging reads of a saved case: its id and its two times, as strings. */
const isMergeable = (value: unknown): value is CaseFile =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as CaseFile).id === 'string' &&
  typeof (value as CaseFile).createdAt === 'string' &&
  typeof (value as CaseFile).updatedAt === 'string';

/** Puts a case on the shelf (a new one, or a newer edit of one there). */
export function shelveCase(shelf: CaseShelf, caseFile: CaseFile): CaseShelf {
  return mergeShelves(shelf, { ...emptyShelf(), cases: [caseFile] });
}

export function deleteCase(shelf: CaseShelf, id: string): CaseShelf {
  return mergeShelves(shelf, { ...emptyShelf(), deleted: [id] });
}

/**
 * A cheap shape check of a saved shelf for the island's first load (zod is not loaded then):
 * right format and version, and lists where lists belong. Each case is then read with
 * readCase before it is shown.
 */
export function looksLikeShelf(value: unknown): value is CaseShelf {
  if (typeof value !== 'object' || value === null) return false;
  const shelf = value as CaseShelf;
  return (
    shelf.format === 'ksmail-cases' &&
    shelf.version === 1 &&
    Array.isArray(shelf.cases) &&
    Array.isArray(shelf.deleted) &&
    Array.isArray(shelf.migrated) &&
    shelf.deleted.every((id) => typeof id === 'string') &&
    shelf.migrated.every((id) => typeof id === 'string')
  );
}
