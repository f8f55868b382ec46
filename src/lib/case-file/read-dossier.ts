/**
 * Reads a dossier back (the import, and `ksmail dossier --check`): the ZIP's entries within the
 * size and count limits, names as dossier.ts writes them, every file against SHA256SUMS, and a
 * case.json of this format and version. Whatever the bytes, it returns a result with a Chinese
 * message and never throws; nothing is imported unless every check passed.
 *
 * Not the import decision (import-decision.ts) and not the case schema: case.json comes back as
 * the string it was, with its identity fields.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { entryKey } from '../attachments/evidence-manifest';
import { formatBytes } from '../byte-size';
import { MAX_DOSSIER_BYTES, MAX_ZIP_ENTRIES } from '../input-limits';
import type { CaseIdentity } from './case-contract';
import {
  CASE_JSON_NAME,
  DOSSIER_SUMS_NAME,
  EVIDENCE_FOLDER,
  MAILS_FOLDER,
  parseSums,
  readCaseJson,
  sha256Hex,
  shown,
  TIMELINE_NAME,
  type DossierFile,
} from './dossier-format';

export type DossierReadResult =
  | {
      ok: true;
      /** case.json exactly as stored. */
      caseJson: string;
      identity: CaseIdentity;
      /** The .eml files (name inside mails/) and the evidence packages, in the ZIP's order. */
      files: { mails: DossierFile[]; evidence: DossierFile[] };
      /** Every entry's path and SHA-256, as SHA256SUMS lists them. */
      sums: { path: string; sha256: string }[];
    }
  | { ok: false; message: string };

const NOTHING_IMPORTED = '本页没有导入任何内容。';
const fail = (message: string) => ({ ok: false as const, message });

/**
 * A path dossier.ts could have written: the three own files, or one level under mails/ or
 * evidence/ with a name that has no slash, backslash, control or bidi character and does not
 * start with a dot. Anything else (`../x`, `/etc/x`, `a\b`) is not ours.
 */
