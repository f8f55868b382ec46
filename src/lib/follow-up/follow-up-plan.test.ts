import { describe, expect, it } from 'vitest';
import {
  followUpMail,
  FollowUpInputError,
  parseSentTime,
  planFollowUp,
  salesPeriodAt,
  type FollowUpPlan,
} from './follow-up-plan';
import { followUpIcs } from './follow-up-ics';
import { loadPlanContext } from '../node/planner-context';
import { parseIcsEvents } from '../../../tests/support/ics';
import fc from 'fast-check';
import { expectLinearTime } from '../../../tests/support/linear-time';

const context = loadPlanContext();
const plan = (sent: string, type: string, calendarDays = false) =>
  planFollowUp({ sent: parseSentTime(sent).instant, type, calendarDays }, context);
const dues = (result: FollowUpPlan) => Object.fromEntries(result.steps.map((step) => [step.id, step.due]));

describe('planFollowUp: the 3-5-7 rhythm on real working days', () => {
  it('sent on 2026-09-30, the day before the National Day holiday', () => {
    const result = plan('2026-09-30T10:00', 'routine');
    // Oct 1–7 are holidays; Thu 8th and Fri 9th are days 1–2, Saturday the 10th is a make-up working day.
    expect(dues(result)).toEqual({ email: '2026-10-10', call: '2026-10-13', escalate: '2026-10-15' });
    expect(result.steps.map((step) => step.day)).toEqual([3, 5, 7]);
    expect(result.commitment).toMatchObject({
      workingDays: 3,
      deadline: '2026-10-10',
      followUp: '2026-10-12',
    });
    expect(result.days.find((day) => day.date === '2026-10-10')).toMatchObject({
      kind: 'makeup',
      steps: ['email'],
    });
    expect(result.days.find((day) => day.date === '2026-10-01')).toMatchObject({
      kind: 'holiday',
      festival: '国庆节',
    });
    expect(result.days[0]).toMatchObject({ date: '2026-09-30', sending: true });
  });

  it('sent on a make-up Saturday (2026-10-10): the sending day is not counted', () => {
    const result = plan('2026-10-10T09:30', 'complex-appeal');
    // Escalation waits for the claimed window: day 8, not day 7, the day the window ends (issue 18).
    expect(dues(result)).toEqual({ email: '2026-10-14', call: '2026-10-16', escalate: '2026-10-21' });
    expect(result.steps.map((step) => step.day)).toEqual([3, 5, 8]);
    expect(result.notices.join()).toMatch(
      /本站把升级放在期满后的第 8 个工作日（2026 年 10 月 21 日，编辑补充）/,
    );
    // Seven working days claimed: due on day 7, followed up on day 8 (table 6).
    expect(result.commitment).toMatchObject({
      workingDays: 7,
      deadline: '2026-10-20',
      followUp: '2026-10-21',
    });
    expect(result.commitment.followUpText).toBe('第 8 个工作日');
  });

  it('sent on a Friday evening (Beijing), from any time zone', () => {
    const beijing = plan('2026-11-27T20:00', 'routine');
    expect(dues(beijing)).toEqual({ email: '2026-12-02', call: '2026-12-04', escalate: '2026-12-08' });
    // The same moment typed on a laptop in New York.
    const newYork = plan('2026-11-27T07:00-05:00', 'routine');
    expect(newYork.sent.dateTime).toBe('2026-11-27 20:00');
    expect(dues(newYork)).toEqual(dues(beijing));
    // Friday 20:00 in New York is already Saturday in Beijing: a weekend sending day.
    const late = plan('2026-11-27T20:00-05:00', 'routine');
    expect(late.sent.date).toBe('2026-11-28');
    expect(dues(late)).toEqual(dues(beijing));
    expect(late.notices.join()).toMatch(/是周末/);
  });

  it('emergencies are counted in hours from the sending time', () => {
    const result = plan('2026-11-27T20:00', 'emergency-fault');
    expect(result.commitment).toMatchObject({
      hours: 24,
      deadline: '2026-11-28T20:00+08:00',
      followUp: '2026-11-28T20:00+08:00',
      followUpText: '超时即电话追问',
    });
    expect(result.notices.join()).toMatch(/2026 年 11 月 28 日 20:00（北京时间）仍无回复/);
    expect(result.steps.find((step) => step.id === 'escalate')!.to).toContain('直连技术总监');
  });

  it('New Year’s Eve 2025: the 2026 arrangement makes Sunday 4 January a working day', () => {
    const result = plan('2025-12-31T16:00', 'routine');
    expect(calendarDay(result, '2026-01-04')).toMatchObject({ kind: 'makeup', working: true });
    expect(dues(result)).toEqual({ email: '2026-01-06', call: '2026-01-08', escalate: '2026-01-12' });
    expect(result.notices.join()).not.toMatch(/尚未公布/);
  });

  it('New Year’s Eve 2026: 2027 is not published yet, so its statutory holidays count, with a notice', () => {
    const result = plan('2026-12-31T16:00', 'routine');
    expect(dues(result)).toEqual({ email: '2027-01-06', call: '2027-01-08', escalate: '2027-01-12' });
    expect(result.notices[0]).toMatch(/^2027 年的调休安排未公布，日期可能变动：.*本站数据覆盖到 2026 年/);
    expect(calendarDay(result, '2027-01-01')).toMatchObject({
      kind: 'holiday',
      festival: '元旦',
      working: false,
      published: false,
    });
  });

  it('a year without data at all: 端午 (2027-06-09) is not a working day', () => {
    const result = plan('2027-06-01T10:00', 'complex-appeal');
    expect(dues(result)).toEqual({ email: '2027-06-04', call: '2027-06-08', escalate: '2027-06-14' });
    expect(calendarDay(result, '2027-06-09')).toMatchObject({ kind: 'holiday', festival: '端午节' });
    expect(result.notices.filter((notice) => notice.includes('调休安排未公布'))).toHaveLength(1);
  });

  it('counts calendar days when asked', () => {
    const result = plan('2026-09-30T10:00', 'routine', true);
    expect(result.mode).toBe('calendar-days');
    expect(dues(result)).toEqual({ email: '2026-10-03', call: '2026-10-05', escalate: '2026-10-07' });
    expect(result.notices[0]).toMatch(/按自然日计算/);
  });

  it('flags steps inside a big sales period (our editorial dates)', () => {
    const result = plan('2026-11-02T10:00', 'routine');
    expect(result.steps[0]!.sales?.name).toBe('双11');
    expect(result.notices.some((notice) => /双11期间（大致时段，编辑补充/.test(notice))).toBe(true);
    expect(salesPeriodAt('2026-06-18', context.salesPeriods)?.name).toBe('618 年中大促');
    expect(salesPeriodAt('2027-01-10', context.salesPeriods)?.name).toBe('年货节');
    expect(salesPeriodAt('2026-03-10', context.salesPeriods)).toBeNull();
  });
});

