/**
 * <outcome-tracker>: the form, the log table, the figures (tables and small SVG bar charts),
 * export, import and delete-all. Everything stays in this browser; the DOM is built with
 * createElement / createElementNS and textContent only.
 */
import { summarize, type OutcomeContext, type OutcomeEntry } from '../../lib/outcomes/outcome-log';
import { shanghaiDate } from '../../lib/shanghai-time';
import { decodeHolidays, WorkCalendar } from '../../lib/work-calendar';
import { downloadBlob } from '../shared/download';
import { $outcomeDamage, $outcomes } from '../shared/outcome-store';
import { lazyChunk } from '../shared/lazy-chunk';
import { watchStorage } from '../shared/storage-warning';
import type { FileDeps } from './outcome-import-export';
import { wireDeleteAll } from './outcome-delete-all';
import { OutcomeFigures } from './outcome-figures';
import { OutcomeForm } from './outcome-form';
import { labelsFor, type TrackerData } from './outcome-labels';
import { OutcomeLogView } from './outcome-log-view';
import { defineIsland } from '../shared/define-island';

export type { TrackerData } from './outcome-labels';

/**
 * Says when the saved log could not be read as it was, and offers its raw text for download
 * (the store keeps it aside, or drops it at the next save). Returns the unsubscribe function.
 */
function watchDamage(root: HTMLElement, today: () => string): () => void {
  const damage = root.querySelector<HTMLElement>('[data-damage]')!;
  root.querySelector('[data-damage-download]')!.addEventListener('click', () => {
    const raw = $outcomeDamage.get()?.raw;
    if (raw !== undefined)
      downloadBlob(
        new Blob([raw], { type: 'text/plain;charset=utf-8' }),
        `快手邮件效果记录_无法读取_${today()}.txt`,
      );
  });
  return $outcomeDamage.subscribe((problem) => {
    damage.hidden = problem === null;
    if (!problem) return;
    const found =
      problem.lost === null
        ? '内容不是记录列表，没有找回任何记录'
        : `找回 ${problem.kept} 条，另有 ${problem.lost} 条无法读取`;
    root.querySelector('[data-damage-text]')!.textContent =
      `这个浏览器里保存的效果记录已损坏，无法按原样读取：${found}。` +
      (problem.backupKey
        ? `原始内容已另存在本浏览器（${problem.backupKey}），也可以下载下来。`
        : '原始内容无法另存，请先下载下来；下次保存时会覆盖它。');
  });
}

// Export and import, with the file code and CSV parser they use, load when a file is first asked
// for: most visits only read the figures or add an entry.
const fileActions = lazyChunk(() => import('./outcome-import-export'), '导入导出的代码');

/** The export buttons and the import input, loading the file code on first use. */
function wireFiles(root: HTMLElement, deps: FileDeps) {
  const input = root.querySelector<HTMLInputElement>('[data-import]')!;
  // The import result box is where file problems are shown; a failed export is one too.
  const showProblem = (text: string) => {
    root.querySelector<HTMLElement>('[data-import-result]')!.hidden = false;
    root.querySelector('[data-import-problems]')!.replaceChildren();
    root.querySelector('[data-import-summary]')!.textContent = text;
    deps.say(text);
  };
  root.querySelectorAll<HTMLButtonElement>('[data-export]').forEach((button) =>
    button.addEventListener('click', () => {
      fileActions
        .load()
        .then((actions) => actions.exportLog(button.dataset.export === 'csv', deps))
        .catch((problem: Error) => showProblem(`导出失败：${problem.message}`));
    }),
  );
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (!file) return;
    fileActions
      .load()
      .then((actions) => actions.importLog(root, file, deps))
      .catch((problem: Error) => showProblem(`无法读取“${file.name}”：${problem.message}`))
      .finally(() => {
        input.value = '';
      });
  });
}

class OutcomeTracker extends HTMLElement {
  #unsubscribe: (() => void)[] = [];

  connectedCallback() {
    const data = JSON.parse(this.dataset.outcomes!) as TrackerData;
    const calendar = new WorkCalendar(decodeHolidays(this.dataset.calendar!));
    const today = () => shanghaiDate(Date.now());
    const context = (): OutcomeContext => ({ ...data, today: today() });
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    const say = (text: string) => {
      status.textContent = text;
    };
    const labels = labelsFor(data);

    const form = new OutcomeForm(this, { labels, today, context, say });
    const log = new OutcomeLogView(this, { labels, form, say });
    const figures = new OutcomeFigures(this, data, labels);
    wireFiles(this, { today, context, say });
    wireDeleteAll(this, {
      say,
      onCleared: () => {
        log.dropUndo();
        if (form.editing) form.reset();
      },
    });

    const render = (entries: readonly OutcomeEntry[]) => {
      const byType = summarize(entries, calendar, 'requestType');
      const byTemplate = summarize(entries, calendar, 'template');
      log.render(entries, byType);
      figures.render(entries, byType, byTemplate);
      this.dataset.entries = String(entries.length);
    };
    this.#unsubscribe.push(
      $outcomes.subscribe((entries) => {
        // The entry being edited was deleted (in another tab, or by an import).
        if (form.editing && !entries.some((entry) => entry.id === form.editing)) form.reset();
        render(entries);
      }),
      watchStorage(
        this.querySelector<HTMLElement>('[data-storage-warning]')!,
        '记录',
        { full: '刷新或关闭页面后会丢失，请先导出', unavailable: '刷新或关闭页面后会丢失，请随时导出' },
        '页面上的记录和统计',
      ),
      watchDamage(this, today),
    );
  }

  disconnectedCallback() {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
  }
}

defineIsland('outcome-tracker', OutcomeTracker);
