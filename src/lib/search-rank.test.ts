import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  candidateQueries,
  foldText,
  MAX_QUERY_LENGTH,
  queryTerms,
  rankCandidates,
  type SearchCandidate,
} from './search-rank';
import { expectLinearTime, repeatTo } from '../../tests/support/linear-time';

const page = (
  url: string,
  title: string,
  content: string,
  headings: string[] = [],
  baseScore = 1,
): SearchCandidate => ({
  url,
  title,
  content,
  headings: headings.map((heading, index) => ({ title: heading, url: `${url}#h${index}` })),
  baseScore,
});

describe('queryTerms', () => {
  it.each([
    ['附件格式', ['附件格式']],
    ['  附件  格式 ', ['附件', '格式']],
    ['ＩＤ，怎么写？', ['id', '怎么写']],
    ['截图 截图', ['截图']],
    ['', []],
  ])('%j → %j', (query, expected) => {
    expect(queryTerms(query)).toEqual(expected);
  });
});

describe('rankCandidates', () => {
  it('puts the page that contains the whole term above pages that only share its characters', () => {
    const charts = page('/data/', '数据呈现', '图表 折线图 柱状图 饼图 图例 图片 全屏截图', [], 9);
    const attachments = page(
      '/attachments/',
      '附件',
      '截图 截图 录屏 截图',
      ['截图、录屏和文档用什么格式'],
      5,
    );
    const ranked = rankCandidates('截图', [charts, attachments]);
    expect(ranked.map((result) => result.candidate.url)).toEqual(['/attachments/', '/data/']);
    expect(ranked[0]!.bestUrl).toBe('/attachments/#h0');
  });

  it('weighs the title above many mentions in the text', () => {
    const about = page('/about/', '关于本站', '非官方网站 非官方');
    const risk = page('/risks/', '风险规避', '非官方 非官方 非官方 非官方 非官方');
    expect(rankCandidates('关于本站', [risk, about])[0]!.candidate.url).toBe('/about/');
  });

  it('drops candidates that contain no term, and falls back to bigrams for long terms', () => {
    const a = page('/a/', 'A', '多久回复一封邮件');
    const b = page('/b/', 'B', '没有相关内容');
    expect(rankCandidates('多久没回复', [a, b]).map((result) => result.candidate.url)).toEqual(['/a/']);
  });

  it('matches full-width and upper-case text', () => {
    expect(rankCandidates('id', [page('/x/', 'X', '视频ＩＤ：123')])).toHaveLength(1);
  });

  it('never throws and returns a subset of the candidates, deterministically', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 5 }),
        (query, pages) => {
          const candidates = pages.map(([title, content], index) => page(`/${index}/`, title, content));
          const first = rankCandidates(query, candidates);
          expect(first.length).toBeLessThanOrEqual(candidates.length);
          expect(rankCandidates(query, candidates)).toEqual(first);
        },
      ),
    );
  });
});

describe('candidateQueries', () => {
  it('adds each Chinese term as an exact phrase', () => {
    expect(candidateQueries('截图 附件')).toEqual(['截图 附件', '"截图"', '"附件"']);
    expect(candidateQueries('pdf')).toEqual(['pdf']);
    expect(candidateQueries('   ')).toEqual([]);
  });
  it('folds text with NFKC', () => {
    expect(foldText('ＡＢＣ１２３')).toBe('abc123');
  });
});

describe('rankCandidates: weights', () => {
  it('a lower weight puts an equally matching page after the others', () => {
    const page = (url: string, weight?: number) => ({
      url,
      title: '附件大小',
      content: '附件大小',
      headings: [],
      baseScore: 1,
      ...(weight === undefined ? {} : { weight }),
    });
    const urls = (candidates: ReturnType<typeof page>[]) =>
      rankCandidates('附件大小', candidates).map((result) => result.candidate.url);
    expect(urls([page('/a/'), page('/b/')])).toEqual(['/a/', '/b/']);
    expect(urls([page('/a/', 0.5), page('/b/')])).toEqual(['/b/', '/a/']);
  });
});

describe('search ranking: properties on any text', () => {
  it('never throws and is deterministic for any UTF-16 query and pages', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.array(
          fc.tuple(
            fc.string({ unit: 'binary', maxLength: 40 }),
            fc.string({ unit: 'binary', maxLength: 200 }),
          ),
          {
            maxLength: 5,
          },
        ),
        (query, pages) => {
          const candidates = pages.map(([title, content], index) => page(`/${index}/`, title, content));
          const first = rankCandidates(query, candidates);
          for (const result of first) expect(candidates).toContain(result.candidate);
          expect(rankCandidates(query, candidates)).toEqual(first);
          expect(candidateQueries(query)).toEqual(candidateQueries(query));
          expect(queryTerms(query)).toEqual(queryTerms(query));
        },
      ),
    );
  });

  it('a pasted megabyte of query costs no more than its first 200 characters (found: minutes before)', () => {
    const pages = Array.from({ length: 20 }, (_, index) =>
      page(
        `/${index}/`,
        `第${index}章 附件格式`,
        repeatTo('附件的格式与大小：截图用 PNG，录屏用 MP4。', 10_000),
      ),
    );
    expectLinearTime(
      (size) => repeatTo('附件格式太大怎么办，截图录屏，', size),
      (query) => rankCandidates(query, pages),
    );
    expect(queryTerms('附'.repeat(1_000))).toEqual(['附'.repeat(MAX_QUERY_LENGTH)]);
  });
});
