/**
 * What building the evidence package needs beyond the checker: the ZIP writer (client-zip) and
 * a streaming SHA-256 (noble-hashes) for files too large for Web Crypto. One chunk, loaded by
 * the attachment checker only when the user builds the package.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex, type EvidenceFile, type Sha256Hasher } from '../../lib/attachments/evidence-manifest';

/** Files up to this size are hashed whole by Web Crypto; larger ones stream through noble-hashes. */
const WHOLE_HASH_LIMIT = 64 * 1024 * 1024;

/** Web Crypto has no streaming digest: only files small enough to read whole use it. */
export function hashWhole(file: EvidenceFile & { blob: Blob }): Promise<string> | null {
  if (file.size > WHOLE_HASH_LIMIT || !globalThis.crypto?.subtle) return null;
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
