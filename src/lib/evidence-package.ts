/**
 * The evidence package: one ZIP with the renamed files, a manifest (证据清单) giving each
 * file's new and original name, size, type, date and SHA-256, and the same hashes in the
 * `sha256sum -c` format, so a rights holder can later prove exactly what was sent.
 *
 * Files are streamed into the ZIP (client-zip, stored without compression: evidence is
 * already-compressed media, and stored entries keep the bytes as they were). The manifest is
 * the last entry, written once every file has gone through and its hash is known; so each
 * file is read once (or twice for a small one hashed whole with Web Crypto), never held twice.
 */
import { makeZip, predictLength } from 'client-zip';
import { shanghaiDateTime } from './shanghai-time';
import { uniqueNames } from './check-attachments';

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
  /** Last modification, ms since the epoch. */
  lastModified: number;
  stream(): ReadableStream<Uint8Array>;
}

export interface ManifestRow {
  name: string;
  originalName: string;
  size: number;
  type: string;
  lastModified: number;
  sha256: string;
}

/** An incremental SHA-256 (noble-hashes in the browser, node:crypto on the command line). */
export interface Sha256Hasher {
  update(chunk: Uint8Array): void;
  digestHex(): string;
}

export interface EvidenceOptions {
  /** When the package is made (ms); written into the read-me and the ZIP entry dates. */
  createdAt: number;
  createHasher: () => Sha256Hasher;
  /**
   * Hashes a whole file at once (Web Crypto) — or returns null to hash it while it streams.
   * Only worth it for files small enough to read into memory.
   */
  hashWhole?: ((file: EvidenceFile) => Promise<string> | null) | undefined;
  /** Called as each file has been read into the package. */
  onProgress?: ((done: number, total: number) => void) | undefined;
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

/** The package's read-me: what it is, who made it, and how to check the hashes. */
export function packageReadme(count: number, createdAt: number): string {
  return [
    '证据包说明',
    '',
    `本压缩包含 ${count} 个证据文件，生成于 ${shanghaiDateTime(createdAt)}（北京时间）。`,
    `${MANIFEST_NAME} 逐一列出每个文件在包内的名称、原文件名、大小、识别出的类型、修改时间和 SHA-256 校验值；`,
    `${SUMS_NAME} 是同样的校验值，可用命令核对文件是否与发送时一致：`,
    `  macOS / Linux：shasum -a 256 -c ${SUMS_NAME}`,
    '  Windows：certutil -hashfile 文件名 SHA256',
    '',
    '本包由“快手官方邮件沟通指南”的附件检查工具在发送者的浏览器中生成。该指南是独立的写作指南，不是快手官方网站。',
    '',
  ].join('\r\n');
}

/**
 * A name safe as one ZIP entry: a slash would make a folder (or climb out of one when the
 * archive is unpacked), control characters are shown as garbage. Names are then made unique,
 * so no file replaces another.
 */
export function entryNames(names: readonly string[]): string[] {
  return uniqueNames(
    names.map(
      (name) =>
        name
          .replace(/[\\/\u0000-\u001f\u007f]/g, '_')
          // Not /\s+$/: on a long run of spaces inside a name it backtracks in quadratic time
          // (a 1 MB name took minutes; found by a property test). trim() ends the same way.
          .replace(/^[.\s]+/, '')
          .trim() || '未命名',
    ),
  );
}

const encoder = new TextEncoder();
const ZERO_HASH = '0'.repeat(64);

function extraEntries(rows: readonly ManifestRow[], createdAt: number) {
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
  return Number(
    predictLength([
      ...rows.map((row) => ({ name: row.name, size: row.size })),
      ...extraEntries(rows, createdAt).map((entry) => ({
        name: entry.name,
        size: encoder.encode(entry.text).length,
      })),
    ]),
  );
}

function tap(stream: ReadableStream<Uint8Array>, hasher: Sha256Hasher): ReadableStream<Uint8Array> {
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        hasher.update(chunk);
        controller.enqueue(chunk);
      },
    }),
  );
}

/**
 * Streams the package. `manifest` resolves with the rows once the whole ZIP has been read;
 * their `name` is the entry name actually used (see entryNames).
 */
export function evidencePackage(
  files: readonly EvidenceFile[],
  options: EvidenceOptions,
): { stream: ReadableStream<Uint8Array>; manifest: Promise<ManifestRow[]> } {
  let resolveManifest!: (rows: ManifestRow[]) => void;
  let rejectManifest!: (error: unknown) => void;
  const manifest = new Promise<ManifestRow[]>((resolve, reject) => {
    resolveManifest = resolve;
    rejectManifest = reject;
  });
  manifest.catch(() => undefined);

  async function* entries() {
    const rows: ManifestRow[] = [];
    const names = entryNames(files.map((file) => file.name));
    const pending: (() => void)[] = [];
    try {
      for (const [index, file] of files.entries()) {
        const row: ManifestRow = {
          name: names[index]!,
          originalName: file.originalName,
          size: file.size,
          type: file.type,
          lastModified: file.lastModified,
          sha256: '',
        };
        rows.push(row);
        const whole = options.hashWhole?.(file) ?? null;
        let input: ReadableStream<Uint8Array>;
        if (whole) {
          row.sha256 = await whole;
          input = file.stream();
        } else {
          const hasher = options.createHasher();
          input = tap(file.stream(), hasher);
          // client-zip reads one entry to its end before it asks for the next.
          pending.push(() => (row.sha256 = hasher.digestHex()));
        }
        if (index > 0) options.onProgress?.(index, files.length);
        yield { name: row.name, input, size: file.size, lastModified: new Date(file.lastModified) };
        for (const settle of pending.splice(0)) settle();
      }
      options.onProgress?.(files.length, files.length);
      for (const entry of extraEntries(rows, options.createdAt)) {
        yield {
          name: entry.name,
          input: encoder.encode(entry.text),
          lastModified: new Date(options.createdAt),
        };
      }
      resolveManifest(rows);
    } catch (error) {
      rejectManifest(error);
      throw error;
    }
  }

  return { stream: makeZip(entries()), manifest };
}

/** Hex of a digest (Web Crypto returns an ArrayBuffer). */
export const toHex = (digest: ArrayBuffer | Uint8Array) =>
  [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
