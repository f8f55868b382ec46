/**
 * The follow-up plan as an iCalendar file (RFC 5545, written by the `ics` library): one
 * all-day event per step with a 09:00 reminder, plus the end of the claimed reply time; and the
 * legal and published clocks running on a case (clocks.yaml), one event on each due date, saying
 * what it counts, its basis as the data gives it and its marks (原文称, 二手资料) — never more.
 * UIDs are unique per case and step (and clock): two mails of one type sent on one day used to
 * share them, so importing the second file replaced the first one's reminders (issue 18).
 */
import { createEvents, type Alarm, type DateArray, type DurationObject, type EventAttributes } from 'ics';
import { chineseDate, type FollowUpPlan } from './follow-up-plan';
import { UNPUBLISHED_NOTICE } from '../statutory-holidays';
import { addDays } from '../work-calendar';
import { escapeIcsText, foldIcs, normaliseIcsText } from './ics-text';
import type { ClockCounts } from './clocks';

const dateArray = (date: string): DateArray => [
  Number(date.slice(0, 4)),
  Number(date.slice(5, 7)),
  Number(date.slice(8, 10)),
];

// An all-day event ends the next day (DTEND;VALUE=DATE). Not `duration: { days: 1 }`: the
// library writes that as P1DT, which RFC 5545 does not allow.
const allDay = (date: string) => ({ start: dateArray(date), end: dateArray(addDays(date, 1)) });

const UID_DOMAIN = 'kuaishou-mail-guide';

/** 32-bit FNV-1a in base 36: a short, stable name for one mail (not a security hash). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/**
 * What the UIDs of one plan start with: the case id when there is one (reduced to the characters a
 * UID keeps readable), otherwise a hash of the sending instant, subject and type, so exporting the
 * same mail again updates its reminders instead of adding copies.
 */
function uidStem(plan: FollowUpPlan, subject: string, caseId: string | undefined): string {
  const safeCase = caseId?.trim().replace(/[^\w.-]+/g, '_');
  return safeCase
    ? `case-${safeCase}`
    : `${plan.type}-${plan.sent.date}-${fnv1a(`${plan.sent.instant}\u001f${subject}\u001f${plan.type}`)}`;
}

/** One clock's end as a calendar event: what the case file and `ksmail followup --clock` give. */
export interface ClockReminder {
  /** What the UID is made of: the case and the step that started the clock, or the start date. */
  uidStem: string;
  clockId: string;
  name: string;
  counts: ClockCounts;
  length: number;
  /** YYYY-MM-DD, or YYYY-MM-DDTHH:mm (Beijing) for an hours clock. */
  start: string;
  due: string;
  startsWhen: string;
  /** basisText: the law's words, or the article's (原文称) or a platform's (二手资料 when so). */
  basis: string;
  /** 原文称 or 二手资料 when the basis is so; shown in the title too. */
  mark?: string | undefined;
  note?: string | undefined;
  /** 调休 not published for a year the count crosses … */
  notices: readonly string[];
}

export interface FollowUpIcsOptions {
  /** The case the mail belongs to (the case file's id): every UID carries it. */
  caseId?: string | undefined;
  /** Clocks running on the case, each an event on its due date (clockEvents). */
  clocks?: readonly ClockReminder[] | undefined;
}

const alarmAt = (description: string, trigger: DurationObject): Alarm => ({
  action: 'display',
  description: escapeIcsText(description),
  trigger,
});

/** A Beijing date-time (YYYY-MM-DDTHH:mm) as the library's UTC start. */
function utcStart(beijing: string): DateArray {
  const utc = new Date(Date.parse(`${beijing}:00+08:00`));
  return [
    utc.getUTCFullYear(),
    utc.getUTCMonth() + 1,
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
  ];
}

/** 「15 个自然日（起算当日不计入）」「24 小时」. */
const lengthText = (clock: ClockReminder) =>
  clock.counts === 'hours'
    ? `${clock.length} 小时`
    : `${clock.length} 个${clock.counts === 'workingDays' ? '工作日' : '自然日'}（起算当日不计入）`;

/**
 * One event per clock on its due date (an hours clock at its due moment), with a reminder at
 * 09:00 of that day (at the moment for an hours clock). The text says only what the data says:
 * the basis as basisText writes it, what starts the clock, the site's own note as 编辑补充.
 */
