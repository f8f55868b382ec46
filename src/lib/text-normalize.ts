/**
 * Text as the matchers see it, with a map back to the text the user typed.
 *
 * People paste full-width letters (ＶＳ), insert zero-width characters or spaces between the
 * characters of a word to slip past filters (转 投 其 他 平 台), mix in emoji, and write in
 * Traditional Chinese (帳號, 轉投). Matching runs on a folded copy: NFKC per code point (full
 * width → half width), lower case, Traditional → Simplified by a one-to-one character table
 * (phrases are not converted), without zero-width characters and white space. The table
 * (t2s-table.ts, generated from opencc-js) reaches the browser as page data, not code, and is
 * installed by compileRules (useSimplifiedTable); until then only the other folds apply. `starts[i]`/`ends[i]` give the UTF-16 range in the original text
 * of folded code unit i, so every finding points into what the user typed.
 */

export interface FoldedText {
  text: string;
  starts: Uint32Array;
  ends: Uint32Array;
}

/** What `\s` matches in JavaScript, as a comparison chain (no regular expression per character). */
export function isWhiteSpace(codePoint: number): boolean {
  if (codePoint <= 0x20) return codePoint === 0x20 || (codePoint >= 0x09 && codePoint <= 0x0d);
  if (codePoint < 0xa0) return false;
  return (
    codePoint === 0xa0 ||
    codePoint === 0x1680 ||
    (codePoint >= 0x2000 && codePoint <= 0x200a) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029 ||
    codePoint === 0x202f ||
    codePoint === 0x205f ||
    codePoint === 0x3000 ||
    codePoint === 0xfeff
  );
}

/**
 * Zero-width and invisible formatting characters, and white space of any kind. A comparison
 * chain instead of a regular expression: this runs once per character of a pasted megabyte.
 */
export function isIgnored(codePoint: number): boolean {
  if (codePoint < 0xa0) return isWhiteSpace(codePoint);
  return (
    isWhiteSpace(codePoint) ||
    codePoint === 0xad ||
    codePoint === 0x180e ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x2064)
  );
}

/** Traditional characters and their Simplified forms, one to one (`from[i]` → `to[i]`). */
export interface SimplifiedTable {
  from: string;
  to: string;
}

/**
 * Traditional → Simplified by UTF-16 unit (every pair is one BMP character to one; 0 = keep). A
 * flat array: one indexed read per character keeps the keyword pass in budget.
 */
let simplifiedUnits = new Uint16Array(0x10000);
let installed: SimplifiedTable | undefined;

/** Installs the table every later fold uses (the same table on every page: the build's). */
export function useSimplifiedTable(table: SimplifiedTable): void {
  if (installed?.from === table.from && installed.to === table.to) return;
  const units = new Uint16Array(0x10000);
  const pairs = Math.min(table.from.length, table.to.length);
  for (let index = 0; index < pairs; index += 1) {
    units[table.from.charCodeAt(index)] = table.to.charCodeAt(index);
  }
  simplifiedUnits = units;
  installed = table;
}

const t2sUnits = () => simplifiedUnits;

/**
 * The text with Traditional characters replaced by Simplified ones and nothing else changed:
 * same length, same indices, so patterns that need line breaks and spaces (headings, the
 * subject's 【】) can run on it and report ranges in the original.
 */
export function toSimplifiedCharacters(text: string): string {
  const table = t2sUnits();
  let result = '';
  let copiedTo = 0;
  for (let index = 0; index < text.length; index += 1) {
    const simplified = table[text.charCodeAt(index)]!;
    if (simplified === 0) continue;
    result += text.slice(copiedTo, index) + String.fromCharCode(simplified);
    copiedTo = index + 1;
  }
  return copiedTo === 0 ? text : result + text.slice(copiedTo);
}

/**
 * Full-width ASCII (ＩＤ、２９４０) as plain ASCII, one unit for one: same length and indices, so
 * a pattern written for `ID:123` reads `ＩＤ：１２３` and reports ranges in the original.
 */
export function halfWidthAscii(text: string): string {
  return text.replace(/[\uff01-\uff5e]/gu, (character) =>
    String.fromCharCode(character.charCodeAt(0) - 0xfee0),
  );
}

/** NFKC + lower case of one code point, remembered: drafts repeat the same few punctuation marks. */
const foldCache = new Map<number, string>();
const FOLD_CACHE_LIMIT = 4096;

function foldCodePoint(codePoint: number, character: string): string {
  const cached = foldCache.get(codePoint);
  if (cached !== undefined) return cached;
  const folded = character.normalize('NFKC').toLowerCase();
  if (foldCache.size < FOLD_CACHE_LIMIT) foldCache.set(codePoint, folded);
  return folded;
}

export function foldForMatching(original: string): FoldedText {
  // NFKC can expand one character into many (ﷺ → 18), so the buffers grow as needed.
  let capacity = original.length + 16;
  let units = new Uint16Array(capacity);
  let starts = new Uint32Array(capacity);
  let ends = new Uint32Array(capacity);
  let length = 0;
  const grow = (needed: number) => {
    capacity = Math.max(capacity * 2, needed);
    const moreUnits = new Uint16Array(capacity);
    const moreStarts = new Uint32Array(capacity);
    const moreEnds = new Uint32Array(capacity);
    moreUnits.set(units);
    moreStarts.set(starts);
    moreEnds.set(ends);
    units = moreUnits;
    starts = moreStarts;
    ends = moreEnds;
  };
  const end = original.length;
  const simplified = t2sUnits();
  for (let index = 0; index < end;) {
    // charCodeAt, pairing surrogates by hand: codePointAt per character costs more.
    let codePoint = original.charCodeAt(index);
    let width = 1;
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && index + 1 < end) {
      const low = original.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = (codePoint - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    // Fast paths for common CJK ideographs and ASCII (NFKC leaves those unchanged; no CJK
    // ideograph is white space or invisible).
    if ((codePoint >= 0x4e00 && codePoint <= 0x9fff) || (codePoint < 0x80 && !isWhiteSpace(codePoint))) {
      if (length + 1 > capacity) grow(length + 1);
      units[length] =
        codePoint >= 0x41 && codePoint <= 0x5a
          ? codePoint + 0x20
          : codePoint >= 0x4e00
            ? simplified[codePoint] || codePoint
            : codePoint;
      starts[length] = index;
      ends[length] = index + width;
      length += 1;
    } else if (codePoint >= 0x80 && !isIgnored(codePoint)) {
      const folded = foldCodePoint(codePoint, original.slice(index, index + width));
      if (length + folded.length > capacity) grow(length + folded.length);
      for (let unit = 0; unit < folded.length; unit += 1) {
        const foldedUnit = folded.charCodeAt(unit);
        // NFKC turns compatibility ideographs (U+F900…) into unified ones, which may be Traditional.
        units[length] = simplified[foldedUnit] || foldedUnit;
        starts[length] = index;
        ends[length] = index + width;
        length += 1;
      }
    }
    index += width;
  }
  // Code units back to a string in slices (an argument list has a size limit). Not TextDecoder:
  // it would turn a lone surrogate into U+FFFD; not spread syntax: several times slower here.
  let text = '';
  for (let from = 0; from < length; from += 8192) {
    const slice = units.subarray(from, Math.min(length, from + 8192));
    text += String.fromCharCode.apply(null, slice as unknown as number[]);
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
