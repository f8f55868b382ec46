/**
 * Ranks the site's pages for a query, on the text of Pagefind's index (its page fragments).
 *
 * Pagefind segments Chinese at index time but the browser splits a query with Intl.Segmenter,
 * which cuts many terms into single characters (截图 → 截|图), and a colloquial sentence such
 * as 号被封了还能解吗 finds nothing at all. The site has a few dozen pages, so the browser holds
 * all of their indexed text once the index is loaded, and every page is scored here: whole
 * terms in title, the questions a page answers (`answers`), headings and text, weighted by how
 * rare they are among the pages; Chinese terms of three or more characters also by their
 * character pairs (bigrams), so text that exists is found even when no word of it is typed as
 * the page writes it. Also picks the place in the page that matches best (for the deep link
 * and the snippet). Pure and DOM-free; not the query folding (query.ts) nor the snippet text.
 */
import {
  ASKED_PAGE_WEIGHT,
  askedPages,
  isHan,
  knownWords,
  UNASKED_PAGE_WEIGHT,
  type QueryTerm,
} from './query';

/** One page of Pagefind's index, as its fragment gives it. */
export interface IndexFragment {
  url: string;
  /** The indexed text: words separated by white space or zero-width spaces. */
  content: string;
  meta: Record<string, string | undefined>;
  anchors?: readonly { element: string; id: string; text: string; location: number }[];
  filters?: Record<string, readonly string[] | undefined>;
}

export interface PageAnchor {
  id: string;
  element: string;
  text: string;
  /** Offset of the anchor's first word in the page's `text`. */
  offset: number;
}

export interface IndexedPage {
  url: string;
  title: string;
  answers: readonly string[];
  /** The indexed text without zero-width spaces; the answered questions separated by ；. */
  text: string;
  /** `text` folded character for character (same length), for matching. */
  folded: string;
  foldedTitle: string;
  /** The page's summary (frontmatter `description`, Pagefind meta), folded. */
  foldedDescription: string;
  foldedAnswers: readonly string[];
  /** Where the body starts: after the title and the 本页解答 line. */
  bodyStart: number;
  anchors: readonly PageAnchor[];
  headings: readonly PageAnchor[];
  foldedHeadings: readonly string[];
  /** Pagefind's filters of the page (the changelog's 文档类型 and 年份). */
  filters: Record<string, readonly string[]>;
  /** The changelog entry's date (meta `date`), for browsing by filter alone. */
  date: string;
}

/** Anchors a result may link to: headings, cards and entries, not form controls or the page top. */
const LINKABLE = /^(?:h[2-6]|article|section|li|tr|dt|aside)$/;
const HEADING = /^h[1-6]$/;

/** Folds a page's text one UTF-16 unit for one, so that offsets in the folded text are offsets in the text. */
function sameLengthFold(text: string, fold: (text: string) => string): string {
  let folded = '';
  for (let index = 0; index < text.length; index += 1) {
    const unit = text[index]!;
    const candidate = fold(unit);
    folded += candidate.length === 1 ? candidate : unit;
  }
  return folded;
}

