/**
 * Text as the matchers see it, with a map back to the text the user typed.
 *
 * People paste full-width letters (ＶＳ), insert zero-width characters or spaces between the
 * characters of a word to slip past filters (转 投 其 他 平 台), and mix in emoji. Matching runs
 * on a folded copy: NFKC per code point (full width → half width), lower case, without
 * zero-width characters and white space. `starts[i]`/`ends[i]` give the UTF-16 range in the
 * original text of folded code unit i, so every finding points into what the user typed.
 */

export interface FoldedText {
  text: string;
  starts: Uint32Array;
  ends: Uint32Array;
}

/** Zero-width and invisible formatting characters, and white space of any kind. */
const IGNORED = /[\s\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/u;

export function foldForMatching(original: string): FoldedText {
  // NFKC can expand one character into many (ﷺ → 18), so the maps grow as needed.
  let starts = new Uint32Array(original.length + 16);
  let ends = new Uint32Array(original.length + 16);
  let text = '';
  let length = 0;
  for (let index = 0; index < original.length;) {
    const codePoint = original.codePointAt(index)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const character = original.slice(index, index + width);
    if (!IGNORED.test(character)) {
      // Fast paths for ASCII and common CJK ideographs (NFKC leaves those unchanged).
      const folded =
        codePoint < 0x80
          ? character.toLowerCase()
          : codePoint >= 0x4e00 && codePoint <= 0x9fff
            ? character
            : character.normalize('NFKC').toLowerCase();
      if (length + folded.length > starts.length) {
        const grown = Math.max(starts.length * 2, length + folded.length);
        const moreStarts = new Uint32Array(grown);
        const moreEnds = new Uint32Array(grown);
        moreStarts.set(starts);
        moreEnds.set(ends);
        starts = moreStarts;
        ends = moreEnds;
      }
      for (let unit = 0; unit < folded.length; unit += 1) {
        starts[length] = index;
        ends[length] = index + width;
        length += 1;
      }
      text += folded;
    }
    index += width;
  }
  return { text, starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

/** The original-text range [start, end) of folded range [from, to). */
export function originalRange(folded: FoldedText, from: number, to: number): [number, number] {
  return [folded.starts[from]!, folded.ends[to - 1]!];
}

/** Folds a word-list entry the same way, so lists can be written naturally. */
export function foldPattern(pattern: string): string {
  return foldForMatching(pattern).text;
}
