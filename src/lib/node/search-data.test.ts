import { describe, expect, it } from 'vitest';
import { checkSynonyms, loadSynonyms, searchData } from './search-data';

const PAGES = new Set(['', 'cases/account-appeal/', 'templates/', 'guide/follow-up/']);

describe('search synonyms', () => {
  it.each([
    [[{ words: ['封号'], example: { query: '封号', page: 'cases/account-appeal/' } }], '格式不对'],
    [
      [{ words: ['封号', '封禁'], example: { query: '解封', page: 'cases/account-appeal/' } }],
      '不含本组任何一个词',
    ],
    [[{ words: ['封号', '封禁'], example: { query: '封号', page: 'cases/nowhere/' } }], '不存在'],
    [[{ words: ['封号', '封号'], example: { query: '封号', page: 'cases/account-appeal/' } }], '重复'],
    [
      [{ words: ['模板', '范文'], page: 'nowhere/', example: { query: '模板', page: 'templates/' } }],
      '不存在',
    ],
  ])('%# is refused with a Chinese message', (value, message) => {
    expect(() => checkSynonyms(value, PAGES)).toThrow(message);
  });

  it('the site’s own file is valid and every example names one of its words', () => {
    const pages = new Set([
      ...PAGES,
      'cases/copyright/',
      'cases/merchant/',
      'cases/takedown/',
      'cases/tech-fault/',
      'cases/account-stolen/',
      'tools/',
      'guide/rules/quality/',
    ]);
    const groups = loadSynonyms(pages);
    expect(groups.length).toBeGreaterThan(10);
  });

  it('the browser data folds the Traditional forms of the characters used', () => {
    const data = searchData([{ words: ['封号', '封禁'], example: { query: '封号', page: '' } }], '账号');
    const map = new Map([...data.t2s.from].map((character, index) => [character, [...data.t2s.to][index]]));
    expect(map.get('號')).toBe('号');
    expect(map.get('帳')).toBe('账');
    expect(data.synonyms).toEqual([{ words: ['封号', '封禁'] }]);
  });
});
