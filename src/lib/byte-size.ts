/**
 * File sizes as mail providers count them: 1 MB = 1024 × 1024 bytes, and attachments travel
 * Base64-encoded, which is what a mailbox's size limit is measured against.
 */
export const MB = 1024 * 1024;

/** Human size in Chinese UI style: 812 字节, 4.3 KB, 5.0 MB, 1.2 GB. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '未知大小';
  if (bytes < 1024) return `${bytes} 字节`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/**
 * Size of an attachment on the wire: Base64 turns 3 bytes into 4 characters, and MIME breaks
 * the lines every 76 characters with CRLF (RFC 2045) — about 1.37 times the file.
 */
export function base64EncodedSize(bytes: number): number {
  const characters = 4 * Math.ceil(bytes / 3);
  return characters + 2 * Math.ceil(characters / 76);
}
