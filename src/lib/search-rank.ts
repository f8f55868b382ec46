/**
 * Re-ranks Pagefind results for Chinese queries.
 *
 * Pagefind indexes Chinese by word segments but splits the query in the browser with
 * Intl.Segmenter, which in Chromium cuts many terms (截图 → 截|图, 封禁 → 封|禁) into single
 * characters that are then matched one by one: pages full of 图 outrank the page about 截图.
 * Here the query's terms are matched as whole strings in each candidate's title, headings and
 * text, with a bigram fallback for longer terms that do not occur verbatim. Pure and DOM-free.
 */

export interface SearchCandidate {
  url: string;
  title: string;
  /** The page's indexed text. */
  content: string;
  /** Questions the page says it answers (its `answers` frontmatter). */
  keywords?: readonly string[];
  /** Headings of the page (Pagefind sub-results) with their anchors. */
  headings: readonly { title: string; url: string }[];
  /** Pagefind's own score, used only to break ties. */
  baseScore: number;
  /** Multiplies the page's score (1 when absent): records such as changelog entries weigh less. */
  weight?: number;
}

export interface RankedResult {
  candidate: SearchCandidate;
  score: number;
  /** The heading anchor that best matches the query, or the page itself. */
  bestUrl: string;
}

const HAN = /\p{Script=Han}/u;

/** Folds width and case so that ＡＢＣ, abc and ABC match; keeps Chinese as it is. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Characters of a query that count. Every term is looked for in every candidate page (and a long
 * Chinese term by each of its character pairs), so a pasted megabyte would take minutes; no
 * search needs more than this.
 */
export const MAX_QUERY_LENGTH = 200;

const clip = (query: string) => query.slice(0, MAX_QUERY_LENGTH);

/** Splits a query into terms on white space and punctuation, folded, without duplicates. */
export function queryTerms(query: string): string[] {
  const terms = foldText(clip(query))
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((term) => term.length > 0);
  return [...new Set(terms)];
}

function countOccurrences(haystack: string, needle: string): number {
  if (needle.length === 0) return 0;
  let count = 0;
  for (
    let index = haystack.indexOf(needle);
    index !== -1;
    index = haystack.indexOf(needle, index + needle.length)
  ) {
    count += 1;
  }
  return count;
}

function bigrams(term: string): string[] {
  const characters = [...term];
  return characters.slice(0, -1).map((character, index) => character + characters[index + 1]);
}

interface FoldedFields {
  title: string;
  keywords: readonly string[];
  headings: readonly string[];
  content: string;
}

/** How strongly one exact string occurs in a page: title, answered questions, headings, text. */
function exactScore(term: string, fields: FoldedFields): number {
  let score = 0;
  if (fields.title.includes(term)) score += 50;
  if (fields.keywords.some((keyword) => keyword.includes(term))) score += 30;
  score += 15 * Math.min(3, fields.headings.filter((heading) => heading.includes(term)).length);
  score += 10 * Math.log2(1 + countOccurrences(fields.content, term));
  return score;
}

/**
 * A term's score: its exact occurrences, plus for Chinese terms of three or more characters
 * the mean score of its character pairs, so that 附件格式 also finds a page about 附件 and 格式
 * that never writes the four characters together.
 */
function termScore(term: string, fields: FoldedFields, rarity: (text: string) => number): number {
  let score = exactScore(term, fields) * rarity(term);
  if (HAN.test(term) && [...term].length >= 3) {
    const pairs = bigrams(term);
    score += pairs.reduce((sum, pair) => sum + exactScore(pair, fields) * rarity(pair), 0) / pairs.length;
  }
  return score;
}

/**
 * Inverse document frequency over the candidates: a string found on every page (邮件) tells
 * less about which page is meant than one found on few (太大).
 */
function rarityAmong(pages: readonly FoldedFields[]): (text: string) => number {
  const cache = new Map<string, number>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      const containing = pages.filter(
        (page) => page.title.includes(text) || page.content.includes(text),
      ).length;
      value = Math.log(1 + pages.length / Math.max(1, containing));
      cache.set(text, value);
    }
    return value;
  };
}

/** Orders candidates by how well they contain the query's terms; drops those that contain none. */
export function rankCandidates(query: string, candidates: readonly SearchCandidate[]): RankedResult[] {
  const terms = queryTerms(query);
  const folded: FoldedFields[] = candidates.map((candidate) => ({
    title: foldText(candidate.title),
    keywords: (candidate.keywords ?? []).map(foldText),
    headings: candidate.headings.map((heading) => foldText(heading.title)),
    content: foldText(candidate.content),
  }));
  const rarity = rarityAmong(folded);
  const ranked = candidates.map((candidate, index) => {
    const fields = folded[index]!;
    const headingTitles = fields.headings;
    const score =
      terms.reduce((sum, term) => sum + termScore(term, fields, rarity), 0) * (candidate.weight ?? 1);
    const firstTerm = terms[0] ?? '';
    const heading = candidate.headings.find(
      (_, index) => firstTerm !== '' && headingTitles[index]!.includes(firstTerm),
    );
    return { candidate, score, bestUrl: heading?.url ?? candidate.url };
  });
  const relevant = terms.length === 0 ? ranked : ranked.filter((result) => result.score > 0);
  return relevant.sort(
    (a, b) =>
      b.score - a.score ||
      b.candidate.baseScore - a.candidate.baseScore ||
      a.candidate.url.localeCompare(b.candidate.url),
  );
}

/** Queries worth sending to Pagefind to gather candidates: the query, and each Han term as a phrase. */
export function candidateQueries(query: string): string[] {
  const terms = queryTerms(query);
  const phrases = terms.filter((term) => HAN.test(term) && [...term].length >= 2).map((term) => `"${term}"`);
  return [clip(query).trim(), ...phrases].filter(
    (value, index, all) => value.length > 0 && all.indexOf(value) === index,
  );
}
