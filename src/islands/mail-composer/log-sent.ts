/**
 * What the composer needs of the outcome log when a mail is marked as sent, loaded on that click.
 * A module of its own so that the dynamic import's namespace object is built here, not in the
 * shared outcome-store chunk the outcome tracker loads with the page.
 */
export { addOutcome } from '../shared/outcome-store';
