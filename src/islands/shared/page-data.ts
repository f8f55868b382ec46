/**
 * Reads the page's shared data blocks (PageData.astro) in the browser: each block is parsed once,
 * however many islands ask. Not a store: the data is fixed at build time and never changes.
 */
import type { CheckerData } from '../../data/site-data';

/** Every kind of shared page data and its shape. */
export interface PageDataTypes {
  /** The current ruleset, subject types, route → type, attachment formats. */
  checker: CheckerData;
}
export type PageDataName = keyof PageDataTypes;

const parsed = new Map<PageDataName, unknown>();

/** The block's data; throws (in Chinese) when the page has no such block, which is a build bug. */
export function readPageData<K extends PageDataName>(name: K, root: ParentNode = document): PageDataTypes[K] {
  if (!parsed.has(name)) {
    const block = root.querySelector(`script[type="application/json"][data-page-data="${name}"]`);
    if (!block?.textContent) throw new Error(`页面缺少数据块 ${name}（构建有误）`);
    parsed.set(name, JSON.parse(block.textContent));
  }
  return parsed.get(name) as PageDataTypes[K];
}