/** Builds the searchable form of one fragment; `fold` as made by query.ts `folder`. */
export function indexPage(fragment: IndexFragment, fold: (text: string) => string): IndexedPage {
  // Word offsets in the text without zero-width spaces (real spaces between words kept).
  const wordOffsets: number[] = [];
  let text = '';
  const pieces = fragment.content.split(/(\s+)/u);
  for (const piece of pieces) {
    if (/^\s+$/u.test(piece)) {
      text += piece;
      continue;
    }
    for (const word of piece.split('\u200b')) {
      if (word.length === 0) continue;
      wordOffsets.push(text.length);
      text += word;
    }
  }
  const answers = (fragment.meta.answers ?? '').split('；').filter(Boolean);
  let bodyStart = 0;
  const joinedAnswers = `本页解答：${answers.join('')}`;
  const answersAt = answers.length > 0 ? text.indexOf(joinedAnswers) : -1;
  if (answersAt !== -1) {
    const separated = `本页解答：${answers.join('；')}。`;
    let after = answersAt + joinedAnswers.length;
    if (text[after] === '.') after += 1;
    const shift = separated.length - (after - answersAt);
    text = text.slice(0, answersAt) + separated + text.slice(after);
    for (let index = 0; index < wordOffsets.length; index += 1)
      if (wordOffsets[index]! >= after) wordOffsets[index]! += shift;
    bodyStart = answersAt + separated.length;
  }
  const anchors = (fragment.anchors ?? [])
    .filter((anchor) => anchor.id !== '_top')
    .map((anchor) => ({
      id: anchor.id,
      element: anchor.element,
      text: anchor.text,
      offset: wordOffsets[Math.min(anchor.location, wordOffsets.length - 1)] ?? 0,
    }));
  const headings = anchors.filter((anchor) => HEADING.test(anchor.element) && anchor.text);
  return {
    url: fragment.url,
    title: fragment.meta.title ?? fragment.url,
    answers,
    text,
    folded: sameLengthFold(text, fold),
    foldedTitle: fold(fragment.meta.title ?? ''),
    foldedDescription: fold(fragment.meta.description ?? ''),
    foldedAnswers: answers.map(fold),
    bodyStart,
    anchors: anchors.filter((anchor) => LINKABLE.test(anchor.element)),
    headings,
    foldedHeadings: headings.map((heading) => fold(heading.text)),
    filters: Object.fromEntries(
      Object.entries(fragment.filters ?? {}).map(([name, values]) => [name, values ?? []]),
    ),
    date: fragment.meta.date ?? '',
  };
}

function countOccurrences(haystack: string, needle: string, limit = 64): number {
  let count = 0;
  for (
    let at = haystack.indexOf(needle);
    at !== -1 && count < limit;
    at = haystack.indexOf(needle, at + needle.length)
  )
    count += 1;
  return count;
}

/** At most this many character pairs per term: a pasted sentence must not cost a second per keystroke. */
const MAX_PAIRS = 16;

export function bigrams(term: string): string[] {
  const characters = [...term];
  const pairs = characters.slice(0, -1).map((character, index) => character + characters[index + 1]);
  return [...new Set(pairs)].slice(0, MAX_PAIRS);
}

/** How strongly one exact string occurs in a page: title, answered questions, headings, text. */
function exactScore(needle: string, page: IndexedPage): number {
  let score = 0;
  if (page.foldedTitle.includes(needle)) score += 50;
  if (page.foldedAnswers.some((answer) => answer.includes(needle))) score += 30;
  if (page.foldedDescription.includes(needle)) score += 20;
  score += 15 * Math.min(3, page.foldedHeadings.filter((heading) => heading.includes(needle)).length);
  score += 10 * Math.log2(1 + countOccurrences(page.folded, needle));
  return score;
}

/** Inverse document frequency among the pages: 邮件 is everywhere, 太大 on few. */
function rarityAmong(pages: readonly IndexedPage[]): (needle: string) => number {
  const cache = new Map<string, number>();
  return (needle) => {
    let value = cache.get(needle);
    if (value === undefined) {
      const containing = pages.filter((page) => page.folded.includes(needle)).length;
      value = Math.log(1 + pages.length / Math.max(1, containing));
      cache.set(needle, value);
    }
    return value;
  };
}

/**
 * Characters that make a sentence a question or a complaint but say nothing about its subject:
 * particles (的了吗呢吧啊呀嘛), pronouns (我你他她它咱), question words (怎么, 什么, 哪, 为何;
 * not 多少: 多少字 asks about length). A piece cut out of a typed sentence (a character pair or a known word) that begins or
 * ends with one is mostly grammar: 我的视频 in 别人偷我的视频 names the page 我的视频被投诉下架,
 * 么数 in 快手收集了我什么数据 matches 我们怎么数, 来了 matches anything. The whole typed term keeps its weight.
 */
