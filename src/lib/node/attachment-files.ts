/**
 * Attachments on disk for the command line: each file's metadata and first bytes (never the
 * whole file), the bytes of a file bounded by a limit, and the evidence package written as a
 * stream (under a temporary name, renamed when complete: safe-output.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { AttachmentInput } from '../attachments/check-attachments';
import { evidencePackage, type EvidenceFile, type ManifestRow } from '../attachments/evidence-package';
import { HEAD_BYTES } from '../attachments/file-signature';
import { writeAtomically } from './safe-output';

export class AttachmentReadError extends Error {}

export interface AttachmentOnDisk extends AttachmentInput {
  path: string;
}

/** Reads a file's size, date and first HEAD_BYTES bytes; throws AttachmentReadError in Chinese. */
export function readAttachment(path: string): AttachmentOnDisk {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new AttachmentReadError(`这是一个目录，不是文件：${path}`);
    // A device or pipe has no size to check and may never end (/dev/zero grew a ZIP to 1 GB in 5 s).
    if (!stat.isFile())
      throw new AttachmentReadError(`不是普通文件（设备、管道或套接字），不能作为附件：${path}`);
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
  await writeAtomically(out, (temporary) => stream.pipeTo(Writable.toWeb(createWriteStream(temporary))));
  return manifest;
}

/**
 * A file's bytes, read in chunks and stopped past `limit` (a file can grow after it was measured):
 * throws AttachmentReadError naming the file and the limit instead of filling the memory.
 */
export function readBounded(
  path: string | number,
  limit: number,
  tooLarge: (read: number) => string,
): Uint8Array {
  let descriptor: number;
  try {
    descriptor = typeof path === 'number' ? path : openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? '文件不存在'
        : code === 'EACCES'
          ? '没有读取权限'
          : code === 'EISDIR'
            ? '这是一个目录，不是文件'
            : '无法读取';
    throw new AttachmentReadError(`${reason}：${path}`);
  }
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(Math.min(1024 * 1024, limit + 1 - total));
      const read = readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) throw new AttachmentReadError(tooLarge(total));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof AttachmentReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new AttachmentReadError(
      `${code === 'EISDIR' ? '这是一个目录，不是文件' : '无法读取'}：${typeof path === 'number' ? '标准输入' : path}`,
    );
  } finally {
    if (typeof path !== 'number') closeSync(descriptor);
  }
}
