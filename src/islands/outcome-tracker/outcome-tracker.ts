/**
 * <outcome-tracker>: the chapter's figures (tables and small SVG bar charts) computed from the
 * case file kept in this browser — a view, not a log of its own. Recording is in /tools/case/;
 * on load the old tracker's saved log is migrated into cases there (the same migration the case
 * file runs, from case-store.ts), so what the release before recorded is counted, once. Another
 * tab's edit of the shelf redraws the figures. CSV export and the import of an old tracker file
 * (into cases) load as a chunk when asked for. The DOM is built with createElement /
 * createElementNS and textContent only.
 */
import { summarize } from '../../lib/outcomes/outcome-summary';
import { casesToOutcomes, looksLikeCase, type CaseOutcome } from '../../lib/outcomes/case-outcomes';
import { shanghaiDate } from '../../lib/shanghai-time';
import { decodeHolidays, WorkCalendar } from '../../lib/work-calendar';
import { $shelf, migrateIntoShelf } from '../case-file/case-store';
import { lazyChunk } from '../shared/lazy-chunk';
import { watchStorage } from '../shared/storage-warning';
import type { FileDeps } from './outcome-import-export';
import { OutcomeFigures } from './outcome-figures';
import { labelsFor, type TrackerData } from './outcome-labels';
import { renderLog } from './outcome-log-view';
import { defineIsland } from '../shared/define-island';

export type { TrackerData } from './outcome-labels';

// Export and import, with the file code and CSV parser they use, load when a file is first asked
// for: most visits only read the figures.
// The migration of the old log loads as its own chunk: with it, the first load was 15.5 KB.
const migrationCode = lazyChunk(() => import('../../lib/case-file/case-migration'), '整理旧效果记录的代码');
const fileActions = lazyChunk(() => import('./outcome-import-export'), '导入导出的代码');

/** The export button and the import input, loading the file code on first use. */
function wireFiles(root: HTMLElement, deps: FileDeps) {
  const input = root.querySelector<HTMLInputElement>('[data-import]')!;
  // The import result box is where file problems are shown; a failed export is one too.
  const showProblem = (text: string) => {
    root.querySelector<HTMLElement>('[data-import-result]')!.hidden = false;
    root.querySelector('[data-import-problems]')!.replaceChildren();
    root.querySelector('[data-import-summary]')!.textContent = text;
    deps.say(text);
  };
  root.querySelector('[data-export]')!.addEventListener('click', () => {
    fileActions
      .load()
      .then((actions) => actions.exportLog(deps))
      .catch((problem: Error) => showProblem(`导出失败：${problem.message}`));
  });
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
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    const say = (text: string) => {
      status.textContent = text;
    };
    const labels = labelsFor(data);
    const caseTypes = data.requestTypes.map((type) => ({ id: type.id, need: type.label }));
    const mails = (): CaseOutcome[] => casesToOutcomes($shelf.get().cases.filter(looksLikeCase));

    const figures = new OutcomeFigures(this, data, labels);
    wireFiles(this, { today, context: () => ({ ...data, today: today() }), caseTypes, mails, say });
    const render = () => {
      const entries = mails();
      const byType = summarize(entries, calendar, 'requestType');
      renderLog(this, entries, byType, labels);
      figures.render(entries, byType, summarize(entries, calendar, 'template'));
      // Counted (for the page and its tests) once the old log is in the cases.
      if (this.dataset.migrated !== undefined) this.dataset.entries = String(entries.length);
    };
    // An entry the old release logged is counted, as a case: migrated when its code has loaded.
    void migrationCode
      .load()
      .then((migration) => {
        const added = migrateIntoShelf(migration, caseTypes);
        if (!added.length) return;
        const migrated = this.querySelector<HTMLElement>('[data-migrated]')!;
        migrated.textContent = `已把这个浏览器里原有的效果记录整理成 ${added.length} 个案卷：${added.join('、')}。原来的记录仍然保留。`;
        migrated.hidden = false;
      })
      .catch((problem: Error) => say(problem.message))
      .finally(() => {
        this.dataset.migrated = '';
        render();
      });
    this.#unsubscribe.push(
      $shelf.subscribe(render),
      watchStorage(
        this.querySelector<HTMLElement>('[data-storage-warning]')!,
        '从效果记录整理出的案卷',
        {
          full: '刷新或关闭页面后会丢失，请到案卷里导出',
          unavailable: '刷新或关闭页面后会丢失，请到案卷里导出',
        },
        '页面上的指标',
      ),
    );
  }

  disconnectedCallback() {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
  }
}

defineIsland('outcome-tracker', OutcomeTracker);
