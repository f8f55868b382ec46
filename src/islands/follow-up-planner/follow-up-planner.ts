/**
 * The follow-up planner, a view of the case file: a select of this browser's cases that have a
 * mail, plus 「新的：我刚发出一封邮件」, which records the mail (sending time, type, subject) as a
 * case on the case file's shelf. The chosen case's next due step and the 3-5-7 plan of its last
 * unanswered mail come from the case file's own code (nextDueStep), and follow the shelf: a
 * reply recorded in the case file, here or in another tab, changes what is shown.
 *
 * Thin: the logic is in src/lib (case-next.ts, planner-case.ts, follow-up-plan.ts); the shelf's
 * storage and the older tools' migration in ../case-file/case-store.ts; the plan's rendering and
 * everything heavy in the lazy chunk planner-engine.ts.
 */
import type { PlannerData } from '../../data/site-data';
import type { PlanContext, FollowUpPlan } from '../../lib/follow-up/follow-up-plan';
import type { LadderRoute } from '../../lib/case-file/case-ladder';
import type { CaseFile } from '../../lib/case-file/case-schema';
import type { NextDueStep } from '../../lib/case-file/case-next';
import { shelveCase, stepInstant } from '../../lib/case-file/case-model';
import { shanghaiDateTime } from '../../lib/shanghai-time';
import { copyText, sayBeside } from '../shared/clipboard';
import { downloadBlob } from '../shared/download';
import { lazyChunk } from '../shared/lazy-chunk';
import { $requestType, $subject } from '../shared/stores';
import { watchStorage } from '../shared/storage-warning';
import { defineIsland } from '../shared/define-island';
import {
  $foreignShelf,
  $shelf,
  editToken,
  migrateIntoShelf,
  randomId,
  saveShelf,
} from '../case-file/case-store';

const engine = lazyChunk(() => import('./planner-engine'), '跟进计划的代码');
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

/** What is shown: a case, its next due step, and the plan of the mail it waits on (if any). */
interface Shown {
  caseFile: CaseFile;
  next: NextDueStep;
  plan: FollowUpPlan | null;
  subject: string;
  mailId: string | null;
}

// The case file's words for the same problem (CaseFile's SAVE_PROBLEMS.foreign).
const FOREIGN_SHELF =
  '本浏览器里保存的案卷来自本站更新的版本（或已损坏），这里无法读取，也不会覆盖它：记入的邮件只在这个页面里。请用最新版本的本站打开。';

const $ = <T extends Element = HTMLElement>(root: Element, selector: string) =>
  root.querySelector<T>(selector)!;

class FollowUpPlanner extends HTMLElement {
  #routes = new Map<string, LadderRoute>();
  #context: PlanContext | null = null;
  #cases: CaseFile[] = [];
  /** The case chosen in the select: '' is a new mail, null not chosen yet (the newest case). */
  #chosen: string | null = null;
  #shown: Shown | null = null;
  #unsubscribe: (() => void)[] = [];

