/**
 * The planner's rendering of one follow-up plan into the island's markup: the sending summary,
 * the calendar strip, the 3-5-7 steps with their copy buttons, table 6's reply window and the
 * notices. It loads with the planner's chunk (planner-engine.ts), not in the first load. DOM
 * methods and textContent only: subjects and titles are the reader's text.
 */
import {
  chineseDate,
  chineseDateTime,
  type CalendarStripDay,
  type FollowUpPlan,
} from '../../lib/follow-up/follow-up-plan';
import { DAY_KIND_LABELS, WEEKDAY_NAMES } from '../../lib/work-calendar';

function dayItem(day: CalendarStripDay, labels: Map<string, string>) {
  const item = document.createElement('li');
  item.className = `ks-day ks-day--${day.kind}${day.sales ? ' ks-day--sales' : ''}`;
  item.dataset.date = day.date;
  item.dataset.kind = day.kind;
  if (day.steps.length > 0) item.dataset.daySteps = day.steps.join(' ');
  const date = document.createElement('span');
  date.className = 'ks-day__date';
  date.textContent = `${Number(day.date.slice(5, 7))}/${Number(day.date.slice(8))}`;
  const weekday = document.createElement('span');
  weekday.className = 'ks-day__weekday';
  weekday.textContent = WEEKDAY_NAMES[day.weekday]!;
  const kind = document.createElement('span');
  kind.className = 'ks-day__kind';
  kind.textContent =
    day.kind === 'workday'
      ? ''
      : day.festival
        ? `${day.festival}${day.kind === 'makeup' ? '·上班' : ''}`
        : DAY_KIND_LABELS[day.kind];
  item.append(date, weekday, kind);
  const marks = [
    ...(day.sending ? ['发送'] : []),
    ...day.steps.map((id) => labels.get(id)!),
    ...(day.deadline ? ['原文称的答复期满'] : []),
    ...(day.followUp && !day.deadline ? ['原文称期满后跟进'] : []),
  ];
  for (const text of marks) {
    const mark = document.createElement('strong');
    mark.className = 'ks-day__mark';
    mark.textContent = text;
    item.append(mark);
  }
  if (day.sales) item.title = `${day.sales}期间（编辑补充的大致时段）`;
  if (!day.published) item.dataset.unpublished = '';
  return item;
}

function stepItem(step: FollowUpPlan['steps'][number]) {
  const item = document.createElement('li');
  item.className = 'ks-step';
  item.dataset.step = step.id;
  item.dataset.due = step.due;
  const heading = document.createElement('p');
  const when = document.createElement('strong');
  when.textContent = `第 ${step.day} 天 · ${chineseDate(step.due)} ${step.weekday}`;
  heading.append(when, `　${step.label}`);
  const action = document.createElement('p');
  action.textContent = step.action;
  const to = document.createElement('p');
  to.textContent = `对象：${step.to}`;
  item.append(heading, action, to);
  if (step.sales) {
    const sales = document.createElement('p');
    sales.className = 'ks-step__sales';
    sales.textContent = `落在${step.sales.name}期间（编辑补充的大致时段），见下方提示。`;
    item.append(sales);
  }
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.dataset.copyMail = step.id;
  copy.dataset.label = step.label;
  copy.textContent = '复制跟进邮件';
  item.append(copy);
  return item;
}

const commitmentText = ({ commitment }: FollowUpPlan) =>
  commitment.hours !== undefined
    ? `原文称${commitment.business}在 ${commitment.hours} 小时内响应：到 ${chineseDateTime(commitment.deadline)}期满，${commitment.followUpText}。升级路径（原文称）：${commitment.escalation}。`
    : `原文称${commitment.business}在 ${commitment.workingDays} 个工作日内答复：${chineseDate(commitment.deadline)}期满，${chineseDate(commitment.followUp)}（${commitment.followUpText}）跟进。升级路径（原文称）：${commitment.escalation}。`;

/** Writes `plan` into the planner's elements under `root`. */
export function renderPlan(root: HTMLElement, plan: FollowUpPlan) {
  const $ = (selector: string) => root.querySelector<HTMLElement>(selector)!;
  $('[data-sent-summary]').textContent =
    `发送：${chineseDate(plan.sent.date)} ${plan.sent.dateTime.slice(11)}（北京时间，${WEEKDAY_NAMES[new Date(`${plan.sent.date}T00:00:00Z`).getUTCDay()]}）。` +
    (plan.mode === 'working-days'
      ? '“第 N 天”是发送日之后的第 N 个工作日，发送当天不算。'
      : '按自然日计算。');
  const labels = new Map<string, string>(plan.steps.map((step) => [step.id, step.label]));
  $('[data-strip]').replaceChildren(...plan.days.map((day) => dayItem(day, labels)));
  $('ol[data-steps]').replaceChildren(...plan.steps.map(stepItem));
  $('[data-commitment]').textContent = commitmentText(plan);
  $('[data-notices]').replaceChildren(
    ...plan.notices.map((notice) => {
      const item = document.createElement('li');
      item.textContent = notice;
      return item;
    }),
  );
}
