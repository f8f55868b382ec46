/**
 * Builds the data the site search loads in the browser (/search-data.json): the synonym groups
 * (words and asked-for page only) and a Traditional → Simplified table for every Han character
 * the pages and the groups use. Build only (opencc-js stays out of the browser). The groups are
 * read and checked by the build's one loader (site-content.ts, ../search-synonyms.ts); not here.
 */
import { buildPairs } from '../../../scripts/generate-t2s-table';
import type { SearchData } from '../search/query';
import type { SynonymGroupRecord } from '../search-synonyms';

/** The browser's search data: the groups (words only) and the character table for `text`. */
export function searchData(
  groups: readonly Pick<SynonymGroupRecord, 'words' | 'page'>[],
  text: string,
): SearchData {
  const characters = new Set<string>();
  for (const character of text + groups.flatMap((group) => group.words).join(''))
    if (/\p{Script=Han}/u.test(character)) characters.add(character);
  const pairs = buildPairs(characters);
  return {
    t2s: { from: pairs.map(([from]) => from).join(''), to: pairs.map(([, to]) => to).join('') },
    synonyms: groups.map((group) =>
      group.page ? { words: group.words, page: group.page } : { words: group.words },
    ),
  };
}
