/**
 * <data-table-helper>: pasted rows → three-line table, key figures and the chart of table 5.
 * User text only ever reaches the page through textContent and setAttribute (never innerHTML);
 * the HTML for the clipboard is built by threeLineTableHtml, which escapes every cell.
 */
import { persistentAtom } from '@nanostores/persistent';
import type { ChartTypeRow, DataAnalysis } from '../../lib/data-table/data-table';
import { MAX_INPUT_CHARS } from '../../lib/data-table/data-table-limits';
import type { PlainTable } from '../../lib/data-table/plain-table';
import type { SvgNode } from '../../lib/data-table/svg-chart';
import { SEVERITY_LABELS } from '../../lib/rules/ruleset';
import { copyText } from '../shared/clipboard';
import { el, svg as createSvg } from '../shared/dom';
import { downloadBlob } from '../shared/download';
import { lazyChunk } from '../shared/lazy-chunk';
import { $draft } from '../shared/stores';
import { watchStorage } from '../shared/storage-warning';
import { defineIsland } from '../shared/define-island';

/** The analysis, its CSV parser and the chart: loaded when there is first something to read. */
const engine = lazyChunk(() => import('./data-table-engine'), '数据分析代码');
type Engine = NonNullable<typeof engine.current>;

/** What was pasted, kept across reloads (only while it is small enough to be read at all). */
const $pasted = persistentAtom<string>('ksmail:data-table', '');

/** The chapter's own example (虚构数据): the orders before and after a listing was taken down. */
const SAMPLE = [
  '日期\t日订单量（单）\t退款单量（单）',
  '11月16日\t131\t2',
  '11月17日\t126\t3',
  '11月18日\t0\t5',
  '11月19日\t0\t4',
].join('\n');

/** Waits this long after the last keystroke or paste before reading the data. */
const DEBOUNCE_MS = 150;
const PNG_SCALE = 2;

/** The chart's element tree as DOM (the xmlns attribute is implied by createElementNS). */
function svgElement(tree: SvgNode): SVGElement {
  const attributes = Object.fromEntries(Object.entries(tree.attrs).filter(([name]) => name !== 'xmlns'));
  const element = createSvg(tree.tag, attributes, tree.text);
  for (const child of tree.children ?? []) element.append(svgElement(child));
  return element;
}

/** The chart file: its SVG text and the size of its viewBox, which the PNG is drawn at. */
interface ChartFile {
  svg: string;
  name: string;
  width: number;
  height: number;
}

/** Draws the serialized SVG into a canvas at 2× (the whole viewBox) through a blob: URL image. */
async function svgToPng({ svg, width, height }: ChartFile): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * PNG_SCALE;
    canvas.height = height * PNG_SCALE;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('浏览器不支持画布');
    context.scale(PNG_SCALE, PNG_SCALE);
    context.drawImage(image, 0, 0, width, height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** One problem in the list (user text only through textContent). */
function problemItem(severity: 'error' | 'warning', code: string, text: string): HTMLLIElement {
  return el(
    'li',
    { class: `ks-finding ks-finding--${severity}`, 'data-problem': code },
    el('span', { class: 'ks-finding__badge' }, SEVERITY_LABELS[severity]),
    el('span', {}, text),
  );
}

/** The three-line table as DOM, key figures in <strong>; cell text only through textContent. */
function tableSections(table: PlainTable): [HTMLTableSectionElement, HTMLTableSectionElement] {
  const align = (column: number): Record<string, string> =>
    table.align[column] === 'right' ? { 'data-align': 'right' } : {};
  const withText = <E extends HTMLElement>(element: E, text: string) => {
    element.textContent = text;
    return element;
  };
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      ...table.header.map((text, column) => withText(el('th', { scope: 'col', ...align(column) }), text)),
    ),
  );
  const body = el(
    'tbody',
    {},
    ...table.rows.map((row, rowIndex) =>
      el(
        'tr',
        {},
        ...row.map((text, column) =>
          table.highlight[rowIndex]?.[column]
            ? el('td', { ...align(column), 'data-highlight': '' }, withText(el('strong'), text))
            : withText(el('td', align(column)), text),
        ),
      ),
    ),
  );
  return [head, body];
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('无法生成 PNG'))), 'image/png'),
  );
}

