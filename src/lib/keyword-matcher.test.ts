import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeywordMatcher } from './keyword-matcher';
import { expectLinearTime, repeatTo } from '../../tests/support/linear-time';

const matcher = (words: string[]) =>
  new KeywordMatcher(words.map((word) => ({ pattern: word, value: word })));
const naive = (text: string, words: string[]) =>
  words
    .flatMap((word) => {
      const hits: string[] = [];
      if (!word) return hits;
      for (let index = text.indexOf(word); index !== -1; index = text.indexOf(word, index + 1)) {
        hits.push(`${index}:${index + word.length}:${word}`);
      }
      return hits;
    })
    .sort();

describe('KeywordMatcher (Aho–Corasick)', () => {
  it('finds overlapping words in one pass', () => {
    const hits = matcher(['转投', '转投其他平台', '平台', 'he', 'she', 'hers']).findAll(
      '我要转投其他平台ushers',
    );
    expect(hits.map((hit) => `${hit.start}:${hit.end}:${hit.value}`).sort()).toEqual(
      ['2:4:转投', '2:8:转投其他平台', '6:8:平台', '9:12:she', '10:12:he', '10:14:hers'].sort(),
    );
  });

  it('agrees with a naive search for any words and text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 8 }),
        fc.string({ maxLength: 60 }),
        (words, text) => {
          const unique = [...new Set(words)];
          const hits = matcher(unique)
            .findAll(text)
            .map((hit) => `${hit.start}:${hit.end}:${hit.value}`)
            .sort();
          expect(hits).toEqual(naive(text, unique));
        },
      ),
    );
  });

  it('agrees with a naive search on any UTF-16, lone surrogates included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }), { maxLength: 8 }),
        fc.string({ unit: 'binary', maxLength: 60 }),
        (words, text) => {
          const unique = [...new Set(words)];
          const hits = matcher(unique).findAll(text);
          for (const hit of hits)
            expect(0 <= hit.start && hit.start < hit.end && hit.end <= text.length).toBe(true);
          expect(hits.map((hit) => `${hit.start}:${hit.end}:${hit.value}`).sort()).toEqual(
            naive(text, unique),
          );
        },
      ),
    );
  });

  it('takes linear time on 1 MB, with words that share prefixes and suffixes', () => {
    const words = matcher([
      '转投',
      '转投其他平台',
      '其他平台',
      '平台',
      '投诉',
      '太过分',
      '过分了',
      'aaa',
      'aaaa',
    ]);
    expectLinearTime(
      (size) => repeatTo('我要转投其他平台投诉，你们太过分了aaaaaaa。', size),
      (text) => words.findAll(text),
    );
  });
});
