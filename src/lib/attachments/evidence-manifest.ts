/**
 * What goes into the evidence package besides the files — the manifest (证据清单), the
 * `sha256sum -c` list and the read-me — and the package's exact size, computed without the
 * ZIP code: the attachment checker shows the size as files are chosen, and loads the ZIP
 * writer and the hashing (evidence-package.ts) only when the package is built.
 */
import { shanghaiDateTime } from '../shanghai-time';
import { SITE_NAME } from '../site-identity';
import { splitName } from './check-attachments';

export const MANIFEST_NAME = '证据清单.csv';
export const SUMS_NAME = 'SHA256SUMS.txt';
export const README_NAME = '说明.txt';

export interface EvidenceFile {
  /** The name the file had when chosen. */
  originalName: string;
  /** Its name in the package (the suggested or edited name). */
  name: string;
  size: number;
  /** What its bytes are (file-signature.ts label), or 未识别. */
  type: string;
  /** The MIME type its bytes are (mimeForAttachment), not the one its extension suggests. */
  mime?: string | undefined;
  /** Last modification, ms since the epoch. */
  lastModified: number;
  stream(): ReadableStream<Uint8Array>;
}

export interface ManifestRow {
  name: string;
  originalName: string;
  size: number;
  type: string;
  mime?: string | undefined;
  lastModified: number;
  sha256: string;
}

