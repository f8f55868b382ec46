/**
 * The follow-up planner: from when a mail was sent (Beijing time) and the kind of request,
 * the dates of the 3-5-7 steps on China's working-day calendar, the reply-time commitment the
 * article claims (table 6), big sales periods to avoid, and a ready follow-up mail per step.
 *
 * Day counting (stated on the guide's page too): "day N" is the N-th working day after the
 * sending day, which is not counted; a commitment of X working days runs out on day X and is
 * followed up on day X+1, and the cadence's escalation step never comes before day X+1 (escalation
 * only after a stated window has passed); a commitment in hours is counted in hours from the
 * sending time.
 */
import type { CadenceStep } from '../rules/ruleset';
import { isRealDate, shanghaiDate, shanghaiDateTime } from '../shanghai-time';
import { UNPUBLISHED_NOTICE } from '../statutory-holidays';
import { addDays, WEEKDAY_NAMES, type DayInfo, type WorkCalendar } from '../work-calendar';

/** A row of the guide's table 6 (follow-ups.yaml). */
export interface FollowUpRow {
  id: string;
  business: string;
  commitment: { hours: number } | { workingDays: number };
  followUp: string;
  escalation: string;
}

/** A big sales period (sales-periods.yaml): every year between MM-DD days, or on given dates. */
export interface SalesPeriodInfo {
  id: string;
  name: string;
  recurring?: { start: string; end: string } | undefined;
  periods?: { start: string; end: string }[] | undefined;
}

export class FollowUpInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FollowUpInputError';
  }
}

const BEIJING_OFFSET = '+08:00';

/**
 * The years the planner accepts: from the first year with a published holiday arrangement in
 * chinese-days to the end of the century. Past year 9999 ISO dates get six digits and date
 * arithmetic stops advancing (9999-12-31 froze the planner and ksmail followup, issue 21).
 */
export const CALENDAR_YEARS = { first: 2004, last: 2099 } as const;

/** Why a sending year cannot be planned (outside CALENDAR_YEARS), or null. */
function outOfRange(year: number): string | null {
  const { first, last } = CALENDAR_YEARS;
  return year >= first && year <= last
    ? null
    : `发送时间的年份 ${year} 超出了可以推算的范围：只能推算 ${first}–${last} 年之间发送的邮件。`;
}

/**
 * Reads a sending time. Without a zone (`2026-09-30T18:00`, `2026-09-30 18:00`) it is Beijing
 * time; with one (`Z`, `+09:00`) it is converted. A date alone means 00:00 Beijing time.
 */
export function parseSentTime(text: string): { instant: number; dateOnly: boolean } {
  const trimmed = text.trim();
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      trimmed,
    );
  if (!match) {
    throw new FollowUpInputError(
      `发送时间格式不对：“${text}”。请写成 2026-09-30T18:00（北京时间），或带时区的 ISO 时间，如 2026-09-30T10:00Z。`,
    );
  }
  const [, year, month, day, hour = '00', minute = '00', second = '00', zone] = match;
  const date = `${year}-${month}-${day}`;
  // isRealDate before any Date: month 13 made toISOString throw a RangeError (found by a
  // property test), which the planner showed as "Invalid time value" and ksmail as a crash.
  if (!isRealDate(date)) throw new FollowUpInputError(`发送时间里的日期不存在：${date}。`);
  const yearProblem = outOfRange(Number(year));
  if (yearProblem) throw new FollowUpInputError(yearProblem);
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59)
    throw new FollowUpInputError(`发送时间里的时刻不存在：${hour}:${minute}。`);
  const offset = !zone
    ? BEIJING_OFFSET
    : zone.toUpperCase() === 'Z'
      ? 'Z'
      : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const instant = Date.parse(`${date}T${hour}:${minute}:${second}${offset}`);
  if (Number.isNaN(instant)) throw new FollowUpInputError(`无法读取发送时间：“${text}”。`);
  return { instant, dateOnly: match[4] === undefined };
}

