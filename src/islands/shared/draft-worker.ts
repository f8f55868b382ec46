/**
 * The draft check in a worker, for long drafts: checking a megabyte takes over 100 ms, which on
 * the page's own thread would freeze typing and scrolling. Same pure function as on the page.
 */
import { checkDraft, type DraftResult } from '../../lib/rules/check-draft';
import { digestFindings, type FindingsDigest } from '../../lib/rules/draft-view';
import { compileRules, type CompiledRules } from '../../lib/rules/rules-engine';
import type { Ruleset } from '../../lib/rules/ruleset';
import type { CheckOptions } from '../../lib/rules/check-context';
import type { SimplifiedTable } from '../../lib/text-normalize';
import type { SubjectTypeInfo } from '../../lib/rules/rules-engine';

export interface DraftWorkerRequest {
  id: number;
  text: string;
  /** The reader's case and subject (check-context.ts). */
  options: CheckOptions;
  /** Sent with the first request only; compiled once. */
  rules?: { ruleset: Ruleset; subjectTypes: SubjectTypeInfo[]; simplified: SimplifiedTable | undefined };
}

/** A draft's result with its findings digested: all of them would cost the page to receive. */
export type LongDraftResult = Omit<DraftResult, 'findings'> & { findings: FindingsDigest };

let compiled: CompiledRules | undefined;

self.addEventListener('message', (event: MessageEvent<DraftWorkerRequest>) => {
  const { id, text, rules, options } = event.data;
  if (rules) compiled = compileRules(rules.ruleset, rules.subjectTypes, rules.simplified);
  const { findings, ...rest } = checkDraft(text, compiled!, options);
  const result: LongDraftResult = { ...rest, findings: digestFindings(findings) };
  self.postMessage({ id, result });
});
