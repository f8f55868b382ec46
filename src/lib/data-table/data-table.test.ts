import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { expectLinearTime, repeatTo } from '../../../tests/support/linear-time';
import {
  analyzeData,
  MAX_COLUMNS,
  MAX_INPUT_CHARS,
  MAX_ROWS,
  parseDate,
  parseNumber,
  RECOMMENDED_ROWS,
  type DataAnalysis,
} from './data-table';
import { formatPipeTable, parsePipeTables } from './plain-table';
import { loadGuideData } from '../node/load-guide-data';

const chartTypes = loadGuideData().chartTypes;
const analyze = (text: string, chart?: 'auto' | 'line' | 'bar' | 'pie') =>
  analyzeData(text, { chartTypes, chart });
const codes = (result: DataAnalysis) => result.problems.map((problem) => problem.code);

/** Analyses a paste that must be refused before it is parsed: papaparse is never called. */
function refusedUnparsed(text: string): DataAnalysis {
  const parse = vi.spyOn(Papa, 'parse');
  try {
    const result = analyze(text);
    expect(parse).not.toHaveBeenCalled();
    expect(result.status).toBe('refused');
    return result;
  } finally {
    parse.mockRestore();
  }
}

export const ORDERS_TSV =
  '日期\t日订单量（单）\t退款单量（单）\n11月16日\t131\t2\n11月17日\t126\t3\n11月18日\t0\t5\n11月19日\t0\t4';

describe('parseNumber', () => {
  it.each([
    ['1234', 1234, ''],
    ['1,234', 1234, ''],
    ['1 234', 1234, ''],
    ['1,234.5', 1234.5, ''],
    ['-3.5', -3.5, ''],
    ['−3.5', -3.5, ''],
    ['(1,200)', -1200, ''],
    ['+12', 12, ''],
    ['.5', 0.5, ''],
    ['¥1,234', 1234, '元'],
    ['￥99', 99, '元'],
    ['-¥5', -5, '元'],
    ['12元', 12, '元'],
    ['12 元', 12, '元'],
    ['35%', 35, '%'],
    ['-4.2%', -4.2, '%'],
    ['1.2万', 12000, ''],
    ['3.5万元', 35000, '元'],
    ['2亿', 200000000, ''],
    ['１２３', 123, ''],
    ['１，２３４．５', 1234.5, ''],
    ['４５％', 45, '%'],
    ['131单', 131, '单'],
    ['3 小时', 3, '小时'],
    ['5 kg', 5, 'kg'],
    ['12次/天', 12, '次/天'],
  ])('%s → %d %s', (text, value, unit) => {
    expect(parseNumber(text)).toEqual({ value, unit });
  });

  it.each([
    '',
    '暂无',
    'N/A',
    '-',
    '1,23',
    '12:30',
    '2026-11-16',
    '3月',
    '11月16日',
    '第3名',
    '1A',
    '1.2.3',
    '--5',
    '+-5',
    'abc12',
    '12abc',
  ])('%j is not a number', (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-11-16', { year: 2026, month: 11, day: 16, minutes: null }],
    ['2026/11/16', { year: 2026, month: 11, day: 16, minutes: null }],
    ['2026.1.5', { year: 2026, month: 1, day: 5, minutes: null }],
    ['2026-11-16 09:30', { year: 2026, month: 11, day: 16, minutes: 570 }],
    ['11/16', { year: null, month: 11, day: 16, minutes: null }],
    ['11月16日', { year: null, month: 11, day: 16, minutes: null }],
    ['11月16号', { year: null, month: 11, day: 16, minutes: null }],
    ['11月16日（周一）', { year: null, month: 11, day: 16, minutes: null }],
    ['2026年11月16日', { year: 2026, month: 11, day: 16, minutes: null }],
    ['２０２６年１１月１６日', { year: 2026, month: 11, day: 16, minutes: null }],
    ['2026年3月', { year: 2026, month: 3, day: null, minutes: null }],
    ['2026-03', { year: 2026, month: 3, day: null, minutes: null }],
    ['3月', { year: null, month: 3, day: null, minutes: null }],
    ['2/29', { year: null, month: 2, day: 29, minutes: null }],
  ])('%s', (text, date) => {
    expect(parseDate(text)).toEqual(date);
  });

  it.each([
    '',
    '13/1',
    '2026-02-30',
    '2025/2/29',
    '11月32日',
    '1850-01-01',
    '2026-11-16 25:00',
    '下周一',
    '1234',
    '16/11',
  ])('%j is not a date', (text) => {
    expect(parseDate(text)).toBeNull();
  });
});

