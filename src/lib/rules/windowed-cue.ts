/**
 * Windowed module cues evaluated without backtracking through the window (issue 21). A cue of the
 * shape `A[^X]{0,N}?B` — "A, then at most N characters that are not X, then B" — tested by the
 * regex engine tries up to N + 1 window lengths after every place A ends, and every alternative
 * of B at each of them; when B starts with a run such as `[一二…\d]+`, each try scans the whole
 * run again. On 50,000 adversarial characters that cost 5–38 ms for a linear pattern.
 *
 * Here the same question is answered in passes over the line: where B can start (one scan for
 * B's bounded alternatives; an alternative `C+REST` through the run of C it starts in, worked
 * out once per run), where A can end within reach of those starts (a lookbehind per position, A
 * being of bounded length or a run read from its start, see isAnchoredRun), and one sweep for
 * an end of A followed within N characters, none of them X, by a start of B. The answer is
 * exactly the regex's `.test` (a property
 * test compares them); a cue of any other shape, or with A or B unbounded in other ways, keeps
 * the plain regex.
 *
 * Not here: which cues a ruleset has and how lines are cut (detect-modules.ts). Only `.test`
 * semantics: where the match is, is not computed. Pure, no DOM.
 */

/** What a cue evaluator answers: does the line contain a match? */
export interface CueTester {
  test(line: string): boolean;
}

/** One top-level piece of a pattern: an atom with its quantifier (possibly empty). */
interface Piece {
  atom: string;
  quantifier: string;
}

/** The end of the escape starting at `index` (a backslash), exclusive. */
function escapeEnd(source: string, index: number): number {
  const next = source[index + 1];
  const braced = /^[upP]\{[^}]*\}|^k<[^>]*>|^u[0-9a-fA-F]{4}|^x[0-9a-fA-F]{2}|^c[a-zA-Z]/.exec(
    source.slice(index + 1),
  );
  if (braced) return index + 1 + braced[0].length;
  return next === undefined ? index + 1 : index + 2;
}

/** The end of the class starting at `index` (a `[`), exclusive. */
function classEnd(source: string, index: number): number {
  let at = index + 1;
  while (at < source.length && source[at] !== ']') at = source[at] === '\\' ? escapeEnd(source, at) : at + 1;
  return at + 1;
}

/** The end of the atom starting at `index`: an escape, a class, a group or one character. */
function atomEnd(source: string, index: number): number {
  const char = source[index];
  if (char === '\\') return escapeEnd(source, index);
  if (char === '[') return classEnd(source, index);
  if (char !== '(') return index + 1;
  let at = index + 1;
  while (at < source.length && source[at] !== ')') at = atomEnd(source, at);
  return at + 1;
}

/** The pattern's top-level pieces, `|` included as a piece of its own. */
function piecesOf(source: string): Piece[] {
  const pieces: Piece[] = [];
  let index = 0;
  while (index < source.length) {
    const end = atomEnd(source, index);
    const quantifier = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/.exec(source.slice(end))?.[0] ?? '';
    pieces.push({ atom: source.slice(index, end), quantifier });
    index = end + quantifier.length;
  }
  return pieces;
}

/**
 * Whether a fragment can only match a bounded number of characters at a bounded cost: no `*`,
 * `+` or `{n,}` anywhere (in lookarounds either) and no backreference.
 */
