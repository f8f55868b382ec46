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
} from '../../lib/case-file/case-model';
import type { CaseFile } from '../../lib/case-file/case-schema';
import type { LadderRoute } from '../../lib/case-file/case-ladder';
import type { CaseClock } from '../../lib/case-file/case-clocks';
import { shanghaiDate } from '../../lib/shanghai-time';
import { MAX_DOSSIER_BYTES } from '../../lib/input-limits';
import { $storageProblem } from '../shared/stores';
import { downloadBlob } from '../shared/download';
import { lazyChunk } from '../shared/lazy-chunk';
import { defineIsland } from '../shared/define-island';
import { $foreignShelf, $shelf, migrateStoredLegacy, randomId, saveShelf } from './case-store';
import { readStepForm, showStepFields } from './step-form';

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
  #pendingImport: { existing: CaseFile | undefined; imported: CaseFile } | null = null;

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
    const added = migrateStoredLegacy(engine.current!, [...this.#routes.values()], Date.now());
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
    $(this, '[data-case-ics]').hidden = next.plan === null;
    const channelName = (id: string) => route?.channels.find((channel) => channel.id === id)?.name ?? id;
    const steps = stepItems(caseFile, channelName);
    $(this, '[data-no-steps]').hidden = steps.length > 0;
    $(this, '[data-steps]').replaceChildren(...steps);
    $(this, '[data-clocks]').replaceChildren(...clockItems(next));
    this.#renderRunningClocks(caseFile);
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

  #renderRunningClocks(caseFile: CaseFile) {
    const { clocksForType, runningClocks, runningClockItems } = engine.current!;
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
  }

  #open() {
    return this.#cases.find((caseFile) => caseFile.id === this.#openId()) ?? null;
  }

  /** Checks an edited case with the schema and saves it; false (and the message shown) when it is not valid. */
  #save(next: CaseFile, errorBox: HTMLElement): boolean {
    const reading = engine.current!.readCase(next);
    errorBox.hidden = reading.ok;
    errorBox.textContent = reading.ok ? '' : reading.message;
    if (reading.ok) saveShelf(shelveCase($shelf.get(), reading.case));
    return reading.ok;
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
        if (this.#save(addStep(open, read, Date.now()), error)) {
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
        saveShelf(shelveCase($shelf.get(), removeStep(open, remove.dataset.removeStep!, Date.now())));
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
          engine.current!.caseJsonText(open, this.#channelName(open)),
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
        this.#save(editCase(open, { caseType: value }, Date.now()), $(this, '[data-message]'));
    });
  }

  #download(text: string, name: string) {
    downloadBlob(new Blob([text], { type: 'application/json;charset=utf-8' }), fileName(name));
    this.#status(`已导出 ${name}。`);
  }
  /** The next steps of the mail the case waits on; UIDs carry the case and the mail (followUpIcs). */
  async #downloadIcs(caseFile: CaseFile) {
    const next = this.#next(caseFile);
    const mail = caseFile.steps.find((step) => step.id === next.mailId);
    if (!next.plan || mail?.kind !== 'mail') return;
    try {
      const text = (await icsCode.load()).followUpIcs(next.plan, mail.subject, {
        caseId: `${caseFile.id}-${mail.id}`,
      });
      downloadBlob(
        new Blob([text], { type: 'text/calendar;charset=utf-8' }),
        fileName(`案卷跟进提醒_${caseFile.title}_${mail.date}.ics`),
      );
      this.#status('日历文件已生成，可用系统日历、Outlook 或 Google 日历打开导入。');
    } catch (problem) {
      this.#say(`无法生成日历文件：${(problem as Error).message}`);
    }
  }

  #channelName(caseFile: CaseFile) {
    const route = this.#routes.get(caseFile.caseType);
    return (id: string) => route?.channels.find((channel) => channel.id === id)?.name ?? id;
  }

  async #exportDossier(caseFile: CaseFile) {
    try {
      const bytes = (await dossier.load()).dossierOf(caseFile, this.#channelName(caseFile));
      if (typeof bytes === 'string') return this.#say(bytes);
      // Named by the last save, not today: the same case gives the same file, name and all.
      const name = `案卷_${caseFile.title}_${shanghaiDate(Date.parse(caseFile.updatedAt))}.zip`;
      downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName(name));
      this.#status(`已导出 ${name}：含可打印的时间线、case.json 和 SHA256SUMS。`);
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
      const imported = reading.case;
      // A case deleted here would be dropped again by the merge: it comes back as a new case.
      if ($shelf.get().deleted.includes(imported.id))
        return this.#finishImport(
          chunk.resolveImport(undefined, imported, 'keep-both', Date.now(), randomId()),
          '这个案卷在本机删除过：已作为新案卷导入。',
        );
      const existing = this.#cases.find((caseFile) => caseFile.id === imported.id);
      const question = chunk.importQuestion(existing, imported);
      if (question) {
        this.#pendingImport = { existing, imported };
        $(this, '[data-import-question-text]').textContent = question.text;
        $(this, '[data-import-question]').hidden = false;
        $<HTMLButtonElement>(this, '[data-import-choice]').focus();
        return;
      }
      if (chunk.decideImport(existing, imported) === 'same')
        return this.#finishImport(imported, `本机已有完全相同的案卷“${imported.title}”，没有改动。`);
      this.#finishImport(imported, `已导入案卷“${imported.title}”。`);
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
    );
    this.#finishImport(
      saved,
      choice === 'replace' ? '已用导入的案卷替换本机的。' : `两份都已保留：导入的另存为“${saved.title}”。`,
    );
  }

  #finishImport(caseFile: CaseFile, message: string) {
    if (!this.#save(caseFile, $(this, '[data-message]'))) return;
    location.hash = `case=${encodeURIComponent(caseFile.id)}`;
    this.#status(message);
  }
}

// Reopened at a case (reload, Back, a bookmark): the reader came for it, so it upgrades at once
// (the restored scroll position lies below the island while it is not grown yet). Done here, not
// by an option of defineIsland, which every island's first load carries.
if (location.hash.startsWith('#case=')) customElements.define('case-file', CaseFileElement);
else defineIsland('case-file', CaseFileElement);
