/**
 * Content-aware modules: which of the article's four modules a draft holds by what it says, not
 * only by its labels. People write paragraphs — 「11月20日我的账号被封……订单全部取消……恳请复核……
 * 电话 138……」 holds all four modules without one 问题描述：. A module is present when a line
 * matches one of its cues (regular expressions in the ruleset's `sections` rule, `cues`), tested
 * on that line folded as the keyword pass folds (half width, lower case, Simplified, without
 * white space), so 帳號被封, １３８ and 1 3 8 read alike.
 *
 * Not here: labelled modules (check-draft.ts, findSections) and what the checker reports (the
 * section block of checkDraft). Pure, linear in the text, no DOM.
 */
import { isWhiteSpace, type FoldedText } from '../text-normalize';
import type { SectionSpec, SectionsRule } from './ruleset';
import { compileCue, type CueTester } from './windowed-cue';

/** A line whose content is one or more modules. */
export interface ModuleLine {
  /**
   * Module names found in the line, in the order of the rule's sections: every module for a line
   * longer than `longerThan`, else only the modules no earlier line held (the first line of each
   * module is what the checker reports; testing every cue on every short line of a megabyte
   * tripled the draft checker's time).
   */
  names: string[];
  /** The line in the original text, without its line break and surrounding white space. */
  start: number;
  end: number;
}

/**
 * A cue that cannot compile is ignored here: the ruleset schema rejects it before it ships.
 * Windowed cues (`A[^X]{0,N}?B`) are tested by windowed-cue.ts, with the regex's answers.
 */
function compileLineCue(source: string): CueTester | null {
  try {
    return compileCue(source, 'u');
  } catch {
    return null;
  }
}

const compiledCues = new WeakMap<SectionsRule, [string, CueTester[]][]>();

/** The rule's cues compiled once per ruleset (rules are immutable once loaded). */
function cuesOf(rule: SectionsRule): [string, CueTester[]][] {
  let cues = compiledCues.get(rule);
  if (!cues) {
    cues = rule.sections.map((spec: SectionSpec) => [
      spec.name,
      (spec.cues ?? []).map(compileLineCue).filter((cue): cue is CueTester => cue !== null),
    ]);
    compiledCues.set(rule, cues);
  }
  return cues;
}

/**
 * Cue patterns are written by people and may backtrack; a pasted megabyte in one line must not
 * make them quadratic, so a line is tested on at most this many folded characters.
 */
const LINE_LIMIT = 2000;

/**
 * Every non-empty line that holds at least one module's content. `folded` is the whole text
 * folded once (foldForMatching); a line's folded copy is the run of folded units that map into it.
 */
export function detectModuleLines(
  text: string,
  folded: FoldedText,
  rule: SectionsRule,
  longerThan = Number.POSITIVE_INFINITY,
): ModuleLine[] {
  const cues = cuesOf(rule).filter(([, patterns]) => patterns.length > 0);
  const found = new Set<string>();
  const lines: ModuleLine[] = [];
  let lineStart = 0;
  let unit = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && isWhiteSpace(text.charCodeAt(start))) start += 1;
    while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end -= 1;
    while (unit < folded.starts.length && folded.starts[unit]! < start) unit += 1;
    const from = unit;
    while (unit < folded.starts.length && folded.starts[unit]! < end) unit += 1;
    const long = end - start > longerThan;
    if (end > start && (long || found.size < cues.length)) {
      const line = folded.text.slice(from, Math.min(unit, from + LINE_LIMIT));
      const names = cues
        .filter(([name]) => long || !found.has(name))
        .filter(([, patterns]) => patterns.some((pattern) => pattern.test(line)))
        .map(([name]) => name);
      for (const name of names) found.add(name);
      if (names.length > 0) lines.push({ names, start, end });
    }
    lineStart = lineEnd + 1;
  }
  return lines;
}
