/**
 * The case-file custom element: the list of cases, one open case (`#case=<id>`, so Back and a
 * reload come back to it), the step form, export and delete. Logic is in src/lib/case-file; the
 * shelf's storage in ./case-store.ts; rendering in ./case-view.ts. The schema (zod) loads as a
 * chunk of its own before the first render: every saved case is checked with it before it is shown.
 * The dossier (ZIP export, import of a ZIP or a case JSON) loads as another chunk when asked for:
 * an import that would replace newer edits here asks first (keep both / replace / cancel).
 */
import type { PlannerData } from '../../data/site-data';
import type { PlanContext } from '../../lib/follow-up/follow-up-plan';
import {
  addStep,
  deleteCase,
  editCase,
  removeStep,
  shelveCase,
  newCase,
  CaseEditError,
  type StepNames,
} from '../../lib/case-file/case-model';
import type { CaseFile } from '../../lib/case-file/case-schema';
import { ownValue } from '../../lib/own-value';
import type { LadderRoute } from '../../lib/case-file/case-ladder';
import type { CaseClock } from '../../lib/case-file/case-clocks';
import { shanghaiDate } from '../../lib/shanghai-time';
import { MAX_DOSSIER_BYTES } from '../../lib/input-limits';
import { $storageProblem } from '../shared/stores';
import { downloadBlob } from '../shared/download';
import { lazyChunk } from '../shared/lazy-chunk';
import { defineIsland } from '../shared/define-island';
import { $foreignShelf, $shelf, editToken, migrateIntoShelf, randomId, saveShelf } from './case-store';
import { readStepForm, showStepFields } from './step-form';
import type { KeptFile } from '../shared/case-files-store';

const engine = lazyChunk(() => import('./case-engine'), '案卷的代码');
const icsCode = lazyChunk(() => import('../../lib/follow-up/follow-up-ics'), '日历文件的代码');
const dossier = lazyChunk(() => import('./case-dossier'), '案卷导出和导入的代码');

