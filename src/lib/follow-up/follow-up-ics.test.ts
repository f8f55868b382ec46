import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { followUpIcs } from './follow-up-ics';
import { escapeIcsText, foldIcs } from './ics-text';
import { parseSentTime, planFollowUp } from './follow-up-plan';
import { loadPlanContext } from '../node/planner-context';

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