/** Rich text on the clipboard, with plain text beside it; false where the browser cannot. */
async function copyRich(html: string, plain: string): Promise<boolean> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return false;
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([plain], { type: 'text/plain' }),
      }),
    ]);
    return true;
  } catch {
    return false;
  }
}

/** The elements a result is drawn into. */
interface Parts {
  problems: HTMLElement;
  output: HTMLElement;
  kindReason: HTMLElement;
  keyReason: HTMLElement;
  table: HTMLTableElement;
  chartBox: HTMLElement;
  chartNote: HTMLElement;
  figure: HTMLElement;
  chartButtons: NodeListOf<HTMLButtonElement>;
}

/** The helper's controls and the parts a result is drawn into, with table 5 from the page. */
interface View {
  chartTypes: ChartTypeRow[];
  input: HTMLTextAreaElement;
  chartSelect: HTMLSelectElement;
  status: HTMLElement;
  parts: Parts;
}

function findView(root: HTMLElement): View {
  const q = <T extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  return {
    chartTypes: JSON.parse(root.dataset.chartTypes ?? '[]') as ChartTypeRow[],
    input: q<HTMLTextAreaElement>('[data-input]'),
    chartSelect: q<HTMLSelectElement>('[data-chart-select]'),
    status: q('[data-action-status]'),
    parts: {
      problems: q('[data-problems]'),
      output: q('[data-output]'),
      kindReason: q('[data-kind-reason]'),
      keyReason: q('[data-key-reason]'),
      table: q<HTMLTableElement>('[data-table]'),
      chartBox: q('[data-chart]'),
      chartNote: q('[data-chart-note]'),
      figure: q('[data-chart-figure]'),
      chartButtons: root.querySelectorAll<HTMLButtonElement>(
        '[data-copy-chart], [data-download-svg], [data-download-png]',
      ),
    },
  };
}

class DataTableHelper extends HTMLElement {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #result: DataAnalysis | null = null;
  #unsubscribe: (() => void)[] = [];
  /** Counts reads of the input, so a read that waited for the analysis code is dropped if a newer one came. */
  #generation = 0;

