/**
 * Reads and checks the site search's synonym groups (src/content/data/search-synonyms.yaml) and
 * builds the data the search loads in the browser (/search-data.json): the groups and a
 * Traditional → Simplified table for every Han character the pages and the groups use. Build
 * only (opencc-js and zod stay out of the browser). Each group's example must contain one of its
 * words and name a page that exists; that the example finds its page first is tested in the
 * browser (tests/e2e/search.test.ts), where the index is.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { buildPairs } from '../../../scripts/generate-t2s-table';
import { folder, type SearchData } from '../search/query';

const ROOT = resolve(import.meta.dirname, '../../..');
export const SYNONYMS_FILE = resolve(ROOT, 'src/content/data/search-synonyms.yaml');

const groupSchema = z
  .object({
    words: z.array(z.string().trim().min(1)).min(2),
    page: z
      .string()
      .regex(/^[a-z0-9/-]+\/$/)
      .optional(),
    example: z
      .object({ query: z.string().trim().min(1), page: z.string().regex(/^[a-z0-9/-]*(?:#[\w-]+)?$/) })
      .strict(),
  })
  .strict();
export type SynonymEntry = z.infer<typeof groupSchema>;

/** Checks the groups; `pages` are the site's page paths (e.g. `cases/account-appeal/`). */
export function checkSynonyms(value: unknown, pages: ReadonlySet<string>): SynonymEntry[] {
  const parsed = z.array(groupSchema).safeParse(value);
  if (!parsed.success)
    throw new Error(`search-synonyms.yaml：格式不对：${parsed.error.issues[0]?.message ?? ''}`);
  const fold = folder(undefined);
  for (const [index, group] of parsed.data.entries()) {
    const where = `search-synonyms.yaml 第 ${index + 1} 组（${group.words.join('、')}）`;
    if (new Set(group.words).size !== group.words.length) throw new Error(`${where}：有重复的词`);
    if (!group.words.some((word) => fold(group.example.query).includes(fold(word))))
      throw new Error(`${where}：示例“${group.example.query}”不含本组任何一个词`);
    const page = group.example.page.split('#')[0]!;
    if (!pages.has(page)) throw new Error(`${where}：示例的页面 ${page} 不存在`);
    if (group.page !== undefined && !pages.has(group.page))
      throw new Error(`${where}：页面 ${group.page} 不存在`);
  }
  return parsed.data;
}

/** The groups from the YAML text (the build imports the file's text; tests read it). */
export function loadSynonyms(
  pages: ReadonlySet<string>,
  text = readFileSync(SYNONYMS_FILE, 'utf8'),
): SynonymEntry[] {
  return checkSynonyms(parse(text), pages);
}

/** The browser's search data: the groups (words only) and the character table for `text`. */
export function searchData(groups: readonly SynonymEntry[], text: string): SearchData {
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
