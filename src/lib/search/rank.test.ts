import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandQuery, folder, nameablePages } from './query';
import {
  bigrams,
  grammarDiscount,
  GRAMMAR_PIECE_WEIGHT,
  indexPage,
  marksFor,
  needles,
  rankPages,
  type IndexFragment,
} from './rank';

const fold = folder(undefined);
const Z = '\u200b';
/** A fragment as Pagefind writes it: words separated by zero-width spaces. */
function fragment(
  url: string,
  title: string,
  words: string[],
  extra: Partial<IndexFragment> = {},
): IndexFragment {
  return {
    url,
    content: words.join(Z),
    meta: { title, ...extra.meta },
    anchors: extra.anchors ?? [],
    filters: extra.filters ?? {},
  };
}

const PAGES = [
  fragment(
    '/cases/account-appeal/',
    '账号被封禁或限流',
    ['账号', '被', '封禁', '或', '限流', '.', '先', '在', 'App', '里', '申诉', '。'],
    {
      meta: { title: '账号被封禁或限流', answers: '封号了怎么办；快手账号被限流怎么申诉' },
    },
  ),
  fragment('/guide/attachments/', '附件', [
    '附件',
    '.',
    '附件',
    '格式',
    '用',
    'PDF',
    '。',
    '截图',
    '要',
    '命名',
    '。',
  ]),
  fragment(
    '/templates/',
    '模板库',
    ['模板', '库', '.', '介绍', '。', '账号', '申诉', '模板', '正文', '。', '版权', '投诉', '模板', '。'],
    {
      anchors: [
        { element: 'h1', id: '_top', text: '模板库', location: 0 },
        { element: 'article', id: 'account-appeal', text: '', location: 5 },
        { element: 'details', id: 'account-appeal-history', text: '', location: 8 },
        { element: 'article', id: 'copyright-complaint', text: '', location: 10 },
      ],
    },
  ),
  fragment('/changelog/2026-11-30-x/', '规则集', ['规则', '集', '封禁', '。'], {
    filters: { doc: ['本站规则与模板'] },
  }),
].map((item) => indexPage(item, fold));

const synonyms = {
  synonyms: [{ words: ['封禁', '封号', '被封'] }, { words: ['模板', '范文'], page: 'templates/' }],
};
const rank = (query: string) => rankPages(expandQuery(query, synonyms, fold), PAGES).results;

describe('indexPage', () => {
  it('removes the zero-width spaces and maps anchor word locations to offsets in the text', () => {
    const templates = PAGES[2]!;
    expect(templates.text).toBe('模板库.介绍。账号申诉模板正文。版权投诉模板。');
    expect(templates.text.slice(templates.anchors[0]!.offset)).toMatch(/^账号申诉/);
    expect(templates.anchors.map((anchor) => anchor.id)).toEqual(['account-appeal', 'copyright-complaint']);
    expect(templates.text.slice(templates.anchors[1]!.offset)).toMatch(/^版权投诉/);
  });

  it('separates the 本页解答 items and starts the body after them', () => {
    const page = indexPage(
      {
        url: '/t/',
        content: ['标题', '.', '本', '页', '解答', '：', '甲乙', '丙丁', '.', '正文', '。'].join(Z),
        meta: { title: '标题', answers: '甲乙；丙丁' },
      },
      fold,
    );
    expect(page.text).toBe('标题.本页解答：甲乙；丙丁。正文。');
    expect(page.text.slice(page.bodyStart)).toBe('正文。');
  });
});