describe('analyzeData: kinds and charts from table 5', () => {
  it('reads chart-types.yaml for the chart of each kind', () => {
    expect(Object.fromEntries(chartTypes.map((type) => [type.id, type.chart]))).toEqual({
      'time-series': 'line',
      comparison: 'bar',
      distribution: 'pie',
    });
  });

  it('a TSV of dates in order is a time series → line, the largest change marked', () => {
    const result = analyze(ORDERS_TSV);
    expect(result.status).toBe('ok');
    expect(result.source).toBe('tsv');
    expect(result.kind).toBe('time-series');
    expect(result.chart).toBe('line');
    expect(result.columns.map((column) => column.type)).toEqual(['date', 'number', 'number']);
    expect(result.table!.align).toEqual(['left', 'right', 'right']);
    expect(result.keyFigures).toEqual([{ row: 2, column: 1, reason: expect.stringContaining('11月18日') }]);
    expect(result.keyReason).toContain('减少 126单');
    expect(result.kindReason).toContain('时间序列数据');
    expect(result.kindReason).toContain('折线图 + 数据表');
    expect(result.chartSpec!.labels).toEqual(['11月16日', '11月17日', '11月18日', '11月19日']);
    expect(result.chartSpec!.series.map((series) => series.values)).toEqual([
      [131, 126, 0, 0],
      [2, 3, 5, 4],
    ]);
    expect(result.chartSpec!.highlights).toEqual([{ series: 0, index: 2, note: '11月18日：0' }]);
    expect(formatPipeTable(result.table!)).toContain('|          **0** |');
    expect(result.problems).toEqual([]);
  });

  it('newest-first dates are still a time series; the chart runs oldest first', () => {
    const result = analyze('日期\t播放量（次）\n2026-11-19\t50\n2026-11-18\t40\n2026-11-17\t400');
    expect(result.kind).toBe('time-series');
    expect(result.chartSpec!.labels).toEqual(['2026-11-17', '2026-11-18', '2026-11-19']);
    expect(result.keyFigures[0]!.row).toBe(1);
  });

  it('dates without a year roll over from December to January', () => {
    expect(analyze('日期\t量（单）\n12月30日\t1\n12月31日\t2\n1月1日\t3').kind).toBe('time-series');
  });

  it('a year column named 年份 counts as dates', () => {
    expect(analyze('年份\t营收（万元）\n2024\t10\n2025\t12\n2026\t15').kind).toBe('time-series');
  });

  it('dates out of order are a comparison, and the reason names the row', () => {
    const result = analyze('日期\t量（单）\n11月16日\t1\n11月18日\t2\n11月17日\t3');
    expect(result.kind).toBe('comparison');
    expect(result.chart).toBe('bar');
    expect(result.kindReason).toContain('第 4 行');
  });

  it('a CSV comparison → bar, largest and smallest marked; quoted commas and currency read', () => {
    const result = analyze('店铺,销售额\nA店,"12,000"\nB店,¥8 500\nC店,3000元\n');
    expect(result.source).toBe('csv');
    expect(result.kind).toBe('comparison');
    expect(result.chart).toBe('bar');
    expect(result.columns[1]).toEqual({ header: '销售额（元）', name: '销售额', type: 'number', unit: '元' });
    expect(result.rows).toEqual([
      ['A店', '12,000'],
      ['B店', '¥8 500'],
      ['C店', '3000元'],
    ]);
    expect(result.keyFigures.map((figure) => figure.row)).toEqual([0, 2]);
    expect(result.keyReason).toBe('“销售额”最大的是“A店”（12,000元）。最小的是“C店”（3,000元）。');
  });

  it('semicolon CSV (European Excel) is read too', () => {
    const result = analyze('Region;Sales (元)\nNorth;"1,5"\nSouth;3');
    expect(result.source).toBe('semicolon');
    expect(result.columns.map((column) => column.name)).toEqual(['Region', 'Sales (元)']);
  });

  it('shares summing to 100% → distribution → pie, the largest share marked', () => {
    const result = analyze('渠道\t占比\n推荐\t55%\n搜索\t25%\n关注\t20%');
    expect(result.kind).toBe('distribution');
    expect(result.chart).toBe('pie');
    expect(result.pieAllowed).toBe(true);
    expect(result.keyReason).toBe('占比最大的是“推荐”，占 55%。');
    expect(result.kindReason).toContain('饼图 + 占比说明');
  });

  it('percentages that do not sum to 100 are a comparison, and the reason says why', () => {
    const result = analyze('渠道\t转化率\n推荐\t5%\n搜索\t2.5%');
    expect(result.kind).toBe('comparison');
    expect(result.kindReason).toContain('合计为 7.5%');
  });

  it('the user can ask for a pie (counts become shares) but not when pie does not fit', () => {
    const counts = analyze('类型\t投诉数（件）\n物流\t30\n质量\t10', 'pie');
    expect(counts.chart).toBe('pie');
    expect(counts.kind).toBe('distribution');
    expect(counts.recommended).toEqual({ kind: 'comparison', chart: 'bar' });
    expect(counts.kindReason).toContain('你选择了饼图');

    const twoColumns = analyze(ORDERS_TSV, 'pie');
    expect(twoColumns.chart).toBe('line');
    expect(codes(twoColumns)).toContain('not-shares');
    const negative = analyze('项目\t变化（元）\nA\t-3\nB\t5', 'pie');
    expect(negative.chart).toBe('bar');
    expect(negative.pieAllowed).toBe(false);
  });

  it('asking for a line on non-dates draws it with a warning; asking for a bar on dates is fine', () => {
    const line = analyze('店铺\t销售额（元）\nA\t1\nB\t2', 'line');
    expect(line.chart).toBe('line');
    expect(codes(line)).toContain('chart-mismatch');
    const bar = analyze(ORDERS_TSV, 'bar');
    expect(bar.chart).toBe('bar');
    expect(codes(bar)).toEqual([]);
  });

  it('a pasted Markdown pipe table is read back', () => {
    const result = analyze(`\n${formatPipeTable(analyze(ORDERS_TSV).table!)}\n`);
    expect(result.source).toBe('pipe-table');
    expect(result.rows[2]).toEqual(['11月18日', '0', '5']);
    expect(result.kind).toBe('time-series');
  });

  it('合计 rows stay in the table but out of the chart and the key figures', () => {
    const result = analyze('店铺\t销售额（元）\nA\t10\nB\t5\n合计\t15');
    expect(result.rows).toHaveLength(3);
    expect(result.chartSpec!.labels).toEqual(['A', 'B']);
    expect(result.keyFigures.map((figure) => figure.row)).toEqual([0, 1]);
  });

  it('text only: a table without a chart', () => {
    const result = analyze('名称\t说明\n甲\t好\n乙\t差');
    expect(result.status).toBe('ok');
    expect(result.chart).toBeNull();
    expect(result.chartSpec).toBeNull();
    expect(codes(result)).toEqual(['no-numbers']);
  });
});

