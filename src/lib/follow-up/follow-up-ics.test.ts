import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { clockIcs, followUpIcs, type ClockReminder } from './follow-up-ics';
import { caseClocks, clockReminders, runningClocks } from '../case-file/case-clocks';
import type { CaseStep } from '../case-file/case-schema';
import { loadGuideData } from '../node/load-guide-data';
import { escapeIcsText, foldIcs } from './ics-text';
import { parseSentTime, planFollowUp } from './follow-up-plan';
import { loadPlanContext } from '../node/planner-context';
import { readIcsWithPython } from '../../../tests/support/python-icalendar';

const context = loadPlanContext();
const guide = loadGuideData();
const routine = planFollowUp({ sent: parseSentTime('2026-11-05T10:00').instant, type: 'routine' }, context);
const emergency = planFollowUp(
  { sent: parseSentTime('2026-11-27T20:00').instant, type: 'emergency-fault' },
  context,
);
const utf8 = new TextEncoder();

/** The file read by ical.js (a maintained RFC 5545 parser): every event's and alarm's text. */
function readWithIcalJs(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((event) => ({
    summary: String(event.getFirstPropertyValue('summary')),
    description: String(event.getFirstPropertyValue('description')),
    alarms: event
      .getAllSubcomponents('valarm')
      .map((alarm) => String(alarm.getFirstPropertyValue('description'))),
  }));
}

/** RFC 5545 §3.1: CRLF only, every physical line at most 75 octets. */
function expectStandardLines(ics: string) {
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of ics.split('\r\n')) expect(utf8.encode(line).length, line).toBeLessThanOrEqual(75);
}

describe('escapeIcsText and foldIcs', () => {
  it.each([
    ['a;b,c\\d', 'a\\;b\\,c\\\\d'],
    ['一\r二\r\n三\n四', '一\\n二\\n三\\n四'],
    ['响\u0007铃\u001b', '响铃'],
  ])('escapeIcsText(%j) = %j', (text, escaped) => {
    expect(escapeIcsText(text)).toBe(escaped);
  });

  it('folds at 75 octets between code points, unfolding to the same line', () => {
    const line = `DESCRIPTION:${'跟进😀'.repeat(40)}`;
    const folded = foldIcs(`BEGIN:VCALENDAR\r\n${line}\r\nEND:VCALENDAR`);
    expectStandardLines(folded);
    expect(folded.replace(/\r\n /g, '')).toBe(`BEGIN:VCALENDAR\r\n${line}\r\nEND:VCALENDAR`);
  });
});

