/**
 * The .eml draft, built when the user asks for it: the MIME writer, the rich-text body and the
 * shared size refusal load together in this one chunk (none of them is needed before). Not the
 * choice of attachments (mail-attachments.ts decides package or loose files) nor the download.
 */
import { buildEml } from '../../lib/mail/eml';
import { mailHtml } from '../../lib/mail/mail-body';
import type { Mailbox } from '../../lib/mail/mail-message';
import { mailAttachmentsTooLarge } from '../../lib/input-limit-messages';

/** One attachment as it goes into the mail: the package or a chosen file, under its sent name. */
export interface OutgoingFile {
  name: string;
  /** The MIME type the mail declares (what the bytes are). */
  type: string;
  blob: Blob;
}

export interface EmlRequest {
  to: Mailbox[];
  cc: Mailbox[];
  subject: string;
  body: string;
  boldFigures: boolean;
  files: OutgoingFile[];
  /** The mailboxes' limits (ruleset mailLimits), for the refusal. */
  mailLimits: readonly { bytes: number }[];
}

/** The draft's bytes, or the refusal (attachments over every mailbox's limit) before any file is read. */
export async function emlDraft(request: EmlRequest): Promise<{ eml: string } | { refusal: string }> {
  // The same refusal as `ksmail eml`, from one place, before any file is read.
  const tooLarge = mailAttachmentsTooLarge(
    request.files.map((file) => ({ name: file.name, size: file.blob.size })),
    request.mailLimits,
  );
  if (tooLarge) return { refusal: tooLarge };
  const attachments = await Promise.all(
    request.files.map(async (file) => ({
      name: file.name,
      contentType: file.type,
      bytes: new Uint8Array(await file.blob.arrayBuffer()),
    })),
  );
  const eml = buildEml({
    to: request.to,
    cc: request.cc,
    subject: request.subject,
    text: request.body,
    html: mailHtml(request.body, { boldFigures: request.boldFigures }),
    attachments,
    date: new Date(),
  });
  return { eml };
}

/**
 * The last .eml handed to the reader (downloaded), with what it was made from. 已发送，记入案卷
 * records the hash of the file the reader most likely sent: that one, when nothing has changed
 * since — a fresh build has another Date header and other MIME boundaries, so its SHA-256 would
 * match no file the reader holds. Kept in memory only (a reload forgets it).
 */
let handed: { request: EmlRequest; eml: string } | null = null;

const sameMailboxes = (a: Mailbox[], b: Mailbox[]) => JSON.stringify(a) === JSON.stringify(b);

/** Remembers a downloaded draft. */
export function rememberHanded(request: EmlRequest, eml: string) {
  handed = { request, eml };
}

/** The downloaded draft's text when `request` would build the same mail (the same file objects). */
export function handedEml(request: EmlRequest): string | null {
  if (!handed) return null;
  const before = handed.request;
  const same =
    sameMailboxes(before.to, request.to) &&
    sameMailboxes(before.cc, request.cc) &&
    before.subject === request.subject &&
    before.body === request.body &&
    before.boldFigures === request.boldFigures &&
    before.files.length === request.files.length &&
    before.files.every(
      (file, index) =>
        file.name === request.files[index]!.name &&
        file.type === request.files[index]!.type &&
        file.blob === request.files[index]!.blob,
    );
  return same ? handed.eml : null;
}