describe('analyzeData: bad data gets a clear message', () => {
  it.each([
    ['', 'empty', 'empty'],
    ['  \n\t\n', 'empty', 'empty'],
    ['日期\t订单量', 'refused', 'header-only'],
    [`${'a\t'.repeat(MAX_COLUMNS)}z\n${'1\t'.repeat(MAX_COLUMNS)}2`, 'refused', 'too-many-columns'],
  ])('%j → %s (%s)', (text, status, code) => {
    const result = analyze(text);
    expect(result.status).toBe(status);
    expect(codes(result)).toEqual([code]);
    expect(result.problems[0]!.severity).toBe('error');
    expect(result.problems[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(result.table).toBeNull();
  });

  it('ragged rows: says which rows have how many cells, pads short ones and cuts long ones', () => {
    const result = analyze(
      '日期\t订单量（单）\t说明\n11月16日\t131\n11月17日\t126\t正常\t多余\n11月18日\t0\t下架',
    );
    expect(result.status).toBe('ok');
    const short = result.problems.find((problem) => problem.code === 'ragged-short')!;
    expect(short.message).toContain('第 2 行只有 2 个');
    expect(short.message).toContain('已在行尾补空单元格');
    expect(short.row).toBe(2);
    const long = result.problems.find((problem) => problem.code === 'ragged-long')!;
    expect(long.message).toContain('第 3 行多出 “多余”');
    expect(long).toMatchObject({ row: 3, column: 4 });
    expect(result.rows.every((row) => row.length === 3)).toBe(true);
  });

  it('a CSV with an unquoted thousands comma hints at the quotes', () => {
    const result = analyze('店铺,销售额（元）\nA,1,234\nB,800');
    expect(result.problems.find((problem) => problem.code === 'ragged-long')!.message).toContain(
      '千分位逗号',
    );
  });

  it('text in a number column: names the cell, keeps it in the table, skips it in the chart', () => {
    const result = analyze('日期\t订单量（单）\n11月16日\t131\n11月17日\t暂无\n11月18日\t0');
    const problem = result.problems.find((item) => item.code === 'not-a-number')!;
    expect(problem).toMatchObject({ severity: 'warning', row: 3, column: 2 });
    expect(problem.message).toContain('“暂无”不是数字');
    expect(result.rows[1]).toEqual(['11月17日', '暂无']);
    expect(result.chartSpec!.series[0]!.values).toEqual([131, null, 0]);
  });

  it('no header: a warning and 列1, 列2 as names', () => {
    const result = analyze('2026-11-16\t131\n2026-11-17\t126');
    expect(codes(result)).toContain('no-header');
    expect(result.columns.map((column) => column.name)).toEqual(['列1', '列2']);
    expect(result.kind).toBe('time-series');
  });

  it('a missing unit is pointed out, as the chapter asks', () => {
    expect(codes(analyze('店铺\t销售额\nA\t1\nB\t2'))).toEqual(['missing-unit']);
  });

  it(`more than ${RECOMMENDED_ROWS} rows: a warning that repeats the chapter's advice`, () => {
    const rows = Array.from({ length: RECOMMENDED_ROWS + 1 }, (_, index) => `项目${index}\t${index}`);
    const result = analyze(`项目\t数量（件）\n${rows.join('\n')}`);
    expect(result.status).toBe('ok');
    expect(result.problems.find((problem) => problem.code === 'long-table')!.message).toContain('附件');
  });

  it('10,000 rows are refused with the chapter’s advice, without parsing, in linear time', () => {
    const table = (rowCount: number) =>
      `日期\t数量（件）\n${Array.from({ length: rowCount }, (_, index) => `2026-01-01\t${index}`).join('\n')}`;
    const result = refusedUnparsed(table(10_000));
    expect(result.status).toBe('refused');
    expect(codes(result)).toEqual(['too-many-rows']);
    expect(result.problems[0]!.message).toContain('10,000 行');
    expect(result.problems[0]!.message).toContain(`${MAX_ROWS} 行`);
    expect(result.problems[0]!.message).toContain('附件');
    expect(result.table).toBeNull();
    // Rows of about 17 characters: `size` characters of them, refused by counting the lines.
    expectLinearTime(
      (size) => table(Math.round(size / 17)),
      (text) => analyze(text),
    );
  });

  it('a 1 MB paste is refused without parsing, in linear time', () => {
    const pastes = [
      (size: number) => '数'.repeat(size),
      (size: number) => `a,b\n${repeatTo('1,2\n', size - 4)}`,
      (size: number) => repeatTo('x\t', size),
    ];
    for (const paste of pastes) {
      refusedUnparsed(paste(1_000_000));
      expectLinearTime(paste, (text) => analyze(text));
    }
    expect(codes(analyze('数'.repeat(MAX_INPUT_CHARS + 1)))).toEqual(['too-large']);
  });
});

describe('properties', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom(
      '1,234',
      '¥5',
      '35%',
      '1.2万',
      '11月16日',
      '2026-11-16',
      '暂无',
      '"',
      '""',
      '合计',
      '-',
      '',
    ),
    fc.integer({ min: -1000, max: 1000 }).map(String),
  );
  const pasted = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 400 }),
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc
      .array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 })
      .chain((rows) =>
        fc.constantFrom('\t', ',', ';').map((separator) => rows.map((row) => row.join(separator)).join('\n')),
      ),
  );
  const chart = fc.constantFrom<'auto' | 'line' | 'bar' | 'pie'>('auto', 'line', 'bar', 'pie');

  it('never throws, is deterministic, and every index stays inside the data', () => {
    fc.assert(
      fc.property(pasted, chart, (text, asked) => {
        const result = analyze(text, asked);
        expect(analyze(text, asked)).toEqual(result);
        expect(codes(result)).not.toContain('unreadable');
        for (const problem of result.problems) {
          expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
          if (problem.column !== undefined) expect(problem.column).toBeGreaterThanOrEqual(1);
          if (problem.row !== undefined) expect(problem.row).toBeGreaterThanOrEqual(1);
        }
        if (result.status !== 'ok') {
          expect(result.table).toBeNull();
          return;
        }
        const width = result.columns.length;
        expect(width).toBeGreaterThan(0);
        expect(width).toBeLessThanOrEqual(MAX_COLUMNS);
        expect(result.rows.length).toBeLessThanOrEqual(MAX_ROWS);
        expect(result.rows.every((row) => row.length === width)).toBe(true);
        for (const figure of result.keyFigures) {
          expect(figure.row).toBeLessThan(result.rows.length);
          expect(figure.column).toBeLessThan(width);
          expect(result.table!.highlight[figure.row]![figure.column]).toBe(true);
        }
        if (result.chartSpec) {
          for (const series of result.chartSpec.series)
            expect(series.values).toHaveLength(result.chartSpec.labels.length);
          for (const highlight of result.chartSpec.highlights) {
            expect(highlight.index).toBeLessThan(result.chartSpec.labels.length);
          }
          expect(chartTypes.find((type) => type.id === result.kind)).toBeDefined();
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the table it gives round-trips as a pipe table', () => {
    fc.assert(
      fc.property(pasted, (text) => {
        const result = analyze(text);
        if (!result.table) return;
        const table = {
          ...result.table,
          header: result.table.header.map((cell) => cell.replace(/\s+/g, ' ')),
          rows: result.table.rows.map((row) => row.map((cell) => cell.replace(/\s+/g, ' '))),
        };
        const [found] = parsePipeTables(formatPipeTable(table));
        expect(found!.table.rows.length).toBe(table.rows.length);
      }),
    );
  });

  it(`parses a ${MAX_INPUT_CHARS}-character paste (the limit) in linear time`, () => {
    const header = '日期\t数量（件）\t说明\n';
    // Pastes of about `size` characters within the limits: as many rows of 258 characters as fit
    // (193 at the limit); 10 rows whose notes grow with the size; short rows (150 at the limit)
    // and a last line of spaces up to the size.
    const manyRows = (size: number) =>
      header +
      `2026-11-16\t1,234\t${'说明文字'.repeat(60)}\n`.repeat(Math.floor((size - header.length) / 258));
    const longCells = (size: number) =>
      header + `2026-11-16\t1,234\t${repeatTo('说明文字', Math.floor(size / 10) - 20)}\n`.repeat(10);
    const blankTail = (size: number) =>
      `${header}${'2026-11-16\t1,234\t说明文字\n'.repeat(Math.round((size * 150) / MAX_INPUT_CHARS))}`.padEnd(
        size - 10,
        ' ',
      );
    for (const paste of [manyRows, longCells, blankTail]) {
      const text = paste(MAX_INPUT_CHARS);
      expect(text.length).toBeGreaterThan(MAX_INPUT_CHARS - 300);
      expect(text.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
      expect(analyze(text).status).toBe('ok');
      expectLinearTime(paste, (pasted) => analyze(pasted), { size: MAX_INPUT_CHARS });
    }
  });
});
