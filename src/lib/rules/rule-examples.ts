/**
 * Runs every rule's in-file examples (prh-style specs) through the real checkers, so broken rule
 * data fails when it loads. It sits above the checkers and the schema: the kind registry says
 * how each kind's examples run (as text or as files). Build and command line only.
 */
import {
  checkAttachments,
  compileAttachmentRules,
  splitName,
  type AttachmentInput,
  type AttachmentTypeInfo,
} from '../attachments/check-attachments';
import { signatureForExtension, type SignatureId } from '../attachments/file-signature';
import { SAMPLE_HEADS } from '../attachments/file-signature-samples';
import { checkDraft } from './check-draft';
import { checkSubject } from './check-subject';
import { exampleRunnerOf } from './kinds';
import { SIMPLIFIED_TABLE } from '../t2s-table';
import { compileRules, type SubjectTypeInfo } from './rules-engine';
import type { AttachmentExample, Rule, Ruleset } from './ruleset';

/** An attachment example as the checker's input: content matching the extension unless given. */
export function exampleFiles(example: AttachmentExample): AttachmentInput[] {
  return (Array.isArray(example) ? example : [example]).map((file) => {
    const spec = typeof file === 'string' ? { name: file } : file;
    const id = spec.content
      ? (spec.content as SignatureId)
      : (signatureForExtension(splitName(spec.name)[1])?.id as SignatureId | undefined);
    const size = spec.size ?? 1024;
    return {
      name: spec.name,
      size,
      head: size === 0 ? new Uint8Array() : new Uint8Array(id ? SAMPLE_HEADS[id] : [0, 1, 2, 3]),
    };
  });
}

/** Runs every rule's examples. Returns the failures, empty when all hold. */
export function checkRuleExamples(
  ruleset: Ruleset,
  subjectTypes: readonly SubjectTypeInfo[],
  attachmentTypes: readonly AttachmentTypeInfo[],
): string[] {
  const compiled = compileRules(ruleset, subjectTypes, SIMPLIFIED_TABLE);
  const attachments = compileAttachmentRules(ruleset, attachmentTypes);
  const fires = (rule: Rule, example: AttachmentExample) => {
    if (exampleRunnerOf(rule.kind) === 'attachments') {
      // Examples are dated as of the ruleset's effective date, so they do not age.
      const result = checkAttachments(exampleFiles(example), attachments, { today: ruleset.effective });
      return [...result.findings, ...result.files.flatMap((file) => file.findings)].some(
        (item) => item.rule === rule.id,
      );
    }
    if (typeof example !== 'string') return false;
    const findings = rule.appliesTo.some((target) => target === 'subject')
      ? checkSubject(example, compiled).findings
      : checkDraft(example, compiled).findings;
    return findings.some((item) => item.rule === rule.id);
  };
  const failures: string[] = [];
  for (const rule of ruleset.rules) {
    for (const example of rule.examples?.match ?? []) {
      if (!fires(rule, example)) failures.push(`${rule.id}：应当命中却没有命中：${JSON.stringify(example)}`);
    }
    for (const example of rule.examples?.noMatch ?? []) {
      if (fires(rule, example)) failures.push(`${rule.id}：不应命中却命中了：${JSON.stringify(example)}`);
    }
  }
  return failures;
}
