/**
 * The follow-up plan as an iCalendar file (RFC 5545, written by the `ics` library): one
 * all-day event per step with a 09:00 reminder, plus the end of the claimed reply time.
 * UIDs are unique per case and step: two mails of one type sent on one day used to share them,
 * so importing the second file replaced the first one's reminders (issue 18).
 */
import { createEvents, type Alarm, type DateArray, type DurationObject, type EventAttributes } from 'ics';
import { chineseDate, type FollowUpPlan } from './follow-up-plan';
import { UNPUBLISHED_NOTICE } from '../statutory-holidays';
import { addDays } from '../work-calendar';
import { escapeIcsText, foldIcs, normaliseIcsText } from './ics-text';

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

export interface FollowUpIcsOptions {
  /** The case the mail belongs to (the case file's id): every UID carries it. */
  caseId?: string | undefined;
}

/** Returns the .ics text; throws with a Chinese message if the library rejects an event. */
export function followUpIcs(
  plan: FollowUpPlan,
  originalSubject: string,
  options: FollowUpIcsOptions = {},
): string {
  // The library escapes SUMMARY and DESCRIPTION itself but passes a bare CR through: normalised
  // here. An alarm's description it does not escape at all (alarm() below).
  const subject = normaliseIcsText(originalSubject).replace(/\s+/g, ' ').trim() || '（原邮件主题）';
  const alarm = (description: string, trigger: DurationObject): Alarm => ({
    action: 'display',
    description: escapeIcsText(description),
    trigger,
  });
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
  const { error, value } = createEvents(events, {
    productId: 'kuaishou-mail-guide/follow-up',
    calName: '快手邮件跟进提醒',
  });
  if (error || !value) throw new Error(`无法生成日历文件：${error?.message ?? '未知错误'}`);
  return foldIcs(value);
}
