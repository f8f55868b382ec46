/**
 * The log table of <outcome-tracker>: one row per mail, newest first, with its edit and delete
 * buttons, and the undo line for the last deleted entry. Rows are drawn from the store on every
 * change; the buttons act through one listener on the table body.
 */
import { RESOLUTION_LABELS, type OutcomeEntry, type OutcomeSummary } from '../../lib/outcomes/outcome-log';
import { el } from '../shared/dom';
import { $outcomes, removeOutcome, restoreOutcome } from '../shared/outcome-store';
import type { OutcomeForm } from './outcome-form';
import type { Labels } from './outcome-labels';

export interface LogDeps {
  labels: Labels;
  form: OutcomeForm;
  say: (text: string) => void;
}

/** One entry of the log as a table row; `workingDays` is its reply time, if it has one. */
function logRow(entry: OutcomeEntry, labels: Labels, workingDays: number | undefined): HTMLTableRowElement {
  const what = labels.entry(entry);
  return el(
    'tr',
    { 'data-id': entry.id },
    el('td', { 'data-col': 'sent' }, entry.sent),
    el('td', { 'data-col': 'type' }, labels.type(entry.requestType)),
    el(
      'td',
      { 'data-col': 'template' },
      entry.template ? labels.template(entry.template.id, entry.template.revision) : '—',
    ),
    el('td', { 'data-col': 'matter' }, entry.matter ?? '—'),
    el('td', { 'data-col': 'reply' }, entry.firstReply ?? '未回复'),
    el(
      'td',
      { 'data-col': 'days', 'data-number': '' },
      workingDays === undefined ? '—' : String(workingDays),
    ),
    el('td', { 'data-col': 'resolved' }, RESOLUTION_LABELS[entry.resolved]),
    el(
      'td',
      { 'data-col': 'satisfaction', 'data-number': '' },
      entry.satisfaction ? String(entry.satisfaction) : '—',
    ),
    el('td', { 'data-col': 'note', class: 'ks-outcomes__note' }, entry.note ?? ''),
    el(
      'td',
      {},
      el(
        'span',
        { class: 'ks-outcomes__row-actions' },
        el('button', { type: 'button', 'data-edit': '', 'aria-label': `编辑 ${what}` }, '编辑'),
        el('button', { type: 'button', 'data-remove': '', 'aria-label': `删除 ${what}` }, '删除'),
      ),
    ),
  );
}

/** Newest sending date first; on the same day, the later added first. */
function newestFirst(entries: readonly OutcomeEntry[]): OutcomeEntry[] {
  return entries
    .map((entry, position) => ({ entry, position }))
    .sort((a, b) =>
      a.entry.sent !== b.entry.sent ? (a.entry.sent < b.entry.sent ? 1 : -1) : b.position - a.position,
    )
    .map(({ entry }) => entry);
}

export class OutcomeLogView {
  readonly #root: HTMLElement;
  readonly #deps: LogDeps;
  readonly #body: HTMLElement;
  readonly #undoLine: HTMLParagraphElement;
  /** The last deleted entry and where it stood, while it can be restored. */
  #undo: { entry: OutcomeEntry; position: number } | null = null;

  constructor(root: HTMLElement, deps: LogDeps) {
    this.#root = root;
    this.#deps = deps;
    this.#body = root.querySelector<HTMLElement>('[data-log-body]')!;
    this.#undoLine = el(
      'p',
      { class: 'ks-outcomes__hint', 'data-undo': '' },
      el('span', { 'data-undo-text': '' }),
      ' ',
      el('button', { type: 'button', 'data-undo-button': '' }, '撤销删除'),
    );
    this.#undoLine.hidden = true;
    root.querySelector('[data-log-wrap]')!.after(this.#undoLine);

    this.#body.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>(
        'button[data-edit], button[data-remove]',
      );
      if (button) this.#act(button);
    });
    this.#undoLine.querySelector('[data-undo-button]')!.addEventListener('click', () => this.#restore());
  }

  render(entries: readonly OutcomeEntry[], summary: OutcomeSummary) {
    const { labels, form } = this.#deps;
    this.#body.replaceChildren(
      ...newestFirst(entries).map((entry) => {
        const row = logRow(entry, labels, summary.replyDays[entry.id]);
        if (entry.id === form.editing) row.dataset.editing = '';
        return row;
      }),
    );
    const q = (selector: string) => this.#root.querySelector<HTMLElement>(selector)!;
    q('[data-count]').textContent = `（${entries.length} 条）`;
    q('[data-empty]').hidden = entries.length > 0;
    q('[data-log-wrap]').hidden = entries.length === 0;
    const matters = [...new Set(entries.flatMap((entry) => (entry.matter ? [entry.matter] : [])))].sort();
    q('[data-matters]').replaceChildren(...matters.map((name) => el('option', { value: name })));
  }

  /** Forgets the deleted entry: after everything was deleted, there is nothing to undo. */
  dropUndo() {
    this.#undo = null;
    this.#undoLine.hidden = true;
  }

  /** An edit or delete button of a row. */
  #act(button: HTMLButtonElement) {
    const { labels, form, say } = this.#deps;
    const id = button.closest<HTMLElement>('tr')!.dataset.id!;
    const entries = $outcomes.get();
    const entry = entries.find((candidate) => candidate.id === id);
    if (!entry) return;
    if (button.dataset.edit !== undefined) {
      form.edit(entry);
      say(`正在修改：${labels.entry(entry)}。改完后按“保存修改”。`);
      return;
    }
    const position = entries.indexOf(entry);
    removeOutcome(id);
    if (form.editing === id) form.reset();
    this.#undo = { entry, position };
    this.#undoLine.querySelector('[data-undo-text]')!.textContent = `已删除：${labels.entry(entry)}。`;
    this.#undoLine.hidden = false;
    say(`已删除：${labels.entry(entry)}。可以撤销。`);
    this.#undoLine.querySelector<HTMLButtonElement>('[data-undo-button]')!.focus();
  }

  #restore() {
    if (!this.#undo) return;
    restoreOutcome(this.#undo.entry, this.#undo.position);
    this.#deps.say(`已恢复：${this.#deps.labels.entry(this.#undo.entry)}。`);
    const id = this.#undo.entry.id;
    this.#undo = null;
    this.#undoLine.hidden = true;
    this.#root
      .querySelector<HTMLElement>(`[data-log-body] tr[data-id="${CSS.escape(id)}"] [data-remove]`)
      ?.focus();
  }
}
