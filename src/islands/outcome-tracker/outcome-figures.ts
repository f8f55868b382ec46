/**
 * The figures of <outcome-tracker>: per request type and per template revision a table and a
 * small SVG bar chart, the calculation notices, and the reader's own figures next to the
 * article's claims. Only draws what summarize() computed; no figure is computed here.
 */
import type { GroupBy, GroupFigures, OutcomeEntry, OutcomeSummary } from '../../lib/outcomes/outcome-log';
import { el, svg } from '../shared/dom';
import type { Labels, TrackerData } from './outcome-labels';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
const days = (value: number | null) =>
  value === null ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(1);

/** One group's row: sent, reply rate, median reply time, resolution rate, satisfaction. */
function figureRow(group: GroupFigures, label: string): HTMLTableRowElement {
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
}

/** The table's header row and its caption for screen readers. */
function figureHead(groupBy: GroupBy): [HTMLTableCaptionElement, HTMLTableSectionElement] {
  const caption = el(
    'caption',
    { class: 'sr-only' },
    groupBy === 'requestType' ? '按诉求类型的指标' : '按模板版本的指标',
  );
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
  return [caption, head];
}

const ROW_HEIGHT = 50;

/** One group in the chart: its name, then a bar for the reply rate and one for the resolution rate. */
function chartGroup(chart: SVGElement, group: GroupFigures, label: string, top: number) {
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
}

export class OutcomeFigures {
  readonly #root: HTMLElement;
  readonly #data: TrackerData;
  readonly #labels: Labels;

  constructor(root: HTMLElement, data: TrackerData, labels: Labels) {
    this.#root = root;
    this.#data = data;
    this.#labels = labels;
  }

  /** Everything but the log; `byType` also holds the totals and the notices. */
  render(entries: readonly OutcomeEntry[], byType: OutcomeSummary, byTemplate: OutcomeSummary) {
    for (const [groupBy, summary] of [
      ['requestType', byType],
      ['template', byTemplate],
    ] as const) {
      const section = this.#root.querySelector<HTMLElement>(`[data-group="${groupBy}"]`)!;
      this.#renderTable(section.querySelector<HTMLTableElement>('[data-figures-table]')!, groupBy, summary);
      this.#renderChart(section.querySelector<HTMLElement>('[data-chart]')!, groupBy, summary);
    }
    const notices = [...byType.notices];
    if (entries.length > 0 && byType.total.smallSample)
      notices.push(
        '样本少于 10 封时，多一封回复，回复率就变化 10 个百分点以上：攒够记录再比较，比较时只改变一个因素。',
      );
    this.#root.querySelector('[data-notices]')!.replaceChildren(...notices.map((text) => el('li', {}, text)));
    this.#renderOwn(entries, byType);
  }

  /** Groups in the order of the site's data (request types, then templates by title and revision). */
  #ordered(groupBy: GroupBy, groups: GroupFigures[]) {
    const { requestTypes, templates } = this.#data;
    const rank = (key: string) => {
      if (groupBy === 'requestType') {
        const index = requestTypes.findIndex((candidate) => candidate.id === key);
        return index < 0 ? requestTypes.length : index;
      }
      if (key === '') return Number.MAX_SAFE_INTEGER;
      const [id, revision] = key.split('@');
      const index = templates.findIndex((candidate) => candidate.id === id);
      return (index < 0 ? templates.length : index) * 1000 + Number(revision);
    };
    return [...groups].sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : 1));
  }

  #renderTable(table: HTMLTableElement, groupBy: GroupBy, summary: OutcomeSummary) {
    const [caption, head] = figureHead(groupBy);
    const body = el(
      'tbody',
      {},
      ...this.#ordered(groupBy, summary.groups).map((group) =>
        figureRow(group, this.#labels.group(groupBy, group.key)),
      ),
    );
    const foot = el('tfoot', {}, figureRow(summary.total, '全部'));
    foot.firstElementChild!.setAttribute('data-key', '*');
    table.replaceChildren(caption, head, body, foot);
  }

  #renderChart(container: HTMLElement, groupBy: GroupBy, summary: OutcomeSummary) {
    const groups = this.#ordered(groupBy, summary.groups);
    if (groups.length === 0) {
      container.replaceChildren();
      return;
    }
    // No viewBox: text keeps its size at any width, bars are percentages of the bar area.
    const chart = svg('svg', {
      width: '100%',
      height: groups.length * ROW_HEIGHT,
      role: 'img',
      'aria-label': `条形图：${groupBy === 'requestType' ? '各诉求类型' : '各模板版本'}的回复率和解决率（数值见上表）`,
      'data-chart': groupBy,
    });
    groups.forEach((group, index) =>
      chartGroup(chart, group, this.#labels.group(groupBy, group.key), index * ROW_HEIGHT),
    );
    const legend = el(
      'ul',
      { class: 'ks-outcomes__legend', 'aria-hidden': 'true' },
      el('li', {}, el('span', { class: 'ks-bar--reply' }), '回复率'),
      el('li', {}, el('span', { class: 'ks-bar--resolution' }), '解决率（按事项）'),
    );
    container.replaceChildren(chart, legend);
  }

  /** The reader's own reply rate, beside the article's claimed ones. */
  #renderOwn(entries: readonly OutcomeEntry[], summary: OutcomeSummary) {
    const own = this.#root.querySelector<HTMLElement>('[data-own-figures]')!;
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
  }
}