  connectedCallback() {
    for (const route of JSON.parse(this.dataset.routes!) as LadderRoute[]) this.#routes.set(route.id, route);
    const sent = $<HTMLInputElement>(this, '[data-sent]');
    const type = $<HTMLSelectElement>(this, '[data-type]');
    const subject = $<HTMLInputElement>(this, '[data-subject]');
    // Now, in Beijing time, whatever the device's zone.
    if (!sent.value) sent.value = shanghaiDateTime(Date.now()).replace(' ', 'T');
    subject.value = $subject.get();

    sent.addEventListener('input', () => this.#checkSent());
    sent.addEventListener('change', () => this.#checkSent());
    $(this, '[data-record]').addEventListener('click', () => this.#record());
    $<HTMLSelectElement>(this, '[data-case]').addEventListener('change', (event) => {
      this.#chosen = (event.target as HTMLSelectElement).value;
      this.#render();
    });
    $(this, '[data-calendar-days]').addEventListener('change', () => this.#render());
    $(this, '[data-ics]').addEventListener('click', () => void this.#downloadIcs());
    $(this, 'ol[data-steps]').addEventListener('click', (event) => this.#copyMail(event));
    this.#unsubscribe.push(
      // The mailbox picker's request type is the new mail's case type.
      $requestType.subscribe((route) => {
        if (route && this.#routes.has(route)) type.value = route;
      }),
      // The subject checker's subject is the mail's subject, unless the reader typed another here.
      $subject.listen((value, old) => {
        if (subject.value === '' || subject.value === (old ?? '')) subject.value = value;
      }),
      watchStorage($(this, '[data-storage-warning]'), '记入案卷的邮件', '刷新页面前请导出日历文件或记下日期'),
    );
    void engine.load().then(
      () => this.#start(),
      (problem: Error) => this.#error(problem.message),
    );
  }

  disconnectedCallback() {
    for (const stop of this.#unsubscribe.splice(0)) stop();
  }

  #start() {
    const { decodeFestivalDates, decodeHolidays, fallbackHolidays, WorkCalendar } = engine.current!;
    const planner = JSON.parse(this.dataset.planner!) as Pick<
      PlannerData,
      'cadence' | 'followUps' | 'salesPeriods'
    >;
    const holidays = decodeHolidays(this.dataset.calendar!);
    const festivals = decodeFestivalDates(this.dataset.festivals ?? '');
    this.#context = {
      calendar: new WorkCalendar(holidays, fallbackHolidays(festivals, holidays)),
      ...planner,
    };
    // The case file's own migration: whichever page the reader opens first, nothing is lost.
    const added = migrateIntoShelf(engine.current!, [...this.#routes.values()]);
    if (added.length)
      this.#status(`已把原来的跟进计划和效果记录整理成案卷：${added.join('、')}。原工具里的数据仍然保留。`);
    this.#unsubscribe.push($shelf.subscribe(() => this.#render()));
    this.dataset.ready = '';
  }

  #error(message: string) {
    const error = $(this, '[data-error]');
    error.textContent = message;
    error.hidden = message === '';
  }

  #status(message: string) {
    $(this, '[data-status]').textContent = message;
  }

  /** The sending time as typed, or null with the planner's own message shown. */
  #checkSent(): number | null {
    if (!engine.current) return null;
    const { FollowUpInputError, parseSentTime } = engine.current;
    const sent = $<HTMLInputElement>(this, '[data-sent]').value;
    try {
      if (!sent) throw new FollowUpInputError('请填写邮件的发送时间。');
      const { instant } = parseSentTime(sent);
      // planFollowUp checks what parseSentTime cannot (a year the calendar cannot count to).
      engine.current.planFollowUp({ sent: instant, type: this.#newType().followUp }, this.#context!);
      this.#error('');
      return instant;
    } catch (problem) {
      this.#error(
        problem instanceof FollowUpInputError ? problem.message : `无法推算：${(problem as Error).message}`,
      );
      return null;
    }
  }

  #newType(): LadderRoute {
    return (
      this.#routes.get($<HTMLSelectElement>(this, '[data-type]').value) ?? [...this.#routes.values()][0]!
    );
  }

  /** 记入案卷并生成计划: the mail becomes a case (checked by the schema), and its plan is shown. */
  #record() {
    if (!engine.current) return;
    const sent = this.#checkSent();
    if (sent === null) return $<HTMLInputElement>(this, '[data-sent]').focus();
    const route = this.#newType();
    const { readCase, recordPlannedMail } = engine.current;
    const made = recordPlannedMail(this.#cases, {
      caseId: randomId('c'),
      stepId: randomId('s'),
      caseType: route.id,
      need: route.need,
      subject: $<HTMLInputElement>(this, '[data-subject]').value,
      sent,
      now: Date.now(),
      tokens: { create: editToken(), edit: editToken() },
    });
    const reading = readCase(made);
    if (!reading.ok) return this.#error(reading.message);
    this.#chosen = made.id;
    saveShelf(shelveCase($shelf.get(), reading.case));
    this.#render();
    this.#status(`已记入案卷“${made.title}”。${$(this, '[data-status]').textContent}`);
    // The form the focus was in is hidden now: the focus goes to what replaced it.
    $(this, '[data-next]').focus();
  }

  /** The shelf's cases that read as valid cases (the case file names the others). */
  #readCases(): CaseFile[] {
    const { readCase } = engine.current!;
    return $shelf.get().cases.flatMap((value) => {
      const reading = readCase(value);
      return reading.ok ? [reading.case] : [];
    });
  }

  #render() {
    if (!engine.current || !this.#context) return;
    const { mailCases } = engine.current;
    this.#cases = this.#readCases();
    const options = mailCases(this.#cases);
    const select = $<HTMLSelectElement>(this, '[data-case]');
    if (this.#chosen === null) this.#chosen = options[0]?.id ?? '';
    if (this.#chosen !== '' && !options.some((option) => option.id === this.#chosen)) {
      this.#chosen = '';
      this.#status('这个案卷已不在本浏览器里（可能在其他标签页删除了），请选择其他案卷。');
    }
    select.replaceChildren(
      new Option('新的：我刚发出一封邮件', ''),
      ...options.map((option) => new Option(option.label, option.id)),
    );
    select.value = this.#chosen;
    const caseFile = this.#cases.find((candidate) => candidate.id === this.#chosen);
    $(this, '[data-new-mail]').hidden = caseFile !== undefined;
    $(this, '[data-output]').hidden = caseFile === undefined;
    this.dataset.case = caseFile?.id ?? '';
    if (!caseFile) {
      this.#shown = null;
      return;
    }
    this.#error($foreignShelf.get() ? FOREIGN_SHELF : '');
    this.#renderCase(caseFile);
  }

  #renderCase(caseFile: CaseFile) {
    const { nextDueStep, planFollowUp, renderPlan, chineseDate } = engine.current!;
    const route = this.#routes.get(caseFile.caseType) ?? null;
    const next = nextDueStep(caseFile, Date.now(), this.#context!, route);
    const mail = caseFile.steps.find((step) => step.id === next.mailId);
    const calendarDays = $<HTMLInputElement>(this, '[data-calendar-days]').checked;
    // The case file plans in working days; 按自然日计算 plans the same mail in calendar days.
    const plan =
      next.plan && mail && route && calendarDays
        ? planFollowUp({ sent: stepInstant(mail), type: route.followUp, calendarDays }, this.#context!)
        : next.plan;
    this.#shown = {
      caseFile,
      next,
      plan,
      subject: mail?.kind === 'mail' ? mail.subject : '',
      mailId: next.mailId,
    };
    const due = next.due ? `（${chineseDate(next.due)}）` : '';
    $(this, '[data-next]').textContent =
      `“${caseFile.title}”的下一步${due}：${next.title}。${next.detail}` +
      (plan ? '' : ' 最后一封邮件之后已有回复或升级，不再按 3-5-7 推算跟进日期。');
    $<HTMLAnchorElement>(this, '[data-open-case]').href =
      `${this.dataset.caseUrl}#case=${encodeURIComponent(caseFile.id)}`;
    $(this, '[data-plan]').hidden = plan === null;
    if (!plan) return;
    renderPlan(this, plan);
    // Named after the case: two cases can share their dates, and a change of case must still be
    // heard as a new plan.
    this.#status(
      `${caseFile.title}：第 ${plan.steps.map((step) => `${step.day} 天是 ${chineseDate(step.due)}`).join('，第 ')}。`,
    );
  }

  #copyMail(event: Event) {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-copy-mail]');
    const shown = this.#shown;
    if (!button || !shown?.plan || !engine.current) return;
    const mail = engine.current.followUpMail(shown.plan, button.dataset.copyMail as 'email', shown.subject);
    const text = `主题：${mail.subject}\n\n${mail.body}`;
    const status = $(this, '[data-status]');
    void copyText(text).then((copied) => {
      status.textContent = copied
        ? `已复制“${button.dataset.label}”的跟进邮件（主题和正文）。`
        : '无法自动复制（浏览器不允许）：跟进邮件已显示在按钮下方并已选中，请手动复制。';
      button.textContent = copied ? '已复制' : '复制失败';
      // Success is seen on the button; a failure says so beside it and shows the text to copy.
      if (!copied) showForManualCopy(button, status, text);
      setTimeout(() => (button.textContent = '复制跟进邮件'), 2000);
    });
  }

  /** The plan's steps as reminders; UIDs carry the case and the mail, as the case file's do. */
  async #downloadIcs() {
    const shown = this.#shown;
    if (!shown?.plan) return;
    try {
      const { followUpIcs } = await icsCode.load();
      const text = followUpIcs(shown.plan, shown.subject, { caseId: `${shown.caseFile.id}-${shown.mailId}` });
      downloadBlob(
        new Blob([text], { type: 'text/calendar;charset=utf-8' }),
        `快手邮件跟进提醒_${shown.plan.sent.date}.ics`,
      );
      this.#status('日历文件已生成，可用系统日历、Outlook 或 Google 日历打开导入。');
    } catch (problem) {
      this.#error(`无法生成日历文件：${(problem as Error).message}`);
    }
  }
}

defineIsland('follow-up-planner', FollowUpPlanner);