function calendarDay(result: FollowUpPlan, date: string) {
  return result.days.find((day) => day.date === date);
}

describe('bad input gets a Chinese message', () => {
  it.each([
    ['昨天下午', /格式不对/],
    ['2026-02-30T10:00', /日期不存在/],
    ['2026-09-30T25:00', /时刻不存在/],
    ['', /格式不对/],
  ])('%j', (text, message) => {
    expect(() => parseSentTime(text)).toThrow(message);
  });

  it('an unknown type lists the known ones', () => {
    expect(() => planFollowUp({ sent: Date.now(), type: 'urgent' }, context)).toThrow(FollowUpInputError);
    expect(() => planFollowUp({ sent: Date.now(), type: 'urgent' }, context)).toThrow(
      /routine（常规业务咨询）/,
    );
  });

  it('reads zones and dates alone', () => {
    expect(parseSentTime('2026-09-30T02:00Z').instant).toBe(parseSentTime('2026-09-30 10:00').instant);
    expect(parseSentTime('2026-09-30T10:00+0800').instant).toBe(parseSentTime('2026-09-30T10:00').instant);
    expect(parseSentTime('2026-09-30')).toMatchObject({ dateOnly: true });
  });
});

describe('follow-up mails and the calendar file', () => {
  const result = plan('2026-11-05T10:00', 'routine');

  it('each step has a ready mail citing the first sending date', () => {
    for (const step of result.steps) {
      const mail = followUpMail(result, step.id, '【跟进】【账号申诉-创作者ID:123】请求复核');
      expect(mail.subject).toBe('【跟进】【账号申诉-创作者ID:123】请求复核');
      expect(mail.body).toContain('2026 年 11 月 5 日 10:00（北京时间）');
    }
    expect(followUpMail(result, 'escalate', '').body).toMatch(
      /2026 年 11 月 10 日发送了追问邮件，2026 年 11 月 12 日联系人工客服/,
    );
    expect(followUpMail(result, 'email', '  ').subject).toBe('【跟进】（原邮件主题）');
  });

  it('the .ics has one all-day event per step with a reminder, plus the commitment', () => {
    const ics = followUpIcs(result, '【账号申诉-创作者ID:123】请求复核');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const events = parseIcsEvents(ics);
    expect(events.map((event) => [event.DTSTART, event.DTEND])).toEqual([
      ['20261110', '20261111'],
      ['20261112', '20261113'],
      ['20261116', '20261117'],
      ['20261111', '20261112'],
    ]);
    expect(events.every((event) => event.TRIGGER === 'PT9H')).toBe(true);
    expect(events[0]!.SUMMARY).toBe('【跟进】追问邮件（发送后第 3 个工作日）');
    expect(ics).not.toMatch(/P1DT/);
    const emergency = parseIcsEvents(followUpIcs(plan('2026-11-27T20:00', 'emergency-fault'), ''));
    expect(emergency.at(-1)!.DTSTART).toBe('20261128T120000Z');
  });
});

