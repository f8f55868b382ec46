/**
 * The case the reader is in, as the checkers use it (the ruleset's `contexts`): given by the page
 * or `ksmail --case`, or inferred from the subject's type and the words of subject and body. Rules
 * declare where they run (kinds/common.ts, `contexts`); this module only decides which case holds.
 * Not the routing table: a routing case id maps onto a context through the context's `routes`.
 */
import { foldForMatching } from '../text-normalize';
import type { CompiledRules } from './rules-engine';
import type { Context } from './ruleset';

export interface CheckContext {
  id: string;
  label: string;
  /** True when the checker assumed it from the text rather than being told. */
  inferred: boolean;
}

/** What the checkers accept besides the text. */
export interface CheckOptions {
  /** A context id or a routing case id (account-stolen → account-appeal). */
  context?: string;
  /** The mail's subject, so that the draft checker can infer the case from it. */
  subject?: string;
  /**
   * Whether a context id the ruleset does not know is inferred over instead of refused: the
   * islands pass the case saved in the browser, which an older version of the site may have
   * named differently — that must not stop the check. The command line refuses it.
   */
  unknownContext?: 'refuse' | 'infer';
  /**
   * The names of the files attached to the mail: proof attached (初步证明材料.pdf, 授权委托书.jpg)
   * counts as a notice's element as much as proof described (check-legal-elements.ts).
   */
  attachments?: readonly string[];
}

/** A context id that is neither a context nor a routing case of the ruleset. */
export class UnknownContextError extends Error {
  override name = 'UnknownContextError';
  readonly valid: string[];
  constructor(given: string, valid: string[]) {
    super(`未知的案件类型：${given}。可用：${valid.join('、') || '（此规则集未定义案件类型）'}`);
    this.valid = valid;
  }
}

/** How much of the subject and of the body inference reads (folded characters). */
export const INFERENCE_WINDOW = 5000;

const contextsOf = (compiled: CompiledRules): Context[] => compiled.ruleset.contexts ?? [];

/** The context for an id or a routing case id; throws UnknownContextError otherwise. */
export function contextById(compiled: CompiledRules, id: string): CheckContext {
  const contexts = contextsOf(compiled);
  const found =
    contexts.find((context) => context.id === id) ?? contexts.find((context) => context.routes.includes(id));
  if (!found)
    throw new UnknownContextError(
      id,
      contexts.map((context) => context.id),
    );
  return { id: found.id, label: found.label, inferred: false };
}

/**
 * Scores each context: the subject's recognised type counts 3, each distinct cue 2 in the subject
 * and 1 in the body. The best score of at least 2 wins (the first listed on a tie); below that the
 * text says too little and the checker runs every rule rather than relax one on a guess. Only the
 * first INFERENCE_WINDOW characters of each text are read: a mail says what it is about at the
 * start, and a pasted megabyte must not cost two more passes.
 */
export function inferContextFolded(
  foldedSubject: string,
  foldedBody: string,
  compiled: CompiledRules,
): CheckContext | null {
  const subject = foldedSubject.slice(0, INFERENCE_WINDOW);
  const types = new Set(compiled.types.findAll(subject).map((hit) => hit.value.id));
  // Each distinct cue once: `context cue` → its weight (2 in the subject, else 1 in the body).
  const cues = new Map<string, number>();
  for (const [text, weight] of [
    [foldedBody.slice(0, INFERENCE_WINDOW), 1],
    [subject, 2],
  ] as const)
    for (const hit of compiled.contextCues.findAll(text))
      cues.set(`${hit.value} ${text.slice(hit.start, hit.end)}`, weight);
  let best: CheckContext | null = null;
  let bestScore = 1;
  for (const context of contextsOf(compiled)) {
    let score = context.subjectTypes?.some((type) => types.has(type)) ? 3 : 0;
    for (const [key, weight] of cues) if (key.startsWith(`${context.id} `)) score += weight;
    if (score > bestScore) {
      best = { id: context.id, label: context.label, inferred: true };
      bestScore = score;
    }
  }
  return best;
}

/** The case a mail seems to be about, from its subject and body; null when they say too little. */
export function inferContext(subject: string, body: string, compiled: CompiledRules): CheckContext | null {
  return inferContextFolded(foldForMatching(subject).text, foldForMatching(body).text, compiled);
}

/** The given context (validated), else the one inferred from the folded subject and body, else null. */
export function resolveContext(
  compiled: CompiledRules,
  options: CheckOptions,
  foldedSubject: string,
  foldedBody: string,
): CheckContext | null {
  if (options.context) {
    try {
      return contextById(compiled, options.context);
    } catch (error) {
      if (!(error instanceof UnknownContextError) || options.unknownContext !== 'infer') throw error;
    }
  }
  return inferContextFolded(foldedSubject, foldedBody, compiled);
}
