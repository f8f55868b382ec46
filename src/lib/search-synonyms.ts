/**
 * The site search's synonym groups as data (src/content/data/search-synonyms.yaml): their zod
 * schema, the types that follow from it, and the checks run when the build loads the file
 * (src/lib/node/site-content.ts): each record's fields, no word twice, and each group's
 * example run through the query expansion the browser uses — the example must bring its own
 * group into the query, not lose it to a longer word of another group (侵权投诉 would swallow
 * 侵权). Whether the example then finds its page first needs the built index: the browser test
 * types every example (tests/e2e/search.test.ts).
 *
 * Pure: no file system (loading is ./node/load-search-synonyms.ts), and not for the browser (it
 * imports zod; the browser gets the groups' words in /search-data.json, ./node/search-data.ts).
 */
import { z } from 'zod';
import { expandQuery, folder } from './search/query';
import { parseInChinese } from './zod-chinese';

export const SEARCH_SYNONYMS_FILE = 'search-synonyms.yaml';

/** A site path relative to the root, as the pages' URLs end: `cases/account-appeal/`, `` for home. */
const sitePath = z
  .string()
  .regex(/^(?:[a-z0-9-]+\/)*$/, '页面路径应为小写路径并以 / 结尾，如 cases/copyright/');

export const synonymGroupRecordSchema = z
  .object({
    /** The words readers type and the words the pages use, searched for together. */
    words: z.array(z.string().trim().min(1)).min(2, '每组至少两个词'),
    /** The page a query with one of these words asks for by name (模板 → templates/). */
    page: sitePath.optional(),
    /** A query that must find `page` first (with #anchor: that card): typed by the browser test. */
    example: z
      .object({
        query: z.string().trim().min(1),
        page: z.string().regex(/^(?:[a-z0-9-]+\/)*(?:#[\w-]+)?$/, '示例页面应为站内路径，可带 #锚点'),
      })
      .strict(),
  })
  .strict();

export type SynonymGroupRecord = z.infer<typeof synonymGroupRecordSchema>;

export class SearchSynonymsError extends Error {
  constructor(group: string | null, field: string | null, detail: string) {
    const where = [SEARCH_SYNONYMS_FILE, group === null ? null : `第 ${group} 组`, field && `字段 "${field}"`]
      .filter(Boolean)
      .join(' → ');
    super(`搜索同义词表有误：${where}：${detail}`);
    this.name = 'SearchSynonymsError';
  }
}

/** Validates the groups as parsed from YAML; runs each example through the query expansion. */
export function parseSearchSynonyms(raw: unknown): SynonymGroupRecord[] {
  if (!Array.isArray(raw) || raw.length === 0)
    throw new SearchSynonymsError(null, null, '文件内容应为非空的同义词组列表（YAML 数组）');
  const fold = folder(undefined);
  const owner = new Map<string, number>();
  const groups = raw.map((record: unknown, index) => {
    const label = `${index + 1}`;
    const result = parseInChinese(synonymGroupRecordSchema, record);
    if (!result.success) throw new SearchSynonymsError(label, result.path || null, result.message);
    for (const word of result.data.words.map(fold)) {
      const other = owner.get(word);
      if (other === index) throw new SearchSynonymsError(label, 'words', `“${word}”重复`);
      if (other !== undefined)
        throw new SearchSynonymsError(label, 'words', `“${word}”已在第 ${other + 1} 组：一个词只能属于一组`);
      owner.set(word, index);
    }
    return result.data;
  });
  // The groups as the browser gets them (search-data.ts): words and the asked-for page.
  const synonyms = groups.map(({ words, page }) => (page === undefined ? { words } : { words, page }));
  groups.forEach((group, index) => {
    const { query } = group.example;
    const terms = expandQuery(query, { synonyms }, fold);
    const words = new Set(group.words.map(fold));
    const brought = terms.some((term) => term.group === index || (!term.synonym && words.has(term.text)));
    if (!brought)
      throw new SearchSynonymsError(
        `${index + 1}`,
        'example',
        `示例“${query}”没有用上本组的词（不含本组的词，或被别组更长的词盖过）`,
      );
  });
  return groups;
}

/** Checks that every page a group names exists; `pages` are the site's paths (`cases/copyright/`). */
export function checkSynonymPages(groups: readonly SynonymGroupRecord[], pages: ReadonlySet<string>): void {
  groups.forEach((group, index) => {
    const page = group.example.page.split('#')[0]!;
    if (!pages.has(page))
      throw new SearchSynonymsError(`${index + 1}`, 'example.page', `页面 ${page || '（首页）'} 不存在`);
    if (group.page !== undefined && !pages.has(group.page))
      throw new SearchSynonymsError(`${index + 1}`, 'page', `页面 ${group.page} 不存在`);
  });
}
