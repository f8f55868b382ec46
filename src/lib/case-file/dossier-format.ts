/**
 * What the dossier writer (dossier.ts) and its reader (read-dossier.ts) agree on: the names of
 * the entries, the `sha256sum -c` list, and how a case.json is read — size, nesting, the format
 * name and version of case-contract.ts, and the identity fields. Also the safe, unique names of
 * the mails and evidence packages inside the ZIP.
 *
 * It is not the case's schema (that is the case file's): only the CaseIdentity fields are checked,
 * and the rest of case.json is passed on as the string it was.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { entryNames, toHex } from '../attachments/evidence-manifest';
import { formatBytes } from '../byte-size';
import { MAX_CASE_DEPTH, MAX_IMPORT_BYTES } from '../input-limits';
import { nestsDeeperThan } from './case-depth';
import { cleanAttachmentName } from '../mail/attachment-name';
import { CASE_FORMAT, CASE_VERSION, type CaseIdentity, type TimelineEntry } from './case-contract';

export const TIMELINE_NAME = 'timeline.html';
export const CASE_JSON_NAME = 'case.json';
/** No extension: the name `sha256sum -c SHA256SUMS` users know from Linux distributions. */
export const DOSSIER_SUMS_NAME = 'SHA256SUMS';
export const MAILS_FOLDER = 'mails/';
export const EVIDENCE_FOLDER = 'evidence/';

/** A file carried by the dossier: its name inside its folder, and its bytes. */
export interface DossierFile {
  name: string;
  bytes: Uint8Array;
}

export const sha256Hex = (bytes: Uint8Array) => toHex(sha256(bytes));

/**
 * The paths the given mails and evidence packages get inside the dossier, in the same order:
 * `mails/<name>` and `evidence/<name>`, each name without hidden or bidi characters (the .eml's
 * cleaning: 「发票\u202Egnp.exe」 would show as 「发票exe.png」), without slashes, leading dots or
 * control characters, and unique in its folder as a file system sees names (the evidence
 * package's entryNames). The case file can call this to know a step's paths before the export.
 */
export function dossierPaths(mailNames: readonly string[], evidenceNames: readonly string[]) {
  const inFolder = (folder: string, names: readonly string[]) =>
    entryNames(names.map(cleanAttachmentName)).map((name) => folder + name);
  return { mails: inFolder(MAILS_FOLDER, mailNames), evidence: inFolder(EVIDENCE_FOLDER, evidenceNames) };
}

/** The `sha256sum` list: `<hash>  <path>` a line, in the order given. */
export const sumsText = (entries: readonly { path: string; sha256: string }[]) =>
  entries.map((entry) => `${entry.sha256}  ${entry.path}\n`).join('');

const SUMS_LINE = /^([0-9a-f]{64}) [ *](.+)$/;

/** The list read back: path → hash, or the line that is not in the format. */
export function parseSums(
  text: string,
): { ok: true; sums: Map<string, string> } | { ok: false; line: number } {
  const sums = new Map<string, string>();
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [index, line] of lines.entries()) {
    const match = SUMS_LINE.exec(line.replace(/\r$/, ''));
    if (!match || sums.has(match[2]!)) return { ok: false, line: index + 1 };
    sums.set(match[2]!, match[1]!);
  }
  return { ok: true, sums };
}

/** At most 40 characters of a value from a file, for a message. */
export const shown = (value: unknown) => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Why a parsed case.json is not a case this version can read, in Chinese, or null. The format
 * and version come first: a newer version may have changed every other field.
 */
export function caseIdentityProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return 'case.json 的内容不是一个案卷（应当是一个 JSON 对象）。';
  const record = value as Record<string, unknown>;
  if (record['format'] !== CASE_FORMAT)
    return `这不是本站导出的案卷：case.json 的 format 是“${shown(record['format'] ?? '（没有）')}”，本站的案卷是“${CASE_FORMAT}”。`;
  const version = record['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return `case.json 的格式版本“${shown(version ?? '（没有）')}”不是有效的版本号。`;
  if (version > CASE_VERSION)
    return `这份案卷来自更新版本的工具（格式版本 ${version}，本页只能读到版本 ${CASE_VERSION}）。请在更新后的页面中导入；本页没有改动任何内容。`;
  const id = record['id'];
  if (typeof id !== 'string' || !id.trim() || id.length > 200) return 'case.json 缺少有效的案卷编号（id）。';
  const revision = record['revision'];
  if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0)
    return `case.json 的修改次数（revision）“${shown(revision ?? '（没有）')}”不是有效的整数。`;
  const updatedAt = record['updatedAt'];
  if (typeof updatedAt !== 'string' || !ISO_INSTANT.test(updatedAt) || Number.isNaN(Date.parse(updatedAt)))
    return `case.json 的保存时间（updatedAt）“${shown(updatedAt ?? '（没有）')}”不是有效的时间。`;
  return null;
}

export type CaseJsonResult =
  { ok: true; value: Record<string, unknown>; identity: CaseIdentity } | { ok: false; message: string };

/**
 * A case.json's text read as far as the dossier needs: within MAX_IMPORT_BYTES, valid JSON, no
 * deeper than MAX_CASE_DEPTH (checked before anything walks the value), and a case of this
 * format and version. Never throws.
 */
export function readCaseJson(text: string): CaseJsonResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES)
    return {
      ok: false,
      message: `case.json 有 ${formatBytes(bytes)}，超过了 ${formatBytes(MAX_IMPORT_BYTES)} 的上限，不像是本站保存的案卷。`,
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'case.json 不是有效的 JSON：文件已损坏，或不是本站导出的。' };
  }
  if (nestsDeeperThan(value, MAX_CASE_DEPTH))
    return { ok: false, message: `case.json 嵌套超过 ${MAX_CASE_DEPTH} 层，不是本站保存的案卷。` };
  const problem = caseIdentityProblem(value);
  if (problem) return { ok: false, message: problem };
  const record = value as Record<string, unknown>;
  return {
    ok: true,
    value: record,
    identity: {
      format: CASE_FORMAT,
      version: record['version'] as number,
      id: record['id'] as string,
      revision: record['revision'] as number,
      updatedAt: record['updatedAt'] as string,
    },
  };
}

const optionalString = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * The timeline entries a case.json carries in a top-level `timeline` array, as far as they have
 * the TimelineEntry shape (others are left out). The command line uses it; the case file, which
 * knows its own schema, hands buildDossier its timeline directly.
 */
export function timelineInCase(value: Record<string, unknown>): TimelineEntry[] {
  const list = value['timeline'];
  if (!Array.isArray(list)) return [];
  const entries: TimelineEntry[] = [];
  for (const item of list as unknown[]) {
    if (item === null || typeof item !== 'object') continue;
    const entry = item as Record<string, unknown>;
    const { date, kind, title } = entry;
    if (typeof date !== 'string' || typeof kind !== 'string' || typeof title !== 'string') continue;
    const files = Array.isArray(entry['files'])
      ? (entry['files'] as unknown[]).flatMap((file) => {
          const { path, sha256: hash } = (file ?? {}) as Record<string, unknown>;
          return typeof path === 'string' && typeof hash === 'string' ? [{ path, sha256: hash }] : [];
        })
      : undefined;
    entries.push({
      date,
      time: optionalString(entry['time']),
      kind,
      title,
      detail: optionalString(entry['detail']),
      files,
    });
  }
  return entries;
}
