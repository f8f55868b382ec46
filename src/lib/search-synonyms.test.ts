import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSearchSynonyms } from './node/load-search-synonyms';
import { searchData } from './node/search-data';
import { checkSynonymPages, parseSearchSynonyms, SearchSynonymsError } from './search-synonyms';
import { expandQuery, folder } from './search/query';

const example = (query: string, page = 'cases/account-appeal/') => ({ query, page });

describe('search synonyms: checked when the build loads them', () => {
  it.each([
    ['not a list', { words: ['封号', '封禁'] }, '非空的同义词组列表'],
    ['an empty list', [], '非空的同义词组列表'],
    ['one word', [{ words: ['封号'], example: example('封号') }], '第 1 组 → 字段 "words"：每组至少两个词'],
    ['no example', [{ words: ['封号', '封禁'] }], '第 1 组 → 字段 "example"'],
    ['an unknown field', [{ words: ['封号', '封禁'], example: example('封号'), weight: 2 }], '第 1 组'],
    [
      'a page without /',
      [{ words: ['模板', '范文'], page: 'templates', example: example('模板') }],
      '以 / 结尾',
    ],
    ['a word twice', [{ words: ['封号', '封号'], example: example('封号') }], '“封号”重复'],
    [
      'a word in two groups',
      [
        { words: ['封号', '封禁'], example: example('封号') },
        { words: ['解封', '封号'], example: example('解封') },
      ],
      '第 2 组 → 字段 "words"：“封号”已在第 1 组',
    ],
    [
      'an example without its words',
      [{ words: ['封号', '封禁'], example: example('解封') }],
      '没有用上本组的词',
    ],
    [
      // 侵权投诉 as a word of its own group would take the example away from the group of 侵权.
      'an example covered by a longer word of another group',
      [
        { words: ['侵权', '盗用'], example: example('侵权投诉', 'cases/copyright/') },
        { words: ['侵权投诉', '版权投诉'], example: example('版权投诉', 'cases/copyright/') },
      ],
      '第 1 组 → 字段 "example"：示例“侵权投诉”没有用上本组的词',
    ],
  ])('refuses %s with a Chinese message naming the group', (_, raw, message) => {
    expect(() => parseSearchSynonyms(raw)).toThrow(SearchSynonymsError);
    expect(() => parseSearchSynonyms(raw)).toThrow(message);
  });

  it('accepts an example in Traditional characters or full width once folded', () => {
    const groups = parseSearchSynonyms([{ words: ['ａｐｐ', '应用'], example: example('APP闪退') }]);
    expect(groups).toHaveLength(1);
  });

  it('the site’s own file is valid: every example brings its group into the query', () => {
    const groups = loadSearchSynonyms();
    expect(groups.length).toBeGreaterThanOrEqual(20);
    for (const group of groups) expect(group.example.query.length).toBeGreaterThan(0);
  });

  it('the pages a group names must exist', () => {
    const groups = parseSearchSynonyms([
      { words: ['模板', '范文'], page: 'templates/', example: example('模板', 'templates/#account-appeal') },
    ]);
    expect(() => checkSynonymPages(groups, new Set(['templates/']))).not.toThrow();
    expect(() => checkSynonymPages(groups, new Set(['cases/']))).toThrow('页面 templates/ 不存在');
    const home = parseSearchSynonyms([{ words: ['首页', '主页'], example: example('首页', '') }]);
    expect(() => checkSynonymPages(home, new Set())).toThrow('页面 （首页） 不存在');
  });

  it('any YAML value either passes or is refused with SearchSynonymsError, never another error', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        try {
          parseSearchSynonyms(raw);
        } catch (error) {
          expect(error).toBeInstanceOf(SearchSynonymsError);
        }
      }),
    );
  });
});

describe('search synonyms: the site’s own file', () => {
  // As the browser receives them (/search-data.json).
  const data = searchData(loadSearchSynonyms(), '');
  const fold = folder(data.t2s);
  const wordsFor = (query: string) => new Set(expandQuery(query, data, fold).map((term) => term.text));

  // Readers' words for what the pages call by another name (none of these is a held-out query
  // of tests/search/queries.yaml): the query must also look for the page's word.
  it.each([
    ['我的视频没推荐了', '限流'],
    ['发什么都不给推荐', '限流'],
    ['系统误判了', '误封'],
    ['我根本没违规', '误封'],
    ['别人未经允许用了我的图', '侵权'],
    ['歌被未经授权翻唱', '侵权'],
    ['有人抄我文案', '侵权'],
    ['版权怎么维护', '侵权'],
    ['直播总断线', '故障'],
    ['连麦掉线', '故障'],
    ['要不要再发一封', '跟进'],
    ['第二封怎么写', '跟进'],
    ['平台收集了我的位置', '个人信息'],
    ['注销了信息还在吗', '个人信息'],
  ])('%s also looks for %s', (query, word) => {
    expect(wordsFor(query)).toContain(word);
  });

  // Site terms that contain a short reader word must not drag in another case's vocabulary.
  it.each([
    ['抄送怎么用', '侵权'],
    ['怎么收集证据', '个人信息'],
    ['推荐用什么邮箱', '限流'],
    ['版本号写在哪', '侵权'],
  ])('%s does not look for %s', (query, word) => {
    expect(wordsFor(query)).not.toContain(word);
  });
});
