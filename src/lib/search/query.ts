/**
 * A search query as the ranking sees it: folded (width, case, Traditional → Simplified, no
 * zero-width characters), split into terms, and widened by the site's synonym groups (封号 also
 * looks for 封禁, 搬运 for 侵权). Pure and DOM-free; the synonym groups and the character table
 * come from /search-data.json (src/lib/node/search-data.ts), loaded with the Pagefind index.
 * Not the ranking (rank.ts) and not the snippet (snippet.ts).
 */

/** Characters of a query that count: every term is looked for in every page, so a pasted megabyte would take minutes. */
export const MAX_QUERY_LENGTH = 200;

/** How many distinct terms a query may bring, synonyms included (bounds the work per keystroke). */
export const MAX_TERMS = 24;

/** Weight of a word found through a synonym group, against 1 for a word typed. */
export const SYNONYM_WEIGHT = 0.6;
/** Weight of a synonym group's word found inside a longer typed term. */
export const TYPED_INSIDE_WEIGHT = 0.9;
/** Known words are looked for inside a long term up to this many characters (longer ones span words). */
export const MAX_KNOWN_WORD = 4;

export interface SynonymGroup {
  words: readonly string[];
  /** The page a query with one of these words asks for (relative to the site root, e.g. `templates/`). */
  page?: string;
}

/** How much more a page weighs when the query names it (模板 → the template library). */
export const ASKED_PAGE_WEIGHT = 1.5;
/**
 * How much a page that synonym groups can ask for weighs when the query does not ask for it.
 * The template library holds a template for every case, so it contains every case's words
 * (权属证明, 找回, 个人信息 …); unless 模板/范文 is typed, the case page those words belong to is
 * the answer, and the library's card is one click from it.
 */
export const UNASKED_PAGE_WEIGHT = 0.6;

/** What the browser receives in /search-data.json. */
export interface SearchData {
  /** Traditional characters (`from[i]`) and their Simplified forms (`to[i]`), one to one. */
  t2s: { from: string; to: string };
  synonyms: readonly SynonymGroup[];
}

export interface QueryTerm {
  text: string;
  weight: number;
  /** True when the term came from a synonym group, not from what was typed. */
  synonym: boolean;
  /** The synonym group a word came from: a group counts once per page, by its best word. */
  group?: number;
  /** The page the word's group asks for, if any. */
  page?: string;
}

const HAN = /\p{Script=Han}/u;
export const isHan = (text: string) => HAN.test(text);

/** Builds the folding function once per table (one lookup per character afterwards). */
export function folder(table: SearchData['t2s'] | undefined): (text: string) => string {
  const map = new Map<string, string>();
  if (table) {
    const from = [...table.from];
    const to = [...table.to];
    for (let index = 0; index < Math.min(from.length, to.length); index += 1)
      map.set(from[index]!, to[index]!);
  }
  return (text) => {
    let folded = '';
    for (const character of text.normalize('NFKC').toLowerCase()) {
      if (/[\u200b-\u200f\u2060\ufeff\u00ad]/u.test(character)) continue;
      folded += map.get(character) ?? character;
    }
    return folded;
  };
}

/** The query's own terms: split on white space and punctuation, folded, without duplicates. */
export function typedTerms(query: string, fold: (text: string) => string): string[] {
  const terms = fold(query.slice(0, MAX_QUERY_LENGTH))
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((term) => term.length > 0);
  return [...new Set(terms)];
}

/**
 * The query's terms and, for each synonym group with a word inside the query, the group's other
 * words. A longer word wins over a shorter one it contains (被盗号 counts as 盗号, not as 盗).
 */
export function expandQuery(
  query: string,
  data: Pick<SearchData, 'synonyms'> | undefined,
  fold: (text: string) => string,
): QueryTerm[] {
  const typed = typedTerms(query, fold);
  const terms: QueryTerm[] = typed.map((text) => ({ text, weight: 1, synonym: false }));
  const seen = new Set(typed);
  const joined = typed.join(' ');
  const found: { group: number; start: number; end: number }[] = [];
  (data?.synonyms ?? []).forEach((group, index) => {
    for (const word of group.words.map(fold)) {
      if (word.length === 0) continue;
      for (let at = joined.indexOf(word); at !== -1; at = joined.indexOf(word, at + 1))
        found.push({ group: index, start: at, end: at + word.length });
    }
  });
  const covered = (hit: (typeof found)[number]) =>
    found.some(
      (other) =>
        other.group !== hit.group &&
        other.start <= hit.start &&
        other.end >= hit.end &&
        other.end - other.start > hit.end - hit.start,
    );
  const groups = new Set(found.filter((hit) => !covered(hit)).map((hit) => hit.group));
  for (const index of [...groups].sort((a, b) => a - b)) {
    const group = data!.synonyms[index]!;
    for (const word of group.words.map(fold)) {
      if (word.length === 0) continue;
      const typedTerm = terms.find((term) => term.text === word);
      if (typedTerm && group.page) typedTerm.page = group.page;
      if (seen.has(word)) continue;
      seen.add(word);
      // A group word inside what was typed (搬运 in 我的视频被搬运了) is nearly a typed word.
      const weight = joined.includes(word) ? TYPED_INSIDE_WEIGHT : SYNONYM_WEIGHT;
      terms.push({
        text: word,
        weight,
        synonym: true,
        group: index,
        ...(group.page ? { page: group.page } : {}),
      });
    }
  }
  return terms.slice(0, MAX_TERMS);
}

/**
 * Splits a long Chinese term into the known words it contains, longest first from the left
 * (侵权投诉模板 → 侵权投诉, 模板), where `known` says whether a string is a word the pages use
 * (in a title, an answered question or a heading). Characters between known words are left
 * out; the whole term still counts through its character pairs. Terms of at most two
 * characters are returned as they are.
 */
export function knownWords(term: string, known: (text: string) => boolean): string[] {
  const characters = [...term];
  if (characters.length <= 2) return [term];
  const words: string[] = [];
  for (let start = 0; start < characters.length;) {
    let end = Math.min(characters.length, start + MAX_KNOWN_WORD);
    while (end - start >= 2 && !known(characters.slice(start, end).join(''))) end -= 1;
    if (end - start >= 2) {
      words.push(characters.slice(start, end).join(''));
      start = end;
    } else start += 1;
  }
  return words.filter((word) => word !== term);
}

/** The pages any synonym group can ask for (the template library). */
export function nameablePages(data: Pick<SearchData, 'synonyms'> | undefined): Set<string> {
  return new Set((data?.synonyms ?? []).flatMap((group) => (group.page ? [group.page] : [])));
}

/** The pages the query asks for by name (through a synonym group's `page`). */
export function askedPages(terms: readonly QueryTerm[]): Set<string> {
  return new Set(terms.flatMap((term) => (term.page ? [term.page] : [])));
}