describe('followUpIcs: text a calendar reads back exactly (issue 21)', () => {
  const subject = '申诉;复核,账号\\快手\r第二行';

  it('a bare CR in the subject is not written raw, and alarm descriptions escape ; , \\', () => {
    for (const plan of [routine, emergency]) {
      const ics = followUpIcs(plan, subject);
      expectStandardLines(ics);
      const events = readWithIcalJs(ics);
      expect(events).toHaveLength(plan.steps.length + 1);
      const shown = '申诉;复核,账号\\快手 第二行';
      expect(events[0]!.alarms[0]).toBe(`【跟进】${plan.steps[0]!.label}：${shown}`);
      expect(events[0]!.description).toContain(`原邮件：“${shown}”`);
      for (const event of events) expect(event.alarms).toHaveLength(1);
    }
  });

  it('any subject: standard lines, and ical.js reads the subject back in every reminder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (typed) => {
        const ics = followUpIcs(routine, typed);
        expectStandardLines(ics);
        const events = readWithIcalJs(ics);
        expect(events).toHaveLength(routine.steps.length + 1);
        const expected =
          typed
            .replace(/\r\n?/g, '\n')
            .replace(/[\0-\x08\x0b-\x1f\x7f]/g, '')
            .replace(/\s+/g, ' ')
            .trim() || '（原邮件主题）';
        expect(events[0]!.alarms[0]).toBe(`【跟进】${routine.steps[0]!.label}：${expected}`);
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});

describe('followUpIcs: UIDs unique per case and step (issue 18)', () => {
  const uids = (ics: string) =>
    new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((event) => String(event.getFirstPropertyValue('uid')));
  const morning = planFollowUp({ sent: parseSentTime('2026-11-05T10:00').instant, type: 'routine' }, context);
  const afternoon = planFollowUp(
    { sent: parseSentTime('2026-11-05T15:30').instant, type: 'routine' },
    context,
  );

  it('two mails of the same type sent the same day share no UID (importing the second kept only its reminders)', () => {
    const first = uids(followUpIcs(morning, '【咨询】直播权限'));
    const second = uids(followUpIcs(afternoon, '【咨询】提现到账'));
    expect(new Set(first).size).toBe(first.length);
    expect(first.filter((uid) => second.includes(uid))).toEqual([]);
    // The same mail at the same time with another subject is another mail, too.
    expect(uids(followUpIcs(morning, '【咨询】别的事')).filter((uid) => first.includes(uid))).toEqual([]);
  });

  it('with a case id the UIDs name the case and the step; exporting again gives the same UIDs', () => {
    const a = uids(followUpIcs(morning, '同一主题', { caseId: 'case-a' }));
    const b = uids(followUpIcs(morning, '同一主题', { caseId: 'case-b' }));
    expect(a.filter((uid) => b.includes(uid))).toEqual([]);
    expect(a.every((uid) => uid.includes('case-a'))).toBe(true);
    expect(a.map((uid) => uid.split('@')[0]!.split('-').at(-1))).toEqual([
      'email',
      'call',
      'escalate',
      'commitment',
    ]);
    expect(uids(followUpIcs(morning, '同一主题', { caseId: 'case-a' }))).toEqual(a);
    expect(uids(followUpIcs(morning, '同一主题'))).toEqual(uids(followUpIcs(morning, '同一主题')));
  });

  it('a plan reaching a year without a published arrangement says so in every event', () => {
    const plan = planFollowUp({ sent: parseSentTime('2026-12-28T10:00').instant, type: 'routine' }, context);
    const ics = followUpIcs(plan, '跨年');
    expectStandardLines(ics);
    for (const event of readWithIcalJs(ics))
      expect(event.description).toContain('2027 年的调休安排未公布，日期可能变动');
  });
});

describe("followUpIcs read by Python's icalendar (a second RFC 5545 implementation)", () => {
  it('reads every event with the same UID, summary, description and alarms as ical.js; UIDs of two mails disjoint', () => {
    const subject = '【申诉】作品下架；版本,A\\B\r第二行';
    const first = followUpIcs(routine, subject, { caseId: 'case-1' });
    const second = followUpIcs(routine, subject, { caseId: 'case-2' });
    const [fromPython, secondFromPython] = readIcsWithPython([first, second]);
    const fromIcalJs = readWithIcalJs(first);
    expect(fromPython!.length).toBe(fromIcalJs.length);
    expect(fromPython!.length).toBeGreaterThan(0);
    fromPython!.forEach((event, index) => {
      expect(event.summary).toBe(fromIcalJs[index]!.summary);
      expect(event.description).toBe(fromIcalJs[index]!.description);
      expect(event.alarms).toEqual(fromIcalJs[index]!.alarms);
      expect(event.description).toContain('【申诉】作品下架；版本,A\\B');
    });
    const firstUids = fromPython!.map((event) => event.uid);
    expect(new Set(firstUids).size).toBe(firstUids.length);
    expect(secondFromPython!.filter((event) => firstUids.includes(event.uid))).toEqual([]);
  }, 30_000);
});

describe('the legal and published clocks in the .ics (issue 18)', () => {
  const clocks = caseClocks(guide.clocks, (lawId) =>
    lawId === 'ecommerce-43'
      ? '电子商务法第四十三条'
      : lawId === 'spc-ip-reply-3'
        ? '最高法批复第三条'
        : undefined,
  );
  const started = (id: string, date: string, clock: string): CaseStep => ({
    id,
    kind: 'reply',
    date,
    said: '平台已转送不侵权声明',
    result: 'pending',
    clock,
  });
  /** The case's running clocks as the case file exports them, on 2026-11-30. */
  const reminders = (caseId: string, steps: CaseStep[], today = '2026-11-30') =>
    clockReminders(caseId, runningClocks({ steps }, clocks, context.calendar, today));
  const events = (ics: string) =>
    new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((event) => ({
      uid: String(event.getFirstPropertyValue('uid')),
      summary: String(event.getFirstPropertyValue('summary')),
      description: String(event.getFirstPropertyValue('description')),
      start: String(event.getFirstPropertyValue('dtstart')),
    }));

  it('each clock an event on its due date: its name, basis, counting; UIDs unique per case, step and clock', () => {
    const steps = [
      started('s1', '2026-11-30', 'ecommerce-43-counter-notice'),
      started('s2', '2026-11-30', 'spc-ip-reply-20-working-days'),
      started('s3', '2026-12-01', 'ecommerce-43-counter-notice'),
    ];
    const ics = followUpIcs(routine, '【侵权投诉】', {
      caseId: 'c-a-m1',
      clocks: reminders('c-a', steps),
    });
    expectStandardLines(ics);
    const all = events(ics);
    const uids = all.map((event) => event.uid);
    expect(new Set(uids).size).toBe(uids.length);
    const clockEvents = all.filter((event) => event.uid.includes('-clock-'));
    expect(clockEvents.map((event) => [event.uid, event.start])).toEqual([
      ['case-c-a-s1-clock-ecommerce-43-counter-notice@kuaishou-mail-guide', '2026-12-15'],
      ['case-c-a-s2-clock-spc-ip-reply-20-working-days@kuaishou-mail-guide', '2026-12-28'],
      ['case-c-a-s3-clock-ecommerce-43-counter-notice@kuaishou-mail-guide', '2026-12-16'],
    ]);
    const [counterNotice, cap] = clockEvents;
    expect(counterNotice!.summary).toBe('【期限】反通知转达权利人后的 15 日：今天到期');
    expect(counterNotice!.description).toContain(
      '依据：电子商务法第四十三条：“电子商务平台经营者在转送声明到达知识产权权利人后十五日内',
    );
    expect(counterNotice!.description).toContain('期限：15 个自然日（起算当日不计入）；起算 2026-11-30');
    // The site's own doubt is passed on, marked as ours, not turned into a rule.
    expect(counterNotice!.description).toContain('本站说明（编辑补充）：本站按到达当日不计入');
    expect(counterNotice!.description).toContain('是否顺延，本站未核实');
    expect(cap!.description).toContain('期限：20 个工作日（起算当日不计入）');
    // Another case with the same steps: no UID in common (importing one does not replace the other's).
    const other = followUpIcs(routine, '【侵权投诉】', {
      caseId: 'c-b-m1',
      clocks: reminders('c-b', steps),
    });
    expect(events(other).filter((event) => uids.includes(event.uid))).toEqual([]);
  });

  it('a second-hand clock says so in its title and description; a clock already over gives no event', () => {
    const steps = [
      started('s1', '2026-11-30', 'consumer-12315-acceptance'),
      started('s2', '2026-01-05', 'isc-complaint-10-working-days'),
    ];
    const ics = clockIcs(reminders('case-m', steps));
    const [only, ...rest] = events(ics);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      summary: '【期限】全国12315：7 个工作日内决定是否受理：今天到期（二手资料）',
      start: '2026-12-09',
    });
    expect(only!.description).toContain('（二手资料，本站未在平台页面核实）');
    expect(only!.description).toContain('7 个工作日（起算当日不计入）');
    expect(only!.description).toContain('不是法律意见');
  });

  it('a working-day clock across 春节 2027: the due date skips the holiday, and says 2027 is not published', () => {
    const steps = [started('s1', '2027-01-25', 'spc-ip-reply-20-working-days')];
    const ics = clockIcs(reminders('case-cny', steps, '2027-01-25'));
    expectStandardLines(ics);
    expect(ics).toMatch(/DTSTART;VALUE=DATE:20270224/);
    const [event] = events(ics);
    // 20 calendar days would end on 2027-02-14, inside the Spring Festival holiday.
    expect(event!.start).toBe('2027-02-24');
    expect(event!.description).toContain('2027 年的调休安排未公布，日期可能变动');
    expect(event!.description).toContain('20 个工作日');
  });

  it('any name and basis: escaped and folded, read back exactly by ical.js and Python', () => {
    const odd = (text: string): ClockReminder => ({
      uidStem: 'case-x/1 2',
      clockId: 'odd',
      name: text,
      counts: 'workingDays',
      length: 3,
      start: '2026-11-30',
      due: '2026-12-03',
      startsWhen: text,
      basis: text,
      notices: [],
    });
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (typed) => {
        const ics = clockIcs([odd(typed)]);
        expectStandardLines(ics);
        const shown = typed
          .replace(/\r\n?/g, '\n')
          .replace(/[\0-\x08\x0b-\x1f\x7f\u2028\u2029]/g, (c) =>
            c === '\u2028' || c === '\u2029' ? '\n' : '',
          );
        const [event] = events(ics);
        expect(event!.summary).toBe(`【期限】${shown}：今天到期`);
        expect(event!.description.startsWith(`依据：${shown}\n`)).toBe(true);
        expect(event!.uid).toBe('case-x_1_2-clock-odd@kuaishou-mail-guide');
      }),
      { numRuns: 100 },
    );
    const hard = clockIcs([
      odd('期限;逗号,反斜杠\\第二行\r第三行'),
      {
        ...odd('时'),
        clockId: 'h',
        counts: 'hours',
        length: 24,
        start: '2026-11-27T20:00',
        due: '2026-11-28T20:00',
      },
    ]);
    const [fromPython] = readIcsWithPython([hard]);
    expect(fromPython!.map((event) => [event.summary, event.start])).toEqual([
      ['【期限】期限;逗号,反斜杠\\第二行\n第三行：今天到期', '2026-12-03'],
      ['【期限】时：今天到期', '2026-11-28T12:00:00+00:00'],
    ]);
    expect(fromPython![0]!.description).toContain('依据：期限;逗号,反斜杠\\第二行\n第三行');
  }, 30_000);
});
