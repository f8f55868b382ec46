/**
 * Whether a built evidence package still matches the files it was built from: a fingerprint of
 * the file list (the name each file is sent under, its own name, size and modification time, in
 * order). Not a hash of the bytes (reading every file again on each change would be slow, and a
 * file edited on disk after it was chosen cannot be read at all: the browser refuses), and not
 * the package itself: the checker builds it, the composer attaches it.
 */

export interface FingerprintedFile {
  /** The name it is sent under (and packed under). */
  name: string;
  /** The file's own name on disk. */
  originalName: string;
  size: number;
  lastModified: number;
  /** Executables and scripts are never packed: adding or removing one leaves a package valid. */
  blocked: boolean;
}

/**
 * The file list's fingerprint: equal exactly when the same files would be packed under the same
 * names in the same order. JSON of the fields, so no two different lists can collide.
 */
export function fileListFingerprint(files: readonly FingerprintedFile[]): string {
  return JSON.stringify(
    files
      .filter((file) => !file.blocked)
      .map((file) => [file.name, file.originalName, file.size, file.lastModified]),
  );
}
