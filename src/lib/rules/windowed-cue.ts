/**
 * Windowed module cues evaluated without backtracking through the window (issue 21). A cue of the
 * shape `A[^X]{0,N}?B` — "A, then at most N characters that are not X, then B" — tested by the
 * regex engine tries up to N + 1 window lengths after every place A ends, and every alternative
 * of B at each of them; when B starts with a run such as `[一二…\d]+`, each try scans the whole
 * run again. On 50,000 adversarial characters that cost 6–42 ms for a linear pattern.
 *
 * Here the same question is answered in three passes over the line: where A can end (one
 * lookbehind per position, A being of bounded length), which positions lie within N characters
 * of such an end with no X between (one sweep), and whether B starts at one of them (B's bounded
 * alternatives by a sticky regex at that position; an alternative `C+REST` through the run of C
 * it starts in, worked out once per run). The answer is exactly the regex's `.test` (a property
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
  /** Zero-width, global: matches at every position where A can end. */
  aEnds: RegExp;
  /** The window's excluded characters as a string of code units, or a sticky regex for a class. */
  breaks: string | RegExp;
  width: number;
  /** Zero-width, global: where one of B's bounded alternatives matches; null when it has none. */
  bounded: RegExp | null;
  runs: RunAlternative[];
}

const SINGLE_CHARACTER = /^(?:\[.*\]|\\[dDwWsS]|\\[pP]\{[^}]*\})$/su;

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
  if (a === '' || b === '' || !isBounded(a)) return null;
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
  return {
    aEnds: new RegExp(`(?<=${a})`, global),
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

/** Marks the positions in [from, to] where a zero-width global regex matches; how many. */
function markPositions(
  regex: RegExp,
  line: string,
  marks: Uint8Array,
  bit: number,
  from = 0,
  to = line.length,
): number {
  let count = 0;
  regex.lastIndex = insidePair(line, from) ? from - 1 : from;
  while (regex.test(line)) {
    const at = regex.lastIndex;
    if (at > to) break;
    marks[at]! |= bit;
    count += 1;
    if (at >= line.length) break;
    regex.lastIndex = at + (isHigh(line.charCodeAt(at)) && isLow(line.charCodeAt(at + 1)) ? 2 : 1);
  }
  return count;
}

const A_END = 1;
const B_START = 2;
const REST = 4;

/**
 * Marks where a run alternative of B matches: a position in a run of C from which REST matches
 * after some part of the rest of the run, i.e. before the run's last REST position.
 */
function markRuns(line: string, runs: RunAlternative[], marks: Uint8Array): number {
  let count = 0;
  for (const { run, rest } of runs) {
    if (markPositions(rest, line, marks, REST) === 0) continue;
    run.lastIndex = 0;
    for (let match = run.exec(line); match; match = run.exec(line)) {
      const begin = match.index;
      let last = begin + match[0].length;
      while (last > begin && !(marks[last]! & REST && !insidePair(line, last))) last -= 1;
      for (let at = begin; at < last; at += 1) marks[at]! |= B_START;
      count += last - begin;
    }
    for (let at = 0; at <= line.length; at += 1) marks[at]! &= ~REST;
  }
  return count;
}

/**
 * Marks the ends of A that lie at most `width` characters (2 × width code units) before a start
 * of B, searching only there; where the first range with an end begins, or -1 without one.
 */
function markEndsOfA(line: string, cue: WindowedCue, marks: Uint8Array): number {
  const reach = 2 * cue.width;
  let first = -1;
  let low = -1;
  let high = -1;
  for (let at = 0; at <= line.length + 1; at += 1) {
    const start = at <= line.length && marks[at]! & B_START;
    if (start && high >= 0 && at - reach <= high + 1) high = at;
    else if (start || at > line.length) {
      if (high >= 0 && markPositions(cue.aEnds, line, marks, A_END, low, high) > 0 && first === -1)
        first = low;
      if (start) [low, high] = [Math.max(0, at - reach), at];
    }
  }
  return first;
}

function isBreak(line: string, at: number, breaks: string | RegExp): boolean {
  if (typeof breaks === 'string') return breaks.includes(line[at]!);
  breaks.lastIndex = at;
  return breaks.test(line);
}

function testWindowed(line: string, cue: WindowedCue): boolean {
  cue.aEnds.lastIndex = 0;
  if (!cue.aEnds.test(line)) return false; // most lines: no A at all, one quick scan
  const marks = new Uint8Array(line.length + 1);
  const starts =
    (cue.bounded ? markPositions(cue.bounded, line, marks, B_START) : 0) + markRuns(line, cue.runs, marks);
  if (starts === 0) return false;
  const first = markEndsOfA(line, cue, marks);
  if (first === -1) return false;
  let distance = -1; // characters since the last end of A with no break between, -1: none
  for (let at = first; at <= line.length; at += 1) {
    if (insidePair(line, at)) continue;
    const mark = marks[at]!;
    if (mark & A_END) distance = 0;
    if (distance >= 0 && distance <= cue.width && mark & B_START) return true;
    if (distance >= 0) distance = at < line.length && isBreak(line, at, cue.breaks) ? -1 : distance + 1;
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
