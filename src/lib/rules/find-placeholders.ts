/**
 * The matcher of the `placeholders` kind: blanks left from a template, a sample or the subject
 * suggestion that were never filled in. One finding per blank, its range pointing into the text
 * as typed, its message naming it (还有未填写的占位符：【处罚日期】).
 *
 * What counts as a blank: `{{…}}`, a run of X (XXX, ＸＸ) or × standing alone, 某某, three or more
 * underscores (two full-width ＿), and a 【…】 or 〔…〕 whose content ends with a placeholder word
 * of the rule (日期, 编号, 快手号 …; a trailing （按需提供） note is ignored). Not a blank: a
 * bracket holding a section name, a request type or an urgency word (【账号申诉】, 【紧急】), and in
 * the body a bracket used as a label at the start of a line with text after it (【联系人】张三).
 * Pure and linear: a few global regular expressions and one forward walk for line starts.
 */
import type { Finding, PlaceholdersRule, TextTarget } from './ruleset';

export interface PlaceholderMatcher {
  rule: PlaceholdersRule;
  /** The rule's words, NFKC and lower case, as bracket contents are compared. */
  words: string[];
  /** Bracket contents that are labels, not blanks (section names, request types, urgency words). */
  labels: Set<string>;
}

const normalizeLabel = (text: string) => text.normalize('NFKC').toLowerCase().trim();

export function compilePlaceholders(
  rule: PlaceholdersRule | undefined,
  labels: Iterable<string>,
): PlaceholderMatcher | undefined {
  if (!rule) return undefined;
  return {
    rule,
    words: rule.words.map(normalizeLabel),
    labels: new Set([...labels].map(normalizeLabel)),
  };
}

const ID_CHARACTER = 'A-Za-z0-9_Ａ-Ｚａ-ｚ０-９';
const TOKEN = new RegExp(
  [
    String.raw`\{\{[^{}\n]{0,80}\}\}`,
    // Standing alone: 138×××× and kuaiXXXX are masked or real values, not blanks.
    String.raw`(?<![${ID_CHARACTER}×])(?:[XxＸｘ]{2,}|×{2,})(?![${ID_CHARACTER}×])`,
    '某某',
    '_{3,}',
    '＿{2,}',
  ].join('|'),
  'gu',
);
const BRACKET = /[【〔]([^【】〔〕\n]{1,40})[】〕]/gu;
/** 【手机号（按需提供）】: the note in parentheses says how to fill the blank, not what it is. */
const TRAILING_NOTE = /[（(][^（）()]*[）)]\s*$/u;
/** What may stand before a label at the start of a line: indentation, numbering, Markdown marks. */
const LABEL_PREFIX = /^[\s#*>\-\d一二三四五六七八九十、.．()（）]*$/u;
/** A long blank is named by its beginning. */
const SHOWN = 24;

function isBlankBracket(matcher: PlaceholderMatcher, content: string): boolean {
  const label = normalizeLabel(content.replace(TRAILING_NOTE, ''));
  if (label === '' || matcher.labels.has(label) || matcher.labels.has(normalizeLabel(content))) return false;
  return matcher.words.some((word) => label.endsWith(word));
}

/** Ranges of the brackets that are blanks; in the body, a label opening a line with text after it is not. */
function blankBrackets(matcher: PlaceholderMatcher, text: string, target: TextTarget): [number, number][] {
  const ranges: [number, number][] = [];
  let cursor = 0;
  let lineStart = 0;
  for (const match of text.matchAll(BRACKET)) {
    const start = match.index;
    const end = start + match[0].length;
    // Matches come in text order: one forward walk keeps the line start (linear on one long line).
    for (; cursor < start; cursor += 1) if (text.charCodeAt(cursor) === 10) lineStart = cursor + 1;
    if (!isBlankBracket(matcher, match[1]!)) continue;
    if (target === 'draft' && start - lineStart <= 12 && LABEL_PREFIX.test(text.slice(lineStart, start))) {
      let after = end;
      while (after < text.length && /[ \t\u3000]/u.test(text[after]!)) after += 1;
      if (after < text.length && text[after] !== '\n' && text[after] !== '\r') continue;
    }
    ranges.push([start, end]);
  }
  return ranges;
}

/** One finding per blank, in text order; a blank inside another (XXX in a 【】 blank) is not repeated. */
export function placeholderFindings(
  matcher: PlaceholderMatcher,
  text: string,
  target: TextTarget,
): Finding[] {
  const { rule } = matcher;
  if (!rule.appliesTo.includes(target)) return [];
  const ranges = blankBrackets(matcher, text, target);
  for (const match of text.matchAll(TOKEN)) ranges.push([match.index, match.index + match[0].length]);
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const findings: Finding[] = [];
  let coveredTo = -1;
  for (const [start, end] of ranges) {
    if (end <= coveredTo) continue;
    coveredTo = end;
    const blank = text.slice(start, end);
    // Cut before a surrogate pair's first half, so the message never holds half a character.
    const cut = /[\uD800-\uDBFF]/u.test(blank[SHOWN - 1] ?? '') ? SHOWN - 1 : SHOWN;
    const shown = blank.length > SHOWN ? `${blank.slice(0, cut)}…` : blank;
    findings.push({
      rule: rule.id,
      severity: rule.level,
      message: rule.message.replace('{placeholder}', shown),
      start,
      end,
      guide: rule.guide,
      // Every finding names its authority (the rule's `source`), as the engine's findings do.
      ...(rule.source ? { source: rule.source } : {}),
    });
  }
  return findings;
}
