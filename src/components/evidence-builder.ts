/**
 * What building the evidence package needs beyond the checker: the ZIP writer (client-zip) and
 * a streaming SHA-256 (noble-hashes) for files too large for Web Crypto. One chunk, loaded by
 * the attachment checker only when the user builds the package.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex, type Sha256Hasher } from '../lib/evidence-manifest';

export { evidencePackage } from '../lib/evidence-package';

export function createHasher(): Sha256Hasher {
  const hash = sha256.create();
  return { update: (chunk) => void hash.update(chunk), digestHex: () => toHex(hash.digest()) };
}
