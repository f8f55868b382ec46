/**
 * What importing a dossier's case should do with the copy of that case already saved here:
 * add it, do nothing, take the newer copy, or — for an older copy or two copies edited apart —
 * ask, so an older copy never silently replaces newer edits.
 *
 * It compares identities only (case-contract.ts): `id`, then the two copies' edit histories
 * (`lineage`, case-lineage.ts) — by ancestry, not by revision counts or clocks, which two copies
 * edited apart can make look newer. Copies without lineage (files from before version 2, migrated
 * cases) fall back to `revision`, then `updatedAt` as a tie-breaker and a witness of edits on
 * both sides. Not the import itself (the case file does it) and not the reading of the dossier
 * (read-dossier.ts).
 */
import { shanghaiDateTime } from '../shanghai-time';
import type { CaseIdentity } from './case-contract';
import { compareLineage, joinLineages } from './case-lineage';

/**
 * - `add`: no case with this id here: save it.
 * - `same`: the same last edit (by lineage; without one, the same revision saved at the same
 *   moment): nothing to do.
 * - `newer`: the import was edited from the copy here: it may replace it.
 * - `older`: the copy here was edited from the import: ask.
 * - `diverged`: the same case edited apart — the two share an earlier edit, then each went on
 *   without the other (without lineage: same revision saved at another moment, or more edits
 *   but an earlier save); also two lineages too far apart to compare: ask.
 */
export type ImportDecision = 'add' | 'same' | 'newer' | 'older' | 'diverged';

export interface ImportChoice {
  id: 'keep-both' | 'replace' | 'cancel';
  label: string;
}

export interface ImportQuestion {
  text: string;
  /** Safest first: keeping both loses nothing. */
  choices: readonly ImportChoice[];
}

export const IMPORT_CHOICES: readonly ImportChoice[] = [
  { id: 'keep-both', label: '两份都保留（导入的另存为一个新案卷）' },
  { id: 'replace', label: '用导入的替换本机的' },
  { id: 'cancel', label: '取消导入' },
];

/** -1, 0 or 1; two times that cannot be read compare as equal (the revision decides). */
function compareTimes(a: string, b: string): number {
  const [x, y] = [Date.parse(a), Date.parse(b)];
  if (Number.isNaN(x) || Number.isNaN(y)) return a === b ? 0 : Number.NaN;
  return Math.sign(x - y);
}

export function decideImport(existing: CaseIdentity | undefined, imported: CaseIdentity): ImportDecision {
  if (!existing || existing.id !== imported.id) return 'add';
  const relation = compareLineage(imported.lineage, existing.lineage);
  if (relation !== 'unknown') return relation;
  // Both have lineages that share no edit: more than LINEAGE_LENGTH edits apart, or apart from
  // the start. Which, no one can tell: ask (keeping both loses nothing).
  if (imported.lineage?.length && existing.lineage?.length) return 'diverged';
  const time = compareTimes(imported.updatedAt, existing.updatedAt);
  if (imported.revision === existing.revision) return time === 0 ? 'same' : 'diverged';
  if (imported.revision > existing.revision) return time < 0 ? 'diverged' : 'newer';
  return time > 0 ? 'diverged' : 'older';
}

function describe(identity: CaseIdentity): string {
  const saved = Date.parse(identity.updatedAt);
  const when = Number.isNaN(saved) ? '保存时间不明' : `${shanghaiDateTime(saved)} 保存`;
  return `第 ${identity.revision} 次修改，${when}`;
}

/** The question the page must ask before importing, or null when no question is needed. */
export function importQuestion(
  existing: CaseIdentity | undefined,
  imported: CaseIdentity,
): ImportQuestion | null {
  const decision = decideImport(existing, imported);
  if (!existing || (decision !== 'older' && decision !== 'diverged')) return null;
  const both = `导入的是${describe(imported)}；本机的是${describe(existing)}（北京时间）。`;
  // By lineage, the revision counts do not decide: saying 「旧」 of a copy with more edits would puzzle.
  const text =
    decision === 'older'
      ? `导入的案卷比本机保存的旧（本机的是在它之后接着修改的）：${both}用它替换会丢掉本机之后的修改。要怎么做？`
      : `导入的案卷和本机保存的是同一个案卷，但两边各自有过修改（从同一份分开后分别修改）：${both}直接替换会丢掉其中一边的修改。要怎么做？`;
  return { text, choices: IMPORT_CHOICES };
}

/**
 * The case to save after the user answered the question. `keep-both`: the import under a new id
 * (and its title marked), so both copies stay. `replace`: the import's content as the newest
 * edit — its lineage passing through both copies' last edits, then `token` (case-lineage.ts
 * joinLineages), its revision above both copies' and its save time not before either — so that
 * no other tab's merge puts the replaced copy back.
 */
export function resolveImport<T extends CaseIdentity & { title: string }>(
  existing: CaseIdentity | undefined,
  imported: T,
  choice: 'keep-both' | 'replace',
  now: number,
  newId: string,
  token: string,
): T {
  if (choice === 'keep-both')
    return { ...imported, id: newId, title: `${imported.title.slice(0, 92)}（导入的副本）` };
  const times = [now, Date.parse(imported.updatedAt), Date.parse(existing?.updatedAt ?? '')];
  return {
    ...imported,
    lineage: joinLineages(existing?.lineage, imported.lineage, token),
    revision: Math.max(imported.revision, existing?.revision ?? 0) + 1,
    updatedAt: new Date(Math.max(...times.filter((time) => !Number.isNaN(time)))).toISOString(),
  };
}