function isBounded(fragment: string): boolean {
  return piecesOf(fragment).every(({ atom, quantifier }) => {
    if (/^[*+]|^\{\d+,\}/.test(quantifier)) return false;
    if (/^\\(?:[1-9]|k<)/.test(atom)) return false;
    if (!atom.startsWith('(')) return true;
    return isBounded(atom.slice(/^\((?:\?(?:[:=!]|<[=!]|<[^>]*>))?/.exec(atom)![0].length, -1));
  });
}

/** The alternatives of a fragment that is one non-capturing group, else the fragment itself. */
function alternativesOf(fragment: string): string[] {
  const pieces = piecesOf(fragment);
  const only = pieces[0];
  if (pieces.length !== 1 || only!.quantifier !== '' || !only!.atom.startsWith('(?:')) return [fragment];
  const alternatives: string[] = [''];
  for (const { atom, quantifier } of piecesOf(only!.atom.slice(3, -1))) {
    if (atom === '|') alternatives.push('');
    else alternatives[alternatives.length - 1] += atom + quantifier;
  }
  return alternatives;
}

/** An alternative `C+REST` of B: a run of one character class, then a bounded rest. */
interface RunAlternative {
  /** Global: the maximal runs of C. */
  run: RegExp;
  /** Zero-width, global: where REST matches. */
  rest: RegExp;
}

interface WindowedCue {
  /** Whether A occurs at all (forward, so the engine's literal prefilter applies). */
  anyA: RegExp;
  /**
   * Global: matches ending exactly where A can end — the last character of A, then the
   * lookbehind, so that the engine skips positions by that character instead of trying the
   * lookbehind everywhere; zero-width (the lookbehind alone) when A's last characters are unknown.
   */
  aEnds: RegExp;
  /** Whether aEnds consumes the character before the end (search from one character earlier). */
  aEndsConsume: boolean;
  /** The window's excluded characters as a string of code units, or a sticky regex for a class. */
  breaks: string | RegExp;
  width: number;
  /** Zero-width, global: where one of B's bounded alternatives matches; null when it has none. */
  bounded: RegExp | null;
  runs: RunAlternative[];
}

const SINGLE_CHARACTER = /^(?:\[.*\]|\\[dDwWsS]|\\[pP]\{[^}]*\})$/su;

const OPTIONAL = /^(?:\?|\*|\{0(?:,\d*)?\})\??$/;

/**
 * The characters a fragment can start with, when they are all literal; null when it can start
 * with a class, an escape or a lookaround, or match the empty string.
 */
function firstCharacters(fragment: string): string[] | null {
  const found: string[] = [];
  for (const { atom, quantifier } of piecesOf(fragment)) {
    if (atom.startsWith('(?:')) {
      const inner = alternativesOf(atom).map(firstCharacters);
      if (inner.some((chars) => chars === null)) return null;
      found.push(...(inner.flat() as string[]));
    } else if (/^[^\\[\](){}|.^$*+?]$/u.test(atom)) found.push(atom);
    else return null;
    if (!OPTIONAL.test(quantifier)) return found;
  }
  return null;
}

/**
 * The single-character atoms (literals, classes, \\d …) a fragment can end with, or null when it
 * can end otherwise (a lookaround, `.`, a negated class) or match the empty string.
 */
function lastCharacters(fragment: string): string[] | null {
  const found: string[] = [];
  for (const { atom, quantifier } of piecesOf(fragment).reverse()) {
    if (atom.startsWith('(?:')) {
      const inner = alternativesOf(atom).map(lastCharacters);
      if (inner.some((chars) => chars === null)) return null;
      found.push(...(inner.flat() as string[]));
    } else if (/^[^\\[\](){}|.^$*+?]$/u.test(atom) || (SINGLE_CHARACTER.test(atom) && !atom.startsWith('[^')))
      found.push(atom);
    else return null;
    if (!OPTIONAL.test(quantifier)) return found;
  }
  return null;
}

/**
 * Whether an unbounded alternative of A still costs a bounded number of steps per run when its
 * ends are found by a lookbehind: `(?<!C)C+REST`, the run starting only where no C precedes
 * it, REST bounded and starting with characters outside C, so that only the few positions where
 * REST ends right after a run scan that run back to its start (`(?<![一二…\d])[一二…\d]+个?天`).
 */
function isAnchoredRun(alternative: string, flags: string): boolean {
  const [guard, run, ...rest] = piecesOf(alternative);
  if (!guard || !run || !SINGLE_CHARACTER.test(run.atom) || !/^\+\??$/.test(run.quantifier)) return false;
  if (guard.atom !== `(?<!${run.atom})` || guard.quantifier !== '') return false;
  const restSource = rest.map(({ atom, quantifier }) => atom + quantifier).join('');
  const first = firstCharacters(restSource);
  const member = new RegExp(`^${run.atom}$`, flags.replace(/[gy]/g, ''));
  return isBounded(restSource) && first !== null && !first.some((char) => member.test(char));
}

