/**
 * The evidence package the attachment checker built, shared with the composer, and the rule that
 * drops it when the files it was built from change. Apart from stores.ts so that islands which
 * never see a package (most of them) do not load it; both islands that do import it, so the
 * staleness check runs whenever either is on the page. Not the building (evidence-builder.ts).
 */
import { atom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { fileListFingerprint } from '../../lib/attachments/package-freshness';
import type { Finding } from '../../lib/rules/ruleset';
// stores.ts first: it sets the guarded storage engine the persistent atom below uses.
import { $attachments, type ChosenAttachment } from './stores';

/** The fingerprint of a list of chosen attachments (see package-freshness.ts). */
export const chosenFingerprint = (list: readonly ChosenAttachment[]) =>
  fileListFingerprint(
    list.map(({ file, name, blocked }) => ({
      name,
      originalName: file.name,
      size: file.size,
      lastModified: file.lastModified,
      blocked,
    })),
  );

/**
 * The evidence package the attachment checker built, for the composer to attach. The ZIP stays
 * a Blob in memory (a browser cannot keep it in localStorage): it lives as long as the page,
 * like the chosen files. It is dropped as soon as the file list it was built from changes.
 */
export interface BuiltEvidencePackage {
  blob: Blob;
  name: string;
  fileCount: number;
  /** chosenFingerprint of $attachments when it was built. */
  fingerprint: string;
  /** The package checked like any attachment (its size first). */
  findings: Finding[];
}
export const $evidencePackage = atom<BuiltEvidencePackage | null>(null);
/**
 * Why there is no package where there was one: its files changed since ('stale'), or it was
 * built before this page was loaded ('reload': only its name was kept, to say so). Null otherwise.
 */
export const $evidencePackageGone = atom<'stale' | 'reload' | null>(null);
/** The name of the last package built, kept across reloads only to tell the reader it is gone. */
const $evidencePackageBuilt = persistentAtom<string>('ksmail:evidence-package', '');
// Only a package's name counts (a corrupted value says nothing was built).
if (typeof window !== 'undefined' && $evidencePackageBuilt.get().endsWith('.zip'))
  $evidencePackageGone.set('reload');

/** Hands a package just built to the composer; refused (false) when its files changed meanwhile. */
export function offerEvidencePackage(built: BuiltEvidencePackage): boolean {
  if (built.fingerprint !== chosenFingerprint($attachments.get())) return false;
  $evidencePackage.set(built);
  $evidencePackageGone.set(null);
  $evidencePackageBuilt.set(built.name);
  return true;
}

// One place decides staleness, whichever island changed the list (removal, rename, clearing).
$attachments.listen((list) => {
  const built = $evidencePackage.get();
  if (!built || built.fingerprint === chosenFingerprint(list)) return;
  $evidencePackage.set(null);
  $evidencePackageGone.set('stale');
  $evidencePackageBuilt.set('');
});
