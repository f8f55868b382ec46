/**
 * Checks a built evidence package before anyone is told it is ready: reads the ZIP's entries
 * back from its central directory, and checks that every name is unique (as a file system
 * unpacking it sees names: entryKey), that the package's own 证据清单.csv, SHA256SUMS.txt and
 * 说明.txt are there once, and that every checksum in SHA256SUMS.txt matches the stored bytes
 * of its entry — so a chosen file that replaced a generated one, or a file that changed while
 * it was read, is caught here and not by the recipient.
 *
 * Not a general ZIP reader: it reads what evidence-package.ts writes (stored entries, UTF-8
 * names, Zip64 when needed) and reports anything else as a problem. It reads through a
 * `PackageReader`, so the browser can hash a Blob piece by piece and the tests a Buffer; the
 * package is never held in memory whole by this module.
 */
import { entryKey, GENERATED_NAMES, SUMS_NAME } from './evidence-manifest';

/** Random access to the package's bytes. */
export interface PackageReader {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  /** SHA-256 (lower-case hex) of the `length` bytes at `offset`. */
  sha256(offset: number, length: number): Promise<string>;
}

export interface PackageEntry {
  name: string;
  /** 0 = stored (the only method the package uses). */
  method: number;
  /** Where the entry's bytes start, and how many there are. */
  dataOffset: number;
  size: number;
}

/** The package is not a ZIP this module can read; the message is for the user. */
export class PackageFormatError extends Error {
  override name = 'PackageFormatError';
}

const END_SIGNATURE = 0x06054b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const u64 = (data: DataView, at: number) => Number(data.getBigUint64(at, true));
const broken = (what: string) => new PackageFormatError(`证据包的 ZIP 结构不完整（${what}）。`);

async function centralDirectory(reader: PackageReader) {
  // client-zip writes no archive comment, but a reader should not rely on it: the end record
  // is somewhere in the last 22 + 65,535 bytes.
  const tailLength = Math.min(reader.size, 22 + U16_MAX);
  const tail = await reader.read(reader.size - tailLength, tailLength);
  const tailView = view(tail);
  let end = -1;
  for (let at = tail.length - 22; at >= 0; at -= 1) {
    if (tailView.getUint32(at, true) === END_SIGNATURE) {
      end = at;
      break;
    }
  }
  if (end < 0) throw broken('找不到目录结尾');
  let count = tailView.getUint16(end + 10, true);
  let size = tailView.getUint32(end + 12, true);
  let offset = tailView.getUint32(end + 16, true);
  if (count === U16_MAX || size === U32_MAX || offset === U32_MAX) {
    const locatorAt = reader.size - tailLength + end - 20;
    if (locatorAt < 0) throw broken('缺少 Zip64 定位记录');
    const locator = view(await reader.read(locatorAt, 20));
    if (locator.getUint32(0, true) !== ZIP64_LOCATOR_SIGNATURE) throw broken('缺少 Zip64 定位记录');
    const zip64 = view(await reader.read(u64(locator, 8), 56));
    if (zip64.getUint32(0, true) !== ZIP64_END_SIGNATURE) throw broken('缺少 Zip64 目录结尾');
    count = u64(zip64, 32);
    size = u64(zip64, 40);
    offset = u64(zip64, 48);
  }
  if (offset + size > reader.size) throw broken('目录超出文件末尾');
  return { count, bytes: await reader.read(offset, size) };
}

/** The Zip64 extra field's values, in the order the ZIP format stores the ones that overflowed. */
function zip64Values(data: DataView, at: number, length: number, wanted: number): number[] {
  for (let field = at; field + 4 <= at + length;) {
    const id = data.getUint16(field, true);
    const fieldLength = data.getUint16(field + 2, true);
    if (id === 0x0001) {
      return Array.from({ length: Math.min(wanted, fieldLength / 8) }, (_, index) =>
        u64(data, field + 4 + 8 * index),
      );
    }
    field += 4 + fieldLength;
  }
  return [];
}

