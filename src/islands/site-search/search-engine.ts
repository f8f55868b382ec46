/**
 * The search's ranking, folding and snippet code (src/lib/search), loaded with the index when
 * the dialog opens rather than with the header on every page. Re-exports only.
 */
export { expandQuery, folder, nameablePages } from '../../lib/search/query';
export { indexPage, marksFor, rankPages } from '../../lib/search/rank';
export { snippet } from '../../lib/search/snippet';