export function clockEvents(clocks: readonly ClockReminder[]): EventAttributes[] {
  return clocks.map((clock) => {
    const name = normaliseIcsText(clock.name);
    const title = `【期限】${name}：今天到期${clock.mark ? `（${clock.mark}）` : ''}`;
    const description = [
      `依据：${clock.basis}`,
      `期限：${lengthText(clock)}；起算 ${clock.start}（${clock.startsWhen}），到期 ${clock.due}${clock.counts === 'hours' ? '（北京时间）' : ''}。`,
      ...(clock.note ? [`本站说明（编辑补充）：${clock.note}`] : []),
      ...clock.notices,
      '本站根据你记录的起算日推算，不是法律意见；以法律原文和有关部门、平台的说法为准。',
    ].join('\n');
    const uid = `${clock.uidStem.replace(/[^\w.-]+/g, '_')}-clock-${clock.clockId}@${UID_DOMAIN}`;
    const common = { uid, title, description: normaliseIcsText(description), categories: ['快手案卷期限'] };
    if (clock.counts === 'hours')
      return {
        ...common,
        start: utcStart(clock.due),
        startInputType: 'utc',
        startOutputType: 'utc',
        duration: { minutes: 30 },
        alarms: [alarmAt(`${name}：今天到期`, { minutes: 0, before: true })],
      } satisfies EventAttributes;
    return {
      ...common,
      ...allDay(clock.due),
      alarms: [alarmAt(`${name}：今天到期`, { hours: 9, minutes: 0, before: false })],
    } satisfies EventAttributes;
  });
}

/** The events as one calendar file; throws with a Chinese message if the library rejects one. */
function calendarFile(events: EventAttributes[], productId: string, calName: string): string {
  const { error, value } = createEvents(events, { productId, calName });
  if (error || !value) throw new Error(`无法生成日历文件：${error?.message ?? '未知错误'}`);
  return foldIcs(value);
}

/** Only clocks (a case with no mail to follow up, `ksmail followup --clock … --ics`). */
export const clockIcs = (clocks: readonly ClockReminder[]): string =>
  calendarFile(clockEvents(clocks), 'kuaishou-mail-guide/clocks', '快手案卷期限提醒');

/** Returns the .ics text; throws with a Chinese message if the library rejects an event. */
export function followUpIcs(
  plan: FollowUpPlan,
  originalSubject: string,
  options: FollowUpIcsOptions = {},
): string {
  // The library escapes SUMMARY and DESCRIPTION itself but passes a bare CR through: normalised
  // here. An alarm's description it does not escape at all (alarm() below).
  const subject = normaliseIcsText(originalSubject).replace(/\s+/g, ' ').trim() || '（原邮件主题）';
  const alarm = alarmAt;
  const unpublished = plan.notices.filter((notice) => notice.includes(UNPUBLISHED_NOTICE));
  const about = [`原邮件：“${subject}”，发送于 ${plan.sent.dateTime}（北京时间）。`, ...unpublished].join(
    '\n',
  );
  const uid = (step: string) => `${uidStem(plan, subject, options.caseId)}-${step}@${UID_DOMAIN}`;
  const counting = plan.mode === 'working-days' ? '个工作日' : '天（自然日）';
  const events: EventAttributes[] = plan.steps.map((step) => ({
    uid: uid(step.id),
    title: `【跟进】${step.label}（发送后第 ${step.day} ${counting}）`,
    description: `${step.action}\n对象：${step.to}\n${about}`,
    ...allDay(step.due),
    categories: ['快手邮件跟进'],
    alarms: [alarm(`【跟进】${step.label}：${subject}`, { hours: 9, minutes: 0, before: false })],
  }));
  const { commitment } = plan;
  if (commitment.hours !== undefined) {
    // A Beijing date-time: given to the library in UTC so every calendar app shows it right.
    const instant = Date.parse(commitment.deadline);
    const utc = new Date(instant);
    events.push({
      uid: uid('commitment'),
      title: `【跟进】${commitment.business}：原文称 ${commitment.hours} 小时内响应，已到期`,
      description: `仍无回复就${commitment.followUpText.replace(/^超时即/, '')}。\n${about}`,
      start: [
        utc.getUTCFullYear(),
        utc.getUTCMonth() + 1,
        utc.getUTCDate(),
        utc.getUTCHours(),
        utc.getUTCMinutes(),
      ],
      startInputType: 'utc',
      startOutputType: 'utc',
      duration: { minutes: 30 },
      alarms: [alarm(`${commitment.business}：响应时限已到`, { minutes: 0, before: true })],
    });
  } else {
    events.push({
      uid: uid('commitment'),
      title: `【跟进】${commitment.business}：原文称的 ${commitment.workingDays} 个工作日答复期已过`,
      description: `答复期满日为 ${chineseDate(commitment.deadline)}；今天（${commitment.followUpText}）仍无答复，正式跟进。\n${about}`,
      ...allDay(commitment.followUp),
      alarms: [alarm(`${commitment.business}：答复期已过`, { hours: 9, minutes: 0, before: false })],
    });
  }
  return calendarFile(
    [...events, ...clockEvents(options.clocks ?? [])],
    'kuaishou-mail-guide/follow-up',
    '快手邮件跟进提醒',
  );
}
