import {
  chineseDate,
  chineseDateTime,
  followUpMail,
  FollowUpInputError,
  parseSentTime,
  planFollowUp,
  type FollowUpPlan,
  type PlanContext,
} from '../../lib/follow-up/follow-up-plan';
import { shanghaiDateTime } from '../../lib/shanghai-time';
import { decodeHolidays, DAY_KIND_LABELS, WEEKDAY_NAMES, WorkCalendar } from '../../lib/work-calendar';
import { decodeFestivalDates, fallbackHolidays } from '../../lib/statutory-holidays';
import type { PlannerData } from '../../data/site-data';
import { copyText, sayBeside } from '../shared/clipboard';
import { downloadBlob } from '../shared/download';
import { lazyChunk } from '../shared/lazy-chunk';
import { ownValue } from '../../lib/own-value';
import { $requestType, $subject } from '../shared/stores';
import { watchStorage } from '../shared/storage-warning';
import { defineIsland } from '../shared/define-island';

// The calendar library is loaded only when a file is asked for.
const icsCode = lazyChunk(() => import('../../lib/follow-up/follow-up-ics'), '生成日历文件的代码');

/** The clipboard is blocked: the mail goes into a selected, read-only box under the button. */
function showForManualCopy(button: HTMLButtonElement, status: HTMLElement, text: string) {
  sayBeside(button, status, status.textContent ?? '', false);
  let box = button.parentElement!.querySelector<HTMLTextAreaElement>('textarea[data-copy-fallback]');
  if (!box) {
    box = document.createElement('textarea');
    box.readOnly = true;
    box.rows = 8;
    box.dataset.copyFallback = '';
    box.setAttribute('aria-label', '跟进邮件（手动复制）');
    button.parentElement!.append(box);
  }
  box.value = text;
  box.focus();
  box.select();
}

class FollowUpPlanner extends HTMLElement {
  #plan: FollowUpPlan | null = null;
  #unsubscribe: (() => void)[] = [];

