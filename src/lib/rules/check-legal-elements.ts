/**
 * The matcher of the `legal-elements` kind (kinds/legal-elements.ts): which statutory elements of
 * an infringement notice or a counter-notice a draft lacks. An element's part is present when one
 * of its cues matches the folded text — half width, lower case, Simplified, without white space,
 * so a table row 「| 地址 | 杭州市… |」, a Markdown list item and 聯繫地址 read alike — or one of its
 * attachment cues matches an attachment's folded name. Each missing element gives one finding at
 * the start of the draft (like a missing module), its message followed by the advice of each
 * missing part.
 *
 * Not here: which case the draft is in (check-context.ts) and whether an element is true or
 * sufficient — the cues only see whether it is written. Pure, no DOM; the cues are bounded
 * patterns written in the ruleset, each tested once on the text, so the pass is linear.
 */
import { foldForMatching, type FoldedText } from '../text-normalize';
import type { Finding } from './ruleset';
import { finding, runsIn, type CompiledLegalElement } from './rules-engine';

/**
 * Findings for the elements missing from a draft in `context`. No case, no finding: a missing
 * 权利人地址 means something only in a notice, and a rule limited to its cases must not speak in
 * every mail whose case could not be told.
 */
export function legalElementFindings(
  elements: readonly CompiledLegalElement[],
  folded: FoldedText,
  context: string | null,
  attachments: readonly string[] = [],
): Finding[] {
  if (context === null || elements.length === 0) return [];
  const text = folded.text;
  let names: string[] | undefined;
  const findings: Finding[] = [];
  for (const { rule, when, parts } of elements) {
    if (!runsIn(rule, context) || !rule.appliesTo.includes('draft')) continue;
    if (when.length > 0 && !when.some((pattern) => pattern.test(text))) continue;
    const missing = parts.filter((part) => {
      if (part.cues.some((cue) => cue.test(text))) return false;
      if (part.attachmentCues.length === 0 || attachments.length === 0) return true;
      names ??= attachments.map((name) => foldForMatching(name).text);
      return !part.attachmentCues.some((cue) => names!.some((name) => cue.test(name)));
    });
    if (missing.length === 0) continue;
    findings.push(finding(rule, 0, 0, `${rule.message}${missing.map((part) => part.advice).join('')}`));
  }
  return findings;
}