const NAME_CHAR_PROBLEM =
  /[\\/\0-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
function isDossierPath(path: string): boolean {
  if (path === TIMELINE_NAME || path === CASE_JSON_NAME || path === DOSSIER_SUMS_NAME) return true;
  const folder = [MAILS_FOLDER, EVIDENCE_FOLDER].find((prefix) => path.startsWith(prefix));
  if (!folder) return false;
  const name = path.slice(folder.length);
  return name.length > 0 && !name.startsWith('.') && !NAME_CHAR_PROBLEM.test(name);
}

/** What the entry list says before anything is unpacked, or null when it is fine. */
function listProblem(infos: readonly UnzipFileInfo[]): string | null {
  if (infos.length > MAX_ZIP_ENTRIES)
    return `这份案卷有 ${infos.length.toLocaleString('en-US')} 个条目，超过了 ${MAX_ZIP_ENTRIES.toLocaleString('en-US')} 个的上限。`;
  let total = 0;
  const seen = new Set<string>();
  for (const info of infos) {
    if (info.name.endsWith('/')) continue;
    if (!isDossierPath(info.name))
      return `案卷里有一个不属于案卷的条目“${shown(info.name)}”（案卷只含 ${TIMELINE_NAME}、${CASE_JSON_NAME}、${DOSSIER_SUMS_NAME}、mails/ 和 evidence/ 下的文件）。`;
    if (seen.has(entryKey(info.name))) return `案卷里“${shown(info.name)}”出现了不止一次。`;
    seen.add(entryKey(info.name));
    if (info.compression !== 0 && info.compression !== 8)
      return `案卷里的“${shown(info.name)}”使用了不支持的压缩方式。`;
    total += info.originalSize;
    if (total > MAX_DOSSIER_BYTES)
      return `这份案卷解压后超过 ${formatBytes(MAX_DOSSIER_BYTES)} 的上限，不能导入。`;
  }
  return null;
}

/** Every ZIP begins with a local header, or (empty) with the end record. */
const looksLikeZip = (bytes: Uint8Array) =>
  bytes.length >= 22 && bytes[0] === 0x50 && bytes[1] === 0x4b && [3, 5].includes(bytes[2]!);

function unpack(
  bytes: Uint8Array,
): { ok: true; entries: Map<string, Uint8Array> } | { ok: false; message: string } {
  const infos: UnzipFileInfo[] = [];
  // fflate unpacks an entry into a buffer of the size its directory states, so listing the
  // entries first bounds the memory; a size that lies is then caught by its checksum.
  unzipSync(bytes, { filter: (info) => (infos.push(info), false) });
  const problem = listProblem(infos);
  if (problem) return fail(problem);
  const unpacked = unzipSync(bytes, { filter: (info) => !info.name.endsWith('/') });
  return { ok: true, entries: new Map(Object.entries(unpacked)) };
}

/** Every entry but SHA256SUMS listed in it once, with the hash of its bytes. */
function sumsProblem(entries: Map<string, Uint8Array>): string | { path: string; sha256: string }[] {
  const sumsBytes = entries.get(DOSSIER_SUMS_NAME);
  if (!sumsBytes) return `案卷里缺少 ${DOSSIER_SUMS_NAME}（校验值清单），无法确认文件完整。`;
  const parsed = parseSums(new TextDecoder().decode(sumsBytes));
  if (!parsed.ok) return `${DOSSIER_SUMS_NAME} 第 ${parsed.line} 行的格式不对，无法确认文件完整。`;
  for (const [path, bytes] of entries) {
    if (path === DOSSIER_SUMS_NAME) continue;
    const listed = parsed.sums.get(path);
    if (listed === undefined) return `“${shown(path)}”不在 ${DOSSIER_SUMS_NAME} 中，案卷在导出后被改动过。`;
    if (listed !== sha256Hex(bytes))
      return `“${shown(path)}”的 SHA-256 与 ${DOSSIER_SUMS_NAME} 中记录的不一致：文件在导出后被改动过或已损坏。`;
  }
  for (const path of parsed.sums.keys())
    if (!entries.has(path)) return `${DOSSIER_SUMS_NAME} 列出的“${shown(path)}”不在案卷里。`;
  return [...parsed.sums].map(([path, sha256]) => ({ path, sha256 }));
}

function readChecked(bytes: Uint8Array): DossierReadResult {
  if (!(bytes instanceof Uint8Array) || !looksLikeZip(bytes))
    return fail('这不是 ZIP 文件：请选择本站导出的案卷（.zip）。');
  if (bytes.length > MAX_DOSSIER_BYTES)
    return fail(
      `这个文件有 ${formatBytes(bytes.length)}，超过了案卷 ${formatBytes(MAX_DOSSIER_BYTES)} 的上限。`,
    );
  const unpacked = unpack(bytes);
  if (!unpacked.ok) return unpacked;
  const { entries } = unpacked;
  const caseBytes = entries.get(CASE_JSON_NAME);
  if (!caseBytes) return fail(`这份 ZIP 里没有 ${CASE_JSON_NAME}，不是本站导出的案卷。`);
  let caseJson: string;
  try {
    caseJson = new TextDecoder('utf-8', { fatal: true }).decode(caseBytes);
  } catch {
    return fail(`${CASE_JSON_NAME} 不是 UTF-8 文本，文件已损坏。`);
  }
  // Format and version before the checksums: a newer tool's dossier may be laid out otherwise,
  // and its reader should be told to update, not that the file is broken.
  const read = readCaseJson(caseJson);
  if (!read.ok) return read;
  const sums = sumsProblem(entries);
  if (typeof sums === 'string') return fail(sums);
  const inFolder = (folder: string) =>
    [...entries]
      .filter(([path]) => path.startsWith(folder))
      .map(([path, content]) => ({ name: path.slice(folder.length), bytes: content }));
  return {
    ok: true,
    caseJson,
    identity: read.identity,
    files: { mails: inFolder(MAILS_FOLDER), evidence: inFolder(EVIDENCE_FOLDER) },
    sums,
  };
}

/** The dossier in `bytes`, or why it cannot be imported (in Chinese, saying nothing was changed). */
export function readDossier(bytes: Uint8Array): DossierReadResult {
  let result: DossierReadResult;
  try {
    result = readChecked(bytes);
  } catch {
    // fflate throws on a broken ZIP structure (a truncated file, a bad compressed stream).
    result = fail('这份 ZIP 文件已损坏（结构不完整或压缩数据有误），无法读取。');
  }
  return result.ok || result.message.includes('本页没有改动任何内容')
    ? result
    : fail(`${result.message}${NOTHING_IMPORTED}`);
}
