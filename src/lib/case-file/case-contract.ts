/**
 * The small contract between the case file (one matter, kept locally: case-schema.ts and the
 * case-file island) and its dossier export (dossier.ts): what every saved case carries to be
 * told apart from another copy of itself, and one line of the printable timeline.
 *
 * It is not the case's schema — that lives with the case file; the dossier only needs these.
 */

/** The file format name and version written into every case.json. */
export const CASE_FORMAT = 'ksmail-case';
/**
 * 2 since cases carry `lineage`, 3 since a mail step may name the template it was written from:
 * a copy of the site from before reads a newer file as 「来自本站更新的版本」 instead of rejecting
 * the unknown field as damage; version-1 and version-2 files still read (without those fields).
 */
export const CASE_VERSION = 3;

/** A gallery template's id (its file name in src/content/templates), as a mail step names it. */
export const TEMPLATE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** The highest template revision a mail step may name. */
export const TEMPLATE_REVISION_MAX = 9999;

/** What tells two copies of one case apart: the same `id`, edited `revision` times. */
export interface CaseIdentity {
  format: typeof CASE_FORMAT;
  /** The format version; a newer one than CASE_VERSION is refused with a message, never read. */
  version: number;
  /** Random, made once when the case is opened; stays the same in every copy and export. */
  id: string;
  /** Goes up by one on every saved edit; a copy with a lower revision is older. */
  revision: number;
  /** When the last edit was saved (ISO 8601, UTC). */
  updatedAt: string;
  /**
   * The last edit tokens, oldest first, one appended per saved edit (case-lineage.ts): tells an
   * older or newer copy from one edited apart. Absent in files from before version 2 and in
   * migrated cases: those are told apart by revision and time.
   */
  lineage?: string[] | undefined;
}

/** One line of the dossier's timeline, oldest first. */
export interface TimelineEntry {
  /** Beijing date, YYYY-MM-DD. */
  date: string;
  /** Beijing time HH:mm, when known. */
  time?: string | undefined;
  /** What kind of step: 站内申诉, 邮件, 电话, 收到回复, 升级, 时钟到期 … (shown as written). */
  kind: string;
  title: string;
  detail?: string | undefined;
  /** Files this step sent or kept, by their path inside the dossier, with their SHA-256. */
  files?: { path: string; sha256: string }[] | undefined;
}
