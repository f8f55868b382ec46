import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectLinearTime, MEGABYTE, repeatTo } from '../../../tests/support/linear-time';
import {
  escapeHtml,
  formatPipeTable,
  parsePipeTables,
  threeLineTableHtml,
  type PlainTable,
} from './plain-table';

const ORDERS: PlainTable = {
  header: ['日期', '日订单量（单）', '说明'],
  rows: [
    ['11月16日', '131', '下架前'],
    ['11月18日', '0', '商品被下架'],
  ],
  align: ['left', 'right', 'left'],
  highlight: [
    [false, false, false],
    [false, true, false],
  ],
};

describe('formatPipeTable', () => {
  it('pads by display width, right-aligns with ---: and bolds highlighted cells', () => {
    expect(formatPipeTable(ORDERS)).toBe(
      [
        '| 日期     | 日订单量（单） | 说明       |',
        '| -------- | -------------: | ---------- |',
        '| 11月16日 |            131 | 下架前     |',
        '| 11月18日 |          **0** | 商品被下架 |',
      ].join('\n'),
    );
  });

  it.each([
    ['a pipe', 'a|b', 'a\\|b'],
    ['a backslash before a pipe', 'a\\|b', 'a\\\\\\|b'],
    ['a lone backslash', 'C:\\dir', 'C:\\dir'],
    ['text that looks bold', '**注意**', '\\**注意**'],
    ['a newline', '第一行\n第二行', '第一行 第二行'],
    ['a tab', 'a\tb', 'a b'],
  ])('escapes %s', (_name, cell, written) => {
    const text = formatPipeTable({ header: ['列'], rows: [[cell]], align: ['left'], highlight: [[false]] });
    expect(text.split('\n')[2]).toBe(`| ${written.padEnd(Math.max(3, written.length))} |`);
  });

  it('pads ragged rows, and gives nothing for an empty table', () => {
    expect(formatPipeTable({ header: ['a'], rows: [['1', '2']], align: [], highlight: [] })).toBe(
      '| a   |     |\n| --- | --- |\n| 1   | 2   |',
    );
    expect(formatPipeTable({ header: [], rows: [], align: [], highlight: [] })).toBe('');
  });

  it('does not mark an empty highlighted cell', () => {
    expect(formatPipeTable({ header: ['a'], rows: [['']], align: ['left'], highlight: [[true]] })).toBe(
      '| a   |\n| --- |\n|     |',
    );
  });
});

describe('parsePipeTables', () => {
  it('finds a table in a draft with its offsets, alignment and key figures', () => {
    const table = formatPipeTable(ORDERS);
    const draft = `问题描述：订单量下降。\n\n${table}\n\n联系方式：13800138000`;
    const found = parsePipeTables(draft);
    expect(found).toHaveLength(1);
    expect(draft.slice(found[0]!.start, found[0]!.end)).toBe(table);
    expect(found[0]!.table).toEqual(ORDERS);
  });

  it.each([
    ['no outer pipes', 'a | b\n--- | ---:\n1 | 2', [['1', '2']], ['left', 'right']],
    ['centred and left markers', '| a | b |\n| :---: | :--- |\n| 1 | 2 |', [['1', '2']], ['left', 'left']],
    ['a short row', '| a | b |\n|---|---|\n| 1 |', [['1', '']], ['left', 'left']],
    ['a long row (cut)', '| a | b |\n|---|---|\n| 1 | 2 | 3 |', [['1', '2']], ['left', 'left']],
    ['no body', '| a | b |\n|---|---|', [], ['left', 'left']],
    ['CRLF line ends', '| a | b |\r\n|---|--:|\r\n| 1 | 2 |\r\n', [['1', '2']], ['left', 'right']],
  ])('reads a table with %s', (_name, text, rows, align) => {
    const [found] = parsePipeTables(text);
    expect(found?.table.rows).toEqual(rows);
    expect(found?.table.align).toEqual(align);
    expect(text.slice(found!.start, found!.end)).not.toMatch(/[\r\n]$/);
  });

  it.each([
    ['prose with a pipe', 'a | b\n没有分隔线'],
    ['a separator with another cell count', '| a | b |\n| --- |\n| 1 | 2 |'],
    ['a thematic break', 'a | b\n---'],
    ['a Setext heading', '标题\n---'],
    ['an escaped pipe only', 'a \\| b\n| --- |'],
    ['empty text', ''],
  ])('finds nothing in %s', (_name, text) => {
    expect(parsePipeTables(text)).toEqual([]);
  });

  it('stops a table at a blank line or a line without a pipe, and finds the next one', () => {
    const text = '| a |\n| --- |\n| 1 |\n正文\n| b |\n|---:|\n| 2 |\n\n| 3 |';
    const found = parsePipeTables(text);
    expect(found.map((item) => item.table.header)).toEqual([['a'], ['b']]);
    expect(found[1]!.table.rows).toEqual([['2']]);
  });
});

const cellText = fc
  .string({ unit: 'grapheme', maxLength: 12 })
  .map((text) => text.replace(/[\r\n\t]/g, ' ').trim());
const tableArbitrary = fc.integer({ min: 1, max: 5 }).chain((columns) =>
  fc
    .record({
      header: fc.array(cellText, { minLength: columns, maxLength: columns }),
      rows: fc.array(fc.array(fc.tuple(cellText, fc.boolean()), { minLength: columns, maxLength: columns }), {
        maxLength: 6,
      }),
      align: fc.array(fc.constantFrom<'left' | 'right'>('left', 'right'), {
        minLength: columns,
        maxLength: columns,
      }),
    })
    .map(({ header, rows, align }): PlainTable => ({
      header,
      rows: rows.map((row) => row.map(([text]) => text)),
      align,
      // An empty cell cannot carry the ** markers.
      highlight: rows.map((row) => row.map(([text, marked]) => marked && text !== '')),
    })),
);

