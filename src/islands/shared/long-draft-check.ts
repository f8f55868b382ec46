/**
 * Checks long drafts (see LONG_DRAFT) in a worker shared by the islands of a page, started on
 * the first long draft; short drafts are checked on the page, within the frame. Where no worker
 * can start (an old browser, a policy that forbids workers), the check runs on the page.
 */
import { checkDraft } from '../../lib/rules/check-draft';
import { digestFindings } from '../../lib/rules/draft-view';
import type { CompiledRules } from '../../lib/rules/rules-engine';
import type { DraftWorkerRequest, LongDraftResult } from './draft-worker';

/** The same result on the page, for when there is no worker. */
function checkHere(text: string, rules: CompiledRules): LongDraftResult {
  const { findings, ...rest } = checkDraft(text, rules);
  return { ...rest, findings: digestFindings(findings) };
}

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (result: LongDraftResult) => void; text: string }>();

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
let last: { text: string; result: Promise<LongDraftResult> } | undefined;

export function checkLongDraft(text: string, rules: CompiledRules): Promise<LongDraftResult> {
  if (last?.text !== text) last = { text, result: ask(text, rules) };
  return last.result;
}

function ask(text: string, rules: CompiledRules): Promise<LongDraftResult> {
  if (worker === undefined) {
    worker = startWorker();
    if (worker) {
      // A worker that fails to load answers the checks it was given on the page.
      worker.addEventListener('error', () => {
        worker = null;
        for (const [id, request] of waiting) {
          waiting.delete(id);
          request.resolve(checkHere(request.text, rules));
        }
      });
    }
  }
  if (!worker) return Promise.resolve(checkHere(text, rules));
  const id = (nextId += 1);
  const request: DraftWorkerRequest = { id, text };
  if (id === 1)
    request.rules = {
      ruleset: rules.ruleset,
      subjectTypes: rules.subjectTypes,
      simplified: rules.simplified,
    };
  return new Promise((resolve) => {
    waiting.set(id, { resolve, text });
    worker!.postMessage(request);
  });
}
