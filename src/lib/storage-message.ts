/** Why the browser's local storage cannot keep what a tool saves (see src/islands/shared/stores.ts). */
export type StorageProblem = 'unavailable' | 'full';

/**
 * The warning a tool shows while storage is blocked or full: what is not kept, what to do
 * about it, and that the tool itself still works. `what` names the thing (“草稿”), `advice`
 * what the reader should do before leaving the page (one text, or one per problem where the
 * urgency differs), `unaffected` what still works.
 */
export function storageWarningText(
  problem: StorageProblem,
  what: string,
  advice: string | Readonly<Record<StorageProblem, string>>,
  unaffected = '其他功能',
): string {
  const todo = typeof advice === 'string' ? advice : advice[problem];
  return problem === 'full'
    ? `浏览器存储空间已满或不允许写入：${what}无法保存，${todo}。${unaffected}不受影响。`
    : `浏览器禁止了本地存储：${what}不会被保存，${todo}。${unaffected}不受影响。`;
}
