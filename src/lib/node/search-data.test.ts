import { describe, expect, it } from 'vitest';
import { searchData } from './search-data';

describe('search data for the browser', () => {
  it('folds the Traditional forms of the characters used and keeps only words and page', () => {
    const data = searchData(
      [{ words: ['封号', '封禁'] }, { words: ['模板', '范文'], page: 'templates/' }],
      '账号',
    );
    const map = new Map([...data.t2s.from].map((character, index) => [character, [...data.t2s.to][index]]));
    expect(map.get('號')).toBe('号');
    expect(map.get('帳')).toBe('账');
    expect(data.synonyms).toEqual([
      { words: ['封号', '封禁'] },
      { words: ['模板', '范文'], page: 'templates/' },
    ]);
  });
});
