/**
 * What the mail attaches: the evidence package once one is built for the files chosen now (one
 * ZIP, which keeps the mail within the three-attachment limit), or the loose files when no
 * package exists or the user chooses them. Also which attachment findings then apply. Pure: the
 * composer calls it with the stores' values; building and dropping the package is elsewhere
 * (the attachment checker, and the freshness check in package-freshness.ts).
 */
import type { Finding } from '../rules/ruleset';

/**
 * The rule on the number of loose attachments (kind attachment-count, ruleset 2026.11.3): it is
 * about the loose files, so it does not apply when they travel as one package.
 */
export const ATTACHMENT_COUNT_RULE = 'attachments.count';

export interface LooseAttachment {
  name: string;
  size: number;
  /** Executables and scripts: never mailed, never packed. */
  blocked: boolean;
}

export interface BuiltPackageInfo {
  name: string;
  size: number;
  /** How many files it holds. */
  fileCount: number;
  /** The package checked as an attachment (its size against the mailboxes' limits). */
  findings: readonly Finding[];
}

export interface ListedAttachment extends LooseAttachment {
  /** The evidence package, rather than one of the chosen files. */
  isPackage: boolean;
}

export interface MailAttachmentPlan {
  mode: 'package' | 'files';
  /** What the mail carries, in order. */
  attachments: { name: string; size: number }[];
  /** What the composer lists: the attachments, and blocked files (which it says are left out). */
  listed: ListedAttachment[];
  /** The attachment findings that apply to what is sent. */
  findings: Finding[];
}

/**
 * The plan for a mail: with a (fresh) package and no choice of the loose files, the package;
 * otherwise the loose files. `files` and `fileFindings` are the attachment checker's.
 */
export function mailAttachmentPlan(
  files: readonly LooseAttachment[],
  fileFindings: readonly Finding[],
  builtPackage: BuiltPackageInfo | null,
  preferLooseFiles: boolean,
): MailAttachmentPlan {
  const blocked = files.filter((file) => file.blocked).map((file) => ({ ...file, isPackage: false }));
  if (!builtPackage || preferLooseFiles) {
    const sent = files.filter((file) => !file.blocked);
    return {
      mode: 'files',
      attachments: sent.map(({ name, size }) => ({ name, size })),
      listed: files.map((file) => ({ ...file, isPackage: false })),
      findings: [...fileFindings],
    };
  }
  const { name, size } = builtPackage;
  return {
    mode: 'package',
    attachments: [{ name, size }],
    listed: [{ name, size, blocked: false, isPackage: true }, ...blocked],
    // The files' own findings (names, types) still say something about what is in the ZIP.
    findings: [
      ...fileFindings.filter((finding) => finding.rule !== ATTACHMENT_COUNT_RULE),
      ...builtPackage.findings,
    ],
  };
}
