/**
 * The size and count limits shared by the browser tools and ksmail, so both refuse the same
 * input with the same words: a draft, a file to import, the attachments of one mail, the files of
 * one evidence package. Not the attachment *rules* (5 MB per file is a warning in the ruleset);
 * these are the points past which a tool stops instead of working on. Constants only, no imports:
 * the outcome log's import chunk carries this module; the refusals' wording is in
 * input-limit-messages.ts.
 */
const MB = 1024 * 1024;

/**
 * A draft to check: a mail body is a few KB; 2 MB is a thousand pages of Chinese text. A 20 MB
 * draft stopped ksmail with a stack overflow (issue 21).
 */
export const MAX_DRAFT_BYTES = 2 * MB;

/** An outcome log file to import: a log of 10,000 mails is well under 5 MB. */
export const MAX_IMPORT_BYTES = 5 * MB;

/** Nesting of a JSON value inside an imported record: the log's own records nest two deep. */
export const MAX_IMPORT_DEPTH = 8;

/** ZIP without ZIP64 records holds at most 65,535 entries; the package adds its read-me and lists. */
export const MAX_ZIP_ENTRIES = 65_535;

/**
 * One evidence package: 4 GB, past which a plain ZIP needs ZIP64 that older unzip tools on
 * Windows do not read, and far past what any mailbox or upload form takes.
 */
export const MAX_PACKAGE_BYTES = 4 * 1024 * MB - 1;

/**
 * One case dossier (its ZIP, and everything in it unpacked): the browser builds and reads it in
 * memory, so the limit is what a phone can hold twice, not the 4 GB a streamed evidence package
 * may reach. A case's mails fit the mailbox limits (50 MB at most in the ruleset) and carry their
 * evidence packages, so 256 MB holds a long matter several times over.
 */
export const MAX_DOSSIER_BYTES = 256 * MB;

/**
 * Nesting of the case.json inside a dossier: a case nests a few levels (case → steps → a step's
 * files → one file); 32 leaves the case schema room to grow and still refuses a crafted file.
 */
export const MAX_CASE_DEPTH = 32;
