/**
 * The draft checker: the four modules (labelled, or present by content: detect-modules.ts), their
 * length, tone and risk words, contact and ID, figures.
 */
import {
  escapeRegExp,
  finding,
  foldForMatching,
  runRequiredRules,
  runTextRules,
  type CompiledRules,
} from './rules-engine';
import { sortFindings, type Finding, type SectionSpec } from './ruleset';
import { isWhiteSpace, toSimplifiedCharacters, type FoldedText } from '../text-normalize';
import { resolveContext, type CheckContext, type CheckOptions } from './check-context';
import { detectModuleLines } from './detect-modules';
import { legalElementFindings } from './check-legal-elements';

export interface DraftSection {
  name: string;
  /** The whole module, heading included. */
  start: number;
  end: number;
  /** Characters of the module's body as the guide counts them (no white space, no Markdown marks). */
  length: number;
  /** Whether the module has a label; false for a module found by its content (its first line). */
  labelled: boolean;
}

/** Which row of the article's table 3 the draft's structure matches. */
export type StructureBand = 'four-part' | 'single-request' | 'emotional';

export interface DraftResult {
  sections: DraftSection[];
  findings: Finding[];
  /**
   * No score and no reply rate: a number out of 100 next to the user's draft reads as a forecast of
   * Kuaishou's reply, which neither the rules nor the article's unconfirmed table 3 can give.
   */
  band: StructureBand;
  /** The case the draft was checked in: given (options.context) or assumed (`inferred`); null: none, every rule ran. */
  context: CheckContext | null;
}

/**
 * A module heading on a line of its own or as a label before the text: Markdown heading,
 * 一、/1./(1) numbering, 【】 label, or `名称：` / `名称:`.
 */
function headingPattern(sections: readonly SectionSpec[]): RegExp {
  const aliases = sections
    .flatMap((section) => section.aliases)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const numbering = String.raw`(?:[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．)）]|[（(]\s*\d+\s*[)）]|第[一二三四五六七八九十\d]+部分\s*[:：]?)?`;
  const bracketed = String.raw`(?:\*\*)?[【\[［][ \t]*(${aliases})[ \t]*[】\]］](?:\*\*)?[ \t]*[:：]?`;
  const labelled = String.raw`(?:\*\*)?(${aliases})(?:\*\*)?[ \t]*(?:[:：]|$)`;
  return new RegExp(
    String.raw`^[ \t]*(?:#{1,6}[ \t]*)?${numbering}[ \t]*(?:${bracketed}|${labelled})[ \t]*`,
    'gmu',
  );
}

/**
 * Markdown marks that do not count: bold markers, a heading's #, a list or quote mark at a line's
 * start. The white space before a list mark stays inside its line ([^\S\n\r\u2028\u2029], not \s):
 * `^\s*` ran on from every line start through all the blank lines after it, so a heading and
 * 40,000 blank lines took 5.9 s; blank lines are white space and were never counted anyway.
 */
export const MARKDOWN_MARKS = /\*\*|__|^#+|^[^\S\n\r\u2028\u2029]*[-*>]\s/gmu;

/** How the guide counts a module: every character but white space and Markdown marks. */
export function countCharacters(text: string): number {
  const stripped = text.replace(MARKDOWN_MARKS, '');
  let count = 0;
  // Code points (an emoji is one character), without a regular expression per character.
  for (let index = 0; index < stripped.length;) {
    const codePoint = stripped.codePointAt(index)!;
    index += codePoint > 0xffff ? 2 : 1;
    if (!isWhiteSpace(codePoint)) count += 1;
  }
  return count;
}

/** Labelled modules. Labels in Traditional Chinese count (問題描述：): same length, same ranges. */
/** A line that starts with a short label and a colon, or a Markdown heading. */
const OTHER_LABEL = /^[ \t]*(?:#{1,6}[ \t]+\S|(?:\*\*)?[\p{Script=Han}]{2,8}(?:\*\*)?[ \t]*[:：])/gmu;

export function findSections(
  text: string,
  sections: readonly SectionSpec[],
): (DraftSection & { bodyStart: number })[] {
  const pattern = headingPattern(sections);
  const found: (DraftSection & { bodyStart: number })[] = [];
  for (const match of toSimplifiedCharacters(text).matchAll(pattern)) {
    const alias = match[1] ?? match[2]!;
    const spec = sections.find((section) => section.aliases.includes(alias));
    if (!spec) continue;
    found.push({
      name: spec.name,
      start: match.index,
      end: text.length,
      bodyStart: match.index + match[0].length,
      length: 0,
      labelled: true,
    });
  }
  // A module also ends where a line starts with a label of some other part (“不侵权说明：”,
  // “### 证明材料”): its text is not the module's, whatever the label's name.
  const otherLabels = [...text.matchAll(OTHER_LABEL)].map((match) => match.index);
  let label = 0;
  for (const [index, section] of found.entries()) {
    const next = found[index + 1];
    if (next) section.end = next.start;
    while (label < otherLabels.length && otherLabels[label]! < section.bodyStart) label += 1;
    const otherStart = otherLabels[label];
    if (otherStart !== undefined && otherStart < section.end && !found.some((s) => s.start === otherStart))
      section.end = otherStart;
    // Trailing line breaks belong to no module.
    while (section.end > section.bodyStart && /\s/u.test(text[section.end - 1]!)) section.end -= 1;
    section.length = countCharacters(text.slice(section.bodyStart, section.end));
  }
  return found;
}

function figureFindings(compiled: CompiledRules, text: string): Finding[] {
  const rule = compiled.figures;
  if (!rule) return [];
  const units = [...rule.units]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  // 58,340 元 is one figure: digits grouped by thousands are read whole.
  const figure = new RegExp(
    String.raw`(?<![\d.,，*])(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?[ \t]*(?:${units})`,
    'gu',
  );
  const bold: [number, number][] = [...text.matchAll(/\*\*[^*\n]+\*\*/gu)].map((m) => [
    m.index,
    m.index + m[0].length,
  ]);
  const findings: Finding[] = [];
  // Figures come in text order and bold spans do not overlap: one pointer finds the span that
  // could contain a figure, so a megabyte with thousands of both stays linear.
  let boldIndex = 0;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    // Table rows already present figures in a table.
    if (!/^\s*\|/u.test(line)) {
      for (const match of line.matchAll(figure)) {
        const start = lineStart + match.index;
        const end = start + match[0].length;
        while (boldIndex < bold.length && bold[boldIndex]![1] < end) boldIndex += 1;
        const span = bold[boldIndex];
        if (span && span[0] <= start && end <= span[1]) continue;
        const result = finding(rule, start, end, `${rule.message}（“${match[0]}”）`);
        result.fix = { start, end, text: `**${match[0]}**` };
        findings.push(result);
      }
    }
    lineStart += line.length + 1;
  }
  return findings;
}