const GRAMMAR = new Set([...'的了吗呢吧啊呀嘛么我你他她它咱怎什哪何']);
/** Weight of a piece of a typed term that begins or ends with a grammar character. */
export const GRAMMAR_PIECE_WEIGHT = 0.2;

export function grammarDiscount(piece: string): number {
  const characters = [...piece];
  return GRAMMAR.has(characters[0]!) || GRAMMAR.has(characters.at(-1)!) ? GRAMMAR_PIECE_WEIGHT : 1;
}

/** Weight of a known word found inside a longer term, against the term's own. */
const KNOWN_WORD_WEIGHT = 0.5;

export interface Needle {
  text: string;
  weight: number;
  /** Needles of one synonym group count once per page, by the best of them. */
  group?: number;
}

/**
 * The strings looked for, each with its weight: every term; in a longer Chinese term the words
 * the pages use (`known`) and its character pairs, so that a sentence finds what its words find.
 */
export function needles(
  terms: readonly QueryTerm[],
  known: (text: string) => boolean = () => false,
): Needle[] {
  const found = new Map<string, Needle>();
  const add = (text: string, weight: number, group?: number) => {
    const old = found.get(text);
    if (!old || old.weight < weight)
      found.set(text, group === undefined ? { text, weight } : { text, weight, group });
  };
  for (const term of terms) {
    add(term.text, term.weight, term.group);
    if (isHan(term.text) && [...term.text].length >= 3) {
      for (const word of knownWords(term.text, known))
        add(word, term.weight * KNOWN_WORD_WEIGHT * grammarDiscount(word), term.group);
      const pairs = bigrams(term.text);
      for (const pair of pairs)
        add(pair, ((term.weight * 1.5) / pairs.length) * grammarDiscount(pair), term.group);
    }
  }
  return [...found.values()];
}

/**
 * Whether a string is a word the pages use: it occurs in some page's title, summary, answered
 * questions or headings, and not in the text of more than a third of the pages (我的, 快手 and
 * 怎么 are in titles too, but tell nothing about which page is meant).
 */
function knownAmong(pages: readonly IndexedPage[]): (text: string) => boolean {
  const cache = new Map<string, boolean>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      value =
        pages.filter((page) => page.folded.includes(text)).length * 3 <= pages.length &&
        pages.some(
          (page) =>
            page.foldedTitle.includes(text) ||
            page.foldedDescription.includes(text) ||
            page.foldedAnswers.some((answer) => answer.includes(text)) ||
            page.foldedHeadings.some((heading) => heading.includes(text)),
        );
      cache.set(text, value);
    }
    return value;
  };
}

/** The single Han characters of the query: the last resort when no word or pair of it is found. */
function characterNeedles(terms: readonly QueryTerm[]): Needle[] {
  const characters = new Set(
    terms
      .filter((term) => !term.synonym)
      .flatMap((term) => [...term.text].filter((character) => isHan(character))),
  );
  return [...characters].map((text) => ({ text, weight: 0.2 }));
}

/** A page's score: each needle's exact score × rarity × weight; a synonym group by its best needle. */
function pageScore(page: IndexedPage, found: readonly Needle[], rarity: (needle: string) => number): number {
  let sum = 0;
  const groups = new Map<number, number>();
  for (const needle of found) {
    const value = exactScore(needle.text, page) * rarity(needle.text) * needle.weight;
    if (needle.group === undefined) sum += value;
    else groups.set(needle.group, Math.max(groups.get(needle.group) ?? 0, value));
  }
  for (const value of groups.values()) sum += value;
  return sum;
}

export interface RankedPage {
  page: IndexedPage;
  score: number;
  /** Where in `page.text` the query matches best (for the link and the snippet), or -1. */
  at: number;
  /** The anchor at or before `at`, when there is one to link to. */
  anchor: PageAnchor | undefined;
}

export interface RankOptions {
  /** Multiplies a page's score (1 when absent): changelog entries weigh less than chapters. */
  weight?: (page: IndexedPage) => number;
  /** At most this many results get a best place worked out (the rest are not shown). */
  placed?: number;
  /** Pages synonym groups can ask for (query.ts `nameablePages`): they weigh less when not asked for. */
  nameable?: ReadonlySet<string>;
}

