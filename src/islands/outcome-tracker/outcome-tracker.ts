/**
 * <outcome-tracker>: the form, the log table, the figures (tables and small SVG bar charts),
 * export, import and delete-all. Everything stays in this browser; the DOM is built with
 * createElement / createElementNS and textContent only.
 */
import {
  RESOLUTION_LABELS,
  summarize,
  validateEntry,
  type GroupBy,
  type GroupFigures,
  type OutcomeContext,
  type OutcomeEntry,
  type OutcomeField,
  type OutcomeSummary,
  type Resolution,
  type Satisfaction,
} from '../../lib/outcomes/outcome-log';
import { shanghaiDate } from '../../lib/shanghai-time';
import { decodeHolidays, WorkCalendar } from '../../lib/work-calendar';
import {
  $outcomeDamage,
  $outcomes,
  addOutcome,
  clearOutcomes,
  importIntoLog,
  removeOutcome,
  restoreOutcome,
  updateOutcome,
} from '../shared/outcome-store';
import { lazyChunk } from '../shared/lazy-chunk';
import { $storageProblem } from '../shared/stores';

/** Build-time data (data-outcomes). */
export interface TrackerData {
  requestTypes: { id: string; label: string }[];
  templates: { id: string; title: string; revisions: number }[];
}

/** Larger files are refused before reading: a log of 10,000 mails is well under 5 MB. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const SHOWN_PROBLEMS = 30;
const SVG_NS = 'http://www.w3.org/2000/svg';
// The file code (and its CSV parser) is loaded only when a file is asked for.
const fileCode = lazyChunk(() => import('../../lib/outcomes/outcome-files'), '导入导出的代码');

type Child = Node | string;
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'class') element.className = value;
    else element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}
function svg(tag: string, attributes: Record<string, string | number>, text?: string) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
const days = (value: number | null) =>
  value === null ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(1);

function download(text: string, type: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

class OutcomeTracker extends HTMLElement {
  #unsubscribe: (() => void)[] = [];
  #editing: string | null = null;
  #undo: { entry: OutcomeEntry; position: number } | null = null;

  connectedCallback() {
    const data = JSON.parse(this.dataset.outcomes!) as TrackerData;
    const calendar = new WorkCalendar(decodeHolidays(this.dataset.calendar!));
    const today = () => shanghaiDate(Date.now());
    const context = (): OutcomeContext => ({ ...data, today: today() });
    const q = <T extends Element = HTMLElement>(selector: string) => this.querySelector<T>(selector)!;

    const form = q<HTMLFormElement>('[data-form]');
    const field = <T extends HTMLElement>(name: string) => form.querySelector<T>(`[data-field="${name}"]`)!;
    const type = field<HTMLSelectElement>('requestType');
    const template = field<HTMLSelectElement>('template');
    const sent = field<HTMLInputElement>('sent');
    const reply = field<HTMLInputElement>('firstReply');
    const resolvedGroup = field<HTMLFieldSetElement>('resolved');
    const satisfaction = field<HTMLSelectElement>('satisfaction');
    const matter = field<HTMLInputElement>('matter');
    const note = field<HTMLTextAreaElement>('note');
    const errors = q('[data-form-errors]');
    const submit = q<HTMLButtonElement>('[data-submit]');
    const cancelEdit = q<HTMLButtonElement>('[data-cancel-edit]');
    const formTitle = q('[data-form-title]');
    const status = q('[data-status]');
    const clear = q<HTMLButtonElement>('[data-clear]');
    const confirm = q('[data-confirm]');
    const fileInput = q<HTMLInputElement>('[data-import]');

    const typeLabel = (id: string) =>
      data.requestTypes.find((candidate) => candidate.id === id)?.label ?? `${id}（本站已不再使用的类型）`;
    const templateLabel = (id: string, revision: number) =>
      `${data.templates.find((candidate) => candidate.id === id)?.title ?? id} · 修订 ${revision}`;
    const describe = (entry: OutcomeEntry) => `${entry.sent} ${typeLabel(entry.requestType)}`;

    const setDefaults = () => {
      const day = today();
      sent.max = day;
      reply.max = day;
      if (!sent.value) sent.value = day;
    };
    setDefaults();

    // ------------------------------------------------------------ form
    const resolvedValue = () =>
      resolvedGroup.querySelector<HTMLInputElement>('input[name="resolved"]:checked')?.value ?? '';
    const readForm = () => {
      const [templateId, revision] = template.value.split('@');
      return {
        requestType: type.value,
        template: template.value ? { id: templateId!, revision: Number(revision) } : undefined,
        sent: sent.value,
        firstReply: reply.value || undefined,
        resolved: resolvedValue() as Resolution,
        satisfaction: satisfaction.value ? (Number(satisfaction.value) as Satisfaction) : undefined,
        matter: matter.value || undefined,
        note: note.value || undefined,
      };
    };
    const fieldOf: Partial<Record<OutcomeField, HTMLElement>> = {
      requestType: type,
      template,
      sent,
      firstReply: reply,
      resolved: resolvedGroup,
      satisfaction,
      matter,
      note,
    };
    const clearErrors = () => {
      errors.replaceChildren();
      for (const element of Object.values(fieldOf)) element.removeAttribute('aria-invalid');
    };
    const fillForm = (entry: OutcomeEntry | null) => {
      clearErrors();
      if (!entry) {
        // Keep the type and template: the next mail is often of the same kind.
        reply.value = '';
        satisfaction.value = '';
        matter.value = '';
        note.value = '';
        sent.value = today();
        for (const radio of resolvedGroup.querySelectorAll<HTMLInputElement>('input'))
          radio.checked = radio.value === 'pending';
        return;
      }
      type.value = entry.requestType;
      template.value = entry.template ? `${entry.template.id}@${entry.template.revision}` : '';
      sent.value = entry.sent;
      reply.value = entry.firstReply ?? '';
      for (const radio of resolvedGroup.querySelectorAll<HTMLInputElement>('input'))
        radio.checked = radio.value === entry.resolved;
      satisfaction.value = entry.satisfaction ? String(entry.satisfaction) : '';
      matter.value = entry.matter ?? '';
      note.value = entry.note ?? '';
    };
    const setEditing = (id: string | null) => {
      this.#editing = id;
      formTitle.textContent = id ? '修改这条记录' : '记一封已发出的邮件';
      submit.textContent = id ? '保存修改' : '保存这条记录';
      cancelEdit.hidden = !id;
      for (const row of this.querySelectorAll<HTMLElement>('[data-log-body] tr'))
        row.toggleAttribute('data-editing', row.dataset.id === id);
    };
    const stopEditing = (focusId?: string) => {
      setEditing(null);
      fillForm(null);
      const button = focusId
        ? this.querySelector<HTMLElement>(`[data-log-body] tr[data-id="${CSS.escape(focusId)}"] [data-edit]`)
        : null;
      (button ?? type).focus();
    };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearErrors();
      const values = readForm();
      const checked = validateEntry({ ...values, id: this.#editing ?? 'new' }, context());
      if (!checked.ok) {
        for (const error of checked.errors) {
          errors.append(el('li', {}, error.message));
          fieldOf[error.field]?.setAttribute('aria-invalid', 'true');
        }
        const first = checked.errors.map((error) => fieldOf[error.field]).find(Boolean);
        (first instanceof HTMLFieldSetElement ? first.querySelector('input') : first)?.focus();
        return;
      }
      try {
        if (this.#editing) {
          const id = this.#editing;
          const entry = updateOutcome(id, values);
          status.textContent = `已保存修改：${describe(entry)}。`;
          stopEditing(id);
        } else {
          const entry = addOutcome(values);
          fillForm(null);
          status.textContent = `已记下：${describe(entry)}。共 ${$outcomes.get().length} 条记录。`;
        }
      } catch (problem) {
        errors.append(el('li', {}, (problem as Error).message));
      }
    });
    cancelEdit.addEventListener('click', () => {
      const id = this.#editing;
      stopEditing(id ?? undefined);
      status.textContent = '已取消编辑。';
    });

    // ------------------------------------------------------------ log table
    const logBody = q('[data-log-body]');
    const undo = el(
      'p',
      { class: 'ks-outcomes__hint', 'data-undo': '' },
      el('span', { 'data-undo-text': '' }),
      ' ',
      el('button', { type: 'button', 'data-undo-button': '' }, '撤销删除'),
    );
    undo.hidden = true;
    q('[data-log-wrap]').after(undo);

    logBody.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>(
        'button[data-edit], button[data-remove]',
      );
      if (!button) return;
      const id = button.closest<HTMLElement>('tr')!.dataset.id!;
      const entries = $outcomes.get();
      const entry = entries.find((candidate) => candidate.id === id);
      if (!entry) return;
      if (button.dataset.edit !== undefined) {
        fillForm(entry);
        setEditing(id);
        form.scrollIntoView({ block: 'start' });
        type.focus();
        status.textContent = `正在修改：${describe(entry)}。改完后按“保存修改”。`;
        return;
      }
      const position = entries.indexOf(entry);
      removeOutcome(id);
      if (this.#editing === id) {
        setEditing(null);
        fillForm(null);
      }
      this.#undo = { entry, position };
      undo.querySelector('[data-undo-text]')!.textContent = `已删除：${describe(entry)}。`;
      undo.hidden = false;
      status.textContent = `已删除：${describe(entry)}。可以撤销。`;
      undo.querySelector<HTMLButtonElement>('[data-undo-button]')!.focus();
    });
    undo.querySelector('[data-undo-button]')!.addEventListener('click', () => {
      if (!this.#undo) return;
      restoreOutcome(this.#undo.entry, this.#undo.position);
      status.textContent = `已恢复：${describe(this.#undo.entry)}。`;
      const id = this.#undo.entry.id;
      this.#undo = null;
      undo.hidden = true;
      this.querySelector<HTMLElement>(
        `[data-log-body] tr[data-id="${CSS.escape(id)}"] [data-remove]`,
      )?.focus();
    });

    const renderLog = (entries: readonly OutcomeEntry[], summary: OutcomeSummary) => {
      // Newest sending date first; on the same day, the later added first.
      const sorted = entries
        .map((entry, position) => ({ entry, position }))
        .sort((a, b) =>
          a.entry.sent !== b.entry.sent ? (a.entry.sent < b.entry.sent ? 1 : -1) : b.position - a.position,
        )
        .map(({ entry }) => entry);
      logBody.replaceChildren(
        ...sorted.map((entry) => {
          const what = describe(entry);
          const workingDays = summary.replyDays[entry.id];
          const row = el(
            'tr',
            { 'data-id': entry.id },
            el('td', { 'data-col': 'sent' }, entry.sent),
            el('td', { 'data-col': 'type' }, typeLabel(entry.requestType)),
            el(
              'td',
              { 'data-col': 'template' },
              entry.template ? templateLabel(entry.template.id, entry.template.revision) : '—',
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
          if (entry.id === this.#editing) row.dataset.editing = '';
          return row;
        }),
      );
      q('[data-count]').textContent = `（${entries.length} 条）`;
      q('[data-empty]').hidden = entries.length > 0;
      q('[data-log-wrap]').hidden = entries.length === 0;
      const matters = [...new Set(entries.flatMap((entry) => (entry.matter ? [entry.matter] : [])))].sort();
      q('[data-matters]').replaceChildren(...matters.map((name) => el('option', { value: name })));
    };

    // ------------------------------------------------------------ figures
    const groupLabel = (groupBy: GroupBy, key: string) => {
      if (groupBy === 'requestType') return typeLabel(key);
      if (key === '') return '未使用本站模板';
      const [id, revision] = key.split('@');
      return templateLabel(id!, Number(revision));
    };
    /** Groups in the order of the site's data (request types, then templates by title and revision). */
    const ordered = (groupBy: GroupBy, groups: GroupFigures[]) => {
      const rank = (key: string) => {
        if (groupBy === 'requestType') {
          const index = data.requestTypes.findIndex((candidate) => candidate.id === key);
          return index < 0 ? data.requestTypes.length : index;
        }
        if (key === '') return Number.MAX_SAFE_INTEGER;
        const [id, revision] = key.split('@');
        const index = data.templates.findIndex((candidate) => candidate.id === id);
        return (index < 0 ? data.templates.length : index) * 1000 + Number(revision);
      };
      return [...groups].sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : 1));
    };
    const figureCells = (group: GroupFigures, label: string): HTMLTableRowElement => {
      const sub = (text: string) => el('span', { class: 'ks-outcomes__sub' }, text);
      const first = el('th', { scope: 'row' }, label);
      if (group.smallSample && group.sent > 0)
        first.append(
          el('span', { class: 'ks-outcomes__small', title: '样本少于 10 封，比例波动很大' }, '样本少'),
        );
      return el(
        'tr',
        { 'data-key': group.key },
        first,
        el('td', { 'data-number': '', 'data-figure': 'sent' }, `${group.sent} 封`),
        el(
          'td',
          { 'data-number': '', 'data-figure': 'reply-rate' },
          percent(group.replyRate),
          sub(`${group.replied}/${group.sent} 封`),
        ),
        el(
          'td',
          { 'data-number': '', 'data-figure': 'median' },
          days(group.medianReplyDays),
          sub(group.unanswered ? `${group.unanswered} 封未回复，不计入` : '全部已回复'),
        ),
        el(
          'td',
          { 'data-number': '', 'data-figure': 'resolution-rate' },
          percent(group.resolutionRate),
          sub(`${group.resolved}/${group.decided} 件${group.pending ? `，处理中 ${group.pending} 件` : ''}`),
        ),
        el(
          'td',
          { 'data-number': '', 'data-figure': 'satisfaction' },
          group.satisfaction.mean === null ? '—' : group.satisfaction.mean.toFixed(1),
          sub(`${group.satisfaction.count} 件打分`),
        ),
      );
    };
    const renderTable = (table: HTMLTableElement, groupBy: GroupBy, summary: OutcomeSummary) => {
      const head = el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, groupBy === 'requestType' ? '诉求类型' : '模板与版本'),
          el('th', { scope: 'col' }, '发出'),
          el('th', { scope: 'col' }, '回复率'),
          el('th', { scope: 'col' }, '用时中位数（工作日）'),
          el('th', { scope: 'col' }, '解决率（按事项）'),
          el('th', { scope: 'col' }, '满意度'),
        ),
      );
      const caption = el(
        'caption',
        { class: 'sr-only' },
        groupBy === 'requestType' ? '按诉求类型的指标' : '按模板版本的指标',
      );
      const body = el(
        'tbody',
        {},
        ...ordered(groupBy, summary.groups).map((group) =>
          figureCells(group, groupLabel(groupBy, group.key)),
        ),
      );
      const foot = el('tfoot', {}, figureCells(summary.total, '全部'));
      foot.firstElementChild!.setAttribute('data-key', '*');
      table.replaceChildren(caption, head, body, foot);
    };
    const renderChart = (container: HTMLElement, groupBy: GroupBy, summary: OutcomeSummary) => {
      const groups = ordered(groupBy, summary.groups);
      if (groups.length === 0) {
        container.replaceChildren();
        return;
      }
      // No viewBox: text keeps its size at any width, bars are percentages of the bar area.
      const rowHeight = 50;
      const chart = svg('svg', {
        width: '100%',
        height: groups.length * rowHeight,
        role: 'img',
        'aria-label': `条形图：${groupBy === 'requestType' ? '各诉求类型' : '各模板版本'}的回复率和解决率（数值见上表）`,
        'data-chart': groupBy,
      });
      groups.forEach((group, index) => {
        const top = index * rowHeight;
        const label = groupLabel(groupBy, group.key);
        const name = svg('text', { x: 0, y: top + 13 }, label);
        name.append(svg('title', {}, label));
        chart.append(name);
        const bars: [string, number | null, string][] = [
          ['reply', group.replyRate, '回复率'],
          ['resolution', group.resolutionRate, '解决率'],
        ];
        bars.forEach(([kind, rate, title], line) => {
          const y = top + 19 + line * 14;
          const area = svg('svg', { x: 0, y, width: '80%', height: 10 });
          area.append(svg('rect', { x: 0, y: 0, width: '100%', height: 10, class: 'ks-bar__track' }));
          const bar = svg('rect', {
            x: 0,
            y: 0,
            width: `${rate === null ? 0 : Math.round(rate * 1000) / 10}%`,
            height: 10,
            class: `ks-bar--${kind}`,
            'data-bar': kind,
            'data-value': rate === null ? '' : String(Math.round(rate * 100)),
          });
          bar.append(svg('title', {}, `${label}：${title} ${percent(rate)}`));
          area.append(bar);
          chart.append(area, svg('text', { x: '82%', y: y + 9.5 }, percent(rate)));
        });
      });
      const legend = el(
        'ul',
        { class: 'ks-outcomes__legend', 'aria-hidden': 'true' },
        el('li', {}, el('span', { class: 'ks-bar--reply' }), '回复率'),
        el('li', {}, el('span', { class: 'ks-bar--resolution' }), '解决率（按事项）'),
      );
      container.replaceChildren(chart, legend);
    };
    const renderOwn = (entries: readonly OutcomeEntry[], summary: OutcomeSummary) => {
      const own = q('[data-own-figures]');
      if (entries.length === 0) {
        own.textContent = '你的记录：还没有发出的邮件。';
        return;
      }
      const templated = entries.filter((entry) => entry.template);
      const templatedReplied = templated.filter((entry) => entry.firstReply).length;
      own.textContent =
        `你的记录：共 ${entries.length} 封，回复率 ${percent(summary.total.replyRate)}（${summary.total.replied}/${entries.length}）` +
        (templated.length
          ? `；其中用本站模板（按四段式写成）的 ${templated.length} 封，回复率 ${percent(templatedReplied / templated.length)}`
          : '') +
        '。' +
        (summary.total.smallSample ? '样本不到 10 封，比例波动很大，先别下结论。' : '');
    };

    const render = (entries: readonly OutcomeEntry[]) => {
      const byType = summarize(entries, calendar, 'requestType');
      const byTemplate = summarize(entries, calendar, 'template');
      renderLog(entries, byType);
      for (const [groupBy, summary] of [
        ['requestType', byType],
        ['template', byTemplate],
      ] as const) {
        const section = q(`[data-group="${groupBy}"]`);
        renderTable(section.querySelector<HTMLTableElement>('[data-figures-table]')!, groupBy, summary);
        renderChart(section.querySelector<HTMLElement>('[data-chart]')!, groupBy, summary);
      }
      const notices = [...byType.notices];
      if (entries.length > 0 && byType.total.smallSample)
        notices.push(
          '样本少于 10 封时，多一封回复，回复率就变化 10 个百分点以上：攒够记录再比较，比较时只改变一个因素。',
        );
      q('[data-notices]').replaceChildren(...notices.map((text) => el('li', {}, text)));
      renderOwn(entries, byType);
      this.dataset.entries = String(entries.length);
    };

    // ------------------------------------------------------------ export, import, delete all
    const importResult = q('[data-import-result]');
    const files = () => fileCode.load();
    this.querySelectorAll<HTMLButtonElement>('[data-export]').forEach((button) =>
      button.addEventListener('click', () => {
        void (async () => {
          const entries = $outcomes.get();
          const csv = button.dataset.export === 'csv';
          const name = `快手邮件效果记录_${today()}.${csv ? 'csv' : 'json'}`;
          try {
            const { exportCsv, exportJson } = await files();
            if (csv) download(exportCsv(entries, context()), 'text/csv;charset=utf-8', name);
            else download(exportJson(entries), 'application/json', name);
            status.textContent = `已导出 ${entries.length} 条记录：${name}。文件只保存在你的设备上。`;
          } catch (problem) {
            importResult.hidden = false;
            q('[data-import-problems]').replaceChildren();
            q('[data-import-summary]').textContent = `导出失败：${(problem as Error).message}`;
            status.textContent = `导出失败：${(problem as Error).message}`;
          }
        })();
      }),
    );

    fileInput.addEventListener('change', () => {
      const file = fileInput.files?.[0];
      if (!file) return;
      void (async () => {
        const summary = q('[data-import-summary]');
        const list = q('[data-import-problems]');
        list.replaceChildren();
        importResult.hidden = false;
        if (file.size > MAX_IMPORT_BYTES) {
          summary.textContent = `“${file.name}”超过 5 MB，不像是本页导出的记录，没有导入。`;
        } else {
          try {
            const { decodeText, importOutcomes } = await files();
            const text = decodeText(new Uint8Array(await file.arrayBuffer()));
            const result = importOutcomes(text, context());
            const merged = importIntoLog(result.entries);
            const skipped = result.problems.filter((problem) => problem.row > 0).length;
            const fileProblems = result.problems.filter((problem) => problem.row === 0);
            summary.textContent =
              result.read === 0 && fileProblems.length > 0
                ? `没有从“${file.name}”导入任何记录：${fileProblems.map((problem) => problem.message).join(' ')}`
                : `从“${file.name}”读到 ${result.read} 条：导入 ${result.entries.length} 条（新增 ${merged.added} 条，更新 ${merged.updated} 条，已有相同的 ${merged.unchanged} 条），跳过 ${skipped} 条。` +
                  fileProblems.map((problem) => problem.message).join(' ');
            const rows = result.problems.filter((problem) => problem.row > 0);
            list.replaceChildren(
              ...rows.slice(0, SHOWN_PROBLEMS).map((problem) => el('li', {}, problem.message)),
              ...(rows.length > SHOWN_PROBLEMS
                ? [el('li', {}, `另有 ${rows.length - SHOWN_PROBLEMS} 条被跳过，原因同上类。`)]
                : []),
            );
          } catch (problem) {
            summary.textContent = `无法读取“${file.name}”：${(problem as Error).message}`;
          }
        }
        status.textContent = summary.textContent;
        fileInput.value = '';
      })();
    });

    const confirmText = q('[data-confirm-text]');
    const closeConfirm = () => {
      confirm.hidden = true;
      clear.setAttribute('aria-expanded', 'false');
      clear.focus();
    };
    clear.setAttribute('aria-expanded', 'false');
    clear.addEventListener('click', () => {
      const count = $outcomes.get().length;
      if (count === 0) {
        status.textContent = '没有可删除的记录。';
        return;
      }
      confirmText.textContent = `确定删除全部 ${count} 条记录吗？删除后无法恢复，建议先导出一份。`;
      confirm.hidden = false;
      clear.setAttribute('aria-expanded', 'true');
      q<HTMLButtonElement>('[data-confirm-no]').focus();
    });
    q('[data-confirm-no]').addEventListener('click', () => {
      closeConfirm();
      status.textContent = '已取消，记录都还在。';
    });
    confirm.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        closeConfirm();
        status.textContent = '已取消，记录都还在。';
      }
    });
    q('[data-confirm-yes]').addEventListener('click', () => {
      const count = $outcomes.get().length;
      clearOutcomes();
      this.#undo = null;
      undo.hidden = true;
      if (this.#editing) {
        setEditing(null);
        fillForm(null);
      }
      closeConfirm();
      status.textContent = `已删除全部 ${count} 条记录。`;
    });

    // ------------------------------------------------------------ storage state
    const storageWarning = q('[data-storage-warning]');
    const damage = q('[data-damage]');
    q('[data-damage-download]').addEventListener('click', () => {
      const raw = $outcomeDamage.get()?.raw;
      if (raw !== undefined)
        download(raw, 'text/plain;charset=utf-8', `快手邮件效果记录_无法读取_${today()}.txt`);
    });

    this.#unsubscribe.push(
      $outcomes.subscribe((entries) => {
        if (this.#editing && !entries.some((entry) => entry.id === this.#editing)) {
          setEditing(null);
          fillForm(null);
        }
        render(entries);
      }),
      $storageProblem.subscribe((problem) => {
        storageWarning.hidden = problem === null;
        storageWarning.textContent =
          problem === 'full'
            ? '浏览器存储空间已满或不允许写入：记录无法保存，刷新或关闭页面后会丢失，请先导出。页面上的记录和统计不受影响。'
            : '浏览器禁止了本地存储：记录不会被保存，刷新或关闭页面后会丢失，请随时导出。页面上的记录和统计不受影响。';
      }),
      $outcomeDamage.subscribe((problem) => {
        damage.hidden = problem === null;
        if (!problem) return;
        const found =
          problem.lost === null
            ? '内容不是记录列表，没有找回任何记录'
            : `找回 ${problem.kept} 条，另有 ${problem.lost} 条无法读取`;
        q('[data-damage-text]').textContent =
          `这个浏览器里保存的效果记录已损坏，无法按原样读取：${found}。` +
          (problem.backupKey
            ? `原始内容已另存在本浏览器（${problem.backupKey}），也可以下载下来。`
            : '原始内容无法另存，请先下载下来；下次保存时会覆盖它。');
      }),
    );
  }

  disconnectedCallback() {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
  }
}

customElements.define('outcome-tracker', OutcomeTracker);
