/**
 * What the draft checker's editor shows, as data: the highlighted text split into lines, and
 * when a draft is too long to highlight and check on every keystroke. Pure, no DOM.
 */
import { LISTED_FINDINGS, type Finding, type Severity } from './ruleset';

/**
 * Beyond either figure a draft is "long": the island stops colouring it and checks after a
 * pause instead of on every frame. Laying out text is what costs in the browser (a megabyte in
 * a textarea takes Chromium hundreds of milliseconds on a slow machine; the mirror would double
 * that), and lines cost too: 10,000 short lines lay out slower than 100,000 characters in 1,500.
 * A real mail body is a few thousand characters, so nobody writing one meets these limits.
 */
export const LONG_DRAFT = { characters: 50_000, lines: 2_000 } as const;

/** Whether a draft is past LONG_DRAFT; stops counting lines as soon as it knows. */
export function isLongDraft(text: string): boolean {
  if (text.length > LONG_DRAFT.characters) return true;
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    lines += 1;
    if (lines > LONG_DRAFT.lines) return true;
  }
  return false;
}

/** A run of one line's text: plain (severity null) or inside a finding's range. */
export interface HighlightSegment {
  text: string;
  severity: Severity | null;
}

/** One line of the text (without its line break) as segments; an empty line has none. */
export type HighlightLine = HighlightSegment[];

/**
 * The text as lines of segments, marking each finding's [start, end) by its severity. Ranges
 * are taken by start; one that begins inside an earlier one is left out (the findings list
 * still shows it). Joining each line's segments, and the lines with '\n', gives the text back.
 */
export function highlightLines(
  text: string,
  findings: readonly Pick<Finding, 'start' | 'end' | 'severity'>[],
): HighlightLine[] {
  const ranges = findings
    .filter((finding) => finding.end > finding.start)
    .map((finding) => ({
      start: Math.max(0, finding.start),
      end: Math.min(text.length, finding.end),
      severity: finding.severity,
    }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
  const lines: HighlightLine[] = [[]];
  // The next line break at or after the cursor, found once: searching again from every range
  // would rescan a long line once per finding on it.
  let newline = text.indexOf('\n');
  // Appends text to the current line, opening a new line at each line break.
  const push = (from: number, to: number, severity: Severity | null) => {
    let cursor = from;
    while (cursor < to) {
      const breaks = newline !== -1 && newline < to;
      const stop = breaks ? newline : to;
      if (stop > cursor) lines.at(-1)!.push({ text: text.slice(cursor, stop), severity });
      if (breaks) {
        lines.push([]);
        newline = text.indexOf('\n', stop + 1);
      }
      cursor = breaks ? stop + 1 : stop;
    }
  };
  let cursor = 0;
  for (const range of ranges) {
    if (range.start < cursor) continue;
    push(cursor, range.start, null);
    push(range.start, range.end, range.severity);
    cursor = range.end;
  }
  push(cursor, text.length, null);
  return lines;
}

export { LISTED_FINDINGS };

export interface FindingsDigest {
  /** The first LISTED_FINDINGS findings, in order. */
  listed: Finding[];
  total: number;
  counts: Record<Severity, number>;
  /** The first finding of each severity, if any. */
  first: Partial<Record<Severity, Finding>>;
}

/**
 * What the page shows of a long draft's findings. A megabyte can hold hundreds of thousands of
 * findings; handing them all from the worker to the page costs the page more than checking.
 */
export function digestFindings(findings: readonly Finding[], listed = LISTED_FINDINGS): FindingsDigest {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const first: Partial<Record<Severity, Finding>> = {};
  for (const finding of findings) {
    counts[finding.severity] += 1;
    first[finding.severity] ??= finding;
  }
  return { listed: findings.slice(0, listed), total: findings.length, counts, first };
}
