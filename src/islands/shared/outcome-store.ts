/**
 * The outcome log (chapter 9, 效果评估) kept in this browser's localStorage under
 * `ksmail:outcomes`, as `{ version: 1, entries }`. Nothing is sent anywhere.
 *
 * For other islands (the mail composer): when the user says a mail was sent, call
 *
 *     addOutcome({ requestType: 'account-appeal', template: { id: 'account-appeal', revision: 2 } });
 *
 * `requestType` is a request-routes.yaml id; `template` is optional; `sent` defaults to today
 * (Beijing time) and `resolved` to 'pending'. It returns the new entry, or throws an
 * OutcomeInputError (Chinese message) when a field is malformed. The key is now the old log:
 * the case file and the outcome figures (/guide/evaluation/, a view of the case file) migrate
 * each entry into a case when they next load (case-store.ts migrateIntoShelf), once, and the
 * user adds the reply and its result to that case.
 *
 * Storage that is disabled or full: the log keeps working in memory and $storageProblem (from
 * stores.ts) says so. A saved log that cannot be read: the readable entries are kept, the raw
 * text is copied to `ksmail:outcomes:damaged`, and $outcomeDamage says what happened.
 */
import { atom, computed } from 'nanostores';
import {
  canonical,
  errorText,
  isOutcomeList,
  mergeOutcomes,
  OUTCOME_VERSION,
  validateEntry,
  type MergeResult,
  type OutcomeEntry,
  type Resolution,
  type Satisfaction,
  type TemplateRef,
} from '../../lib/outcomes/outcome-log';
import { shanghaiDate } from '../../lib/shanghai-time';
import { persistentJson } from './stores';

export const OUTCOMES_KEY = 'ksmail:outcomes';
export const DAMAGED_KEY = 'ksmail:outcomes:damaged';

interface StoredOutcomes {
  version: typeof OUTCOME_VERSION;
  entries: OutcomeEntry[];
}

const isStored = (value: unknown): value is StoredOutcomes =>
  typeof value === 'object' &&
  value !== null &&
  (value as StoredOutcomes).version === OUTCOME_VERSION &&
  isOutcomeList((value as StoredOutcomes).entries);

const EMPTY: StoredOutcomes = { version: OUTCOME_VERSION, entries: [] };
const $stored = persistentJson<StoredOutcomes>(OUTCOMES_KEY, EMPTY, isStored);

/** Entries recovered from a damaged log, shown (not saved) while the damaged text has no copy. */
const $recovered = atom<OutcomeEntry[] | null>(null);

/** The log, in the order entries were added. */
export const $outcomes = computed([$stored, $recovered], (stored, recovered) => recovered ?? stored.entries);

export interface OutcomeDamage {
  /** The saved text that could not be read as it was. */
  raw: string;
  /** Entries recovered from it. */
  kept: number;
  /** Entries that could not be recovered (null when the text was not a list at all). */
  lost: number | null;
  /** Where the raw text was copied, or null when that failed too. */
  backupKey: string | null;
}
export const $outcomeDamage = atom<OutcomeDamage | null>(null);

export class OutcomeInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutcomeInputError';
  }
}

/** On load: a saved log that the guard refused is salvaged entry by entry, and backed up first. */
function salvageSavedLog() {
  if (typeof window === 'undefined') return;
  let raw: string | null;
  try {
    raw = window.localStorage.getItem(OUTCOMES_KEY);
  } catch {
    return;
  }
  if (raw === null) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (isStored(parsed)) return;
  const list: unknown[] | null =
    typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as StoredOutcomes).entries)
      ? (parsed as StoredOutcomes).entries
      : Array.isArray(parsed)
        ? parsed
        : null;
  const ids = new Set<string>();
  const kept: OutcomeEntry[] = [];
  for (const item of list ?? []) {
    const checked = validateEntry(item);
    if (checked.ok && !ids.has(checked.entry.id)) {
      ids.add(checked.entry.id);
      kept.push(checked.entry);
    }
  }
  let backupKey: string | null = DAMAGED_KEY;
  try {
    window.localStorage.setItem(DAMAGED_KEY, raw);
  } catch {
    backupKey = null;
  }
  $outcomeDamage.set({ raw, kept: kept.length, lost: list ? list.length - kept.length : null, backupKey });
  // Only overwrite the damaged text once a copy of it is safe.
  if (kept.length > 0 && backupKey) $stored.set({ version: OUTCOME_VERSION, entries: kept });
  else if (kept.length > 0) $recovered.set(kept);
}

salvageSavedLog();

const current = () => $outcomes.get();

function save(entries: OutcomeEntry[]) {
  $recovered.set(null);
  $stored.set({ version: OUTCOME_VERSION, entries });
}

const today = () => shanghaiDate(Date.now());

function newId() {
  const random = new Uint32Array(2);
  globalThis.crypto.getRandomValues(random);
  return `o-${Date.now().toString(36)}-${random[0]!.toString(36)}${random[1]!.toString(36)}`.slice(0, 32);
}

export interface NewOutcome {
  /** request-routes.yaml id. */
  requestType: string;
  template?: TemplateRef | undefined;
  /** YYYY-MM-DD, Beijing time; default today. */
  sent?: string | undefined;
  firstReply?: string | undefined;
  /** Default 'pending' (处理中). */
  resolved?: Resolution | undefined;
  satisfaction?: Satisfaction | undefined;
  matter?: string | undefined;
  note?: string | undefined;
}

/** Adds a sent mail to the log and returns it; throws OutcomeInputError for a malformed field. */
export function addOutcome(input: NewOutcome): OutcomeEntry {
  const checked = validateEntry(
    { resolved: 'pending', sent: today(), ...input, id: newId() },
    { today: today() },
  );
  if (!checked.ok) throw new OutcomeInputError(errorText(checked.errors));
  save([...current(), checked.entry]);
  return checked.entry;
}

export type OutcomeChanges = { [K in Exclude<keyof OutcomeEntry, 'id'>]?: OutcomeEntry[K] | undefined };

/** Changes an entry (a field set to undefined is cleared) and returns it; throws for an unknown id or a bad field. */
export function updateOutcome(id: string, changes: OutcomeChanges): OutcomeEntry {
  const entries = current();
  const position = entries.findIndex((entry) => entry.id === id);
  if (position < 0) throw new OutcomeInputError(`找不到编号为“${id}”的记录，可能已在其他标签页删除。`);
  const checked = validateEntry({ ...entries[position], ...changes, id }, { today: today() });
  if (!checked.ok) throw new OutcomeInputError(errorText(checked.errors));
  const next = [...entries];
  next[position] = checked.entry;
  save(next);
  return checked.entry;
}

/** Removes an entry and returns it (null when it was not there). */
export function removeOutcome(id: string): OutcomeEntry | null {
  const entries = current();
  const removed = entries.find((entry) => entry.id === id) ?? null;
  if (removed) save(entries.filter((entry) => entry.id !== id));
  return removed;
}

/** Puts a removed entry back where it was (undo). */
export function restoreOutcome(entry: OutcomeEntry, position: number) {
  const entries = current().filter((candidate) => candidate.id !== entry.id);
  entries.splice(Math.min(Math.max(position, 0), entries.length), 0, canonical(entry));
  save(entries);
}

/** Empties the log. */
export function clearOutcomes() {
  save([]);
}

/** Merges checked entries (from importOutcomes) into the log by id. */
export function importIntoLog(entries: readonly OutcomeEntry[]): MergeResult {
  const result = mergeOutcomes(current(), entries);
  if (result.added + result.updated > 0) save(result.entries);
  return result;
}
