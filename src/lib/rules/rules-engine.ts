/**
 * Compiles a ruleset once (one Aho–Corasick automaton for every word list, compiled regular
 * expressions) and runs the rules that apply to a text. Pure, deterministic, no DOM.
 */
import { KeywordMatcher, type KeywordHit } from '../keyword-matcher';
import { findBankCards, findIdNumbers } from '../personal-numbers';
import {
  foldForMatching,
  foldPattern,
  originalRange,
  useSimplifiedTable,
  type FoldedText,
  type SimplifiedTable,
} from '../text-normalize';
import { compilePlaceholders, placeholderFindings, type PlaceholderMatcher } from './find-placeholders';
import { ofKind } from './ruleset';
import type {
  Finding,
  FiguresRule,
  LegalElementsRule,
  PatternRule,
  PersonalDataRule,
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
  /** Every word list's words, and their rules' `except` phrases and `requiresNear` words (kinds/words.ts): one pass. */
  words: KeywordMatcher<WordsRule | WordModifier>;
  types: KeywordMatcher<SubjectTypeInfo>;
  patterns: [PatternRule, RegExp][];
  personalData: PersonalDataRule[];
  /** Every context's cue words, for inferring the reader's case (check-context.ts). */
  contextCues: KeywordMatcher<string>;
  /** Per word rule with modifiers: the longest folded except phrase, the folded conditional words. */
  modified: Map<string, { exceptLength: number; conditional: Set<string> }>;
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
  placeholders: PlaceholderMatcher | undefined;
  /** The statutory elements of notices and counter-notices (matched in check-legal-elements.ts). */
  legalElements: CompiledLegalElement[];
}

/** A `legal-elements` rule with its patterns compiled. */
export interface CompiledLegalElement {
  rule: LegalElementsRule;
  when: RegExp[];
  parts: { advice: string; cues: RegExp[]; attachmentCues: RegExp[] }[];
}

const compileLegalElements = (rules: readonly LegalElementsRule[]): CompiledLegalElement[] =>
  rules.map((rule) => ({
    rule,
    when: (rule.when ?? []).map((source) => new RegExp(source, 'u')),
    parts: rule.parts.map((part) => ({
      advice: part.advice,
      cues: part.cues.map((source) => new RegExp(source, 'u')),
      attachmentCues: (part.attachmentCues ?? []).map((source) => new RegExp(source, 'u')),
    })),
  }));

/** An `except` phrase or a `requiresNear` near-word of one word rule, found by one automaton. */
export interface WordModifier {
  rule: string;
  role: 'except' | 'near';
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
    words: new KeywordMatcher<WordsRule | WordModifier>(
      ofKind(rules, 'words').flatMap((rule) => [
        ...rule.words.map((word) => ({ pattern: foldPattern(word), value: rule })),
        ...(rule.except ?? []).map((phrase) => ({
          pattern: foldPattern(phrase),
          value: { rule: rule.id, role: 'except' as const },
        })),
        ...(rule.requiresNear?.near ?? []).map((word) => ({
          pattern: foldPattern(word),
          value: { rule: rule.id, role: 'near' as const },
        })),
      ]),
    ),
    types: new KeywordMatcher(
      subjectTypes.flatMap((type) =>
        type.keywords.map((keyword) => ({ pattern: foldPattern(keyword), value: type })),
      ),
    ),
    patterns: ofKind(rules, 'pattern').map((rule) => [rule, new RegExp(rule.pattern, 'gu')]),
    personalData: ofKind(rules, 'personal-data'),
    modified: new Map(
      ofKind(rules, 'words')
        .filter((rule) => rule.except || rule.requiresNear)
        .map((rule) => [
          rule.id,
          {
            exceptLength: Math.max(0, ...(rule.except ?? []).map((phrase) => foldPattern(phrase).length)),
            conditional: new Set((rule.requiresNear?.words ?? []).map(foldPattern)),
          },
        ]),
    ),
    contextCues: new KeywordMatcher(
      (ruleset.contexts ?? []).flatMap((context) =>
        context.cues.map((cue) => ({ pattern: foldPattern(cue), value: context.id })),
      ),
    ),
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
    // A bracket holding a section name, a request type or an urgency word is a label, not a blank.
    placeholders: compilePlaceholders(ofKind(rules, 'placeholders')[0], [
      ...ofKind(rules, 'sections').flatMap((rule) => rule.sections.flatMap((section) => section.aliases)),
      ...subjectTypes.flatMap((type) => [type.label, ...type.keywords]),
      ...ruleset.urgencyWords,
    ]),
    legalElements: compileLegalElements(ofKind(rules, 'legal-elements')),
  };
}

