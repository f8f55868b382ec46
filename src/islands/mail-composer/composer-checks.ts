/**
 * The subject and draft checks the composer runs, loaded once there is a subject or a draft to
 * check: a composer with nothing to check yet (the usual first visit) does not download them.
 */
export { checkDraft } from '../../lib/rules/check-draft';
export { checkSubject } from '../../lib/rules/check-subject';
export { isLongDraft } from '../../lib/rules/draft-view';
export { compileRules } from '../../lib/rules/rules-engine';
