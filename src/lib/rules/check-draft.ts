/** The draft checker: the four modules, their length, tone and risk words, contact and ID, figures. */
import {
  escapeRegExp,
  finding,
  foldForMatching,
  runRequiredRules,
  runTextRules,
  type CompiledRules,
} from './rules-engine';
import { sortFindings, type Finding, type SectionSpec } from './ruleset';
import { isWhiteSpace } from '../text-normalize';
import { resolveContext, type CheckContext, type CheckOptions } from './check-context';

export interface DraftSection {
  name: string;
  /** The whole module, heading included. */
  start: number;
  end: number;
  /** Characters of the module's body as the guide counts them (no white space, no Markdown marks). */
  length: number;
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

/** How the guide counts a module: every character but white space and Markdown marks. */
export function countCharacters(text: string): number {
  const stripped = text.replace(/\*\*|__|^#+|^\s*[-*>]\s/gmu, '');
  let count = 0;
  // Code points (an emoji is one character), without a regular expression per character.
  for (let index = 0; index < stripped.length;) {
    const codePoint = stripped.codePointAt(index)!;
    index += codePoint > 0xffff ? 2 : 1;
    if (!isWhiteSpace(codePoint)) count += 1;
  }
  return count;
}

export function findSections(
  text: string,
  sections: readonly SectionSpec[],
): (DraftSection & { bodyStart: number })[] {
  const pattern = headingPattern(sections);
  const found: (DraftSection & { bodyStart: number })[] = [];
  for (const match of text.matchAll(pattern)) {
    const alias = match[1] ?? match[2]!;
    const spec = sections.find((section) => section.aliases.includes(alias));
    if (!spec) continue;
    found.push({
      name: spec.name,
      start: match.index,
      end: text.length,
      bodyStart: match.index + match[0].length,
      length: 0,
    });
  }
  for (const [index, section] of found.entries()) {
    const next = found[index + 1];
    if (next) section.end = next.start;
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
  const figure = new RegExp(String.raw`(?<![\d.*])\d+(?:\.\d+)?[ \t]*(?:${units})`, 'gu');
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

/** Throws UnknownContextError (check-context.ts) for a context id the ruleset does not know. */
export function checkDraft(text: string, compiled: CompiledRules, options: CheckOptions = {}): DraftResult {
  const folded = foldForMatching(text);
  const context = resolveContext(compiled, options, foldForMatching(options.subject ?? '').text, folded.text);
  const findings: Finding[] = runTextRules(compiled, text, folded, 'draft', context?.id ?? null);
  const sectionsRule = compiled.sections;
  const sections = sectionsRule ? findSections(text, sectionsRule.sections) : [];
  const empty = text.trim().length === 0;

  if (sectionsRule && !empty) {
    for (const spec of sectionsRule.sections) {
      if (!sections.some((section) => section.name === spec.name)) {
        findings.push(finding(sectionsRule, 0, 0, `${sectionsRule.message}（缺少“${spec.name}”）`));
      }
    }
  }
  const lengthRule = compiled.sectionLength;
  if (lengthRule) {
    for (const section of sections) {
      if (section.length > lengthRule.max) {
        findings.push(
          finding(
            lengthRule,
            section.bodyStart,
            section.end,
            `${lengthRule.message}（“${section.name}”现有 ${section.length} 字）`,
          ),
        );
      }
    }
  }
  if (!empty)
    findings.push(
      ...runRequiredRules(compiled, folded, 'draft', context?.id ?? null),
      ...figureFindings(compiled, text),
    );

  const sorted = sortFindings(findings);
  const emotional = sorted.some((item) => item.rule.startsWith('tone.'));
  const complete =
    sectionsRule !== undefined &&
    sectionsRule.sections.every((spec) => sections.some((s) => s.name === spec.name));
  const band: StructureBand = emotional ? 'emotional' : complete ? 'four-part' : 'single-request';

  return {
    sections: sections.map(({ name, start, end, length }) => ({ name, start, end, length })),
    findings: sorted,
    band,
    context,
  };
}
