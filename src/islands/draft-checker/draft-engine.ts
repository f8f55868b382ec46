/**
 * The draft checker's rules code — the engine, the checks, the long-draft worker client —
 * loaded by the island once it upgrades (lazy-chunk.ts), not with the page: with the contexts,
 * the personal-number finders and the module cues of ruleset 2026.11.3 it no longer fitted the
 * island's first-load budget (README, "JavaScript budgets"). Re-exports only.
 */
export { compileRules } from '../../lib/rules/rules-engine';
export { checkDraft } from '../../lib/rules/check-draft';
export { checkLongDraft } from '../shared/long-draft-check';