describe('follow-up planning: properties', () => {
  it('any text is read or refused with a Chinese message, never another error (found: month 13 threw a RangeError)', () => {
    const anyTime = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc
        .tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 }),
          fc.constantFrom('', 'Z', '+08:00', '-0530', '+99:99', ' '),
        )
        .map(
          ([y, mo, d, h, zone]) =>
            `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00${zone}`,
        ),
    );
    fc.assert(
      fc.property(anyTime, (text) => {
        let first: ReturnType<typeof parseSentTime> | undefined;
        try {
          first = parseSentTime(text);
        } catch (error) {
          expect(error).toBeInstanceOf(FollowUpInputError);
          expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/u);
          return;
        }
        expect(Number.isFinite(first.instant)).toBe(true);
        expect(parseSentTime(text)).toEqual(first);
      }),
    );
    expect(() => parseSentTime('2026-13-45')).toThrow(/日期不存在/);
  });

  it('any sending time and type: steps on later working days, in order; deterministic', () => {
    const instant = fc.integer({ min: Date.UTC(2004, 0, 1), max: Date.UTC(2099, 11, 31) });
    const type = fc.constantFrom(...context.followUps.map((row) => row.id));
    fc.assert(
      fc.property(instant, type, fc.boolean(), (sent, id, calendarDays) => {
        const result = planFollowUp({ sent, type: id, calendarDays }, context);
        const dues = result.steps.map((step) => step.due);
        expect([...dues].sort()).toEqual(dues);
        for (const step of result.steps) {
          expect(step.due > result.sent.date).toBe(true);
          if (!calendarDays) expect(context.calendar.day(step.due).working).toBe(true);
        }
        expect(planFollowUp({ sent, type: id, calendarDays }, context)).toEqual(result);
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    ['9999-12-31T10:00', /年份 9999 超出了可以推算的范围：只能推算 2004–2099 年/],
    ['2100-01-01T00:00', /年份 2100/],
    ['2003-12-31T23:59', /年份 2003/],
    ['1999-12-31', /年份 1999/],
  ])('a sending time in %s is refused with the range (it froze the planner: issue 21)', (text, message) => {
    expect(() => planFollowUp({ sent: parseSentTime(text).instant, type: 'routine' }, context)).toThrow(
      message,
    );
  });

  it.each([
    ['2004-01-01T10:00', 'routine'],
    ['2099-12-31T23:59', 'complex-appeal'],
  ])('the first and last days of the range plan: %s', (text, type) => {
    expect(planFollowUp({ sent: parseSentTime(text).instant, type }, context).steps).toHaveLength(3);
  });

  it('an instant with a zone that is 2100 in Beijing is refused', () => {
    expect(() => planFollowUp({ sent: Date.UTC(2099, 11, 31, 20), type: 'routine' }, context)).toThrow(
      /年份 2100/,
    );
  });

  it('reads a 1 MB "time" in linear time (and refuses it)', () => {
    expectLinearTime(
      (size) => `2026-09-30T18:00${' '.repeat(size - 20)}x`,
      (text) => {
        expect(() => parseSentTime(text)).toThrow(FollowUpInputError);
      },
    );
  });
});

describe('the calendar file: properties', () => {
  it('any original subject (lone surrogates, line breaks, commas): no throw, no injected property, same events', () => {
    const result = plan('2026-11-05T10:00', 'routine');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (subject) => {
        const ics = followUpIcs(result, subject);
        // No line break in the subject starts a property of its own (calendar injection).
        for (const line of ics
          .replace(/\r\n[ \t]/g, '')
          .split('\r\n')
          .filter(Boolean))
          expect(line).toMatch(/^[A-Z][A-Z-]*[;:]/);
        expect(parseIcsEvents(ics)).toHaveLength(result.steps.length + 1);
      }),
      { numRuns: 50 },
    );
  });
});