/** A download name without characters file systems refuse. */
const fileName = (name: string) => name.replace(/[\\/:*?"<>|\s]+/g, '_');

const SAVE_PROBLEMS = {
  unavailable:
    '本浏览器不允许本站保存数据（可能是隐私模式或存储已被禁用）：案卷只在这个页面里，刷新或关闭后就没有了。请在关闭前导出。',
  full: '浏览器存储已满：最近的修改没有保存，只在这个页面里。请导出案卷，或清理浏览器存储后再试。',
  foreign:
    '本浏览器里保存的案卷来自本站更新的版本（或已损坏），这里无法读取，也不会覆盖它：这里的修改只在这个页面里。请导出，或用最新版本的本站打开。',
};

const $ = <T extends Element = HTMLElement>(root: Element, selector: string) =>
  root.querySelector<T>(selector)!;

class CaseFileElement extends HTMLElement {
  #routes = new Map<string, LadderRoute>();
  #context: PlanContext | null = null;
  /** The legal and published clocks a step can start (clocks.yaml, built into the page). */
  #clocks: CaseClock[] = [];
  #cases: CaseFile[] = [];
  #unsubscribe: (() => void)[] = [];
  /** An import waiting for the user's answer: it would replace newer edits saved here. */
  #pendingImport: { existing: CaseFile | undefined; imported: CaseFile; files: KeptFile[] } | null = null;

  connectedCallback() {
    const routes = JSON.parse(this.dataset.routes!) as LadderRoute[];
    for (const route of routes) this.#routes.set(route.id, route);
    this.#clocks = JSON.parse(this.dataset.clocks ?? '[]') as CaseClock[];
    // From a case page (?case=copyright): the new case starts as that type.
    const wanted = new URLSearchParams(location.search).get('case');
    if (wanted && this.#routes.has(wanted)) $<HTMLSelectElement>(this, '[name="caseType"]').value = wanted;
    this.#wire();
    this.#wireImport();
    void engine.load().then(
      () => this.#start(),
      (problem: Error) => this.#say(problem.message),
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
    // Years the arrangement does not cover yet get their statutory holidays (data-festivals).
    const holidays = decodeHolidays(this.dataset.calendar!);
    const festivals = decodeFestivalDates(this.dataset.festivals ?? '');
    this.#context = {
      calendar: new WorkCalendar(holidays, fallbackHolidays(festivals, holidays)),
      ...planner,
    };
    const added = migrateIntoShelf(engine.current!, [...this.#routes.values()]);
    if (added.length) {
      this.#status(
        `已把跟进计划和效果记录里的 ${added.length} 项整理成案卷：${added.join('、')}。原工具里的数据仍然保留。`,
      );
    }
    const onHash = () => this.#render();
    window.addEventListener('hashchange', onHash);
    this.#unsubscribe.push(
      () => window.removeEventListener('hashchange', onHash),
      $shelf.subscribe(() => this.#render()),
      $storageProblem.subscribe(() => this.#renderSaveProblem()),
      $foreignShelf.subscribe(() => this.#renderSaveProblem()),
    );
    this.dataset.ready = '';
  }

  #say(message: string) {
    const box = $(this, '[data-message]');
    box.textContent = message;
    box.hidden = message === '';
  }

  #status(message: string) {
    $(this, '[data-status]').textContent = message;
  }

  #renderSaveProblem() {
    const problem = $foreignShelf.get() ? 'foreign' : $storageProblem.get();
    $(this, '[data-save-problem]').hidden = problem === null;
    $(this, '[data-save-problem-text]').textContent = problem ? SAVE_PROBLEMS[problem] : '';
  }

  /** The shelf's cases that read as valid cases; the others are named, never shown or dropped. */
  #readCases(): CaseFile[] {
    const { readCase } = engine.current!;
    const problems: string[] = [];
    const cases = $shelf.get().cases.flatMap((value) => {
      const reading = readCase(value);
      if (!reading.ok) problems.push(reading.message.split('\n')[0]!);
      return reading.ok ? [reading.case] : [];
    });
    this.#say(
      problems.length
        ? `有 ${problems.length} 个已保存的案卷无法读取，没有显示，也没有删除：${problems[0]}`
        : '',
    );
    return cases;
  }

  #openId = () => {
    const match = /^#case=(.+)$/.exec(location.hash);
    return match ? decodeURIComponent(match[1]!) : null;
  };

  #next(caseFile: CaseFile) {
    const { nextDueStep, runningClocks, withRunningClock } = engine.current!;
    const next = nextDueStep(
      caseFile,
      Date.now(),
      this.#context!,
      this.#routes.get(caseFile.caseType) ?? null,
    );
    const today = shanghaiDate(Date.now());
    return withRunningClock(
      next,
      runningClocks(caseFile, this.#clocks, this.#context!.calendar, today),
      today,
    );
  }

  #render() {
    if (!engine.current || !this.#context) return;
    const { listItem } = engine.current;
    this.#cases = this.#readCases();
    this.dataset.cases = String(this.#cases.length);
    $(this, '[data-empty]').hidden = this.#cases.length > 0;
    $(this, '[data-case-list]').replaceChildren(
      ...this.#cases.map((caseFile) =>
        listItem(
          caseFile,
          this.#routes.get(caseFile.caseType)?.need ?? `未知类型：${caseFile.caseType}`,
          this.#next(caseFile),
        ),
      ),
    );
    const open = this.#cases.find((caseFile) => caseFile.id === this.#openId());
    const wasOpen = this.dataset.open;
    $(this, '[data-list-view]').hidden = open !== undefined;
    $(this, '[data-case-view]').hidden = open === undefined;
    if (wasOpen !== open?.id) $(this, '[data-confirm-delete]').hidden = true;
    if (open) this.#renderCase(open);
    if (open) this.dataset.open = open.id;
    else delete this.dataset.open;
    // A newly opened case takes the focus to its title, as a new page would.
    if (open && wasOpen !== open.id) $(this, '[data-case-title]').focus();
  }

  #renderCase(caseFile: CaseFile) {
    const { clockItems, escalationLadder, ladderItems, nextView, stepItems } = engine.current!;
    const route = this.#routes.get(caseFile.caseType) ?? null;
    const next = this.#next(caseFile);
    $(this, '[data-case-title]').textContent = caseFile.title;
    $(this, '[data-case-meta]').textContent =
      `${route?.need ?? `未知类型：${caseFile.caseType}`} · 第 ${caseFile.revision} 次修改 · ${caseFile.migratedFrom ? `从${caseFile.migratedFrom}迁移 · ` : ''}${caseFile.notes ? `备注：${caseFile.notes}` : ''}`;
    $<HTMLSelectElement>(this, '[data-case-type]').value = caseFile.caseType;
    $(this, '[data-next]').replaceChildren(nextView(next));
    const steps = stepItems(caseFile, this.#names(caseFile));
    $(this, '[data-no-steps]').hidden = steps.length > 0;
    $(this, '[data-steps]').replaceChildren(...steps);
    $(this, '[data-clocks]').replaceChildren(...clockItems(next));
    const reminders = this.#renderRunningClocks(caseFile);
    // Something to put in a calendar: the next steps after a mail, or a clock still running.
    $(this, '[data-case-ics]').hidden = next.plan === null && reminders.length === 0;
    const select = $<HTMLSelectElement>(this, '[data-channel-select]');
    const chosen = select.value;
    select.replaceChildren(
      ...(route?.channels ?? [])
        .filter((channel) => channel.role !== 'not')
        .map(
          (channel) =>
            new Option(
              `${channel.name}（${channel.role === 'next' ? '仍未解决时' : '同一案例的渠道'}）`,
              channel.id,
            ),
        ),
      new Option('其他渠道（写在说明里）', 'other'),
    );
    if (chosen) select.value = chosen;
    if (route) {
      const ladder = ladderItems(escalationLadder(route, caseFile));
      $(this, '[data-ladder]').replaceChildren(...ladder.rungs);
      $(this, '[data-not]').replaceChildren(...ladder.not);
      $(this, '[data-bring]').replaceChildren(...ladder.bring);
    }
  }

  /** Renders the clocks the case's steps started; returns those still running as calendar events. */
  #renderRunningClocks(caseFile: CaseFile) {
    const { clockReminders, clocksForType, runningClocks, runningClockItems } = engine.current!;
    const running = runningClocks(caseFile, this.#clocks, this.#context!.calendar, shanghaiDate(Date.now()));
    $(this, '[data-running-clocks]').replaceChildren(...runningClockItems(running));
    const select = $<HTMLSelectElement>(this, '[data-clock-select]');
    const chosen = select.value;
    select.replaceChildren(
      new Option('不开始计时', ''),
      ...clocksForType(this.#clocks, caseFile.caseType).map((clock) => new Option(clock.name, clock.id)),
    );
    select.value = chosen;
    if (select.selectedIndex < 0) select.value = '';
    return clockReminders(caseFile.id, running);
  }

  #open() {
    return this.#cases.find((caseFile) => caseFile.id === this.#openId()) ?? null;
  }

  /** Checks an edited case with the schema and saves it; false (and the message shown) when it is not valid. */
  #save(next: CaseFile, errorBox: HTMLElement): boolean {
    const reading = engine.current!.readCase(next);
    errorBox.hidden = reading.ok;
    errorBox.textContent = reading.ok ? '' : reading.message;
    if (reading.ok) this.#store(reading.case);
    return reading.ok;
  }

  /** Puts an edited case on the shelf (merged with what another tab saved meanwhile). */
  #store(caseFile: CaseFile) {
    saveShelf(shelveCase($shelf.get(), caseFile));
  }

  #wire() {
    const newForm = $<HTMLFormElement>(this, '[data-new-case]');
    newForm.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!engine.current) return;
      const title = newForm.elements.namedItem('title') as HTMLInputElement;
      const type = newForm.elements.namedItem('caseType') as HTMLSelectElement;
      try {
        const created = newCase({
          id: randomId(),
          caseType: type.value,
          title: title.value,
          now: Date.now(),
          token: editToken(),
        });
        if (this.#save(created, $(this, '[data-message]'))) {
          title.value = '';
          location.hash = `case=${encodeURIComponent(created.id)}`;
          this.#status(`已新建案卷“${created.title}”。`);
        }
      } catch (problem) {
        this.#say((problem as Error).message);
        title.focus();
      }
    });

    const stepForm = $<HTMLFormElement>(this, '[data-add-step]');
    const kind = $<HTMLSelectElement>(this, '[data-step-kind]');
    const date = stepForm.elements.namedItem('date') as HTMLInputElement;
    date.value = shanghaiDate(Date.now());
    showStepFields(stepForm, kind.value);
    kind.addEventListener('change', () => showStepFields(stepForm, kind.value));
    stepForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const open = this.#open();
      const error = $(this, '[data-step-error]');
      if (!open) return;
      const read = readStepForm(stepForm, randomId('s'));
      if (typeof read === 'string') {
        error.textContent = read;
        error.hidden = false;
        return;
      }
      try {
        if (this.#save(addStep(open, read, Date.now(), editToken()), error)) {
          this.#status(`已保存这一步：${kind.selectedOptions[0]?.text ?? ''}，${read.date}。`);
          stepForm.reset();
          date.value = read.date;
          kind.value = read.kind;
          showStepFields(stepForm, kind.value);
        }
      } catch (problem) {
        error.textContent = problem instanceof CaseEditError ? problem.message : String(problem);
        error.hidden = false;
      }
    });

    this.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      const open = this.#open();
      const remove = target.closest<HTMLButtonElement>('[data-remove-step]');
      if (remove && open) {
        this.#store(removeStep(open, remove.dataset.removeStep!, Date.now(), editToken()));
        this.#status('已删除这一步。');
        $(this, '[data-case-title]').focus();
      } else if (target.closest('[data-back-to-list]')) {
        event.preventDefault();
        location.hash = '';
      } else if (target.closest('[data-case-ics]') && open) {
        void this.#downloadIcs(open);
      } else if (target.closest('[data-export-dossier]') && open) {
        void this.#exportDossier(open);
      } else if (target.closest('[data-export-case]') && open) {
        // The same case.json as the dossier's: `ksmail dossier` reads its title and timeline.
        this.#download(
          engine.current!.caseJsonText(open, this.#names(open)),
          `案卷_${open.title}_${shanghaiDate(Date.now())}.json`,
        );
      } else if (target.closest('[data-export-all]')) {
        this.#download(JSON.stringify($shelf.get(), null, 2), `全部案卷_${shanghaiDate(Date.now())}.json`);
      } else if (target.closest('[data-delete-case]') && open) {
        const confirm = $(this, '[data-confirm-delete]');
        $(this, '[data-confirm-text]').textContent =
          `确定删除案卷“${open.title}”和它的 ${open.steps.length} 个步骤吗？删除后无法恢复；需要留底请先导出。`;
        confirm.hidden = false;
        $(this, '[data-confirm-no]').focus();
      } else if (target.closest('[data-confirm-yes]') && open) {
        saveShelf(deleteCase($shelf.get(), open.id));
        $(this, '[data-confirm-delete]').hidden = true;
        this.#status(`已删除案卷“${open.title}”。`);
        location.hash = '';
      } else if (target.closest('[data-confirm-no]')) {
        $(this, '[data-confirm-delete]').hidden = true;
        $<HTMLButtonElement>(this, '[data-delete-case]').focus();
      }
    });

    $<HTMLSelectElement>(this, '[data-case-type]').addEventListener('change', (event) => {
      const open = this.#open();
      const value = (event.target as HTMLSelectElement).value;
      if (open && value !== open.caseType)
        this.#save(editCase(open, { caseType: value }, Date.now(), editToken()), $(this, '[data-message]'));
    });
  }

  #download(text: string, name: string) {
    downloadBlob(new Blob([text], { type: 'application/json;charset=utf-8' }), fileName(name));
    this.#status(`已导出 ${name}。`);
  }
  /**
   * The next steps of the mail the case waits on and the clocks still running on it, each on its
   * due date; UIDs carry the case and the mail or the step that started the clock (followUpIcs).
   */
  async #downloadIcs(caseFile: CaseFile) {
    const next = this.#next(caseFile);
    const { clockReminders, runningClocks } = engine.current!;
    const today = shanghaiDate(Date.now());
    const clocks = clockReminders(
      caseFile.id,
      runningClocks(caseFile, this.#clocks, this.#context!.calendar, today),
    );
    const mail = caseFile.steps.find((step) => step.id === next.mailId);
    const followed = next.plan && mail?.kind === 'mail' ? { plan: next.plan, mail } : null;
    if (!followed && clocks.length === 0) return;
    try {
      const code = await icsCode.load();
      const text = followed
        ? code.followUpIcs(followed.plan, followed.mail.subject, {
            caseId: `${caseFile.id}-${followed.mail.id}`,
            clocks,
          })
        : code.clockIcs(clocks);
      const name = followed
        ? `案卷跟进提醒_${caseFile.title}_${followed.mail.date}.ics`
        : `案卷期限提醒_${caseFile.title}.ics`;
      downloadBlob(new Blob([text], { type: 'text/calendar;charset=utf-8' }), fileName(name));
      this.#status(
        `日历文件已生成${clocks.length ? `（含 ${clocks.length} 个正在计时的期限的到期日）` : ''}，可用系统日历、Outlook 或 Google 日历打开导入。`,
      );
    } catch (problem) {
      this.#say(`无法生成日历文件：${(problem as Error).message}`);
    }
  }

  /** The names a step's ids are shown by: the case type's channels, the gallery's templates (data-templates). */
  #names(caseFile: CaseFile): StepNames {
    const route = this.#routes.get(caseFile.caseType);
    const templates = JSON.parse(this.dataset.templates ?? '{}') as Record<string, string>;
    return {
      channel: (id) => route?.channels.find((channel) => channel.id === id)?.name ?? id,
      template: (id) => ownValue(templates, id) ?? id,
    };
  }

  async #exportDossier(caseFile: CaseFile) {
    try {
      const made = await (await dossier.load()).dossierOf(caseFile, this.#names(caseFile));
      if (typeof made === 'string') return this.#say(made);
      // Named by the last save, not today: the same case gives the same file, name and all.
      const name = `案卷_${caseFile.title}_${shanghaiDate(Date.parse(caseFile.updatedAt))}.zip`;
      downloadBlob(
        new Blob([made.bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
        fileName(name),
      );
      const missing = made.named - made.carried;
      this.#status(
        `已导出 ${name}：含可打印的时间线、case.json、${made.carried} 个邮件和证据包文件、SHA256SUMS。${missing ? `另有 ${missing} 个文件本浏览器里没有保存，时间线里标为“未放入案卷”。` : ''}`,
      );
    } catch (problem) {
      this.#say((problem as Error).message);
    }
  }

  #wireImport() {
    const input = $<HTMLInputElement>(this, '[data-import-file]');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      // Cleared at once, so choosing the same file again imports it again.
      input.value = '';
      if (file) void this.#import(file);
    });
    $(this, '[data-import-question]').addEventListener('click', (event) => {
      const choice = (event.target as HTMLElement).closest<HTMLElement>('[data-import-choice]');
      if (choice) this.#answerImport(choice.dataset.importChoice!);
    });
  }

  async #import(file: File) {
    this.#say('');
    if (file.size > MAX_DOSSIER_BYTES)
      return this.#say('这个文件超过了案卷 256 MB 的上限，没有导入，本机的案卷没有改动。');
    try {
      await engine.load();
      const chunk = await dossier.load();
      const reading = chunk.readImportedFile(new Uint8Array(await file.arrayBuffer()));
      if (!reading.ok) return this.#say(reading.message);
      const { case: imported, files } = reading;
      // A case deleted here would be dropped again by the merge: it comes back as a new case.
      if ($shelf.get().deleted.includes(imported.id))
        return await this.#finishImport(
          chunk.resolveImport(undefined, imported, 'keep-both', Date.now(), randomId(), editToken()),
          '这个案卷在本机删除过：已作为新案卷导入。',
          files,
        );
      const existing = this.#cases.find((caseFile) => caseFile.id === imported.id);
      const question = chunk.importQuestion(existing, imported);
      if (question) {
        this.#pendingImport = { existing, imported, files };
        $(this, '[data-import-question-text]').textContent = question.text;
        $(this, '[data-import-question]').hidden = false;
        $<HTMLButtonElement>(this, '[data-import-choice]').focus();
        return;
      }
      if (chunk.decideImport(existing, imported) === 'same')
        return await this.#finishImport(
          imported,
          `本机已有完全相同的案卷“${imported.title}”，没有改动。`,
          files,
        );
      await this.#finishImport(imported, `已导入案卷“${imported.title}”。`, files);
    } catch (problem) {
      this.#say((problem as Error).message);
    }
  }

  #answerImport(choice: string) {
    const pending = this.#pendingImport;
    this.#pendingImport = null;
    $(this, '[data-import-question]').hidden = true;
    if (!pending || !dossier.current || (choice !== 'keep-both' && choice !== 'replace')) {
      this.#status('已取消导入，本机的案卷没有改动。');
      $<HTMLInputElement>(this, '[data-import-file]').focus();
      return;
    }
    const saved = dossier.current.resolveImport(
      pending.existing,
      pending.imported,
      choice,
      Date.now(),
      randomId(),
      editToken(),
    );
    void this.#finishImport(
      saved,
      choice === 'replace' ? '已用导入的案卷替换本机的。' : `两份都已保留：导入的另存为“${saved.title}”。`,
      pending.files,
    );
    // Replaced while open, the case does not open anew to take the focus, and the question that
    // held it is hidden: without this the focus fell to <body>.
    if (this.dataset.open === saved.id) $(this, '[data-case-title]').focus();
  }

  /** Saves the imported case, then puts the dossier's .eml and package files back into the store. */
  async #finishImport(caseFile: CaseFile, message: string, files: readonly KeptFile[]) {
    if (!this.#save(caseFile, $(this, '[data-message]'))) return;
    location.hash = `case=${encodeURIComponent(caseFile.id)}`;
    const kept = files.length === 0 || (await dossier.current!.keepImportedFiles(files));
    this.#status(
      kept
        ? `${message}${files.length ? `案卷里的 ${files.length} 个邮件和证据包文件已存进本浏览器。` : ''}`
        : `${message}但案卷里的邮件和证据包文件没能存进本浏览器（存储空间不足或不允许保存）：再次导出时它们会标为“未放入案卷”，请保留这份 ZIP。`,
    );
  }
}

// Reopened at a case (reload, Back, a bookmark): the reader came for it, so it upgrades at once
// (the restored scroll position lies below the island while it is not grown yet). Done here, not
// by an option of defineIsland, which every island's first load carries.
if (location.hash.startsWith('#case=')) customElements.define('case-file', CaseFileElement);
else defineIsland('case-file', CaseFileElement);
