import { storageWarningText, type StorageProblem } from '../../lib/storage-message';
import { $storageProblem } from './stores';

/**
 * Keeps `element` (a `.ks-checker__storage` paragraph) saying that `what` is not saved while
 * storage is blocked or full; hidden otherwise. Returns the unsubscribe function. `advice` and
 * `unaffected` are as in storageWarningText.
 */
export function watchStorage(
  element: HTMLElement,
  what: string,
  advice: string | Readonly<Record<StorageProblem, string>>,
  unaffected?: string,
): () => void {
  return $storageProblem.subscribe((problem) => {
    element.hidden = problem === null;
    element.textContent = problem === null ? '' : storageWarningText(problem, what, advice, unaffected);
  });
}