/** Characters at the start of a section that count as its title (a card's or entry's heading). */
const SECTION_HEAD = 40;

/**
 * The offset where the query matches best: the page is cut into sections at its linkable
 * anchors (the text before the first one is a section too); a section scores the distinct
 * strings it contains, twice for those in its first characters (its title), and the best
 * section's strongest match is the place. -1 when nothing is found.
 */
export function bestPlace(
  page: IndexedPage,
  found: readonly Needle[],
  rarity: (needle: string) => number,
): number {
  const starts = [
    page.bodyStart,
    ...page.anchors.map((anchor) => anchor.offset).filter((at) => at > page.bodyStart),
  ];
  let best = { at: -1, value: 0 };
  for (const [index, start] of starts.entries()) {
    const end = starts[index + 1] ?? page.folded.length;
    let value = 0;
    let strongest = { at: -1, value: 0 };
    for (const needle of found) {
      const at = page.folded.indexOf(needle.text, start);
      if (at === -1 || at + needle.text.length > end) continue;
      const worth = needle.weight * rarity(needle.text) * [...needle.text].length;
      value += at - start < SECTION_HEAD ? 2 * worth : worth;
      if (worth > strongest.value) strongest = { at, value: worth };
    }
    if (value > best.value) best = { at: strongest.at, value };
  }
  if (best.at !== -1) return best.at;
  const first = found.map((needle) => page.folded.indexOf(needle.text)).filter((at) => at !== -1);
  return first.length > 0 ? Math.min(...first) : -1;
}

/** Orders the pages by how well they contain the query's terms; drops those that contain none. */
export function rankPages(
  terms: readonly QueryTerm[],
  pages: readonly IndexedPage[],
  options: RankOptions = {},
): { results: RankedPage[]; found: Needle[] } {
  const rarity = rarityAmong(pages);
  const asked = [...askedPages(terms)];
  const unasked = [...(options.nameable ?? [])].filter((path) => !asked.includes(path));
  const is = (page: IndexedPage, paths: readonly string[]) =>
    paths.some((path) => page.url.endsWith(`/${path}`));
  const weight = (page: IndexedPage) =>
    (options.weight?.(page) ?? 1) *
    (is(page, asked) ? ASKED_PAGE_WEIGHT : is(page, unasked) ? UNASKED_PAGE_WEIGHT : 1);
  const score = (found: readonly Needle[]) =>
    pages
      .map((page) => ({ page, score: pageScore(page, found, rarity) * weight(page) }))
      .filter((result) => result.score > 0)
      .sort((a, b) => b.score - a.score || a.page.url.localeCompare(b.page.url));
  let found = needles(terms, knownAmong(pages));
  let scored = score(found);
  // Text that exists is never an empty result: when no word or pair matches, single characters do.
  if (scored.length === 0) {
    found = characterNeedles(terms);
    scored = score(found);
  }
  const results = scored.map((result, index) => {
    if (index >= (options.placed ?? 20)) return { ...result, at: -1, anchor: undefined };
    const at = bestPlace(result.page, found, rarity);
    const anchor = at === -1 ? undefined : result.page.anchors.filter((item) => item.offset <= at).at(-1);
    return { ...result, at, anchor };
  });
  return { results, found };
}

/**
 * The strings worth marking in a snippet: the query's terms, and the other strings looked for
 * that are found on at most half of the pages (怎么 is everywhere and tells the reader nothing).
 */
export function marksFor(
  terms: readonly QueryTerm[],
  found: readonly Needle[],
  pages: readonly IndexedPage[],
): string[] {
  const termTexts = new Set(terms.map((term) => term.text));
  return found
    .map((needle) => needle.text)
    .filter(
      (text) =>
        termTexts.has(text) || pages.filter((page) => page.folded.includes(text)).length * 2 <= pages.length,
    );
}
