/**
 * The case file's storage: every case of this browser on one shelf under `ksmail:cases`, kept
 * through the shared persistent stores (stores.ts: localStorage behind a memory copy that never
 * throws). Storage blocked or full → the shelf lives in memory and $storageProblem says so.
 * Nothing here is sent anywhere.
 *
 * Two tabs: stores.ts applies another tab's save of this key at once (it is not typed text); a
 * save here first merges with what storage holds now (mergeShelves: each case in its newer edit,
 * deletions kept), so a tab that saves never puts back an older copy of another tab's case.
 * A shelf saved by a newer version of the site is never overwritten: this tab then keeps its
 * edits in memory and $foreignShelf says why.
 */
import { atom } from 'nanostores';
import { emptyShelf, looksLikeShelf, mergeShelves, type CaseShelf } from '../../lib/case-file/case-model';
import type { LEGACY_KEYS, LegacyStorage, migrateLegacy } from '../../lib/case-file/case-migration';
import { persistentJson } from '../shared/stores';

export const CASES_KEY = 'ksmail:cases';

/** The shelf as saved (localStorage through stores.ts): setting it writes storage. */
const $savedShelf = persistentJson<CaseShelf>(CASES_KEY, emptyShelf(), looksLikeShelf);

/** Storage holds something under CASES_KEY that this version cannot read (newer, or damaged). */
export const $foreignShelf = atom(false);

/**
 * The shelf the island shows and edits: the saved one (another tab's save reaches it), or, while
 * storage holds a shelf this version cannot read, this tab's copy in memory only. Setting the
 * saved store then would write over that shelf, which is what happened before this was split.
 */
export const $shelf = atom<CaseShelf>($savedShelf.get());
$savedShelf.listen((saved) => {
  if (!$foreignShelf.get()) $shelf.set(saved);
});

type Stored = { kind: 'none' } | { kind: 'shelf'; shelf: CaseShelf } | { kind: 'foreign' };

function readStored(): Stored {
  let raw: string | null;
  try {
    raw = window.localStorage.getItem(CASES_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (raw === null) return { kind: 'none' };
  try {
    const value: unknown = JSON.parse(raw);
    return looksLikeShelf(value) ? { kind: 'shelf', shelf: value } : { kind: 'foreign' };
  } catch {
    return { kind: 'foreign' };
  }
}

/** Checks, on load, whether what is stored can be read at all. */
export function checkStoredShelf() {
  $foreignShelf.set(readStored().kind === 'foreign');
}

/** Saves the shelf, merged with what another tab may have saved since. */
export function saveShelf(next: CaseShelf) {
  const stored = readStored();
  if (stored.kind === 'foreign') {
    // Not ours to overwrite: keep working in memory only ($shelf is not the saved store).
    $foreignShelf.set(true);
    $shelf.set(next);
    return;
  }
  $savedShelf.set(stored.kind === 'shelf' ? mergeShelves(next, stored.shelf) : next);
  // Storage blocked or full: stores.ts keeps the value in memory, and $savedShelf still emits it.
  $shelf.set($savedShelf.get());
}

/** What the tools before the case file left in storage (see case-migration.ts). */
export function readLegacy(keys: { outcomes: string; subject: string; requestType: string }): LegacyStorage {
  const read = (key: string) => {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  return { outcomes: read(keys.outcomes), subject: read(keys.subject), requestType: read(keys.requestType) };
}

/** A random edit token (case-lineage.ts): 14 base-36 characters, one per saved edit. */
export function editToken() {
  const random = new Uint32Array(2);
  crypto.getRandomValues(random);
  return `${random[0]!.toString(36).padStart(7, '0')}${random[1]!.toString(36).padStart(7, '0')}`;
}

/** A random id for a new case (`c-…`) or step (`s-…`): time first, so ids sort roughly by age. */
export function randomId(prefix: 'c' | 's' = 'c') {
  const random = new Uint32Array(2);
  crypto.getRandomValues(random);
  return `${prefix}-${Date.now().toString(36)}-${random[0]!.toString(36)}${random[1]!.toString(36)}`;
}

/**
 * The migration of the older tools' data into cases, as every view of the shelf runs it on load
 * (the case file, the planner, the outcome figures): whichever page is opened first migrates, and
 * the shelf's `migrated` list keeps the others from doing it again. The migration code comes in as
 * an argument, so an island can load it in a lazy chunk rather than its first load. `legacy` is
 * what storage holds under the old keys unless given (an old tracker file being imported).
 * Returns the titles of the cases made; the old keys are never touched.
 */
export function migrateIntoShelf(
  migration: { LEGACY_KEYS: typeof LEGACY_KEYS; migrateLegacy: typeof migrateLegacy },
  caseTypes: readonly { id: string; need: string }[],
  legacy: LegacyStorage = readLegacy(migration.LEGACY_KEYS),
  now = Date.now(),
): string[] {
  checkStoredShelf();
  const { shelf, added } = migration.migrateLegacy(legacy, $shelf.get(), now, caseTypes);
  if (added.length) saveShelf(shelf);
  return added;
}