  connectedCallback() {
    const data = JSON.parse(this.dataset.planner!) as PlannerData;
    const holidays = decodeHolidays(this.dataset.calendar!);
    const festivals = decodeFestivalDates(this.dataset.festivals ?? '');
    const context: PlanContext = {
      calendar: new WorkCalendar(holidays, fallbackHolidays(festivals, holidays)),
      followUps: data.followUps,
      cadence: data.cadence,
      salesPeriods: data.salesPeriods,
    };
    const sent = this.querySelector<HTMLInputElement>('[data-sent]')!;
    const type = this.querySelector<HTMLSelectElement>('[data-type]')!;
    const subject = this.querySelector<HTMLInputElement>('[data-subject]')!;
    const calendarDays = this.querySelector<HTMLInputElement>('[data-calendar-days]')!;
    const error = this.querySelector<HTMLElement>('[data-error]')!;
    const output = this.querySelector<HTMLElement>('[data-output]')!;
    const status = this.querySelector<HTMLElement>('[data-status]')!;

    // Now, in Beijing time, whatever the device's zone.
    if (!sent.value) sent.value = shanghaiDateTime(Date.now()).replace(' ', 'T');
    subject.value = $subject.get();

    const update = () => {
      try {
        if (!sent.value) throw new FollowUpInputError('请填写邮件的发送时间。');
        this.#plan = planFollowUp(
          { sent: parseSentTime(sent.value).instant, type: type.value, calendarDays: calendarDays.checked },
          context,
        );
      } catch (problem) {
        this.#plan = null;
        error.textContent =
          problem instanceof FollowUpInputError ? problem.message : `无法推算：${(problem as Error).message}`;
        error.hidden = false;
        output.hidden = true;
        return;
      }
      error.hidden = true;
      output.hidden = false;
      this.render(this.#plan);
    };

    for (const input of [sent, type, calendarDays]) input.addEventListener('change', update);
    sent.addEventListener('input', update);
    subject.addEventListener('input', () => $subject.set(subject.value));
    this.#unsubscribe.push(
      // The mailbox picker's request type chooses the row of table 6.
      $requestType.subscribe((route) => {
        const followUp = ownValue(data.routeFollowUps, route);
        if (followUp && type.value !== followUp) {
          type.value = followUp;
          update();
        }
      }),
      $subject.listen((value) => {
        if (subject.value !== value) subject.value = value;
      }),
      watchStorage(
        this.querySelector<HTMLElement>('[data-storage-warning]')!,
        '原邮件主题',
        '刷新页面前请自行复制',
      ),
    );
    this.querySelector('[data-ics]')!.addEventListener(
      'click',
      () => void this.downloadIcs(subject.value, status),
    );
    this.querySelector('ol[data-steps]')!.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-copy-mail]');
      if (!button || !this.#plan) return;
      const mail = followUpMail(this.#plan, button.dataset.copyMail as 'email', subject.value);
      const text = `主题：${mail.subject}\n\n${mail.body}`;
      void copyText(text).then((copied) => {
        status.textContent = copied
          ? `已复制“${button.dataset.label}”的跟进邮件（主题和正文）。`
          : '无法自动复制（浏览器不允许）：跟进邮件已显示在按钮下方并已选中，请手动复制。';
        button.textContent = copied ? '已复制' : '复制失败';
        // Success is seen on the button; a failure says so beside it and shows the text to copy.
        if (!copied) showForManualCopy(button, status, text);
        setTimeout(() => (button.textContent = '复制跟进邮件'), 2000);
      });
    });
    update();
  }

  disconnectedCallback() {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
  }

  render(plan: FollowUpPlan) {
    this.querySelector('[data-sent-summary]')!.textContent =
      `发送：${chineseDate(plan.sent.date)} ${plan.sent.dateTime.slice(11)}（北京时间，${WEEKDAY_NAMES[new Date(`${plan.sent.date}T00:00:00Z`).getUTCDay()]}）。` +
      (plan.mode === 'working-days'
        ? '“第 N 天”是发送日之后的第 N 个工作日，发送当天不算。'
        : '按自然日计算。');

    const labels = new Map(plan.steps.map((step) => [step.id, step.label]));
    this.querySelector('[data-strip]')!.replaceChildren(
      ...plan.days.map((day) => {
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
      }),
    );

    this.querySelector('ol[data-steps]')!.replaceChildren(
      ...plan.steps.map((step) => {
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
      }),
    );

    const { commitment } = plan;
    this.querySelector('[data-commitment]')!.textContent =
      commitment.hours !== undefined
        ? `原文称${commitment.business}在 ${commitment.hours} 小时内响应：到 ${chineseDateTime(commitment.deadline)}期满，${commitment.followUpText}。升级路径（原文称）：${commitment.escalation}。`
        : `原文称${commitment.business}在 ${commitment.workingDays} 个工作日内答复：${chineseDate(commitment.deadline)}期满，${chineseDate(commitment.followUp)}（${commitment.followUpText}）跟进。升级路径（原文称）：${commitment.escalation}。`;

    this.querySelector('[data-notices]')!.replaceChildren(
      ...plan.notices.map((notice) => {
        const item = document.createElement('li');
        item.textContent = notice;
        return item;
      }),
    );
    // Named after the request type: two types can share their dates, and a change of type must
    // still be heard as a new plan.
    const type = this.querySelector<HTMLSelectElement>('[data-type]')!.selectedOptions[0]?.text.trim() ?? '';
    this.querySelector('[data-status]')!.textContent =
      `${type}：第 ${plan.steps.map((step) => `${step.day} 天是 ${chineseDate(step.due)}`).join('，第 ')}。`;
  }

  async downloadIcs(subject: string, status: HTMLElement) {
    if (!this.#plan) return;
    try {
      const { followUpIcs } = await icsCode.load();
      const text = followUpIcs(this.#plan, subject);
      downloadBlob(
        new Blob([text], { type: 'text/calendar;charset=utf-8' }),
        `快手邮件跟进提醒_${this.#plan.sent.date}.ics`,
      );
      status.textContent = '日历文件已生成，可用系统日历、Outlook 或 Google 日历打开导入。';
    } catch (problem) {
      const error = this.querySelector<HTMLElement>('[data-error]')!;
      error.textContent = `无法生成日历文件：${(problem as Error).message}`;
      error.hidden = false;
    }
  }
}

defineIsland('follow-up-planner', FollowUpPlanner);