/** The package's entries, in the order of its central directory. */
export async function readZipEntries(reader: PackageReader): Promise<PackageEntry[]> {
  const { count, bytes } = await centralDirectory(reader);
  const data = view(bytes);
  const decoder = new TextDecoder();
  const entries: PackageEntry[] = [];
  let at = 0;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || data.getUint32(at, true) !== CENTRAL_SIGNATURE)
      throw broken(`第 ${index + 1} 个目录项损坏`);
    const method = data.getUint16(at + 10, true);
    let size = data.getUint32(at + 20, true);
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    let localOffset = data.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const uncompressed = data.getUint32(at + 24, true);
    const overflowed = [uncompressed, size, localOffset].filter((value) => value === U32_MAX).length;
    if (overflowed > 0) {
      const values = zip64Values(data, at + 46 + nameLength, extraLength, overflowed);
      // Order in the field: uncompressed size, compressed size, local header offset.
      if (uncompressed === U32_MAX) values.shift();
      if (size === U32_MAX) size = values.shift() ?? size;
      if (localOffset === U32_MAX) localOffset = values.shift() ?? localOffset;
    }
    const local = view(await reader.read(localOffset, 30));
    if (local.byteLength < 30 || local.getUint32(0, true) !== LOCAL_SIGNATURE)
      throw broken(`“${name}”的文件头损坏`);
    const dataOffset = localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
    if (dataOffset + size > reader.size) throw broken(`“${name}”超出文件末尾`);
    entries.push({ name, method, dataOffset, size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const SUMS_LINE = /^([0-9a-f]{64}) {2}(.+)$/;

/**
 * What is wrong with a built package, in Chinese; an empty list means it verifies: unique
 * names, the generated files present once, and every checksum matching its entry's bytes.
 */
export async function verifyEvidencePackage(reader: PackageReader): Promise<string[]> {
  let entries: PackageEntry[];
  try {
    entries = await readZipEntries(reader);
  } catch (error) {
    if (error instanceof PackageFormatError) return [error.message];
    throw error;
  }
  const problems: string[] = [];
  const byKey = new Map<string, PackageEntry[]>();
  for (const entry of entries) {
    const same = byKey.get(entryKey(entry.name)) ?? [];
    same.push(entry);
    byKey.set(entryKey(entry.name), same);
  }
  for (const same of byKey.values()) {
    if (same.length > 1)
      problems.push(
        `包里有 ${same.length} 个文件同名（${same.map((entry) => entry.name).join('、')}），解压时会互相覆盖。`,
      );
  }
  for (const generated of GENERATED_NAMES) {
    if (!entries.some((entry) => entry.name === generated)) problems.push(`包里缺少 ${generated}。`);
  }
  for (const entry of entries) {
    if (entry.method !== 0) problems.push(`“${entry.name}”被压缩过，校验值无法对照原文件。`);
  }
  const sums = entries.filter((entry) => entry.name === SUMS_NAME);
  if (sums.length !== 1 || problems.length > 0) return problems;

  const text = new TextDecoder().decode(await reader.read(sums[0]!.dataOffset, sums[0]!.size));
  const listed = new Set<string>();
  for (const line of text.split('\n').filter((line) => line !== '')) {
    const match = SUMS_LINE.exec(line);
    const entry = match && entries.find((candidate) => candidate.name === match[2]);
    if (!match) {
      problems.push(`${SUMS_NAME} 里有一行看不懂：“${line.slice(0, 80)}”。`);
    } else if (!entry) {
      problems.push(`${SUMS_NAME} 列出的“${match[2]}”不在包里。`);
    } else {
      listed.add(entry.name);
      if ((await reader.sha256(entry.dataOffset, entry.size)) !== match[1])
        problems.push(`“${entry.name}”的 SHA-256 与 ${SUMS_NAME} 不符：文件可能在打包时被修改过。`);
    }
  }
  const generated = new Set<string>(GENERATED_NAMES);
  for (const entry of entries) {
    if (!generated.has(entry.name) && !listed.has(entry.name))
      problems.push(`“${entry.name}”没有列在 ${SUMS_NAME} 里。`);
  }
  return problems;
}
