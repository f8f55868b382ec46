/**
 * The Chinese refusals for the limits in input-limits.ts, shared by ksmail and the browser tools.
 */
import { base64EncodedSize, formatBytes } from './byte-size';
import { MAX_DRAFT_BYTES, MAX_PACKAGE_BYTES, MAX_ZIP_ENTRIES } from './input-limits';

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
