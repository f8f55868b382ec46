/**
 * Renders one open case (its next step, steps, clocks and ladder) and a case's line in the list.
 * Text only through el()/textContent: a case holds whatever the reader typed or imported.
 */
import { chineseDate, chineseDateTime } from '../../lib/follow-up/follow-up-plan';
import { caseTimeline, orderedSteps, type StepNames } from '../../lib/case-file/case-model';
import type { CaseFile } from '../../lib/case-file/case-schema';
import type { Ladder, LadderRung } from '../../lib/case-file/case-ladder';
import type { NextDueStep } from '../../lib/case-file/case-next';
import type { RunningClock } from '../../lib/case-file/case-clocks';
import { el } from '../shared/dom';

export const dueText = (next: NextDueStep) =>
  next.due ? `${chineseDate(next.due)}${next.dueNow ? '（已到）' : ''}` : '没有可推算的日期';

export function nextView(next: NextDueStep): HTMLElement {
  return el(
    'div',
    { 'data-next-kind': next.kind, ...(next.dueNow ? { 'data-due-now': '' } : {}) },
    el('p', {}, el('strong', {}, `下一步：${next.title}`), `　${dueText(next)}`),
    el('p', { 'data-next-detail': '' }, next.detail),
  );
}

export function listItem(caseFile: CaseFile, need: string, next: NextDueStep): HTMLLIElement {
  return el(
    'li',
    { 'data-case': caseFile.id },
    el('a', { href: `#case=${encodeURIComponent(caseFile.id)}` }, caseFile.title),
    el('span', { class: 'ks-case__meta' }, `　${need} · ${caseFile.steps.length} 个步骤`),
    el('br'),
    el('span', { 'data-list-next': next.kind }, `下一步：${next.title}（${dueText(next)}）`),
  );
}

export function stepItems(caseFile: CaseFile, names: StepNames): HTMLLIElement[] {
  const timeline = caseTimeline(caseFile, names);
  const ids = orderedSteps(caseFile).map((step) => step.id);
  return timeline.map((entry, index) => {
    const remove = el('button', { type: 'button', 'data-remove-step': ids[index]! }, '删除这一步');
    remove.setAttribute('aria-label', `删除这一步：${entry.title}`);
    return el(
      'li',
      { 'data-step': ids[index]! },
      el(
        'p',
        {},
        el('strong', {}, `${chineseDate(entry.date)}${entry.time ? ` ${entry.time}` : ''} · ${entry.kind}`),
        `　${entry.title}`,
      ),
      ...(entry.detail ? [el('p', { class: 'ks-case__detail' }, entry.detail)] : []),
      ...(entry.files ?? []).map((file) =>
        el('p', { class: 'ks-case__detail' }, `${file.path}　SHA-256 ${file.sha256}`),
      ),
      remove,
    );
  });
}

export function clockItems(next: NextDueStep): HTMLLIElement[] {
  const { plan } = next;
  if (!plan) return [el('li', {}, '还没有待答复的邮件：记下一封发出的邮件后，这里列出跟进日期和答复期限。')];
  const { commitment } = plan;
  const items = [
    el(
      'li',
      {},
      `计时起点：${chineseDate(plan.sent.date)} ${plan.sent.dateTime.slice(11)}（北京时间）发出的邮件`,
    ),
    ...plan.steps.map((step) =>
      el(
        'li',
        { 'data-clock': step.id },
        `第 ${step.day} 个工作日 · ${chineseDate(step.due)} ${step.weekday}：${step.label}（原文称的节奏）`,
      ),
    ),
    el(
      'li',
      { 'data-clock': 'window' },
      commitment.hours !== undefined
        ? `答复期限：原文称${commitment.business}在 ${commitment.hours} 小时内响应，到 ${chineseDateTime(commitment.deadline)}期满（未经证实）`
        : `答复期限：原文称${commitment.business}在 ${commitment.workingDays} 个工作日内答复，${chineseDate(commitment.deadline)}期满（未经证实）`,
    ),
  ];
  if (next.escalateFrom)
    items.push(
      el(
        'li',
        { 'data-clock': 'escalate-from' },
        `升级：${chineseDate(next.escalateFrom)}起（答复期满之后）仍无答复才建议升级`,
      ),
    );
  for (const notice of plan.notices.filter((text) => /尚未公布|调休/.test(text)))
    items.push(el('li', {}, notice));
  return items;
}

function rungItem(rung: LadderRung, isNext: boolean): HTMLLIElement {
  const lines = [
    el(
      'p',
      {},
      el('strong', {}, rung.name),
      `（${rung.roleLabel} · ${rung.kindLabel}）${rung.used ? ' · 本案已用过' : ''}${isNext ? ' · 下一级' : ''}`,
    ),
  ];
  const where = rung.path ? `快手 App：${rung.path}` : rung.url;
  if (where) lines.push(el('p', { class: 'ks-case__detail' }, `在哪里：${where}`));
  lines.push(el('p', { class: 'ks-case__detail' }, `受理：${rung.accepts}`));
  if (rung.notAccepted)
    lines.push(el('p', { class: 'ks-case__detail' }, `不受理或注意：${rung.notAccepted}`));
  lines.push(
    el(
      'p',
      { class: 'ks-case__detail' },
      rung.clock ? `时限（来源的说法，本站未核实）：${rung.clock}` : '时限：来源没有写明',
    ),
  );
  lines.push(el('p', { class: 'ks-case__detail' }, `来源：${rung.source}`));
  return el('li', { 'data-rung': rung.id, ...(isNext ? { 'data-next-rung': '' } : {}) }, ...lines);
}

export function ladderItems(ladder: Ladder) {
  return {
    rungs: ladder.rungs.map((rung) => rungItem(rung, rung === ladder.escalation)),
    not: ladder.not.map((rung) => rungItem(rung, false)),
    bring: ladder.bring.map((text) => el('li', {}, text)),
  };
}

/** The legal and published clocks the case's steps started: due date, counting, basis, notices. */
export function runningClockItems(running: readonly RunningClock[]): HTMLLIElement[] {
  if (running.length === 0)
    return [el('li', {}, '还没有开始计时的法定或公布时限：记一步时可在“这一步开始计时”里选择。')];
  return running.map(({ clock, clockId, start, due, countsLabel, passed, notices, problem }) => {
    const name = clock?.name ?? clockId;
    if (!clock || !due) return el('li', { 'data-running-clock': clockId }, `${name}：${problem ?? ''}`);
    return el(
      'li',
      { 'data-running-clock': clockId, ...(passed ? { 'data-passed': '' } : {}) },
      el(
        'p',
        {},
        el('strong', {}, name),
        `：从 ${chineseDate(start)}起算（${clock.startsWhen}，当日不计入），${clock.length} 个${countsLabel}，${chineseDate(due)}到期${passed ? '（已过）' : ''}。`,
      ),
      el('p', {}, `依据：${clock.basis}`),
      ...(clock.note ? [el('p', {}, `说明（编辑补充）：${clock.note}`)] : []),
      ...notices.map((notice) => el('p', { 'data-clock-notice': '' }, notice)),
    );
  });
}
