/**
 * The page's `?case=` as it was when the page loaded (raw; the mailbox picker checks it against
 * the cases, then drops it from the address bar). A module of its own, read once on first
 * import, so the picker and the composer see the same value whichever starts first — and the
 * islands that do not care about cases (the outcome log, at the edge of its budget) do not load it.
 */
import { readCaseParam } from '../../lib/case-param';

export const caseParam: string | null = readCaseParam(location.search);