/**
 * The modules and what is said about them: a labelled module as before; a module present only by
 * its content gets at most an info finding suggesting a label; a module neither labelled nor
 * present gets the missing-section warning. Length applies to labelled modules and to each line
 * holding only unlabelled content (a detected module's extent is its line).
 */
function sectionsOf(
  compiled: CompiledRules,
  text: string,
  folded: FoldedText,
  contextId: string | null,
): { sections: DraftSection[]; findings: Finding[] } {
  const sectionsRule = compiled.sections;
  const lengthRule = compiled.sectionLength;
  const hintRule = compiled.unlabelledSection;
  if (!sectionsRule) return { sections: [], findings: [] };
  const labelled = findSections(text, sectionsRule.sections);
  const findings: Finding[] = [];
  const sections: DraftSection[] = [...labelled];
  const empty = text.trim().length === 0;
  // Only a line longer in UTF-16 units than the limit can have more characters than it.
  const lines = empty ? [] : detectModuleLines(text, folded, sectionsRule, lengthRule?.max);
  const insideLabelled = (start: number) =>
    labelled.some((section) => section.start <= start && start < section.end);
  for (const spec of sectionsRule.sections) {
    if (empty || labelled.some((section) => section.name === spec.name)) continue;
    const line = lines.find((candidate) => candidate.names.includes(spec.name));
    if (!line) {
      if (contextId !== null && spec.optionalIn?.includes(contextId)) continue;
      const hint = spec.hint ? `：${spec.hint}` : '';
      findings.push(finding(sectionsRule, 0, 0, `${sectionsRule.message}（缺少“${spec.name}”${hint}）`));
      continue;
    }
    const length = countCharacters(text.slice(line.start, line.end));
    sections.push({ name: spec.name, start: line.start, end: line.end, length, labelled: false });
    if (hintRule) {
      // At the line's start, not over it: a mark over the whole line would hide the marks of the
      // words inside it. The fix inserts the label there.
      const message = `${hintRule.message}（这段是“${spec.name}”，可在段首加上“${spec.name}：”）`;
      const hint = finding(hintRule, line.start, line.start, message);
      hint.fix = { start: line.start, end: line.start, text: `${spec.name}：` };
      findings.push(hint);
    }
  }
  if (lengthRule) {
    for (const section of labelled) {
      if (section.length > lengthRule.max) {
        const message = `${lengthRule.message}（“${section.name}”现有 ${section.length} 字）`;
        findings.push(finding(lengthRule, section.bodyStart, section.end, message));
      }
    }
    for (const line of lines) {
      if (line.end - line.start <= lengthRule.max || insideLabelled(line.start)) continue;
      const length = countCharacters(text.slice(line.start, line.end));
      if (length > lengthRule.max) {
        const message = `${lengthRule.message}（写“${line.names.join('”“')}”的这一段现有 ${length} 字）`;
        findings.push(finding(lengthRule, line.start, line.end, message));
      }
    }
  }
  sections.sort((a, b) => a.start - b.start);
  return { sections, findings };
}

/** Throws UnknownContextError (check-context.ts) for a context id the ruleset does not know. */
export function checkDraft(text: string, compiled: CompiledRules, options: CheckOptions = {}): DraftResult {
  const folded = foldForMatching(text);
  const foldedSubject = foldForMatching(options.subject ?? '').text;
  const context = resolveContext(compiled, options, foldedSubject, folded.text);
  const findings: Finding[] = runTextRules(compiled, text, folded, 'draft', context?.id ?? null);
  const { sections, findings: sectionFindingList } = sectionsOf(compiled, text, folded, context?.id ?? null);
  findings.push(...sectionFindingList);
  const empty = text.trim().length === 0;
  if (!empty)
    findings.push(
      ...runRequiredRules(compiled, folded, 'draft', context?.id ?? null, foldedSubject),
      ...figureFindings(compiled, text),
      ...legalElementFindings(compiled.legalElements, folded, context?.id ?? null, options.attachments),
    );

  const sorted = sortFindings(findings);
  const emotional = sorted.some((item) => item.rule.startsWith('tone.'));
  const complete =
    compiled.sections !== undefined &&
    compiled.sections.sections.every((spec) => sections.some((s) => s.name === spec.name));
  const band: StructureBand = emotional ? 'emotional' : complete ? 'four-part' : 'single-request';

  return {
    sections: sections.map(({ name, start, end, length, labelled }) => ({
      name,
      start,
      end,
      length,
      labelled,
    })),
    findings: sorted,
    band,
    context,
  };
}