/** A window class whose members can be listed as code units (no escape, range or case folding). */
function breaksOf(negated: string, flags: string): string | RegExp {
  const members = negated.slice(2, -1);
  const cased = flags.includes('i') && members.toLowerCase() !== members.toUpperCase();
  if (/^[^\\\-[\]]+$/.test(members) && !cased && !/[\ud800-\udfff]/.test(members)) return members;
  return new RegExp(`[${members}]`, flags.replace(/[gy]/g, '') + 'y');
}

/** The windowed shape of a cue, or null when it has another one (the plain regex is used then). */
function windowedShape(source: string, flags: string): WindowedCue | null {
  const pieces = piecesOf(source);
  if (pieces.some(({ atom }) => atom === '|')) return null;
  const windows = pieces.flatMap(({ atom, quantifier }, index) => {
    const width = /^\{0,(\d+)\}\??$/.exec(quantifier)?.[1];
    return atom.startsWith('[^') && width !== undefined ? [{ index, atom, width: Number(width) }] : [];
  });
  if (windows.length !== 1) return null;
  const window = windows[0]!;
  const join = (from: number, to?: number) =>
    pieces
      .slice(from, to)
      .map(({ atom, quantifier }) => atom + quantifier)
      .join('');
  const a = join(0, window.index);
  const b = join(window.index + 1);
  if (a === '' || b === '') return null;
  if (!isBounded(a) && !alternativesOf(a).every((alt) => isBounded(alt) || isAnchoredRun(alt, flags)))
    return null;
  const global = flags.replace(/[gy]/g, '') + 'g';
  const bounded: string[] = [];
  const runs: RunAlternative[] = [];
  for (const alternative of alternativesOf(b)) {
    if (isBounded(alternative)) {
      bounded.push(alternative);
      continue;
    }
    const [first, ...rest] = piecesOf(alternative);
    const restSource = rest.map(({ atom, quantifier }) => atom + quantifier).join('');
    if (!first || !SINGLE_CHARACTER.test(first.atom) || !/^\+\??$/.test(first.quantifier)) return null;
    if (!isBounded(restSource)) return null;
    runs.push({ run: new RegExp(`${first.atom}+`, global), rest: new RegExp(`(?=${restSource})`, global) });
  }
  const last = lastCharacters(a);
  return {
    anyA: new RegExp(a, flags.replace(/[gy]/g, '')),
    aEnds: new RegExp(last ? `(?:${last.join('|')})(?<=${a})` : `(?<=${a})`, global),
    aEndsConsume: last !== null,
    breaks: breaksOf(window.atom, flags),
    width: window.width,
    bounded: bounded.length > 0 ? new RegExp(`(?=${bounded.join('|')})`, global) : null,
    runs,
  };
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Whether `index` splits a surrogate pair (the regex never starts or ends a character there). */
function insidePair(line: string, index: number): boolean {
  return index > 0 && isHigh(line.charCodeAt(index - 1)) && isLow(line.charCodeAt(index));
}

/** The position after the character at `at` (two code units for a surrogate pair). */
const after = (line: string, at: number) => at + (insidePair(line, at + 1) ? 2 : 1);

/**
 * The first position at or after `from` where a global regex matches (where the match ends),
 * asked with increasing `from`: each answer is kept while it still holds, so the regex scans
 * each part of the line about once.
 */
function positionsOf(regex: RegExp, line: string, consumes = false): (from: number) => number {
  let next = -1;
  // A match that consumes its last character (one or two code units) ends after its start: the
  // kept end still answers a later position only if the match starts at or after it.
  const slack = consumes ? 2 : 0;
  return (from) => {
    if (next < from + slack) {
      regex.lastIndex = insidePair(line, from) ? from - 1 : from;
      next = regex.test(line) ? regex.lastIndex : Number.POSITIVE_INFINITY;
    }
    return next;
  };
}

/**
 * Where the run alternatives of B match: a position in a run of C from which REST matches after
 * some part of the rest of the run, i.e. before the run's last REST position. One flag per
 * position; null when no run alternative matches anywhere.
 */
function runStarts(line: string, runs: RunAlternative[]): Uint8Array | null {
  let starts: Uint8Array | null = null;
  for (const { run, rest } of runs) {
    const restAt = positionsOf(rest, line);
    run.lastIndex = 0;
    for (let match = run.exec(line); match; match = run.exec(line)) {
      const begin = match.index;
      const end = begin + match[0].length;
      let last = -1;
      for (let at = restAt(after(line, begin)); at <= end; at = restAt(after(line, at))) last = at;
      if (last === -1) continue;
      starts ??= new Uint8Array(line.length + 1);
      starts.fill(1, begin, last);
    }
  }
  return starts;
}

function isBreak(line: string, at: number, breaks: string | RegExp): boolean {
  if (typeof breaks === 'string') return breaks.includes(line[at]!);
  breaks.lastIndex = at;
  return breaks.test(line);
}

/** Unit positions of code points (index: code point number), for lines with surrogate pairs. */
function codePointStarts(line: string): Int32Array {
  const starts = new Int32Array(line.length + 1);
  let count = 0;
  for (let at = 0; at <= line.length; at += 1) if (!insidePair(line, at)) starts[count++] = at;
  return starts.subarray(0, count);
}

/**
 * For each start k of B, in order: the window before it reaches back N characters or to just
 * after the last break, whichever is nearer; an end of A there (k itself included) is a match.
 * Window starts only move forward, so "the first end of A at or after the window start" is
 * searched again only when the window has moved past the last one found: the lookbehind scans
 * each part of the line at most once.
 */
function testWindowed(line: string, cue: WindowedCue): boolean {
  if (!cue.anyA.test(line)) return false; // most lines: no A at all, one quick scan
  const boundedAt = cue.bounded ? positionsOf(cue.bounded, line) : () => Number.POSITIVE_INFINITY;
  const runs = cue.runs.length > 0 ? runStarts(line, cue.runs) : null;
  const runAt = (from: number) => {
    if (!runs) return Number.POSITIVE_INFINITY;
    const found = runs.indexOf(1, from);
    return found === -1 ? Number.POSITIVE_INFINITY : found;
  };
  const units = /[\ud800-\udbff][\udc00-\udfff]/.test(line) ? codePointStarts(line) : null;
  const endOfA = positionsOf(cue.aEnds, line, cue.aEndsConsume);
  let codePoint = 0; // code point number of `scanned`
  let scanned = 0;
  let afterBreak = 0;
  for (let start = Math.min(boundedAt(0), runAt(0)); start <= line.length;) {
    for (; scanned < start; scanned += 1) {
      if (insidePair(line, scanned)) continue;
      codePoint += 1;
      if (isBreak(line, scanned, cue.breaks)) afterBreak = after(line, scanned);
    }
    if (!insidePair(line, start)) {
      const reach = units ? units[Math.max(0, codePoint - cue.width)]! : Math.max(0, start - cue.width);
      const from = Math.max(afterBreak, reach);
      // aEnds may consume the character before the end: ask from one character earlier.
      const asked = cue.aEndsConsume && from > 0 ? from - (insidePair(line, from - 1) ? 2 : 1) : from;
      const end = endOfA(asked);
      if (end >= from && end <= start) return true;
    }
    const next = after(line, start);
    start = Math.min(boundedAt(next), runAt(next));
  }
  return false;
}

/**
 * A tester that answers exactly as `new RegExp(source, flags).test(line)`: the windowed scan for
 * a cue of that shape, the regex itself otherwise. Throws as the RegExp constructor does.
 */
export function compileCue(source: string, flags = 'u'): CueTester & { windowed: boolean } {
  const regex = new RegExp(source, flags.replace(/[gy]/g, ''));
  const shape = windowedShape(source, flags);
  if (!shape) return { windowed: false, test: (line) => regex.test(line) };
  return { windowed: true, test: (line) => testWindowed(line, shape) };
}
