/**
 * What building the evidence package needs beyond the checker: the ZIP writer (client-zip), a
 * streaming SHA-256 (noble-hashes) for files too large for Web Crypto, and the check of the
 * built package. One chunk, loaded by the attachment checker only when the user builds the
 * package.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex, type EvidenceFile, type Sha256Hasher } from '../../lib/attachments/evidence-manifest';
import { verifyEvidencePackage } from '../../lib/attachments/verify-package';

/** Files up to this size are hashed whole by Web Crypto; larger ones stream through noble-hashes. */
const WHOLE_HASH_LIMIT = 64 * 1024 * 1024;

const canHashWhole = (size: number) => size <= WHOLE_HASH_LIMIT && Boolean(globalThis.crypto?.subtle);

/** Web Crypto has no streaming digest: only files small enough to read whole use it. */
export function hashWhole(file: EvidenceFile & { blob: Blob }): Promise<string> | null {
  if (!canHashWhole(file.size)) return null;
  return file.blob
    .arrayBuffer()
    .then((buffer) => crypto.subtle.digest('SHA-256', buffer))
    .then(toHex);
}

export { evidencePackage } from '../../lib/attachments/evidence-package';

export function createHasher(): Sha256Hasher {
  const hash = sha256.create();
  return { update: (chunk) => void hash.update(chunk), digestHex: () => toHex(hash.digest()) };
}

async function hashBlob(blob: Blob): Promise<string> {
  if (canHashWhole(blob.size)) return toHex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  const hasher = createHasher();
  const reader = blob.stream().getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) hasher.update(read.value);
  return hasher.digestHex();
}

/**
 * What is wrong with the built package (empty: it verifies), read back from the Blob piece by
 * piece: the directory, then each entry's bytes once for its hash, never the whole ZIP at once.
 */
export function verifyPackageBlob(blob: Blob): Promise<string[]> {
  return verifyEvidencePackage({
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
    sha256: (offset, length) => hashBlob(blob.slice(offset, offset + length)),
  });
}
