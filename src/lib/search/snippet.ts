/**
 * The text shown under a search result: a passage of the page around the place that matches,
 * cut at sentence boundaries (or, in a long sentence, at a clause boundary, never inside a
 * word), with the query's strings marked. Returns text parts, not HTML: the island writes them
 * with textContent. Pure and DOM-free; not the ranking (rank.ts).
 */

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** Where a sentence ends. */
const SENTENCE_END = /[。！？；!?;\n]/u;
/** Where a clause ends, for sentences longer than the snippet. */
const CLAUSE_END = /[，、：,:）)」』”]/u;

/** Characters shown before the match at most, and in all. */
export const BEFORE = 40;
export const LENGTH = 110;

/** The start of the sentence holding `at`, or of a clause if the sentence starts too far back. */
function startAt(text: string, at: number, floor: number): number {
  const limit = Math.max(floor, at - BEFORE);
  for (let index = at - 1; index >= limit; index -= 1) if (SENTENCE_END.test(text[index]!)) return index + 1;
  for (let index = at - 1; index >= limit; index -= 1) if (CLAUSE_END.test(text[index]!)) return index + 1;
  // No boundary near: start at the match itself rather than in the middle of a word.
  return limit === floor ? floor : at;
}

/** The end of the passage: a sentence end, else a clause end, else the last space or the length. */
function endAt(text: string, from: number): number {
  const limit = Math.min(text.length, from + LENGTH);
  if (limit === text.length) return limit;
  let clause = -1;
  for (let index = limit - 1; index > from; index -= 1) {
    if (SENTENCE_END.test(text[index]!)) return index + 1;
    if (clause === -1 && CLAUSE_END.test(text[index]!)) clause = index + 1;
  }
  if (clause > from + LENGTH / 3) return clause;
  const space = text.lastIndexOf(' ', limit);
  return space > from + LENGTH / 3 ? space : limit;
}

/**
 * The passage of `text` around `at` (an offset in it; -1 for the page's start after `bodyStart`),
 * with every occurrence of `marks` (looked for in `folded`, the same text folded character for
 * character) marked.
 */
export function snippet(
  text: string,
  folded: string,
  at: number,
  marks: readonly string[],
  bodyStart = 0,
): SnippetPart[] {
  const floor = at !== -1 && at < bodyStart ? 0 : Math.min(bodyStart, text.length);
  const place = at === -1 ? floor : Math.min(Math.max(at, 0), text.length);
  const start = startAt(text, place, floor);
  const end = endAt(text, start);
  const marked = new Uint8Array(end - start);
  for (const mark of marks) {
    if (mark.length === 0) continue;
    for (
      let index = folded.indexOf(mark, start);
      index !== -1 && index < end;
      index = folded.indexOf(mark, index + 1)
    )
      marked.fill(1, index - start, Math.min(end, index + mark.length) - start);
  }
  const parts: SnippetPart[] = [];
  for (let index = start; index < end; index += 1) {
    const isMarked = marked[index - start] === 1;
    const last = parts.at(-1);
    if (last && last.marked === isMarked) last.text += text[index];
    else parts.push({ text: text[index]!, marked: isMarked });
  }
  const trimmed = parts.filter((part) => part.text.trim().length > 0 || part.marked);
  if (trimmed.length > 0) trimmed[0]!.text = trimmed[0]!.text.trimStart();
  const sentenceStart = start === floor || SENTENCE_END.test(text[start - 1] ?? '');
  if (!sentenceStart && trimmed.length > 0) trimmed.unshift({ text: '…', marked: false });
  if (end < text.length && trimmed.length > 0) trimmed.push({ text: '…', marked: false });
  return trimmed;
}
