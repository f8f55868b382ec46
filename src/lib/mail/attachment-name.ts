/**
 * An attachment's name without the characters that hide or reorder text, as the .eml writes it
 * (eml.ts) and the case dossier names its files (case-file/dossier-format.ts). Its own module so
 * that the dossier does not bring the MIME writer (mimetext and its polyfills, 12 KB) along.
 * Not the attachment *checks* (attachments/check-attachments.ts).
 */

/**
 * Characters a name must not carry: C0/C1 controls and DEL, and the invisible format characters
 * that reorder or hide text (bidi embeddings, overrides and isolates, marks, zero widths, BOM):
 * 「发票\u202Egnp.exe」 displays as 「发票exe.png」.
 */
const HIDDEN = /[\0-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A name as the .eml carries it: no hidden characters, lone surrogates as U+FFFD. */
export const cleanName = (name: string) => name.replace(HIDDEN, '').replace(LONE_SURROGATE, '\uFFFD');

/** The attachment's name as written into the .eml (and shown by mail clients). */
export function cleanAttachmentName(name: string): string {
  return cleanName(name) || '附件';
}
