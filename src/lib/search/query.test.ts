import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { askedPages, expandQuery, folder, knownWords, MAX_TERMS, typedTerms } from './query';

const fold = folder({ from: '帳號權訴', to: '账号权诉' });
const data = {
  synonyms: [
    { words: ['封禁', '封号', '被封'] },
    { words: ['侵权', '搬运', '盗'] },
    { words: ['被盗', '盗号'] },
    { words: ['模板', '范文'], page: 'templates/' },
  ],
};

describe('folder', () => {
  it.each([
    ['帳號', '账号'],
    ['ＡＢＣ１２３', 'abc123'],
    ['侵\u200b權', '侵权'],
    ['邮件', '邮件'],
  ])('%s → %s', (input, output) => expect(fold(input)).toBe(output));

  it('without a table only width, case and zero-width characters fold', () => {
    expect(folder(undefined)('帳Ａ\u200b')).toBe('帳a');
  });
});

describe('typedTerms', () => {
  it.each([
    ['附件 格式', ['附件', '格式']],
    ['主题，怎么写？', ['主题', '怎么写']],
    ['封号 封号', ['封号']],
    ['  ', []],
  ])('%s', (query, terms) => expect(typedTerms(query, fold)).toEqual(terms));
});

describe('expandQuery', () => {
  const texts = (query: string) => expandQuery(query, data, fold).map((term) => [term.text, term.weight]);
  it.each([
    [
      '封号',
      [
        ['封号', 1],
        ['封禁', 0.6],
        ['被封', 0.6],
      ],
    ],
    // A group word inside a longer typed term counts almost as typed.
    [
      '作品被搬运怎么投诉',
      [
        ['作品被搬运怎么投诉', 1],
        ['侵权', 0.6],
        ['搬运', 0.9],
        ['盗', 0.6],
      ],
    ],
    // 被盗号 is 盗号 (account theft), not 盗 (infringement): the longer word wins.
    [
      '被盗号',
      [
        ['被盗号', 1],
        ['被盗', 0.9],
        ['盗号', 0.9],
      ],
    ],
    [
      '帳號被封',
      [
        ['账号被封', 1],
        ['封禁', 0.6],
        ['封号', 0.6],
        ['被封', 0.9],
      ],
    ],
    ['三线表', [['三线表', 1]]],
  ])('%s', (query, expected) => expect(texts(query)).toEqual(expected));

  it('a group with a page marks the query as asking for it', () => {
    expect([...askedPages(expandQuery('申诉模板', data, fold))]).toEqual(['templates/']);
    expect([...askedPages(expandQuery('封号', data, fold))]).toEqual([]);
  });

  it('any text: no throw, at most MAX_TERMS terms, each non-empty', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (query) => {
        const terms = expandQuery(query, data, fold);
        expect(terms.length).toBeLessThanOrEqual(MAX_TERMS);
        for (const term of terms) expect(term.text.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('knownWords', () => {
  const known = (text: string) => ['侵权投诉', '模板', '投诉'].includes(text);
  it.each([
    ['侵权投诉模板', ['侵权投诉', '模板']],
    ['怎么写模板', ['模板']],
    ['模板', ['模板']],
    ['完全陌生的话', []],
  ])('%s', (term, words) => expect(knownWords(term, known)).toEqual(words));
});
