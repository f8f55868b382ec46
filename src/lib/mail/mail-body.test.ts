import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectLinearTime } from '../../../tests/support/linear-time';
import { keyFigureRanges, lineRuns, mailBlocks, mailHtml } from './mail-body';

const figures = (line: string) => keyFigureRanges(line).map(([start, end]) => line.slice(start, end));

describe('keyFigureRanges', () => {
  it.each([
    ['订单量下降了 80%，损失约 5 万元', ['80%', '5 万元']],
    ['于 11 月 18 日下架，2026年11月20日恢复', ['11 月 18 日', '2026年11月20日']],
    ['2026-11-18 起，3 个工作日内', ['2026-11-18', '3 个工作日']],
    ['播放量 3 万次，¥1,200', ['3 万次', '¥1,200']],
    // IDs and phone numbers are not key figures.
    ['视频ID:8848，账号 ID:1234，手机 13800000000', []],
    ['ID:A12次', []],
  ])('%s', (line, expected) => {
    expect(figures(line)).toEqual(expected);
  });

  // Issue 21: 7,000 comma-separated IDs froze 下载 .eml for 13.7 s.
  it('is linear on a long list of comma-separated IDs', () => {
    expectLinearTime(
      (size) => Array.from({ length: Math.round(size / 9) }, (_, index) => 10_000_000 + index).join(','),
      (text) => keyFigureRanges(text),
      { size: 63_000 },
    );
  });

  it('finds the same figures as the backtracking pattern of before issue 21', () => {
    const NUMBER = String.raw`-?\d[\d,，]*(?:\.\d+)?`;
    const UNIT = '(?:%|％|‰|个百分点|倍|个工作日|工作日|天|小时|分钟|秒|元|单|笔|次|人|位|条|个|件|MB|GB|KB)';
    const before = new RegExp(
      [
        String.raw`\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日`,
        String.raw`\d{1,2}\s*月\s*\d{1,2}\s*日`,
        String.raw`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}`,
        String.raw`[¥￥]\s*${NUMBER}(?:\s*[万亿]?元)?`,
        String.raw`${NUMBER}\s*(?:[千万亿]\s*${UNIT}?|${UNIT})`,
      ].join('|'),
      'gu',
    );
    const oldRanges = (text: string) =>
      [...text.matchAll(before)]
        .filter((match) => !/[A-Za-z0-9_]/.test(text[match.index - 1] ?? ''))
        .map((match) => [match.index, match.index + match[0].length]);
    const parts = [
      '1',
      '2',
      '0',
      '12',
      '2026',
      ',',
      '，',
      '.',
      '-',
      '/',
      ' ',
      '年',
      '月',
      '日',
      '元',
      '万',
      '次',
      '%',
      '¥',
      'a',
      'M',
      'B',
      '个工作日',
    ];
    const text = fc.array(fc.constantFrom(...parts), { maxLength: 14 }).map((list) => list.join(''));
    fc.assert(
      fc.property(text, (sample) => {
        expect(keyFigureRanges(sample)).toEqual(oldRanges(sample));
      }),
      {
        numRuns: 5000,
      },
    );
  });
});

describe('lineRuns', () => {
  it('bolds **marked** text (dropping the markers), the section label and the figures', () => {
    expect(lineRuns('影响说明：损失 **很大**，共 3 天')).toEqual([
      { text: '影响说明：', strong: true },
      { text: '损失 ', strong: false },
      { text: '很大', strong: true },
      { text: '，共 ', strong: false },
      { text: '3 天', strong: true },
    ]);
  });

  it('leaves figures plain when asked', () => {
    expect(lineRuns('共 3 天', { boldFigures: false })).toEqual([{ text: '共 3 天', strong: false }]);
  });

  it('property: the runs spell the line without the ** markers, and never throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (line) => {
        const text = lineRuns(line)
          .map((run) => run.text)
          .join('');
        expect(text).toBe(line.replace(/\*\*([^*\n]+?)\*\*/g, '$1'));
      }),
    );
  });
});

describe('mailBlocks and mailHtml', () => {
  const body = [
    '问题描述：商品被下架。',
    '第二行',
    '',
    '| 日期 | 订单 |',
    '| --- | ---: |',
    '| 11 月 18 日 | **0** |',
    '',
    '谢谢',
  ].join('\n');

  it('splits paragraphs and pipe tables', () => {
    const blocks = mailBlocks(body);
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = blocks[1]!;
    expect(table.kind === 'table' && table.table.rows).toEqual([['11 月 18 日', '0']]);
    expect(table.kind === 'table' && table.table.highlight).toEqual([[false, true]]);
  });

  it('renders inline-styled HTML: paragraphs with <br>, a three-line table', () => {
    const html = mailHtml(body);
    expect(html).toContain('<p style="margin: 0 0 1em;"><b>问题描述：</b>商品被下架。<br>第二行</p>');
    expect(html).toMatch(/<table[^>]*border-top:2px solid/);
    expect(html).toContain('<p style="margin: 0 0 1em;">谢谢</p>');
  });

  it('property: user text never becomes markup', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const html = mailHtml(`${text}<img src=x onerror=alert(1)>`);
        expect(html).not.toContain('<img');
        expect(html).not.toContain('<script');
        // Every tag in the output is one of ours.
        for (const tag of html.matchAll(/<\/?([a-z]+)/g))
          expect([
            'div',
            'p',
            'br',
            'b',
            'table',
            'thead',
            'tbody',
            'tr',
            'th',
            'td',
            'caption',
            'strong',
          ]).toContain(tag[1]);
      }),
    );
  });

  it('checks 1 MB of text in linear time', () => {
    const line = '问题描述：订单量下降了 80%，损失约 5 万元，11 月 18 日起。\n';
    // Whole lines of key figures and a section label, about `size` UTF-16 code units.
    expectLinearTime(
      (size) => line.repeat(Math.round(size / line.length)),
      (text) => mailHtml(text),
    );
  });

  it('never throws and is deterministic on any UTF-16 (lone surrogates too)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.boolean(), (text, boldFigures) => {
        const html = mailHtml(text, { boldFigures });
        expect(mailHtml(text, { boldFigures })).toBe(html);
        expect(mailBlocks(text, { boldFigures })).toEqual(mailBlocks(text, { boldFigures }));
        for (const [start, end] of keyFigureRanges(text))
          expect(0 <= start && start < end && end <= text.length).toBe(true);
      }),
    );
  });
});