export interface PlannedStep {
  id: CadenceStep['id'];
  label: string;
  day: number;
  due: string;
  weekday: string;
  action: string;
  to: string;
  /** The sales period the step falls in, if any. */
  sales: { name: string; start: string; end: string } | null;
}

export interface PlannedCommitment {
  business: string;
  hours?: number;
  workingDays?: number;
  /** When the claimed reply time runs out: a date, or a Beijing date-time for hours. */
  deadline: string;
  /** When to follow up on it. */
  followUp: string;
  /** Table 6's follow-up point as the article words it (第4个工作日, 超时即电话追问 …). */
  followUpText: string;
  escalation: string;
}

export interface CalendarStripDay extends DayInfo {
  steps: PlannedStep['id'][];
  deadline: boolean;
  followUp: boolean;
  sending: boolean;
  sales: string | null;
}

export interface FollowUpPlan {
  type: string;
  sent: { instant: number; date: string; dateTime: string };
  mode: 'working-days' | 'calendar-days';
  steps: PlannedStep[];
  commitment: PlannedCommitment;
  notices: string[];
  days: CalendarStripDay[];
}

export interface PlanContext {
  calendar: WorkCalendar;
  followUps: readonly FollowUpRow[];
  cadence: readonly CadenceStep[];
  salesPeriods: readonly SalesPeriodInfo[];
}

/** The sales period a date falls in (recurring MM-DD ranges may wrap the new year). */
export function salesPeriodAt(date: string, periods: readonly SalesPeriodInfo[]) {
  const monthDay = date.slice(5);
  for (const period of periods) {
    if (period.recurring) {
      const { start, end } = period.recurring;
      const inside =
        start <= end ? monthDay >= start && monthDay <= end : monthDay >= start || monthDay <= end;
      if (inside) {
        const year = date.slice(0, 4);
        return { name: period.name, start: `${year}-${start}`, end: `${year}-${end}` };
      }
    }
    for (const span of period.periods ?? []) {
      if (date >= span.start && date <= span.end) return { name: period.name, ...span };
    }
  }
  return null;
}

/** `2026-10-10` → `2026年10月10日`. */
/** 「2026 年 11 月 28 日」: the site's prose spaces digits from Chinese, and pads no month or day. */
export const chineseDate = (date: string) =>
  `${Number(date.slice(0, 4))} 年 ${Number(date.slice(5, 7))} 月 ${Number(date.slice(8, 10))} 日`;

/** 「2026 年 11 月 28 日 18:00（北京时间）」 from an ISO time with the Beijing offset: one format for every deadline. */
export const chineseDateTime = (isoBeijing: string) =>
  `${chineseDate(isoBeijing.slice(0, 10))} ${isoBeijing.slice(11, 16)}（北京时间）`;

const isoBeijing = (instant: number) => `${shanghaiDateTime(instant).replace(' ', 'T')}${BEIJING_OFFSET}`;

