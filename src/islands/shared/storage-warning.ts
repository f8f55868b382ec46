import type { StorageItem, StorageProblem } from '../../lib/storage-message';
import { $storageProblem } from './stores';

/**
 * The page's one storage notice. Every tool registers its `.ks-checker__storage` paragraph and
 * what it would keep; while storage is blocked or full, the first of those paragraphs on the page
 * says, for all of them, what is not kept and what to do (pageStorageWarningText); the others
 * stay hidden. Five identical warnings on /tools/ read as five problems. The wording is loaded
 * only when there is a problem to word (rare), not on every page with a tool.
 */
interface Watcher {
  element: HTMLElement;
  item: StorageItem;
}
const watchers = new Set<Watcher>();

const inPageOrder = (a: Watcher, b: Watcher) =>
  a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;

async function showNotice() {
  const problem = $storageProblem.get();
  const wording = problem ? await import('../../lib/storage-message') : null;
  const ordered = [...watchers].sort(inPageOrder);
  ordered.forEach(({ element }, index) => {
    const text =
      index === 0 && problem && wording
        ? wording.pageStorageWarningText(
            problem,
            ordered.map((w) => w.item),
          )
        : '';
    element.hidden = text === '';
    element.textContent = text;
  });
}

/**
 * Registers `element` for the page's storage notice about `what` (with `advice` and
 * `unaffected` as in storageWarningText). Returns the function that unregisters it.
 */
export function watchStorage(
  element: HTMLElement,
  what: string,
  advice: string | Readonly<Record<StorageProblem, string>>,
  unaffected?: string,
): () => void {
  const watcher: Watcher = { element, item: unaffected ? { what, advice, unaffected } : { what, advice } };
  watchers.add(watcher);
  const stop = $storageProblem.subscribe(() => void showNotice());
  return () => {
    stop();
    watchers.delete(watcher);
    element.hidden = true;
    void showNotice();
  };
}
