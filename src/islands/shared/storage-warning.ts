import { storageWarningText } from '../../lib/storage-message';
import { $storageProblem } from './stores';

/**
 * Keeps `element` (a `.ks-checker__storage` paragraph) saying that `what` is not saved while
 * storage is blocked or full; hidden otherwise. Returns the unsubscribe function.
 */
export function watchStorage(element: HTMLElement, what: string, advice: string): () => void {
  return $storageProblem.subscribe((problem) => {
    element.hidden = problem === null;
    element.textContent = problem === null ? '' : storageWarningText(problem, what, advice);
  });
}