describe('properties', () => {
  it('round-trips: parsePipeTables(formatPipeTable(t)) gives t back', () => {
    fc.assert(
      fc.property(tableArbitrary, (table) => {
        const text = formatPipeTable(table);
        const found = parsePipeTables(text);
        expect(found).toHaveLength(1);
        expect(found[0]!.table).toEqual(table);
        expect(found[0]!.start).toBe(0);
        expect(found[0]!.end).toBe(text.length);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips with text around the table', () => {
    fc.assert(
      fc.property(tableArbitrary, fc.string({ maxLength: 30 }), (table, prose) => {
        const before = `${prose.replace(/[|\r\n]/g, '')}\n\n`;
        const text = `${before}${formatPipeTable(table)}\n\n结尾`;
        const found = parsePipeTables(text);
        expect(found.map((item) => item.table)).toEqual([table]);
        expect(found[0]!.start).toBe(before.length);
      }),
    );
  });

  const draftText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc
      .array(fc.constantFrom('|', '---', ':', '\\', '*', '**', '\n', '\r\n', ' ', 'a', '数'), {
        maxLength: 120,
      })
      .map((parts) => parts.join('')),
  );

  it('never throws, is deterministic, and gives ordered ranges inside the text', () => {
    fc.assert(
      fc.property(draftText, (text) => {
        const found = parsePipeTables(text);
        expect(parsePipeTables(text)).toEqual(found);
        let previous = 0;
        for (const { start, end, table } of found) {
          expect(start).toBeGreaterThanOrEqual(previous);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(text.length);
          expect(table.rows.every((row) => row.length === table.header.length)).toBe(true);
          expect(table.highlight.length).toBe(table.rows.length);
          previous = end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('escapes every cell in the HTML: no markup from the data survives', () => {
    fc.assert(
      fc.property(tableArbitrary, fc.string(), (table, caption) => {
        const html = threeLineTableHtml(table, { caption });
        const withoutTags = html.replace(
          /<\/?(table|caption|thead|tbody|tr|th|td|strong)( style="[^"<>]*")?>/g,
          '',
        );
        expect(withoutTags).not.toMatch(/[<>]/);
      }),
    );
  });

  it('parses a 1 MB draft in linear time', () => {
    // A formatted row is about 20 characters, so this is a table of about `size` characters.
    const draft = (size: number) =>
      formatPipeTable({
        header: ['日期', '数值'],
        rows: Array.from({ length: Math.round(size / 20) }, (_, index) => [`第${index}天`, String(index)]),
        align: ['left', 'right'],
        highlight: [],
      });
    const table = draft(MEGABYTE);
    expect(table.length).toBeGreaterThan(1_000_000);
    expect(parsePipeTables(table)[0]!.table.rows).toHaveLength(Math.round(MEGABYTE / 20));
    expectLinearTime(draft, (text) => parsePipeTables(text));
    // Pathological text (pipes and backslashes only) stays linear too: a separator row of
    // size / 1000 columns (1000 at 1 MB) between two runs of escaped pipes.
    expectLinearTime(
      (size) => {
        const noise = repeatTo('|\\', Math.floor(size / 2));
        return `${noise}\n${'|---'.repeat(Math.round(size / 1000))}|\n${noise}`;
      },
      (text) => parsePipeTables(text),
    );
  });
});

describe('threeLineTableHtml', () => {
  const html = threeLineTableHtml(ORDERS, { caption: '表1 订单量 <虚构>' });

  it('draws three rules and no vertical lines', () => {
    expect(html).toMatch(
      /^<table style="border-collapse:collapse;border-top:2px solid #222222;border-bottom:2px solid/,
    );
    expect(html.match(/border-bottom:1px solid/g)).toHaveLength(3);
    expect(html).not.toMatch(/border-(left|right):\s*\d/);
    // No rule between the body rows: only the last row's cells carry a bottom border.
    const rows = html.split('<tr>');
    expect(rows[2]).not.toContain('border-bottom');
    expect(rows[3]).toContain('border-bottom:2px solid');
  });

  it('aligns, highlights and escapes', () => {
    expect(html).toContain(
      '<caption style="caption-side:top;text-align:left;font-weight:bold;padding:0 0 6px">表1 订单量 &lt;虚构&gt;</caption>',
    );
    expect(html).toContain(
      'text-align:right;font-weight:bold;background-color:#fff3bf"><strong>0</strong></td>',
    );
    expect(html).toContain('<td style="padding:4px 12px;text-align:right">131</td>');
    expect(threeLineTableHtml({ header: [`a&<>"'`], rows: [], align: [], highlight: [] })).toContain(
      'a&amp;&lt;&gt;&quot;&#39;</th>',
    );
    expect(escapeHtml('<script>')).toBe('&lt;script&gt;');
  });

  it('closes a table without rows with the bottom rule under the header', () => {
    expect(threeLineTableHtml({ header: ['a'], rows: [], align: [], highlight: [] })).toContain(
      'border-bottom:2px solid',
    );
    expect(threeLineTableHtml({ header: [], rows: [], align: [], highlight: [] })).toBe('');
  });
});