export function finding(rule: Rule, start: number, end: number, message = rule.message): Finding {
  const result: Finding = { rule: rule.id, severity: rule.level, message, start, end, guide: rule.guide };
  if (rule.source) result.source = rule.source;
  return result;
}

/** Whether a rule runs in the reader's case (null: no case known, every rule runs). */
export function runsIn(rule: Rule, context: string | null): boolean {
  if (context === null || !rule.contexts) return true;
  if (rule.contexts.skip?.includes(context)) return false;
  return rule.contexts.only === undefined || rule.contexts.only.includes(context);
}

/** Index of the first hit starting at or after `position` (hits sorted by start). */
function firstAtOrAfter<T>(hits: readonly KeywordHit<T>[], position: number): number {
  let low = 0;
  let high = hits.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (hits[middle]!.start < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Whether a word hit stands (folded coordinates): not inside one of its rule's `except` phrases,
 * and, for a `requiresNear` word, with a near-word within the window. Modifier hits are sorted by
 * start; an except phrase is at most a few characters longer than the hit, so looking back that far
 * and a binary search keep each hit O(log n).
 */
function wordHitStands(
  hit: KeywordHit<WordsRule>,
  folded: string,
  modifiers: KeywordHit<WordModifier>[],
  compiled: CompiledRules,
) {
  const rule = hit.value;
  const modified = compiled.modified.get(rule.id);
  if (!modified) return true;
  if (modified.exceptLength > 0) {
    for (
      let index = firstAtOrAfter(modifiers, hit.end - modified.exceptLength);
      index < modifiers.length;
      index += 1
    ) {
      const modifier = modifiers[index]!;
      if (modifier.start > hit.start) break;
      if (modifier.value.rule === rule.id && modifier.value.role === 'except' && modifier.end >= hit.end)
        return false;
    }
  }
  const near = rule.requiresNear;
  if (near && modified.conditional.has(folded.slice(hit.start, hit.end))) {
    for (
      let index = firstAtOrAfter(modifiers, hit.start - near.window);
      index < modifiers.length;
      index += 1
    ) {
      const modifier = modifiers[index]!;
      if (modifier.start > hit.end + near.window) break;
      if (modifier.value.rule === rule.id && modifier.value.role === 'near') return true;
    }
    return false;
  }
  return true;
}

function wordFindings(
  compiled: CompiledRules,
  text: string,
  folded: FoldedText,
  target: TextTarget,
  context: string | null,
): Finding[] {
  const findings: Finding[] = [];
  const hits: KeywordHit<WordsRule>[] = [];
  const modifiers: KeywordHit<WordModifier>[] = [];
  for (const hit of compiled.words.findAll(folded.text)) {
    // Narrowed by hand: a new object per hit would cost a megabyte's worth of garbage.
    const value = hit.value;
    if ('role' in value) modifiers.push(hit as KeywordHit<WordModifier>);
    else if (value.appliesTo.includes(target) && runsIn(value, context))
      hits.push(hit as KeywordHit<WordsRule>);
  }
  if (hits.length === 0) return findings;
  modifiers.sort((a, b) => a.start - b.start);
  // Keep the longest hit of a rule where several overlap (转投其他平台 over 转投).
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const lastEnd = new Map<string, number>();
  for (const hit of hits) {
    const rule = hit.value;
    if ((lastEnd.get(rule.id) ?? -1) > hit.start) continue;
    if (!wordHitStands(hit, folded.text, modifiers, compiled)) continue;
    lastEnd.set(rule.id, hit.end);
    const [start, end] = originalRange(folded, hit.start, hit.end);
    const result = finding(rule, start, end, `${rule.message}（“${text.slice(start, end)}”）`);
    if (rule.replaceWith !== undefined) result.fix = { start, end, text: rule.replaceWith };
    findings.push(result);
  }
  return findings;
}

function personalDataFindings(
  compiled: CompiledRules,
  text: string,
  target: TextTarget,
  context: string | null,
) {
  const findings: Finding[] = [];
  for (const rule of compiled.personalData) {
    if (!rule.appliesTo.includes(target) || !runsIn(rule, context)) continue;
    const ranges =
      rule.check === 'id-number'
        ? findIdNumbers(text)
        : findBankCards(text, { labels: rule.labels ?? [], window: rule.labelWindow ?? 8 });
    for (const [start, end] of ranges) findings.push(finding(rule, start, end));
  }
  return findings;
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '\n', '；', ';']);

/**
 * A pattern finding with `rewrite` whose sentence holds a finding of a `when` rule: no mechanical
 * fix (it would keep the accusation), a neutral sentence suggested instead. The sentence runs back
 * from the finding to the previous sentence end, which is at latest the previous finding of the
 * same pattern (these are runs of ？！), so the scans add up to one pass.
 */
function applyRewrites(findings: Finding[], text: string, compiled: CompiledRules) {
  for (const [rule] of compiled.patterns) {
    const rewrite = rule.rewrite;
    if (!rewrite) continue;
    const triggers = findings
      .filter((item) => rewrite.when.includes(item.rule))
      .map((item) => ({ start: item.start, end: item.end, value: item }))
      .sort((a, b) => a.start - b.start);
    if (triggers.length === 0) continue;
    for (const item of findings) {
      if (item.rule !== rule.id) continue;
      let sentenceStart = item.start;
      while (sentenceStart > 0 && !SENTENCE_END.has(text[sentenceStart - 1]!)) sentenceStart -= 1;
      const trigger = triggers[firstAtOrAfter(triggers, sentenceStart)];
      if (!trigger || trigger.start >= item.start) continue;
      delete item.fix;
      item.message = `${rule.message}这句话本身带有指责或催促，只换标点改不掉：建议整句改写为「${rewrite.text}」`;
    }
  }
}

/** Word-list, personal-number and pattern rules for one target, on the original text and its folded copy. */
export function runTextRules(
  compiled: CompiledRules,
  text: string,
  folded: FoldedText,
  target: TextTarget,
  context: string | null = null,
): Finding[] {
  const findings = [
    ...wordFindings(compiled, text, folded, target, context),
    ...personalDataFindings(compiled, text, target, context),
  ];
  for (const [rule, pattern] of compiled.patterns) {
    if (!rule.appliesTo.includes(target) || !runsIn(rule, context)) continue;
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
  if (compiled.placeholders) findings.push(...placeholderFindings(compiled.placeholders, text, target));
  applyRewrites(findings, text, compiled);
  return findings;
}

/** Required-pattern rules: a finding when none of a rule's patterns occurs in the folded text. */
export function runRequiredRules(
  compiled: CompiledRules,
  folded: FoldedText,
  target: TextTarget,
  context: string | null = null,
  /** The mail's subject, folded the same way, for rules that accept it (`orInSubject`). */
  foldedSubject = '',
): Finding[] {
  return compiled.required
    .filter(
      ([rule, patterns]) =>
        rule.appliesTo.includes(target) &&
        runsIn(rule, context) &&
        !patterns.some(
          (pattern) =>
            pattern.test(folded.text) || (rule.orInSubject === true && pattern.test(foldedSubject)),
        ),
    )
    .map(([rule]) => finding(rule, 0, 0));
}

export { foldForMatching };
