/** Why the browser's local storage cannot keep what a tool saves (see src/islands/shared/stores.ts). */
export type StorageProblem = 'unavailable' | 'full';

/**
 * The warning a tool shows while storage is blocked or full: what is not kept, what to do
 * about it, and that the tool itself still works. `what` names the thing (“草稿”), `advice`
 * what the reader should do before leaving the page.
 */
export function storageWarningText(problem: StorageProblem, what: string, advice: string): string {
  return problem === 'full'
    ? `浏览器存储空间已满或不允许写入：${what}无法保存，${advice}。其他功能不受影响。`
    : `浏览器禁止了本地存储：${what}不会被保存，${advice}。其他功能不受影响。`;
}
