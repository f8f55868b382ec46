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

/** One tool's part of the page's storage notice: the arguments of storageWarningText. */
export interface StorageItem {
  what: string;
  advice: string | Readonly<Record<StorageProblem, string>>;
  unaffected?: string;
}

/**
 * The one storage notice a page shows for all its tools (several identical warnings on one page
 * read as several problems). One tool: its own warning. Several: every thing not kept, named
 * once, then each piece of advice with the things it is for.
 */
export function pageStorageWarningText(problem: StorageProblem, items: readonly StorageItem[]): string {
  if (items.length === 0) return '';
  const [only] = items;
  if (items.length === 1 && only) return storageWarningText(problem, only.what, only.advice, only.unaffected);
  const whats = [...new Set(items.map((item) => item.what))];
  const byAdvice = new Map<string, Set<string>>();
  for (const item of items) {
    const todo = typeof item.advice === 'string' ? item.advice : item.advice[problem];
    byAdvice.set(todo, (byAdvice.get(todo) ?? new Set()).add(item.what));
  }
  const advice = [...byAdvice].map(([todo, things]) => `${[...things].join('、')}：${todo}`).join('；');
  return problem === 'full'
    ? `浏览器存储空间已满或不允许写入：这个页面上的${whats.join('、')}都无法保存。${advice}。各工具的检查功能不受影响。`
    : `浏览器禁止了本地存储：这个页面上的${whats.join('、')}都不会被保存。${advice}。各工具的检查功能不受影响。`;
}
