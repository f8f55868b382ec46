/**
 * Reads the site search's synonym groups (src/content/data/search-synonyms.yaml) and validates
 * them (../search-synonyms.ts). Build and tests only; the build calls it once, from
 * site-content.ts.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import {
  parseSearchSynonyms,
  SEARCH_SYNONYMS_FILE,
  SearchSynonymsError,
  type SynonymGroupRecord,
} from '../search-synonyms';

const DEFAULT_DATA_DIR = resolve(import.meta.dirname, '../../content/data');

export function loadSearchSynonyms(dir = DEFAULT_DATA_DIR): SynonymGroupRecord[] {
  const path = join(dir, SEARCH_SYNONYMS_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new SearchSynonymsError(null, null, `无法读取文件 ${path}`);
  }
  let raw: unknown;
  try {
    raw = parse(text, { uniqueKeys: true });
  } catch (error) {
    throw new SearchSynonymsError(null, null, `YAML 语法错误：${(error as Error).message}`);
  }
  return parseSearchSynonyms(raw);
}
