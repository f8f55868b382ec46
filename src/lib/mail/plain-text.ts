/**
 * The draft as plain text: what the plain-text copy, the mailto: body and the .eml's text part
 * carry. The writer's (or the figures fix's) **bold** marks say "this figure is key"; HTML shows
 * them as bold (mail-body.ts), plain text as the bare figure — a `**` would reach the reader's
 * inbox as two literal asterisks. Nothing else changes. Tiny and eager: the composer builds the
 * mailto: link on every change, before the rich-text code has loaded.
 */

/** A **marked** run within one line, as mail-body.ts reads it: the same pairs are bold there. */
export const BOLD_MARK = /\*\*([^*\n]+?)\*\*/g;

/** The text with every **marked** run bare (80% for **80%**), as the HTML shows it minus the bold. */
export const plainBody = (body: string): string => body.replace(BOLD_MARK, '$1');
