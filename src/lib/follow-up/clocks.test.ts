import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basisText, clockDue, ClockInputError, type Clock } from './clocks';
import { loadGuideData } from '../node/load-guide-data';
import { loadLawRegistry } from '../node/load-law';
import { loadRuleset } from '../node/load-ruleset';
import { clockProblems, installedCalendar } from '../node/clock-checks';
import { GuideDataError, parseGuideData, guideTables } from '../guide-data';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_DATA_DIR } from '../node/load-guide-data';

const guide = loadGuideData();
const calendar = installedCalendar();
const law = loadLawRegistry(undefined, '2026-11-30', { guard: false });
const ruleset = loadRuleset();
const clock = (id: string) => guide.clocks.find((candidate) => candidate.id === id)!;

describe('clocks.yaml', () => {
  it('holds every clock of issue 18, each with its basis and counting', () => {
    expect(guide.clocks.map((entry) => [entry.id, entry.basis.kind, entry.counts, entry.length])).toEqual([
      ['cadence-3-5-7', 'article', 'workingDays', 7],
      ['reply-emergency-fault', 'article', 'hours', 24],
      ['reply-routine', 'article', 'workingDays', 3],
      ['reply-complex-appeal', 'article', 'workingDays', 7],
      ['ecommerce-43-counter-notice', 'law', 'calendarDays', 15],
      ['spc-ip-reply-20-working-days', 'law', 'workingDays', 20],
      ['isc-complaint-10-working-days', 'published', 'workingDays', 10],
      ['consumer-12315-acceptance', 'published', 'workingDays', 7],
    ]);
  });

  it('every example holds on the tools’ calendar, every law quote is the registry’s text', () => {
    expect(clockProblems(guide.clocks, law, ruleset, calendar)).toEqual([]);
  });

  it.each([
    [
      'an example that the calendar does not give',
      (c: Clock[]) => (c[2]!.examples[0]!.due = '2026-10-09'),
      /例子不成立：从 2026-09-30 起算应到 2026-10-10/,
    ],
    [
      'a law quote one character off',
      (c: Clock[]) => {
        const basis = c[4]!.basis;
        if (basis.kind === 'law') basis.quote = basis.quote.replace('十五日', '十日');
      },
      /摘引不是登记正文中的原文/,
    ],
    [
      'a cadence that is not the ruleset’s',
      (c: Clock[]) => (c[0]!.length = 6),
      /与规则集 .* 的升级节点第 7 天不一致/,
    ],
  ])('fails on %s', (_, edit, message) => {
    const clocks = structuredClone(guide.clocks);
    edit(clocks);
    expect(clockProblems(clocks, law, ruleset, calendar).join('；')).toMatch(message);
  });

  it('a reply window that differs from table 6 fails loading (one figure for picker and planner)', () => {
    const read = (file: string) => {
      const raw = parse(readFileSync(join(DEFAULT_DATA_DIR, file), 'utf8'));
      if (file === guideTables.clocks.file) raw[3].length = 6;
      return raw;
    };
    expect(() => parseGuideData(read)).toThrow(GuideDataError);
    expect(() => parseGuideData(read)).toThrow(/与表6“复杂权益申诉”的时效不一致/);
  });

  it('every case’s reply window is a clock (through its table 6 row)', () => {
    for (const route of guide.requestRoutes)
      expect(
        guide.clocks.filter((entry) => entry.followUpRow === route.followUp),
        route.id,
      ).toHaveLength(1);
  });
});

describe('clockDue', () => {
  it.each([
    ['reply-routine', '2026-12-28', '2026-12-31', []],
    ['reply-complex-appeal', '2027-02-03', '2027-02-16', [2027]],
    ['ecommerce-43-counter-notice', '2027-01-25', '2027-02-09', []],
    ['reply-emergency-fault', '2026-11-27T20:00', '2026-11-28T20:00', []],
    ['reply-emergency-fault', '2026-11-27', '2026-11-28T00:00', []],
  ])('%s from %s → %s', (id, start, due, years) => {
    const result = clockDue(clock(id), start, calendar);
    expect(result.due).toBe(due);
    expect(result.unpublishedYears).toEqual(years);
    if (years.length > 0) expect(result.notices[0]).toMatch(/^2027 年的调休安排未公布，日期可能变动/);
  });

  it.each([
    ['2003-12-31', /年份 2003 超出了可以推算的范围：只能推算 2004–2099/],
    ['2100-01-01', /年份 2100 超出/],
    ['2026-02-30', /起算日期格式不对/],
    ['明天', /起算日期格式不对/],
    ['2026-11-30T25:00', /起算时刻不存在/],
  ])('refuses %s with a Chinese message', (start, message) => {
    expect(() => clockDue(clock('reply-emergency-fault'), start, calendar)).toThrow(ClockInputError);
    expect(() => clockDue(clock('reply-emergency-fault'), start, calendar)).toThrow(message);
  });

  it('property: any text is a due date or a ClockInputError, and a working-day due is a working day', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 20 }),
          fc
            .date({ min: new Date('2000-01-01'), max: new Date('2105-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
        ),
        fc.constantFrom(...guide.clocks),
        (start, entry) => {
          try {
            const { due } = clockDue(entry, start, calendar);
            if (entry.counts === 'workingDays') expect(calendar.day(due).working).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(ClockInputError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('basisText: the mark each basis carries', () => {
  it.each([
    ['reply-complex-appeal', /^原文称：“7个工作日”（表6.*未经证实）$/],
    ['ecommerce-43-counter-notice', /^《电子商务法》第四十三条：“电子商务平台经营者在转送声明/],
    ['isc-complaint-10-working-days', /：“被投诉企业将在10个工作日内完成处理.*”（二手资料/],
    ['consumer-12315-acceptance', /（转述）：市场监督管理部门在 7 个工作日内决定是否受理投诉（二手资料/],
  ])('%s', (id, text) => {
    expect(basisText(clock(id).basis, () => '《电子商务法》第四十三条')).toMatch(text);
  });
});
