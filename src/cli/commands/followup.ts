/**
 * `ksmail followup`: the follow-up planner on the command line. From the sending time and the kind
 * of request, the dates to follow up by mail, by phone and to escalate; with --ics, a calendar file;
 * with --clock, any one clock from a start date, with --ics its due date (followup-clock.ts).
 */
import { followUpIcs } from '../../lib/follow-up/follow-up-ics';
import {
  chineseDate,
  chineseDateTime,
  parseSentTime,
  planFollowUp,
  type FollowUpPlan,
  type PlanContext,
} from '../../lib/follow-up/follow-up-plan';
import { DAY_KIND_LABELS } from '../../lib/work-calendar';
import { defineCommand, JSON_OPTION, RULES_OPTION, type CliIo } from '../command';
import { planContext } from '../data';
import { UsageError } from '../errors';
import { refuseOverwrite, writeOutput } from '../input';
import { printJson } from '../output';
import { runClock } from './followup-clock';

const TYPES = 'emergency-fault | routine | complex-appeal';
const todayIso = () => new Date().toISOString().slice(0, 10);

const followupJson = ({ sent, mode, steps, commitment, notices }: FollowUpPlan) => ({
  sent: sent.dateTime,
  mode,
  steps: steps.map((step) => ({
    id: step.id,
    day: step.day,
    due: step.due,
    label: step.label,
    action: step.action,
    to: step.to,
    ...(step.sales ? { sales: step.sales.name } : {}),
  })),
  commitment: {
    ...(commitment.hours !== undefined
      ? { hours: commitment.hours }
      : { workingDays: commitment.workingDays }),
    deadline: commitment.deadline,
    followUp: commitment.followUp,
  },
  notices,
});

function printPlan(plan: FollowUpPlan, context: PlanContext, ics: string | undefined, io: CliIo) {
  const { commitment } = plan;
  io.stdout(
    `发送：${plan.sent.dateTime}（北京时间），${plan.mode === 'working-days' ? '按工作日计算' : '按自然日计算'}`,
  );
  for (const step of plan.steps) {
    const kind = DAY_KIND_LABELS[context.calendar.day(step.due).kind];
    io.stdout(
      `第 ${step.day} 天  ${step.due} ${step.weekday}（${kind}）  ${step.label}：${step.action}\n    对象：${step.to}`,
    );
  }
  io.stdout(
    commitment.hours !== undefined
      ? `原文称 ${commitment.hours} 小时内响应：${chineseDateTime(commitment.deadline)}到期，${commitment.followUpText}。升级路径（原文称）：${commitment.escalation}`
      : `原文称 ${commitment.workingDays} 个工作日内答复：${chineseDate(commitment.deadline)}到期，${chineseDate(commitment.followUp)}（${commitment.followUpText}，原文称）跟进。升级路径（原文称）：${commitment.escalation}`,
  );
  for (const notice of plan.notices) io.stdout(`注意：${notice}`);
  if (ics !== undefined) io.stdout(`已写入日历文件：${ics}`);
}

export const followup = defineCommand({
  name: 'followup',
  description: '按发送时间和诉求类型排出跟进日期（邮件、电话、升级），可写成日历文件',
  usage: [
    `followup --sent <ISO 时间> --type <${TYPES}>`,
    '         [--calendar-days] [--subject "<原邮件主题>"] [--json] [--ics <提醒.ics>]',
    'followup --clock <时钟 id> --start <起算日期> [--json] [--ics <期限.ics>]',
    'followup --clock list',
  ],
  options: [
    { name: 'sent', value: '<ISO 时间>', help: '发送时间；不带时区时按北京时间，如 2026-09-30T18:00' },
    {
      name: 'type',
      value: '<类型>',
      help: 'emergency-fault 紧急故障报修、routine 常规业务咨询、complex-appeal 复杂权益申诉',
    },
    { name: 'calendar-days', help: '按自然日而不是工作日计算' },
    { name: 'subject', value: '"<原邮件主题>"', help: '原邮件的主题，写进日历文件的提醒' },
    JSON_OPTION,
    { name: 'ics', value: '<提醒.ics>', help: '把跟进步骤（或 --clock 的到期日）写成日历文件（含提醒）' },
    {
      name: 'clock',
      value: '<时钟 id>',
      help: '从起算日期推算一个时钟（答复时效、法律期限、投诉平台期限）；list 列出全部',
    },
    {
      name: 'start',
      value: '<起算日期>',
      help: '--clock 的起算日期，如 2026-11-30（小时时钟可带时刻，北京时间）',
    },
    RULES_OPTION,
  ],
  run({ positionals, values, io }) {
    if (positionals.length > 0)
      throw new UsageError(`followup 不接受位置参数：${positionals.join(' ')}（请用 --sent 和 --type）`);
    if (values.clock !== undefined) {
      if (values.sent !== undefined || values.type !== undefined)
        throw new UsageError('--clock 与 --sent/--type 不能同时使用：--clock 用 --start 给出起算日期');
      const options = { json: values.json === true, today: todayIso(), ics: values.ics };
      return runClock(values.clock, values.start, options, io);
    }
    if (values.start !== undefined) throw new UsageError('--start 只能与 --clock 一起使用');
    if (!values.sent) throw new UsageError('followup 需要 --sent <发送时间>，如 --sent 2026-09-30T18:00');
    if (!values.type) throw new UsageError(`followup 需要 --type <${TYPES}>`);
    if (values.ics !== undefined) refuseOverwrite(values.ics, [], '日历文件');
    const context = planContext(values.rules);
    const sent = parseSentTime(values.sent).instant;
    const plan = planFollowUp(
      { sent, type: values.type, calendarDays: values['calendar-days'] === true },
      context,
    );
    if (values.ics !== undefined)
      writeOutput(values.ics, followUpIcs(plan, values.subject ?? ''), '日历文件');
    if (values.json) printJson(io, followupJson(plan));
    else printPlan(plan, context, values.ics, io);
    return 0;
  },
});
