/**
 * Compiles a ruleset once (one Aho–Corasick automaton for every word list, compiled regular
 * expressions) and runs the rules that apply to a text. Pure, deterministic, no DOM.
 */
import { KeywordMatcher } from '../keyword-matcher';
import {
  foldForMatching,
  foldPattern,
  originalRange,
  useSimplifiedTable,
  type FoldedText,
  type SimplifiedTable,
} from '../text-normalize';
import { ofKind } from './ruleset';
import type {
  Finding,
  FiguresRule,
  PatternRule,
  RequiredRule,
  Rule,
  Ruleset,
  SectionLengthRule,
  UnlabelledSectionRule,
  SectionsRule,
  SubjectPartRule,
  SubjectWidthRule,
  TextTarget,
  WordsRule,
} from './ruleset';

export interface SubjectTypeInfo {
  id: string;
  label: string;
  priority: 'high' | 'medium' | 'low';
  replyTime: string | null;
  keywords: string[];
  /** The ID a subject of this type should carry, used in the suggested subject. */
  idLabel: string;
  /** Fields we filled in ourselves (编辑补充); the others are the article's claims (原文称). */
  editorial?: readonly string[];
}

export interface CompiledRules {
  ruleset: Ruleset;
  /** The Traditional → Simplified table folding uses (page data in the browser), if given. */
  simplified: SimplifiedTable | undefined;
  subjectTypes: SubjectTypeInfo[];
  words: KeywordMatcher<WordsRule>;
  types: KeywordMatcher<SubjectTypeInfo>;
  patterns: [PatternRule, RegExp][];
  required: [RequiredRule, RegExp[]][];
  /** Matches an ID label and its value on the original text: group 1 label, group 2 value. */
  idPattern: RegExp;
  urgency: KeywordMatcher<string>;
  sections: SectionsRule | undefined;
  sectionLength: SectionLengthRule | undefined;
  unlabelledSection: UnlabelledSectionRule | undefined;
  figures: FiguresRule | undefined;
  subjectParts: SubjectPartRule[];
  subjectWidth: SubjectWidthRule | undefined;
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// In ruleset.ts, so the attachment checker can use it without this module.
export { ofKind } from './ruleset';

export function compileRules(
  ruleset: Ruleset,
  subjectTypes: readonly SubjectTypeInfo[],
  simplified?: SimplifiedTable,
): CompiledRules {
  const { rules } = ruleset;
  // Before the word lists are folded: 帳號 in a draft must fold to what 账号 in a list folds to.
  if (simplified) useSimplifiedTable(simplified);
  const idAliases = ruleset.idLabels
    .flatMap((label) => label.aliases)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  return {
    ruleset,
    simplified,
    subjectTypes: [...subjectTypes],
    words: new KeywordMatcher(
      ofKind(rules, 'words').flatMap((rule) =>
        rule.words.map((word) => ({ pattern: foldPattern(word), value: rule })),
      ),
    ),
    types: new KeywordMatcher(
      subjectTypes.flatMap((type) =>
        type.keywords.map((keyword) => ({ pattern: foldPattern(keyword), value: type })),
      ),
    ),
    patterns: ofKind(rules, 'pattern').map((rule) => [rule, new RegExp(rule.pattern, 'gu')]),
    required: ofKind(rules, 'required').map((rule) => [
      rule,
      rule.patterns.map((pattern) => new RegExp(pattern, 'iu')),
    ]),
    idPattern: new RegExp(
      `(${idAliases.join('|')})\\s*[:：]?\\s*([A-Za-z0-9_Ａ-Ｚａ-ｚ０-９](?:[A-Za-z0-9_\\-Ａ-Ｚａ-ｚ０-９]*[A-Za-z0-9_Ａ-Ｚａ-ｚ０-９])?)`,
      'giu',
    ),
    urgency: new KeywordMatcher(
      ruleset.urgencyWords.map((word) => ({ pattern: foldPattern(word), value: word })),
    ),
    sections: ofKind(rules, 'sections')[0],
    sectionLength: ofKind(rules, 'section-length')[0],
    unlabelledSection: ofKind(rules, 'unlabelled-section')[0],
    figures: ofKind(rules, 'figures')[0],
    subjectParts: ofKind(rules, 'subject-part'),
    subjectWidth: ofKind(rules, 'subject-width')[0],
  };
}

export function finding(rule: Rule, start: number, end: number, message = rule.message): Finding {
  return { rule: rule.id, severity: rule.level, message, start, end, guide: rule.guide };
}

/** Word-list and pattern rules for one target, on the original text and its folded copy. */
export function runTextRules(
  compiled: CompiledRules,
  text: string,
  folded: FoldedText,
  target: TextTarget,
): Finding[] {
  const findings: Finding[] = [];
  const hits = compiled.words.findAll(folded.text).filter((hit) => hit.value.appliesTo.includes(target));
  // Keep the longest hit of a rule where several overlap (转投其他平台 over 转投).
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const lastEnd = new Map<string, number>();
  for (const hit of hits) {
    const rule = hit.value;
    if ((lastEnd.get(rule.id) ?? -1) > hit.start) continue;
    lastEnd.set(rule.id, hit.end);
    const [start, end] = originalRange(folded, hit.start, hit.end);
    const result = finding(rule, start, end, `${rule.message}（“${text.slice(start, end)}”）`);
    if (rule.replaceWith !== undefined) result.fix = { start, end, text: rule.replaceWith };
    findings.push(result);
  }
  for (const [rule, pattern] of compiled.patterns) {
    if (!rule.appliesTo.includes(target)) continue;
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (end === start) continue;
      const result = finding(rule, start, end);
      if (rule.replaceWith !== undefined) result.fix = { start, end, text: rule.replaceWith };
      findings.push(result);
    }
  }
  return findings;
}

/** Required-pattern rules: a finding when none of a rule's patterns occurs in the folded text. */
export function runRequiredRules(compiled: CompiledRules, folded: FoldedText, target: TextTarget): Finding[] {
  return compiled.required
    .filter(
      ([rule, patterns]) =>
        rule.appliesTo.includes(target) && !patterns.some((pattern) => pattern.test(folded.text)),
    )
    .map(([rule]) => finding(rule, 0, 0));
}

export { foldForMatching };