  connectedCallback() {
    const view = findView(this);
    const { input, chartSelect } = view;
    input.addEventListener('input', () => this.#schedule(view));
    input.addEventListener('paste', (event) => this.#refuseLarge(view, event, event.clipboardData));
    input.addEventListener('drop', (event) => this.#refuseLarge(view, event, event.dataTransfer));
    chartSelect.addEventListener('change', () => this.#update(view));
    this.querySelector('[data-sample]')!.addEventListener('click', () => {
      input.value = SAMPLE;
      chartSelect.value = 'auto';
      this.#update(view);
      input.focus();
    });
    this.querySelector('[data-clear]')!.addEventListener('click', () => {
      input.value = '';
      this.#update(view);
      input.focus();
    });
    this.#wireActions(view.status);

    this.#unsubscribe.push(
      // Another tab changed what was pasted.
      $pasted.listen((value) => {
        if (value !== input.value && document.activeElement !== input && value.length <= MAX_INPUT_CHARS) {
          input.value = value;
          this.#schedule(view);
        }
      }),
      watchStorage(
        this.querySelector<HTMLElement>('[data-storage-warning]')!,
        '粘贴的数据',
        '刷新页面前请自行复制',
      ),
    );
    // Only this island writes the key, never over the limit: a longer value is corrupted data,
    // and laying out megabytes in the textarea would freeze the page.
    const saved = $pasted.get();
    input.value = saved.length <= MAX_INPUT_CHARS ? saved : '';
    this.#update(view);
  }

  disconnectedCallback() {
    clearTimeout(this.#timer);
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
  }

  /**
   * Runs `use` with the analysis code: at once when it is loaded, else when it arrives (if no
   * newer read came meanwhile). Text that is only blank needs no analysis, so an empty helper
   * (the usual first visit) never loads it.
   */
  #withEngine({ parts }: View, text: string, use: (code: Engine) => void) {
    const generation = ++this.#generation;
    if (text.replace(/^\uFEFF/, '').trim() === '') {
      this.#result = null;
      this.render(null, parts);
      this.dataset.status = 'empty';
      this.dataset.rendered = String(text.length);
      return;
    }
    if (engine.current) return use(engine.current);
    this.dataset.status = 'loading';
    engine.load().then(
      (code) => {
        if (generation === this.#generation) use(code);
      },
      (error: unknown) => {
        if (generation !== this.#generation) return;
        this.#result = null;
        this.render(null, parts);
        parts.problems.replaceChildren(problemItem('error', 'load-error', (error as Error).message));
        this.dataset.status = 'load-error';
        this.dataset.rendered = `load-error:${text.length}`;
      },
    );
  }

  /** Keeps and reads what is in the input now. */
  #update(view: View) {
    const { input, chartSelect, status, chartTypes, parts } = view;
    const text = input.value;
    // Too large to be a mail table: not kept, and not parsed (analyzeData refuses it unread).
    $pasted.set(text.length <= MAX_INPUT_CHARS ? text : '');
    const chart = chartSelect.value as 'auto' | 'line' | 'bar' | 'pie';
    status.textContent = '';
    this.#withEngine(view, text, (code) => {
      const result = code.analyzeData(text, { chartTypes, chart });
      this.#result = result;
      this.render(result, parts);
      // A drawn table is the answer a screen-reader user waits for; problems have their own region.
      status.textContent =
        result.status === 'ok' && result.table
          ? `已生成三线表（${result.rows.length} 行数据）${result.chart ? `和${code.chartName(result.chart)}` : ''}。`
          : '';
      this.dataset.status = result.status;
      // Tests wait for this: the text of this length has been read and drawn.
      this.dataset.rendered = String(text.length);
    });
  }

  #schedule(view: View) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#update(view), DEBOUNCE_MS);
  }

  /**
   * A paste or drop too large to be a mail table never reaches the textarea (laying out a
   * megabyte of text there takes the browser seconds): it is refused here, unread.
   */
  #refuseLarge(view: View, event: ClipboardEvent | DragEvent, data: DataTransfer | null) {
    const { input, chartTypes, parts } = view;
    const text = data?.getData('text/plain') ?? '';
    const start = event.type === 'paste' ? input.selectionStart : input.value.length;
    const end = event.type === 'paste' ? input.selectionEnd : input.value.length;
    const next = input.value.slice(0, start) + text + input.value.slice(end);
    if (next.length <= MAX_INPUT_CHARS) return;
    event.preventDefault();
    clearTimeout(this.#timer);
    this.#withEngine(view, next, (code) => {
      const result = code.analyzeData(next, { chartTypes });
      this.#result = null;
      this.render(
        {
          ...result,
          problems: result.problems.map((problem) => ({
            ...problem,
            message: `${problem.message}（这次粘贴的内容没有放进输入框。）`,
          })),
        },
        parts,
      );
      this.dataset.status = result.status;
      this.dataset.rendered = `refused:${next.length}`;
    });
  }

  /** The copy, insert and download buttons; each says in `status` what it did or why it failed. */
  #wireActions(status: HTMLElement) {
    const run = (button: string, action: () => Promise<string>) => {
      this.querySelector(button)!.addEventListener('click', () => {
        status.textContent = '';
        action().then(
          (message) => {
            status.textContent = message;
          },
          (error: unknown) => {
            status.textContent = `操作失败：${error instanceof Error ? error.message : String(error)}`;
          },
        );
      });
    };
    run('[data-copy-table]', () => this.copyTable());
    run('[data-copy-chart]', () => this.copyChart());
    run('[data-insert]', async () => this.insertIntoDraft());
    run('[data-download-svg]', async () => {
      const { svg, name } = this.chartFile();
      downloadBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), `${name}.svg`);
      return `已下载 ${name}.svg。`;
    });
    run('[data-download-png]', async () => {
      const file = this.chartFile();
      downloadBlob(await canvasBlob(await svgToPng(file)), `${file.name}.png`);
      return `已下载 ${file.name}.png（${file.width * PNG_SCALE}×${file.height * PNG_SCALE} 像素）。很多邮件客户端默认不显示正文图片，请同时附上数据表。`;
    });
  }

  /** Draws a result; null: nothing to read (blank input, or the analysis code did not load). */
  render(result: DataAnalysis | null, parts: Parts) {
    const shown = !result || result.status === 'empty' ? [] : result.problems;
    parts.problems.replaceChildren(
      ...shown.map((problem) => problemItem(problem.severity, problem.code, problem.message)),
    );
    const table = result?.table;
    parts.output.hidden = result?.status !== 'ok' || !table;
    if (!result || !table) {
      parts.table.replaceChildren();
      parts.chartBox.replaceChildren();
      return;
    }
    parts.kindReason.textContent = result.kindReason;
    for (const claim of this.querySelectorAll<HTMLElement>('[data-kind-claim]')) {
      claim.hidden = claim.dataset.kindClaim !== result.kind;
    }
    parts.keyReason.textContent = result.keyReason ? `标出的关键数字：${result.keyReason}` : '';
    parts.table.replaceChildren(...tableSections(table));

    const spec = result.chartSpec;
    parts.figure.hidden = !spec;
    for (const button of parts.chartButtons) button.disabled = !spec;
    const code = this.code();
    parts.chartBox.replaceChildren(...(spec ? [svgElement(code.buildChart(spec))] : []));
    // Why the chart is split into panels, beside it (empty for one panel).
    parts.chartNote.textContent = spec ? code.chartNote(spec) : '';
    parts.chartNote.hidden = !parts.chartNote.textContent;
  }

  /** The analysis code; only called once a result exists, which it made. */
  code(): Engine {
    if (!engine.current) throw new Error('还没有表格：请先粘贴数据。');
    return engine.current;
  }

  /** The current chart as SVG text, its size and its file name (图表_时间序列), or an error. */
  chartFile(): ChartFile {
    const result = this.#result;
    if (!result?.chartSpec || !result.kind) throw new Error('还没有图表：请先粘贴含数字列的数据。');
    const chartTypes = JSON.parse(this.dataset.chartTypes ?? '[]') as ChartTypeRow[];
    const kind =
      chartTypes.find((type) => type.id === result.kind)?.dataKind.replace(/数据$/, '') ?? result.kind;
    const { svgToString, buildChart } = this.code();
    const tree = buildChart(result.chartSpec);
    const { width, height } = tree.attrs as { width: number; height: number };
    return { svg: svgToString(tree), name: `图表_${kind}`, width, height };
  }

  currentTable() {
    const table = this.#result?.table;
    if (!table) throw new Error('还没有表格：请先粘贴数据。');
    return table;
  }

  async copyTable(): Promise<string> {
    const table = this.currentTable();
    const { formatPipeTable, threeLineTableHtml } = this.code();
    const plain = formatPipeTable(table);
    if (await copyRich(threeLineTableHtml(table), plain)) {
      return '已复制三线表（富文本）。在网页邮箱的正文里粘贴即可；纯文本邮件里会粘贴为对齐的文字表格。';
    }
    return (await copyText(plain))
      ? '这个浏览器不支持复制富文本：已复制为纯文本表格（Markdown 格式）。'
      : '无法写入剪贴板：请手动选中上面的表格复制。';
  }

  async copyChart(): Promise<string> {
    const table = this.currentTable();
    const file = this.chartFile();
    const spec = this.#result!.chartSpec!;
    const { buildChart, escapeHtml, formatPipeTable, threeLineTableHtml } = this.code();
    // Web mail drops inline SVG: the chart goes in as a PNG, followed by its data table.
    const png = (await svgToPng(file)).toDataURL('image/png');
    const alt = escapeHtml(buildChart(spec).attrs['aria-label'] as string);
    const html = `<div><img src="${png}" width="${file.width}" height="${file.height}" alt="${alt}" style="display:block;max-width:100%;height:auto"><br>${threeLineTableHtml(table)}</div>`;
    if (await copyRich(html, formatPipeTable(table))) {
      return '已复制图表和数据表（富文本）。有些邮箱粘贴后不显示图片，发送前请先发给自己看看；也可以下载 PNG 作为附件。';
    }
    return '这个浏览器不支持复制富文本图片：请用“下载 PNG”保存图表，再作为图片插入或作为附件。';
  }

  insertIntoDraft(): string {
    const plain = this.code().formatPipeTable(this.currentTable());
    const draft = $draft.get();
    // trimEnd, not /\s+$/: that backtracks in quadratic time on a long run of spaces in the draft.
    $draft.set(draft.trim() === '' ? plain : `${draft.trimEnd()}\n\n${plain}`);
    return '已把表格插入到邮件正文末尾（Markdown 表格，关键数字已加粗）。在“检查工具”页的正文检查里可以看到和修改。';
  }
}

defineIsland('data-table-helper', DataTableHelper);
