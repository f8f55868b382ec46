/**
 * The size and count limits shared by the browser tools and ksmail, so both refuse the same
 * input with the same words: a draft, a file to import, the attachments of one mail, the files of
 * one evidence package. Not the attachment *rules* (5 MB per file is a warning in the ruleset);
 * these are the points past which a tool stops instead of working on.
 */
import { base64EncodedSize, formatBytes, MB } from './byte-size';

/**
 * A draft to check: a mail body is a few KB; 2 MB is a thousand pages of Chinese text. A 20 MB
 * draft stopped ksmail with a stack overflow (issue 21).
 */
export const MAX_DRAFT_BYTES = 2 * MB;

/** An outcome log file to import: a log of 10,000 mails is well under 5 MB. */
export const MAX_IMPORT_BYTES = 5 * MB;

/** Nesting of a JSON value inside an imported record: the log's own records nest two deep. */
export const MAX_IMPORT_DEPTH = 8;

/** ZIP without ZIP64 records holds at most 65,535 entries; the package adds its read-me and lists. */
export const MAX_ZIP_ENTRIES = 65_535;

/**
 * One evidence package: 4 GB, past which a plain ZIP needs ZIP64 that older unzip tools on
 * Windows do not read, and far past what any mailbox or upload form takes.
 */
export const MAX_PACKAGE_BYTES = 4 * 1024 * MB - 1;

/** Chinese refusal of a draft over MAX_DRAFT_BYTES, or null. */
export function draftTooLarge(bytes: number, where: string): string | null {
  return bytes > MAX_DRAFT_BYTES
    ? `草稿太大：${where} 有 ${formatBytes(bytes)}，超过了 ${formatBytes(MAX_DRAFT_BYTES)} 的上限。邮件正文一般只有几 KB，请确认选对了文件。`
    : null;
}

/** The largest mailbox limit of the ruleset (0 when it names none). */
export const largestMailLimit = (limits: readonly { bytes: number }[]) =>
  Math.max(0, ...limits.map((limit) => limit.bytes));

/**
 * Why the attachments of one mail cannot go into a draft: their Base64 size is over every
 * mailbox limit (the composer and `ksmail eml` refuse them before reading a byte). Null when they fit.
 */
export function mailAttachmentsTooLarge(
  files: readonly { name: string; size: number }[],
  limits: readonly { bytes: number }[],
): string | null {
  const largest = largestMailLimit(limits);
  const encoded = files.reduce((sum, file) => sum + base64EncodedSize(file.size), 0);
  if (!largest || encoded <= largest) return null;
  const biggest = [...files].sort((a, b) => b.size - a.size)[0]!;
  return `附件编码后约 ${formatBytes(encoded)}，超过所有常见邮箱的上限（最大 ${formatBytes(largest)}）：请先按附件检查的建议压缩或改用网盘链接。最大的附件是“${biggest.name}”（${formatBytes(biggest.size)}）。`;
}

/** Why these files cannot make one evidence package (too many, or too large in all), or null. */
export function packageProblem(files: readonly { size: number }[], extraEntries: number): string | null {
  const entries = files.length + extraEntries;
  if (entries > MAX_ZIP_ENTRIES)
    return `证据包最多能放 ${(MAX_ZIP_ENTRIES - extraEntries).toLocaleString('en-US')} 个文件（ZIP 的上限是 ${MAX_ZIP_ENTRIES.toLocaleString('en-US')} 个条目，其中 ${extraEntries} 个是清单和说明），这里有 ${files.length.toLocaleString('en-US')} 个：请分成几个证据包。`;
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > MAX_PACKAGE_BYTES)
    return `这些文件合计 ${formatBytes(total)}，超过了证据包 ${formatBytes(MAX_PACKAGE_BYTES)} 的上限：请分成几个证据包。`;
  return null;
}
