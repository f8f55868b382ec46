/**
 * Reads the search query set (tests/search/queries.yaml), shared by the browser test and the
 * benchmark, and judges one query's result list. Not a test itself.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface SearchQuery {
  query: string;
  /** The page path (relative to the site root), or path#anchor when the link must go to a card. */
  expect: string;
  style: 'colloquial' | 'site-term' | 'traditional';
  split: 'tuning' | 'holdout' | 'holdout2' | 'holdout3';
}

export function loadSearchQueries(): SearchQuery[] {
  const text = readFileSync(fileURLToPath(new URL('./queries.yaml', import.meta.url)), 'utf8');
  const entries = parse(text) as SearchQuery[];
  for (const entry of entries) {
    if (typeof entry.query !== 'string' || typeof entry.expect !== 'string')
      throw new Error(`queries.yaml: bad entry ${JSON.stringify(entry)}`);
    if (!['colloquial', 'site-term', 'traditional'].includes(entry.style))
      throw new Error(`queries.yaml: bad style in ${JSON.stringify(entry)}`);
    if (!['tuning', 'holdout', 'holdout2', 'holdout3'].includes(entry.split))
      throw new Error(`queries.yaml: bad split in ${JSON.stringify(entry)}`);
    entry.query = String(entry.query);
  }
  return entries;
}

/** One shown result: the page it belongs to and where its link goes. */
export interface ShownResult {
  page: string;
  href: string;
}

/** Whether the first result is the expected one: the page, and the anchor when one is named. */
export function firstIsExpected(expect: string, results: readonly ShownResult[], siteUrl: string): boolean {
  const first = results[0];
  if (!first) return false;
  const wanted = new URL(expect, siteUrl);
  if (wanted.hash) {
    const href = new URL(first.href, siteUrl);
    return href.pathname === wanted.pathname && href.hash === wanted.hash;
  }
  return new URL(first.page, siteUrl).pathname === wanted.pathname;
}