/** An incremental SHA-256 (noble-hashes in the browser, node:crypto on the command line). */
export interface Sha256Hasher {
  update(chunk: Uint8Array): void;
  digestHex(): string;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: quoted when needed; a leading = + - @ is neutralised so Excel shows it as text. */
function csvField(value: string | number): string {
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The manifest as CSV (UTF-8 with BOM and CRLF, so Excel and WPS open it in Chinese). */
export function manifestCsv(rows: readonly ManifestRow[]): string {
  const header = [
    '序号',
    '包内文件名',
    '原文件名',
    '大小（字节）',
    '识别类型',
    'MIME 类型',
    '文件修改时间（北京时间）',
    'SHA-256',
  ];
  const lines = rows.map((row, index) =>
    [
      index + 1,
      row.name,
      row.originalName,
      row.size,
      row.type,
      row.mime ?? '',
      shanghaiDateTime(row.lastModified),
      row.sha256,
    ]
      .map(csvField)
      .join(','),
  );
  return `\ufeff${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** The hashes in `sha256sum` / `shasum -a 256` format: `sha256sum -c SHA256SUMS.txt` checks them. */
export function sha256Sums(rows: readonly ManifestRow[]): string {
  return rows.map((row) => `${row.sha256}  ${row.name}\n`).join('');
}

/**
 * What the package proves, and what it does not: a hash list the sender made proves nothing about
 * when the files existed or what was sent, so the page and the read-me name three tiers of evidence
 * and say that the package gives the first. Shared by 说明.txt, the attachment checker and its chapter.
 */
export const EVIDENCE_TIERS = [
  '① 校验值清单（本证据包提供的就是这一级）：收件人可以用它确认，文件在清单生成之后没有被改动过。但清单是发送者自己生成的，单凭它不能证明文件在什么时间已经存在，也不能证明发出去的就是这些文件。',
  '② 实际发出并被收到的邮件：收件方收到的那一份（带收件日期），加上你“已发送”里的原邮件，才能说明哪天发出了哪些文件。',
  '③ 对第三方也站得住的证明：可信时间戳、区块链存证或公证。事情可能进入投诉、仲裁或诉讼时，应当考虑这一级。',
] as const;

/** The package's read-me: what it is, who made it, how to check the hashes and what that proves. */
export function packageReadme(count: number, createdAt: number): string {
  return [
    '证据包说明',
    '',
    `本压缩包含 ${count} 个证据文件，生成于 ${shanghaiDateTime(createdAt)}（北京时间）。`,
    `${MANIFEST_NAME} 逐一列出每个文件在包内的名称、原文件名、大小、识别出的类型、修改时间和 SHA-256 校验值；`,
    `${SUMS_NAME} 是同样的校验值，可用命令核对文件是否与清单生成时一致：`,
    `  macOS / Linux：shasum -a 256 -c ${SUMS_NAME}`,
    '  Windows：certutil -hashfile 文件名 SHA256',
    '',
    '这份清单能证明什么：证据分三级，本包只提供第一级。',
    ...EVIDENCE_TIERS,
    '',
    `本包由“${SITE_NAME}”的附件检查工具在发送者的浏览器中生成。该指南是独立的写作指南，不是快手官方网站。`,
    '',
  ].join('\r\n');
}

/** The names of the files the package writes itself, after the chosen files. */
export const GENERATED_NAMES = [MANIFEST_NAME, SUMS_NAME, README_NAME] as const;

/**
 * The form in which two entry names are the same file once unpacked: Windows and macOS
 * compare names without case, and a full-width ＳＨＡ256SUMS.txt is SHA256SUMS.txt to anyone
 * reading the list (NFKC). Normalised again after lower-casing, which can un-normalise.
 */
export const entryKey = (name: string) => name.normalize('NFKC').toLowerCase().normalize('NFKC');

const GENERATED_KEYS = new Set(GENERATED_NAMES.map(entryKey));

/** A chosen file's name made safe as one ZIP entry (see entryNames). */
function safeEntryName(name: string): string {
  return (
    name
      .replace(/[\\/\u0000-\u001f\u007f]/g, '_')
      // Not /\s+$/: on a long run of spaces inside a name it backtracks in quadratic time
      // (a 1 MB name took minutes; found by a property test). trim() ends the same way.
      .replace(/^[.\s]+/, '')
      .trim() || '未命名'
  );
}

/**
 * The entry names of the chosen files: safe as ZIP entries (a slash would make a folder, or
 * climb out of one when the archive is unpacked; control characters show as garbage), unique
 * (no file replaces another when unpacked) and never one of the generated files' names — a
 * chosen SHA256SUMS.txt would replace the package's own and every checksum would fail. Such a
 * file becomes `SHA256SUMS (附件).txt`; a repeated name gets `_2`, `_3` … Deterministic: the
 * same names in the same order give the same entries.
 */
export function entryNames(names: readonly string[]): string[] {
  const taken = new Set(GENERATED_KEYS);
  // Where each name's counter stopped: every lower number is taken already (the set only
  // grows), so many copies of one name are numbered in linear, not quadratic, time.
  const nextCounter = new Map<string, number>();
  return names.map((chosen) => {
    const name = safeEntryName(chosen);
    if (!taken.has(entryKey(name))) {
      taken.add(entryKey(name));
      return name;
    }
    const [stem, extension] = splitName(name);
    const generated = GENERATED_KEYS.has(entryKey(name));
    const numbered = (counter: number) =>
      generated ? `${stem} (附件${counter > 1 ? ` ${counter}` : ''})` : `${stem}_${counter}`;
    const counterKey = `${generated}\u0000${entryKey(stem)}\u0000${entryKey(extension)}`;
    let counter = nextCounter.get(counterKey) ?? (generated ? 1 : 2);
    let candidate: string;
    for (; ; counter += 1) {
      candidate = `${numbered(counter)}${extension ? `.${extension}` : ''}`;
      if (!taken.has(entryKey(candidate))) break;
    }
    nextCounter.set(counterKey, counter + 1);
    taken.add(entryKey(candidate));
    return candidate;
  });
}

const encoder = new TextEncoder();
const ZERO_HASH = '0'.repeat(64);

/** The three text entries written after the files, in this order. */
export function extraEntries(rows: readonly ManifestRow[], createdAt: number) {
  return [
    { name: MANIFEST_NAME, text: manifestCsv(rows) },
    { name: SUMS_NAME, text: sha256Sums(rows) },
    { name: README_NAME, text: packageReadme(rows.length, createdAt) },
  ];
}

/**
 * The exact size of the package before it is built (hashes have a fixed length), so it can be
 * checked against the size rule first.
 */
export function predictPackageSize(
  files: readonly Omit<EvidenceFile, 'stream'>[],
  createdAt: number,
): number {
  const names = entryNames(files.map((file) => file.name));
  const rows = files.map((file, index) => ({ ...file, name: names[index]!, sha256: ZERO_HASH }));
  return storedZipSize([
    ...rows.map((row) => ({ name: row.name, size: row.size })),
    ...extraEntries(rows, createdAt).map((entry) => ({
      name: entry.name,
      size: encoder.encode(entry.text).length,
    })),
  ]);
}

const ZIP32_LIMIT = 0xffffffff;

/**
 * The size of a ZIP exactly as client-zip's makeZip writes it (its predictLength, which would
 * bring the whole ZIP writer along): per entry a local header (30 bytes), the name, the data and
 * a data descriptor (16 bytes, 24 with Zip64 sizes); per entry a central directory record (46
 * bytes) with the name and a Zip64 extra field (28 bytes for a size ≥ 4 GiB, 12 for an offset
 * ≥ 4 GiB); then the end record (22 bytes) and, when Zip64 was needed, its Zip64 version and
 * locator (76 bytes). Names are UTF-8 and must not end with "/" (entryNames sees to that).
 * evidence-manifest.test.ts checks it against predictLength and against real packages.
 */
export function storedZipSize(entries: readonly { name: string; size: number }[]): number {
  let local = 0;
  let central = 22;
  let zip64 = false;
  for (const { name, size } of entries) {
    const nameBytes = encoder.encode(name).length;
    const largeSize = size >= ZIP32_LIMIT;
    const largeOffset = local >= ZIP32_LIMIT;
    local += 30 + nameBytes + size + (largeSize ? 24 : 16);
    central += 46 + nameBytes + (largeSize ? 28 : largeOffset ? 12 : 0);
    zip64 ||= largeSize;
  }
  if (zip64 || local >= ZIP32_LIMIT) central += 76;
  return local + central;
}

/** Hex of a digest (Web Crypto returns an ArrayBuffer). */
export const toHex = (digest: ArrayBuffer | Uint8Array) =>
  [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
