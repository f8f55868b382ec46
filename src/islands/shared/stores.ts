/**
 * Browser state shared by the islands, kept in localStorage through @nanostores/persistent.
 * Storage can be disabled (privacy mode), full, or hold corrupted data: every store then
 * still works in memory, and $storageProblem tells the islands to say that nothing is saved.
 */
import { atom } from 'nanostores';
import { persistentAtom, setPersistentEngine } from '@nanostores/persistent';
import type { Finding } from '../../lib/rules/ruleset';

export type StorageProblem = 'unavailable' | 'full' | null;
export const $storageProblem = atom<StorageProblem>(null);

function openStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    storage.getItem('ksmail:probe');
    return storage;
  } catch {
    return null;
  }
}

const storage = typeof window === 'undefined' ? null : openStorage();
if (typeof window !== 'undefined' && !storage) $storageProblem.set('unavailable');

/**
 * localStorage behind a memory copy: reads and writes never throw. The memory holds only what
 * could not be written (storage blocked or full); everything else is read from storage itself,
 * so a page that comes back (Back, a second tab) sees what another page saved since, not the
 * value it last wrote (that is what let an old draft be saved over a newer one).
 */
const memory: Record<string, string> = {};
const safeEngine = new Proxy(memory, {
  get(target, key) {
    if (typeof key !== 'string') return undefined;
    if (key in target) return target[key];
    try {
      return storage?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  },
  has(target, key) {
    if (typeof key !== 'string') return false;
    if (key in target) return true;
    try {
      return storage?.getItem(key) != null;
    } catch {
      return false;
    }
  },
  set(target, key, value) {
    if (typeof key !== 'string') return true;
    try {
      if (!storage) throw new Error('no storage');
      storage.setItem(key, String(value));
      delete target[key];
    } catch {
      target[key] = String(value);
      if (storage) $storageProblem.set('full');
    }
    return true;
  },
  deleteProperty(target, key) {
    if (typeof key !== 'string') return true;
    delete target[key];
    try {
      storage?.removeItem(key);
    } catch {
      /* nothing to remove from */
    }
    return true;
  },
});
/**
 * Text the reader types. Another tab's save of one of these is not applied over the field (that
 * replaced whatever this tab was typing): the island offers it instead (see other-tab-text.ts).
 * Everything else follows other tabs at once, and every store re-reads storage on pageshow (Back).
 */
const TYPED_TEXT = ['ksmail:subject', 'ksmail:draft', 'ksmail:to', 'ksmail:cc'];
setPersistentEngine(safeEngine, {
  addEventListener(key, listener, restore) {
    if (!TYPED_TEXT.includes(key)) window.addEventListener('storage', listener as unknown as EventListener);
    window.addEventListener('pageshow', restore);
  },
  removeEventListener(_key, listener, restore) {
    window.removeEventListener('storage', listener as unknown as EventListener);
    window.removeEventListener('pageshow', restore);
  },
});

/** A persistent JSON store whose saved value is ignored (not thrown on) when corrupted. */
export function persistentJson<T>(key: string, initial: T, isValid: (value: unknown) => value is T) {
  return persistentAtom<T>(key, initial, {
    encode: (value) => JSON.stringify(value),
    decode: (text) => {
      try {
        const value: unknown = JSON.parse(text);
        return isValid(value) ? value : initial;
      } catch {
        return initial;
      }
    },
  });
}

/** The request type chosen in the mailbox picker (a request-routes.yaml id, or ''). */
export const $requestType = persistentAtom<string>('ksmail:request-type', '');

/** The subject and draft being checked; templates fill them, the composer reads them. */
export const $subject = persistentAtom<string>('ksmail:subject', '');
export const $draft = persistentAtom<string>('ksmail:draft', '');

/**
 * The files chosen in the attachment checker, with the names they will be sent under. Only
 * references to the File objects (nothing is read or copied); kept in memory for the page's
 * lifetime, since a browser cannot store a chosen file.
 */
export interface ChosenAttachment {
  file: File;
  name: string;
  /** Executables and scripts: left out of the evidence package and the mail. */
  blocked: boolean;
  /** The MIME type of its bytes (a PNG named .jpg is image/png), which the mail declares. */
  type: string;
}
export const $attachments = atom<ChosenAttachment[]>([]);

/** Which template (and which of its revisions) the saved draft was started from. */
export interface TemplateUse {
  id: string;
  revision: number;
  ruleset: string;
}
const isTemplateUse = (value: unknown): value is TemplateUse | null =>
  value === null ||
  (typeof value === 'object' &&
    typeof (value as TemplateUse).id === 'string' &&
    typeof (value as TemplateUse).revision === 'number' &&
    typeof (value as TemplateUse).ruleset === 'string');
export const $templateUse = persistentJson<TemplateUse | null>('ksmail:template', null, isTemplateUse);

/** The attachment checker's findings (per file, named, and for the set), for the composer. */
export const $attachmentFindings = atom<Finding[]>([]);

/** The composer's recipients: filled from the mailbox picker's choice, editable. */
export const $mailTo = persistentAtom<string>('ksmail:to', '');
export const $mailCc = persistentAtom<string>('ksmail:cc', '');
