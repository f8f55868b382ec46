/**
 * Limits of the data table helper (data-table.ts). The chapter advises 5 rows rather than 30 and
 * the full details in an attachment; a table far beyond that is not a mail table, and a chart of
 * it is unreadable at mail width. A module of their own, so the island can refuse an oversized
 * paste before it has loaded the analysis.
 */

/**
 * Characters refused before any parsing: a full table of MAX_ROWS × MAX_COLUMNS cells of about ten
 * characters is ~25,000, so twice that is plenty. The island also keeps a longer paste out of its
 * textarea: Chromium needs seconds to lay out a megabyte there, and the page would freeze.
 */
export const MAX_INPUT_CHARS = 50_000;
/** Data rows refused: a bar or point per row stops being readable at 640 px long before this. */
export const MAX_ROWS = 200;
/** Data rows above which the chapter's advice (keep the table short) is repeated as a warning. */
export const RECOMMENDED_ROWS = 30;
/** Columns refused: a mail is about 600 px wide; beyond this even a phone's scrolling is hopeless. */
export const MAX_COLUMNS = 12;