describe('rankPages', () => {
  it.each([
    ['封号', '/cases/account-appeal/'],
    ['附件格式', '/guide/attachments/'],
    ['截图', '/guide/attachments/'],
    ['申诉模板', '/templates/'],
  ])('%s → %s first', (query, url) => expect(rank(query)[0]?.page.url).toBe(url));

  it('links to the card (article anchor) where the query matches best', () => {
    expect(rank('申诉模板')[0]?.anchor?.id).toBe('account-appeal');
    expect(rank('版权投诉模板')[0]?.anchor?.id).toBe('copyright-complaint');
  });

  it('falls back to single characters when no word or pair is found (never empty for text that exists)', () => {
    expect(rank('格外').map((result) => result.page.url)).toEqual(['/guide/attachments/']);
    expect(rank('zzqxv')).toEqual([]);
  });

  it('a synonym group counts once per page, by its best word', () => {
    const one = rankPages(expandQuery('封禁', synonyms, fold), PAGES).results[0]!.score;
    const withGroup = rankPages(expandQuery('封号', synonyms, fold), PAGES).results[0]!.score;
    expect(withGroup).toBeLessThan(one * 1.7);
  });

  it('a weight lowers a page (changelog entries weigh half)', () => {
    const results = rankPages(expandQuery('规则集', synonyms, fold), PAGES, { weight: () => 0.5 }).results;
    expect(results[0]?.page.url).toBe('/changelog/2026-11-30-x/');
  });

  it('the template library weighs less unless the query asks for a template', () => {
    // 账号申诉 is in the library's card and on the case page alike: the case page answers it.
    const nameable = nameablePages(synonyms);
    const score = (query: string, url: string, options = {}) =>
      rankPages(expandQuery(query, synonyms, fold), PAGES, options).results.find(
        (result) => result.page.url === url,
      )?.score ?? 0;
    expect(score('账号申诉', '/templates/', { nameable })).toBeCloseTo(
      0.6 * score('账号申诉', '/templates/'),
    );
    expect(score('账号申诉', '/cases/account-appeal/', { nameable })).toBe(
      score('账号申诉', '/cases/account-appeal/'),
    );
    // Asked for (模板), it weighs more, not less.
    expect(score('申诉模板', '/templates/', { nameable })).toBeCloseTo(score('申诉模板', '/templates/'));
    expect(rankPages(expandQuery('申诉模板', synonyms, fold), PAGES, { nameable }).results[0]?.page.url).toBe(
      '/templates/',
    );
  });

  it('marks: the terms, and pairs found on at most half of the pages', () => {
    const terms = expandQuery('附件格式', synonyms, fold);
    const { found } = rankPages(terms, PAGES);
    expect(marksFor(terms, found, PAGES)).toContain('附件格式');
    expect(marksFor(terms, found, PAGES)).toContain('格式');
  });

  it('any query: no throw, each result scored above zero and placed inside its text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (query) => {
        for (const result of rankPages(expandQuery(query, synonyms, fold), PAGES).results) {
          expect(result.score).toBeGreaterThan(0);
          expect(result.at).toBeLessThan(result.page.text.length);
        }
      }),
    );
  });
});

describe('bigrams', () => {
  it.each([
    ['附件格式', ['附件', '件格', '格式']],
    ['附', []],
    ['哈哈哈', ['哈哈']],
  ])('%s', (term, pairs) => expect(bigrams(term)).toEqual(pairs));
});

describe('grammar pieces', () => {
  it.each([
    ['我的', GRAMMAR_PIECE_WEIGHT],
    ['我的视频', GRAMMAR_PIECE_WEIGHT],
    ['么数', GRAMMAR_PIECE_WEIGHT],
    ['来了', GRAMMAR_PIECE_WEIGHT],
    ['视频', 1],
    ['被盗', 1],
    ['多少', 1],
    ['太大', 1],
  ])('%s weighs %d as a piece of a longer term', (piece, weight) =>
    expect(grammarDiscount(piece)).toBe(weight),
  );

  it('discounts pieces of a typed sentence, never the typed term itself', () => {
    const found = needles(expandQuery('别人偷我的视频', undefined, fold), () => false);
    const weight = (text: string) => found.find((needle) => needle.text === text)?.weight;
    expect(weight('别人偷我的视频')).toBe(1);
    expect(weight('视频')! / weight('我的')!).toBeCloseTo(1 / GRAMMAR_PIECE_WEIGHT);
    expect(needles(expandQuery('我的', undefined, fold))[0]).toEqual({ text: '我的', weight: 1 });
  });
});
