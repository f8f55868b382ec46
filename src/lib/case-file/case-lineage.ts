/**
 * A case's short edit history (`lineage`): the last LINEAGE_LENGTH edit tokens, one random token
 * appended per saved edit. Two copies of one case are then told apart by ancestry, not by their
 * revision counts or clocks: a copy whose lineage passes through the other's last token was edited
 * from it (newer); two copies that share a token but each went on without the other were edited
 * apart (diverged), whatever their revisions and save times say.
 *
 * Pure and without zod (the island's first load carries it through case-model.ts); the tokens are
 * made by the caller. Not what to do about the answer (import-decision.ts asks; two tabs' copies
 * are merged by revision, case-model.ts mergeShelves).
 */

/** How many edit tokens a case keeps: about 1 KB of a saved case. */
export const LINEAGE_LENGTH = 64;

/** What a token may look like (case-schema.ts checks it): short, readable in a file name or an id. */
export const LINEAGE_TOKEN = /^[0-9a-z]{4,24}$/;

/**
 * How `candidate` stands to `base`, two copies of the same case:
 * - `same`: the same last edit;
 * - `newer`: candidate's history passes through base's last edit (candidate was edited from it);
 * - `older`: the other way round;
 * - `diverged`: they share an earlier edit, then each was edited without the other;
 * - `unknown`: a copy has no lineage (from before lineages, or migrated), or the two windows
 *   share no token (more than LINEAGE_LENGTH edits apart): the caller falls back to its old rule.
 */
export type LineageRelation = 'same' | 'newer' | 'older' | 'diverged' | 'unknown';

export function compareLineage(
  candidate: readonly string[] | undefined,
  base: readonly string[] | undefined,
): LineageRelation {
  if (!candidate?.length || !base?.length) return 'unknown';
  const [head, baseHead] = [candidate.at(-1)!, base.at(-1)!];
  if (head === baseHead) return 'same';
  const [fromBase, fromCandidate] = [candidate.includes(baseHead), base.includes(head)];
  // Each passing through the other's last edit cannot come from edits: a file made by hand. Ask.
  if (fromBase !== fromCandidate) return fromBase ? 'newer' : 'older';
  return fromBase || candidate.some((token) => base.includes(token)) ? 'diverged' : 'unknown';
}

/** The lineage after one more saved edit. */
export const extendLineage = (lineage: readonly string[] | undefined, token: string): string[] =>
  [...(lineage ?? []), token].slice(-LINEAGE_LENGTH);

/**
 * The lineage of a copy that deliberately takes the place of two others (an import chosen to
 * replace the copy here): both histories, both last edits kept, then the new token — so it reads
 * as newer than either copy, and no merge puts one of them back.
 */
export function joinLineages(
  kept: readonly string[] | undefined,
  other: readonly string[] | undefined,
  token: string,
): string[] {
  const heads = [kept?.at(-1), other?.at(-1)].filter((head): head is string => head !== undefined);
  const earlier = [...new Set([...(kept ?? []), ...(other ?? [])])].filter((t) => !heads.includes(t));
  return [...earlier, ...new Set(heads), token].slice(-LINEAGE_LENGTH);
}