export function planFollowUp(
  input: { sent: number; type: string; calendarDays?: boolean },
  context: PlanContext,
): FollowUpPlan {
  const row = context.followUps.find((candidate) => candidate.id === input.type);
  if (!row) {
    throw new FollowUpInputError(
      `未知的诉求类型：“${input.type}”。可选：${context.followUps.map((candidate) => `${candidate.id}（${candidate.business}）`).join('、')}。`,
    );
  }
  if (!Number.isFinite(input.sent)) throw new FollowUpInputError('发送时间无效。');
  const { calendar } = context;
  const calendarDays = input.calendarDays === true;
  const sentDate = shanghaiDate(input.sent);
  // A time with a zone can land in another year in Beijing (2099-12-31T20:00Z is 2100).
  const yearProblem = outOfRange(Number(sentDate.slice(0, 4)));
  if (yearProblem) throw new FollowUpInputError(yearProblem);
  const nth = (n: number) => (calendarDays ? addDays(sentDate, n) : calendar.workdayAfter(sentDate, n));

  let commitment: PlannedCommitment;
  if ('hours' in row.commitment) {
    const deadline = isoBeijing(input.sent + row.commitment.hours * 60 * 60 * 1000);
    commitment = {
      business: row.business,
      hours: row.commitment.hours,
      deadline,
      followUp: deadline,
      followUpText: row.followUp,
      escalation: row.escalation,
    };
  } else {
    const days = row.commitment.workingDays;
    commitment = {
      business: row.business,
      workingDays: days,
      deadline: nth(days),
      followUp: nth(days + 1),
      followUpText: row.followUp,
      escalation: row.escalation,
    };
  }

  // Escalation waits until a stated window has passed: day X+1 for X working days (the guide's
  // advice), not day 7 when the article's own window is 7 working days and ends that very day.
  const windowDays = 'workingDays' in row.commitment ? row.commitment.workingDays : 0;
  const steps: PlannedStep[] = context.cadence.map((step) => {
    const day = step.id === 'escalate' ? Math.max(step.day, windowDays + 1) : step.day;
    const due = nth(day);
    return {
      id: step.id,
      label: step.label,
      day,
      due,
      weekday: WEEKDAY_NAMES[calendar.day(due).weekday]!,
      action: step.action,
      to: step.to.replaceAll('{escalation}', row.escalation),
      sales: salesPeriodAt(due, context.salesPeriods),
    };
  });
  const lastDate = [...steps.map((step) => step.due), commitment.followUp.slice(0, 10)].sort().at(-1)!;
  const days: CalendarStripDay[] = calendar.range(sentDate, lastDate).map((day) => ({
    ...day,
    steps: steps.filter((step) => step.due === day.date).map((step) => step.id),
    deadline: commitment.deadline.slice(0, 10) === day.date,
    followUp: commitment.followUp.slice(0, 10) === day.date,
    sending: day.date === sentDate,
    sales: salesPeriodAt(day.date, context.salesPeriods)?.name ?? null,
  }));

  const notices: string[] = [];
  if (calendarDays) {
    notices.push(
      '按自然日计算：周末和节假日也各算一天。原文没有说明“3-5-7”指自然日还是工作日，本站默认按工作日计算。',
    );
  } else {
    const unpublished = [
      ...new Set(days.filter((day) => !day.published).map((day) => Number(day.date.slice(0, 4)))),
    ];
    for (const year of unpublished) {
      notices.push(
        `${year} 年的${UNPUBLISHED_NOTICE}：国务院尚未公布 ${year} 年的放假安排（本站数据覆盖到 ${calendar.lastYear} 年），本站按《全国年节及纪念日放假办法》把元旦、春节（除夕至正月初三）、清明、劳动节（5 月 1 日、2 日）、端午、中秋、国庆（10 月 1 日至 3 日）算作节假日，其余周一至周五算工作日；公布安排后请重新核对。`,
      );
    }
    const sendingDay = calendar.day(sentDate);
    if (!sendingDay.working) {
      notices.push(
        `发送日 ${chineseDate(sentDate)} 是${sendingDay.festival ? `${sendingDay.festival}假期` : '周末'}：从下一个工作日（${chineseDate(nth(1))}）起算第 1 天。`,
      );
    }
  }
  if (commitment.hours !== undefined) {
    notices.push(
      `原文称${row.business}在 ${commitment.hours} 小时内响应：到 ${chineseDateTime(commitment.deadline)}仍无回复，就${row.followUp.replace(/^超时即/, '')}，不必等到第 ${steps[0]?.day ?? 3} 天。`,
    );
  } else if (commitment.workingDays !== undefined) {
    notices.push(
      `原文称${row.business}在 ${commitment.workingDays} 个${calendarDays ? '工作日（此处按自然日）' : '工作日'}内答复，期满日是 ${chineseDate(commitment.deadline)}；在此之前的追问以确认受理为主，${chineseDate(commitment.followUp)}（${row.followUp}）仍无答复再正式跟进。`,
    );
  }
  const cadenceEscalate = context.cadence.find((step) => step.id === 'escalate');
  const escalate = steps.find((step) => step.id === 'escalate');
  if (cadenceEscalate && escalate && escalate.day !== cadenceEscalate.day) {
    notices.push(
      `原文的“${cadenceEscalate.day} 天未解决需升级”与原文称的 ${windowDays} 个工作日答复期撞在同一天或更早：答复期满（${chineseDate(commitment.deadline)}）之前升级，对方的时限还没过。本站把升级放在期满后的第 ${escalate.day} ${calendarDays ? '天' : '个工作日'}（${chineseDate(escalate.due)}，编辑补充）。`,
    );
  }
  // One notice per sales period, naming the steps that fall in it.
  const bySales = new Map<string, PlannedStep[]>();
  for (const step of steps) {
    if (step.sales) bySales.set(step.sales.name, [...(bySales.get(step.sales.name) ?? []), step]);
  }
  for (const [name, inside] of bySales) {
    const { start, end } = inside[0]!.sales!;
    notices.push(
      `${inside.map((step) => `${step.label}（${chineseDate(step.due)}）`).join('、')}落在${name}期间（大致时段，编辑补充：${chineseDate(start)}至 ${chineseDate(end)}）。原文建议避开大促期间的沟通高峰：非紧急的事可以提前或推后，但不要因此错过原文称的答复期限。`,
    );
  }

  return {
    type: row.id,
    sent: { instant: input.sent, date: sentDate, dateTime: shanghaiDateTime(input.sent) },
    mode: calendarDays ? 'calendar-days' : 'working-days',
    steps,
    commitment,
    notices,
    days,
  };
}

