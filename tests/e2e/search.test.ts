import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, noBrowser, openPage, searchSite, siteUrl } from '../support/browser';

/**
 * Realistic Chinese queries and the page that must come first in Starlight's search dialog
 * (Pagefind 1.6.0, extended build with Chinese segmentation). When one fails, fix the page text,
 * its `answers` or the ranking settings; do not drop the query.
 */
export const SEARCH_CASES: [query: string, firstPage: string][] = [
  ['邮件模板', 'templates/'],
  ['规则更新日志', 'changelog/'],
  ['证据包', 'guide/attachments/'],
  ['调休', 'guide/follow-up/'],
  ['规则版本对比', 'changelog/compare/'],
  ['附件格式', 'guide/attachments/'],
  ['主题怎么写', 'guide/subject/'],
  ['多久没回复', 'guide/follow-up/'],
  ['情绪化', 'guide/risks/'],
  ['证据链', 'guide/attachments/'],
  ['账号申诉', 'guide/recipients/'],
  // Issue 15: a reader's case finds its case page first (the page that says what to do).
  ['广告合作', 'cases/ad-cooperation/'],
  ['数据图表', 'guide/data/'],
  ['抄送', 'guide/recipients/'],
  ['三线表', 'guide/data/'],
  ['竞品', 'guide/risks/'],
  ['转投其他平台', 'guide/risks/'],
  ['黑名单', 'guide/risks/'],
  ['文件命名', 'guide/attachments/'],
  ['附件大小', 'guide/attachments/'],
  ['邮件太大', 'guide/attachments/'],
  ['截图', 'guide/attachments/'],
  ['社区规范', 'guide/rules/'],
  ['模板版本', 'guide/rules/'],
  ['开封率', 'guide/evaluation/'],
  ['满意度', 'guide/evaluation/'],
  ['侵权投诉', 'guide/recipients/'],
  ['封禁', 'cases/account-appeal/'],
  ['手机显示', 'guide/subject/'],
  ['大促', 'guide/follow-up/'],
  ['升级投诉', 'guide/follow-up/'],
  ['联系方式', 'guide/structure/'],
  ['150字', 'guide/structure/'],
  ['四段式', 'guide/structure/'],
  ['官方邮箱', 'guide/recipients/'],
  ['非官方', 'about/'],
  ['隐私', 'about/'],
];

describe.skipIf(noBrowser)('Chinese search finds the right chapter first', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    ({ page } = await openPage(browser, ''));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(SEARCH_CASES)('%s → %s', async (query, firstPage) => {
    const results = await searchSite(page, query);
    const paths = results.map((href) => new URL(href).pathname);
    expect(paths[0], `results: ${paths.join(' ')}`).toBe(new URL(firstPage, siteUrl).pathname);
  });
});
