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
import type { LEGACY_KEYS, migrateLegacy } from '../../lib/case-file/case-migration';
import { persistentJson } from '../shared/stores';

export const CASES_KEY = 'ksmail:cases';

export const $shelf = persistentJson<CaseShelf>(CASES_KEY, emptyShelf(), looksLikeShelf);

/** Storage holds something under CASES_KEY that this version cannot read (newer, or damaged). */
export const $foreignShelf = atom(false);

type Stored = { kind: 'none' } | { kind: 'shelf'; shelf: CaseShelf } | { kind: 'foreign'; raw: string };

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
    return looksLikeShelf(value) ? { kind: 'shelf', shelf: value } : { kind: 'foreign', raw };
  } catch {
    return { kind: 'foreign', raw };
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
    // Not ours to overwrite: keep working in memory only. The persistent store writes every set
    // through to storage, so what was there is put back at once (the planner's storage test
    // found the unreadable shelf replaced by this tab's).
    $foreignShelf.set(true);
    $shelf.set(next);
    try {
      window.localStorage.setItem(CASES_KEY, stored.raw);
    } catch {
      /* it was readable a moment ago; nothing more to do */
    }
    return;
  }
  $shelf.set(stored.kind === 'shelf' ? mergeShelves(next, stored.shelf) : next);
}

/** What the tools before the case file left in storage (see case-migration.ts). */
export function readLegacy(keys: { outcomes: string; subject: string; requestType: string }) {
  const read = (key: string) => {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  return { outcomes: read(keys.outcomes), subject: read(keys.subject), requestType: read(keys.requestType) };
}

/** A random id for a new case (`c-…`) or step (`s-…`): time first, so ids sort roughly by age. */
export function randomId(prefix: 'c' | 's' = 'c') {
  const random = new Uint32Array(2);
  crypto.getRandomValues(random);
  return `${prefix}-${Date.now().toString(36)}-${random[0]!.toString(36)}${random[1]!.toString(36)}`;
}

/**
 * Turns what the older tools left in storage into cases (case-migration.ts), on the first load of
 * whichever view of the shelf the reader opens first — the case file or the planner — and saves
 * them. The migration code comes in as an argument: each island loads it in its lazy chunk, not
 * in its first load. Returns the titles of the cases made now.
 */
export function migrateStoredLegacy(
  migration: { LEGACY_KEYS: typeof LEGACY_KEYS; migrateLegacy: typeof migrateLegacy },
  caseTypes: readonly { id: string; need: string }[],
  now: number,
): string[] {
  checkStoredShelf();
  const legacy = readLegacy(migration.LEGACY_KEYS);
  const { shelf, added } = migration.migrateLegacy(legacy, $shelf.get(), now, caseTypes);
  if (added.length) saveShelf(shelf);
  return added;
}
