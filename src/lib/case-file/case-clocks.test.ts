import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadGuideData } from '../node/load-guide-data';
import { loadPlanContext } from '../node/planner-context';
import { UNPUBLISHED_NOTICE } from '../statutory-holidays';
import { caseClocks, clocksForType, runningClocks, withRunningClock, type RunningClock } from './case-clocks';
import type { CaseStep } from './case-schema';

const guide = loadGuideData();
const { calendar } = loadPlanContext();
const clocks = caseClocks(guide.clocks, (lawId) =>
  lawId === 'ecommerce-43' ? '电子商务法第四十三条' : undefined,
);
const reply = (id: string, date: string, clock?: string): CaseStep => ({
  id,
  kind: 'reply',
  date,
  said: '平台已转送不侵权声明',
  result: 'pending',
  ...(clock ? { clock } : {}),
});

describe('which clocks fit a case type', () => {
  it('every clock and case type named exists in the data', () => {
    const routeIds = new Set(guide.requestRoutes.map((route) => route.id));
    const offered = guide.clocks.filter((clock) => clock.caseTypes);
    for (const { caseTypes } of offered)
      if (caseTypes !== 'all') for (const type of caseTypes!) expect(routeIds).toContain(type);
    expect(clocks.map((clock) => clock.id).sort()).toEqual(offered.map((clock) => clock.id).sort());
    expect(clocks.length).toBe(4);
  });
  it.each<[string, string[]]>([
    [
      'takedown',
      ['ecommerce-43-counter-notice', 'spc-ip-reply-20-working-days', 'isc-complaint-10-working-days'],
    ],
    [
      'copyright',
      ['ecommerce-43-counter-notice', 'spc-ip-reply-20-working-days', 'isc-complaint-10-working-days'],
    ],
    ['merchant', ['isc-complaint-10-working-days', 'consumer-12315-acceptance']],
    ['account-appeal', ['isc-complaint-10-working-days']],
  ])('%s', (type, ids) => {
    expect(clocksForType(clocks, type).map((clock) => clock.id)).toEqual(ids);
  });
  it('the basis is the law quoted, or the platform’s words marked second-hand', () => {
    const byId = new Map(clocks.map((clock) => [clock.id, clock]));
    expect(byId.get('ecommerce-43-counter-notice')!.basis).toMatch(/^电子商务法第四十三条：“.*十五日内/);
    expect(byId.get('isc-complaint-10-working-days')!.basis).toContain('二手资料');
  });
});

describe('runningClocks', () => {
  it('the counter-notice’s 15 calendar days and the complaint platform’s 10 working days', () => {
    const steps = [
      reply('r1', '2026-11-30', 'ecommerce-43-counter-notice'),
      reply('r0', '2026-11-29'),
      {
        id: 'e1',
        kind: 'escalation',
        channel: 'isc',
        date: '2026-12-28',
        clock: 'isc-complaint-10-working-days',
      },
    ] as CaseStep[];
    const running = runningClocks({ steps }, clocks, calendar, '2026-12-16');
    expect(
      running.map(({ stepId, due, countsLabel, passed }) => ({ stepId, due, countsLabel, passed })),
    ).toEqual([
      { stepId: 'r1', due: '2026-12-15', countsLabel: '自然日', passed: true },
      { stepId: 'e1', due: running[1]!.due, countsLabel: '工作日', passed: false },
    ]);
    expect(running[0]!.notices).toEqual([]);
    // 2026-12-28 + 10 working days reaches 2027: 元旦 is never a working day, and the notice
    // appears while the 2027 arrangement is not in the installed data.
    const due = running[1]!.due!;
    expect(due > '2027-01-01').toBe(true);
    expect(calendar.day('2027-01-01').working).toBe(false);
    const unpublished = calendar.unpublishedYears('2026-12-28', due).length > 0;
    expect(running[1]!.notices.some((notice) => notice.includes(UNPUBLISHED_NOTICE))).toBe(unpublished);
  });
  it('a clock this version does not know: a Chinese message, no crash', () => {
    const [running] = runningClocks(
      { steps: [reply('r1', '2026-11-30', 'no-such-clock')] },
      clocks,
      calendar,
      '2026-12-01',
    );
    expect(running).toMatchObject({
      due: null,
      problem: expect.stringContaining('没有“no-such-clock”这个时钟'),
    });
  });
  it('property: any start 2004–2099, any fitting clock: a due date after the start, never a throw', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2004-01-01T00:00:00Z'),
          max: new Date('2099-11-30T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...clocks.map((clock) => clock.id)),
        (day, clock) => {
          const start = day.toISOString().slice(0, 10);
          const [running] = runningClocks({ steps: [reply('r', start, clock)] }, clocks, calendar, start);
          expect(running!.due! > start).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('withRunningClock: a waiting step takes the date of the earliest running clock', () => {
  const clock = (id: string, name: string) =>
    ({ id, name, counts: 'calendarDays', length: 15, startsWhen: '', basis: '', caseTypes: 'all' }) as const;
  const running = (id: string, due: string | null, passed = false): RunningClock => ({
    stepId: `s-${id}`,
    clock: clock(id, `时钟${id}`),
    clockId: id,
    start: '2026-12-01',
    due,
    countsLabel: '自然日',
    passed,
    notices: [],
  });
  const waiting = { kind: 'wait', due: null, detail: '回复说正在处理。', dueNow: false };

  it.each([
    ['no clock running: unchanged', [], null, '回复说正在处理。'],
    [
      'the earliest open clock gives the date',
      [running('b', '2026-12-20'), running('a', '2026-12-16')],
      '2026-12-16',
      '「时钟a」2026 年 12 月 16 日到期',
    ],
    [
      'a passed clock is not a date to wait for',
      [running('a', '2026-11-20', true)],
      null,
      '回复说正在处理。',
    ],
    ['a clock that cannot be counted is left out', [running('a', null)], null, '回复说正在处理。'],
  ] as const)('%s', (_name, clocks, due, detail) => {
    const next = withRunningClock(waiting, clocks, '2026-12-02');
    expect(next.due).toBe(due);
    expect(next.detail).toContain(detail);
  });

  it('a step with its own date, or not a wait, is returned as it was', () => {
    const dated = { ...waiting, due: '2026-12-03' };
    expect(withRunningClock(dated, [running('a', '2026-12-16')], '2026-12-02')).toBe(dated);
    const escalate = { ...waiting, kind: 'escalate' };
    expect(withRunningClock(escalate, [running('a', '2026-12-16')], '2026-12-02')).toBe(escalate);
  });
});
