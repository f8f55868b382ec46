/**
 * Attachments on disk for the command line: each file's metadata and first bytes (never the
 * whole file), and the evidence package written as a stream.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { AttachmentInput } from '../attachments/check-attachments';
import { evidencePackage, type EvidenceFile, type ManifestRow } from '../attachments/evidence-package';
import { HEAD_BYTES } from '../attachments/file-signature';

export class AttachmentReadError extends Error {}

export interface AttachmentOnDisk extends AttachmentInput {
  path: string;
}

/** Reads a file's size, date and first HEAD_BYTES bytes; throws AttachmentReadError in Chinese. */
export function readAttachment(path: string): AttachmentOnDisk {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new AttachmentReadError(`这是一个目录，不是文件：${path}`);
    const descriptor = openSync(path, 'r');
    try {
      const head = new Uint8Array(Math.min(HEAD_BYTES, stat.size));
      const read = readSync(descriptor, head, 0, head.length, 0);
      return {
        path,
        name: basename(path),
        size: stat.size,
        head: head.subarray(0, read),
        lastModified: stat.mtimeMs,
      };
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    if (error instanceof AttachmentReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : '无法读取';
    throw new AttachmentReadError(`${reason}：${path}`);
  }
}

/** Writes the evidence package to `out`, streaming each file from disk and hashing it on the way. */
export async function writeEvidencePackage(
  files: (Omit<EvidenceFile, 'stream'> & { path: string })[],
  out: string,
  createdAt = Date.now(),
): Promise<ManifestRow[]> {
  const { stream, manifest } = evidencePackage(
    files.map((file) => ({
      ...file,
      stream: () => Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>,
    })),
    {
      createdAt,
      createHasher: () => {
        const hash = createHash('sha256');
        return { update: (chunk) => void hash.update(chunk), digestHex: () => hash.digest('hex') };
      },
    },
  );
  await stream.pipeTo(Writable.toWeb(createWriteStream(out)));
  return manifest;
}
