/**
 * The evidence package: one ZIP with the renamed files, a manifest (证据清单) giving each
 * file's new and original name, size, type, date and SHA-256, and the same hashes in the
 * `sha256sum -c` format, so a rights holder can later prove exactly what was sent.
 *
 * Files are streamed into the ZIP (client-zip, stored without compression: evidence is
 * already-compressed media, and stored entries keep the bytes as they were). The manifest is
 * the last entry, written once every file has gone through and its hash is known; so each
 * file is read once (or twice for a small one hashed whole with Web Crypto), never held twice.
 * The manifest, the read-me and the size prediction are in evidence-manifest.ts.
 */
import { makeZip } from 'client-zip';
import { formatBytes } from '../byte-size';
import { packageProblem } from '../input-limit-messages';
import {
  entryNames,
  extraEntries,
  type EvidenceFile,
  type ManifestRow,
  type Sha256Hasher,
} from './evidence-manifest';

export * from './evidence-manifest';

const encoder = new TextEncoder();
/** The manifest, the SHA256SUMS list and the read-me (extraEntries). */
const EXTRA_ENTRY_COUNT = 3;

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

/** A package that cannot be made (too many or too large files, a file that grew while read). */
export class EvidencePackageError extends Error {
  override name = 'EvidencePackageError';
}

/**
 * Passes a file's bytes on, hashing them, and stops it at its stated size: a file that grows
 * while it is read (a log being written, a device such as /dev/zero that reports 0 bytes and
 * never ends) would otherwise make the ZIP grow without limit and disagree with its manifest.
 */
function tap(
  stream: ReadableStream<Uint8Array>,
  hasher: Sha256Hasher | null,
  file: { originalName: string; size: number },
): ReadableStream<Uint8Array> {
  let read = 0;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > file.size)
          throw new EvidencePackageError(
            `“${file.originalName}”在打包时读到的内容比它的大小（${formatBytes(file.size)}）多：文件正在变化，或者不是普通文件。证据包没有写完。`,
          );
        hasher?.update(chunk);
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
  const problem = packageProblem(files, EXTRA_ENTRY_COUNT);
  if (problem) throw new EvidencePackageError(problem);
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
          mime: file.mime,
          lastModified: file.lastModified,
          sha256: '',
        };
        rows.push(row);
        const whole = options.hashWhole?.(file) ?? null;
        let input: ReadableStream<Uint8Array>;
        if (whole) {
          row.sha256 = await whole;
          input = tap(file.stream(), null, file);
        } else {
          const hasher = options.createHasher();
          input = tap(file.stream(), hasher, file);
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
