import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { followUpIcs } from './follow-up-ics';
import { escapeIcsText, foldIcs } from './ics-text';
import { parseSentTime, planFollowUp } from './follow-up-plan';
import { loadPlanContext } from '../node/planner-context';
import { readIcsWithPython } from '../../../tests/support/python-icalendar';

const context = loadPlanContext();
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