/** A ready mail for a step: 【跟进】 + the original subject, a body citing the first sending date. */
export function followUpMail(plan: FollowUpPlan, stepId: PlannedStep['id'], originalSubject: string) {
  const subject = originalSubject.trim().replace(/^(【跟进】)+/, '') || '（原邮件主题）';
  const sent = `${chineseDate(plan.sent.date)} ${plan.sent.dateTime.slice(11)}`;
  const step = plan.steps.find((candidate) => candidate.id === stepId);
  const email = plan.steps.find((candidate) => candidate.id === 'email');
  const call = plan.steps.find((candidate) => candidate.id === 'call');
  const lines: string[] = ['您好：', ''];
  if (stepId === 'email') {
    lines.push(
      `我于 ${sent}（北京时间）发送了主题为“${subject}”的邮件，至今尚未收到回复。原邮件附在下方，内容不再重复。`,
      '',
      '请问目前的处理进度如何？如需补充材料，请告知，我会尽快提供。',
    );
  } else if (stepId === 'call') {
    lines.push(
      `关于我于 ${sent}（北京时间）发送的邮件“${subject}”，我已于 ${step ? chineseDate(step.due) : '今天'}联系人工客服说明情况并登记了工单（工单号：________）。为留下书面记录，特此邮件说明，原邮件附在下方。`,
      '',
      '请问目前的处理进度如何？如需补充材料，请告知。',
    );
  } else {
    lines.push(
      `我于 ${sent}（北京时间）就“${subject}”发送邮件${email ? `，${chineseDate(email.due)}发送了追问邮件` : ''}${call ? `，${chineseDate(call.due)}联系人工客服登记了工单（工单号：________）` : ''}，至今仍未解决。往来记录附在下方，恳请协助跟进。`,
      '',
      '我的诉求：________',
    );
  }
  lines.push('', '谢谢！', '', '联系方式：________');
  return { subject: `【跟进】${subject}`, body: lines.join('\n') };
}
