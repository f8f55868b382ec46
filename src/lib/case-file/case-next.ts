/**
 * The next due step of a case: from its steps, the follow-up plan of its last unanswered mail
 * (follow-up-plan.ts: the 3-5-7 cadence on the working-day calendar, and the reply window of
 * table 6 for its case type, both 原文称) and its escalation ladder. Escalation is suggested only
 * once the stated reply window has passed — never on the day it ends — or after a reply that
 * did not resolve the matter. Pure: `now` (an instant) and the calendar are passed in.
 *
 * It is not a judgement of the case, nor a clock of its own: where the data states no clock (an
 * in-app appeal, a channel after escalation) it says that none was found.
 */
import {
  chineseDate,
  chineseDateTime,
  planFollowUp,
  type FollowUpPlan,
  type PlanContext,
} from '../follow-up/follow-up-plan';
import { shanghaiDate } from '../shanghai-time';
import type { CaseFile, CaseStep } from './case-schema';
import { orderedSteps, stepInstant } from './case-model';
import { escalationLadder, type Ladder, type LadderRoute, type LadderRung } from './case-ladder';

export type NextStepKind = 'start' | 'follow-up' | 'call' | 'escalate' | 'wait' | 'done';

export interface NextDueStep {
  kind: NextStepKind;
  title: string;
  detail: string;
  /** Beijing date it is due (YYYY-MM-DD), or null when no clock applies. */
  due: string | null;
  /** Due today or already past. */
  dueNow: boolean;
  /** The follow-up plan of the mail the step counts from, when there is one. */
  plan: FollowUpPlan | null;
  /** That mail's step id: with the case id, it keeps calendar UIDs unique per case and mail. */
  mailId: string | null;
  /** When escalation may start: the day after the stated window (or the window's end, for hours). */
  escalateFrom: string | null;
}

const describeRung = (rung: LadderRung) =>
  `${rung.name}（${rung.roleLabel}）：受理${rung.accepts}${rung.notAccepted ? `；注意：${rung.notAccepted}` : ''}${rung.clock ? `；时限（来源的说法）：${rung.clock}` : ''}`;

/** The channel to go to next: the route's first unused step, or for an escalation its next rung. */
function rungText(ladder: Ladder, escalate = false): string {
  const rung = escalate ? ladder.escalation : ladder.next;
  if (rung) return describeRung(rung);
  return escalate
    ? '路由表里没有这个案例可用的下一级渠道（或都已用过）：本站没有更多可推荐的渠道。'
    : '路由表里这个案例的渠道都已用过；本站没有更多可推荐的渠道。';
}

function result(
  kind: NextStepKind,
  title: string,
  detail: string,
  due: string | null,
  today: string,
  extra: Partial<Pick<NextDueStep, 'plan' | 'escalateFrom' | 'mailId'>> = {},
): NextDueStep {
  return {
    kind,
    title,
    detail,
    due,
    dueNow: due !== null && due <= today,
    plan: null,
    escalateFrom: null,
    mailId: null,
    ...extra,
  };
}

/** The steps after the last reply or escalation, and that step. */
function currentRound(steps: CaseStep[]) {
  let start = 0;
  for (let index = steps.length - 1; index >= 0; index--) {
    const kind = steps[index]!.kind;
    if (kind === 'reply' || kind === 'escalation') {
      start = index + 1;
      break;
    }
  }
  return { closing: start > 0 ? steps[start - 1]! : null, round: steps.slice(start) };
}

export function nextDueStep(
  caseFile: CaseFile,
  now: number,
  context: PlanContext,
  route: LadderRoute | null,
): NextDueStep {
  const today = shanghaiDate(now);
  const ladder = route ? escalationLadder(route, caseFile) : null;
  const steps = orderedSteps(caseFile);
  if (!route)
    return result(
      'wait',
      '未知的案例类型',
      `本站没有“${caseFile.caseType}”这个案例类型，无法推算下一步；请在案卷里改选案例类型。`,
      null,
      today,
    );
  if (steps.length === 0) return result('start', '先做第一步', rungText(ladder!), today, today);

  const { closing, round } = currentRound(steps);
  const mail = round.find((step) => step.kind === 'mail');
  if (!mail && closing?.kind === 'reply') {
    if (closing.result === 'resolved')
      return result(
        'done',
        '已解决',
        `${chineseDate(closing.date)}的回复解决了这件事。有新的情况时再记一步。`,
        null,
        today,
      );
    if (closing.result === 'rejected')
      return result('escalate', '升级：回复没有解决问题', rungText(ladder!, true), closing.date, today, {
        escalateFrom: closing.date,
      });
    return result(
      'wait',
      '对方已受理，等待处理结果',
      '回复说正在处理；本站未找到受理之后的处理时限，可以回信询问预计的处理时间。',
      null,
      today,
    );
  }
  if (!mail && closing?.kind === 'escalation') {
    const rung = ladder!.rungs.find((candidate) => candidate.id === closing.channel);
    return result(
      'wait',
      `等待${rung?.name ?? closing.channel}处理`,
      rung?.clock
        ? `这个渠道的时限（来源的说法，本站未核实）：${rung.clock}`
        : '本站未找到这个渠道的处理时限。',
      null,
      today,
    );
  }
  if (!mail)
    return result(
      'start',
      '写邮件留下书面记录',
      `站内步骤已记下；本站未找到站内申诉的处理时限。下一步：${rungText(ladder!)}`,
      null,
      today,
    );

  const plan = planFollowUp({ sent: stepInstant(mail), type: route.followUp }, context);
  const after = round.slice(round.indexOf(mail) + 1);
  const done = {
    email: after.some((step) => step.kind === 'mail'),
    call: after.some((step) => step.kind === 'call'),
  };
  const { commitment } = plan;
  // The window passes at the end of its last day (working days) or at its last hour.
  const windowPassed =
    commitment.hours !== undefined ? now > Date.parse(commitment.deadline) : today > commitment.deadline;
  const escalateFrom =
    commitment.hours !== undefined ? commitment.deadline.slice(0, 10) : commitment.followUp;
  const window =
    commitment.hours !== undefined
      ? `原文称${commitment.business}在 ${commitment.hours} 小时内响应，到 ${chineseDateTime(commitment.deadline)}期满`
      : `原文称${commitment.business}在 ${commitment.workingDays} 个工作日内答复，${chineseDate(commitment.deadline)}期满`;
  for (const step of plan.steps) {
    if ((step.id === 'email' && done.email) || (step.id === 'call' && done.call)) continue;
    if (step.id === 'escalate' || !['email', 'call'].includes(step.id)) {
      const due = step.due > escalateFrom ? step.due : escalateFrom;
      const title = windowPassed ? '升级：答复期已过' : '等答复期过去再升级';
      const detail = windowPassed
        ? `${window}，仍无答复。${rungText(ladder!, true)}`
        : `${window}；期满之后（${chineseDate(due)}起）仍无答复再升级。`;
      return result(windowPassed ? 'escalate' : 'wait', title, detail, due, today, {
        plan,
        escalateFrom: due,
        mailId: mail.id,
      });
    }
    return result(
      step.id === 'call' ? 'call' : 'follow-up',
      step.label,
      `${step.action}（${window}）`,
      step.due,
      today,
      { plan, escalateFrom, mailId: mail.id },
    );
  }
  return result('wait', '等待答复', `${window}。`, escalateFrom, today, {
    plan,
    escalateFrom,
    mailId: mail.id,
  });
}
