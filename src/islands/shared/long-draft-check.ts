/**
 * Checks long drafts (see LONG_DRAFT) in a worker shared by the islands of a page, started on
 * the first long draft; short drafts are checked on the page, within the frame. Where no worker
 * can start (an old browser, a policy that forbids workers), the check runs on the page.
 */
import { checkDraft } from '../../lib/rules/check-draft';
import { digestFindings } from '../../lib/rules/draft-view';
import type { CompiledRules } from '../../lib/rules/rules-engine';
import type { CheckOptions } from '../../lib/rules/check-context';
import type { DraftWorkerRequest, LongDraftResult } from './draft-worker';

/** The same result on the page, for when there is no worker. */
function checkHere(text: string, rules: CompiledRules, options: CheckOptions): LongDraftResult {
  const { findings, ...rest } = checkDraft(text, rules, options);
  return { ...rest, findings: digestFindings(findings) };
}

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<
  number,
  { resolve: (result: LongDraftResult) => void; text: string; options: CheckOptions }
>();

function startWorker(): Worker | null {
  try {
    const started = new Worker(new URL('./draft-worker.ts', import.meta.url), { type: 'module' });
    started.addEventListener('message', (event: MessageEvent<{ id: number; result: LongDraftResult }>) => {
      waiting.get(event.data.id)?.resolve(event.data.result);
      waiting.delete(event.data.id);
    });
    return started;
  } catch {
    return null;
  }
}

/** The last check asked for: the draft checker and the composer ask about the same draft. */
let last: { text: string; key: string; result: Promise<LongDraftResult> } | undefined;

export function checkLongDraft(
  text: string,
  rules: CompiledRules,
  options: CheckOptions = {},
): Promise<LongDraftResult> {
  const key = JSON.stringify(options);
  if (last?.text !== text || last.key !== key) last = { text, key, result: ask(text, rules, options) };
  return last.result;
}

function ask(text: string, rules: CompiledRules, options: CheckOptions): Promise<LongDraftResult> {
  if (worker === undefined) {
    worker = startWorker();
    if (worker) {
      // A worker that fails to load answers the checks it was given on the page.
      worker.addEventListener('error', () => {
        worker = null;
        for (const [id, request] of waiting) {
          waiting.delete(id);
          request.resolve(checkHere(request.text, rules, request.options));
        }
      });
    }
  }
  if (!worker) return Promise.resolve(checkHere(text, rules, options));
  const id = (nextId += 1);
  const request: DraftWorkerRequest = { id, text, options };
  if (id === 1)
    request.rules = {
      ruleset: rules.ruleset,
      subjectTypes: rules.subjectTypes,
      simplified: rules.simplified,
    };
  return new Promise((resolve) => {
    waiting.set(id, { resolve, text, options });
    worker!.postMessage(request);
  });
}
