/**
 * The `?case=<id>` of a tools page, read safely: which routing-table case a link preselects,
 * or, for an id nobody knows, a short printable form of it for the Chinese message. Pure and
 * dependency-free (the mailbox picker and the shared stores load it in the browser).
 *
 * It is not the routing itself (src/lib/routing.ts resolves a case at build time); it only
 * decides whether a value from the address bar names one of the ids the page was built with.
 */

/** Characters of an unknown id repeated in the message: a long paste must not flood the picker. */
export const SHOWN_ID_MAX = 40;

/** The raw `case` parameter of a query string (`?case=…`), trimmed; null when absent or empty. */
export function readCaseParam(search: string): string | null {
  let value: string | null;
  try {
    value = new URLSearchParams(search).get('case');
  } catch {
    return null;
  }
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export type CaseMatch = { kind: 'known'; id: string } | { kind: 'unknown'; shown: string };

/**
 * Whether `value` is exactly one of `known` (compared as typed: ids are lower-case ASCII, and a
 * near miss must be said, not guessed). For an unknown value, `shown` has control and
 * invisible formatting characters removed, whitespace collapsed, and is cut to SHOWN_ID_MAX
 * characters (by code point, so no half surrogate pair) with an ellipsis.
 */
export function matchCase(value: string, known: readonly string[]): CaseMatch {
  if (known.includes(value)) return { kind: 'known', id: value };
  const printable = value
    .replace(/\s+/gu, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  const characters = [...printable];
  const shown =
    characters.length > SHOWN_ID_MAX ? `${characters.slice(0, SHOWN_ID_MAX).join('')}…` : printable;
  return { kind: 'unknown', shown };
}

/** 「没有名为“foo”的案例」, the words routing.ts's UnknownCaseError opens with. */
export const unknownCaseText = (shown: string) =>
  `没有名为“${shown}”的案例。请从下面的案例里选择（你之前的选择保持不变）：`;

/** The same query string without its `case` parameter (for history.replaceState once applied). */
export function withoutCaseParam(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('case');
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}
