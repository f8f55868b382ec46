/**
 * The header search dialog. Thin: it loads Pagefind's index (every page's fragment, once, when
 * the dialog opens) and the synonym data, and shows what src/lib/search ranks and cuts; results
 * are built with DOM methods, never innerHTML. Not the ranking, folding or snippet logic.
 */
import type { SearchData } from '../../lib/search/query';
import type { IndexFragment, IndexedPage } from '../../lib/search/rank';
import { chunkLoadMessage, lazyChunk } from '../shared/lazy-chunk';

const engine = lazyChunk(() => import('./search-engine'), '站内搜索的代码');
type Engine = Awaited<ReturnType<typeof engine.load>>;

/** The parts of Pagefind's browser API that we use (pagefind.js ships no types). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
  ): Promise<{ results: { id: string; data: () => Promise<IndexFragment> }[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

interface SearchIndex {
  engine: Engine;
  pages: IndexedPage[];
  fold: (text: string) => string;
  data: SearchData | undefined;
  /** Pages synonym groups can ask for (the template library), worked out once. */
  nameable: ReadonlySet<string>;
  filters: Record<string, Record<string, number>>;
}

const FILTER_LABELS: Record<string, string> = { doc: '文档类型', year: '年份' };
const SHOWN = 20;
/**
 * One page's fragment as Pagefind stores it: gzip (unless the host already undid it), then
 * "pagefind_dcd" and JSON. Read here rather than through `data()`, which removes the
 * zero-width spaces between words that anchor locations count, so cards could not be linked.
 */
async function readFragment(url: string): Promise<IndexFragment> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  let bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b)
    bytes = new Uint8Array(
      await new Response(
        new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')),
      ).arrayBuffer(),
    );
  const text = new TextDecoder().decode(bytes);
  return JSON.parse(text.slice(text.indexOf('{'))) as IndexFragment;
}

const isChangelogEntry = (page: IndexedPage) => /\/changelog\/\d{4}-/.test(page.url);

class SiteSearch extends HTMLElement {
  #index: Promise<SearchIndex> | undefined;
  #generation = 0;
  #filters: Record<string, string> = {};

  connectedCallback() {
    const openButton = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
    const closeButton = this.querySelector<HTMLButtonElement>('button[data-close-modal]')!;
    const dialog = this.querySelector('dialog')!;
    const input = this.#input();

    const open = () => {
      dialog.showModal();
      input.focus();
      input.select();
      void this.#load().then(
        (index) => this.#buildFilters(index),
        () => undefined,
      );
    };
    openButton.addEventListener('click', open);
    openButton.disabled = false;
    closeButton.addEventListener('click', () => dialog.close());
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog || (event.target as HTMLElement).closest('a')) dialog.close();
    });
    window.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        if (dialog.open) dialog.close();
        else open();
      }
    });
    // Arrow keys move between the box and the results (Tab works as well).
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const links = [...this.querySelectorAll<HTMLAnchorElement>('[data-search-results] a')];
      const at = links.indexOf(document.activeElement as HTMLAnchorElement);
      if (links.length === 0 || (at === -1 && document.activeElement !== input)) return;
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)]!.focus();
    });
    input.addEventListener('input', (event) => {
      if ((event as InputEvent).isComposing) return;
      void this.#search(input.value);
    });
    input.addEventListener('compositionend', () => void this.#search(input.value));
  }

  #input() {
    return this.querySelector<HTMLInputElement>('input[type="search"]')!;
  }

  /** Pagefind, every page's indexed text and the synonym data; loaded once. */
  #load(): Promise<SearchIndex> {
    this.#index ??= (async () => {
      const bundle = this.dataset.bundle ?? '/pagefind/';
      const base = bundle.replace(/pagefind\/$/, '');
      const [code, pagefind, data] = await Promise.all([
        engine.load(),
        import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>,
        fetch(`${base}search-data.json`)
          .then((response) => (response.ok ? (response.json() as Promise<SearchData>) : undefined))
          .catch(() => undefined),
      ]);
      await pagefind.options({ baseUrl: base });
      const all = await pagefind.search(null);
      const fragments = await Promise.all(
        (all?.results ?? []).map((result) =>
          readFragment(`${bundle}fragment/${result.id}.pf_fragment`)
            // Stored URLs are relative to the site's root; data() adds the base path itself.
            .then((fragment) => ({ ...fragment, url: `${base}${fragment.url.replace(/^\//, '')}` }))
            .catch(() => result.data()),
        ),
      );
      const fold = code.folder(data?.t2s);
      const filters = await pagefind.filters().catch(() => ({}));
      const pages = fragments.map((fragment) => code.indexPage(fragment, fold));
      return { engine: code, pages, fold, data, nameable: code.nameablePages(data), filters };
    })();
    this.#index.catch(() => (this.#index = undefined));
    return this.#index;
  }

  #buildFilters(index: SearchIndex) {
    const box = this.querySelector<HTMLElement>('[data-search-filters]')!;
    if (box.dataset.loaded) return;
    box.dataset.loaded = 'true';
    for (const [name, values] of Object.entries(index.filters)) {
      const label = document.createElement('label');
      label.append(`${FILTER_LABELS[name] ?? name}：`);
      const select = document.createElement('select');
      select.name = name;
      select.dataset.filter = name;
      select.append(new Option('全部', ''));
      for (const [value, count] of Object.entries(values))
        select.append(new Option(`${value}（${count}）`, value));
      select.addEventListener('change', () => {
        if (select.value) this.#filters[name] = select.value;
        else delete this.#filters[name];
        void this.#search(this.#input().value);
      });
      label.append(select);
      box.append(label);
    }
  }

  #matchesFilters(page: IndexedPage) {
    return Object.entries(this.#filters).every(([name, value]) => page.filters[name]?.includes(value));
  }

  async #search(query: string) {
    const generation = ++this.#generation;
    const started = performance.now();
    const status = this.querySelector<HTMLElement>('[data-search-status]')!;
    const list = this.querySelector<HTMLOListElement>('[data-search-results]')!;
    const cases = this.querySelector<HTMLElement>('[data-search-cases]')!;
    const filterBox = this.querySelector<HTMLElement>('[data-search-filters]')!;
    const trimmed = query.trim();
    const filtering = Object.keys(this.#filters).length > 0;
    if (!trimmed && !filtering) {
      list.replaceChildren();
      status.textContent = '';
      cases.hidden = true;
      filterBox.hidden = true;
      delete list.dataset.query;
      return;
    }
    let index: SearchIndex;
    try {
      index = await this.#load();
    } catch (error) {
      if (generation !== this.#generation) return;
      status.textContent =
        error instanceof Error && error.name === 'ChunkLoadError'
          ? chunkLoadMessage('站内搜索的代码')
          : '搜索索引加载失败。请刷新页面后重试；本地开发时请先运行 npm run build 再预览。';
      list.dataset.query = trimmed;
      return;
    }
    if (generation !== this.#generation) return;
    const pages = index.pages.filter((page) => this.#matchesFilters(page));
    const { expandQuery, rankPages, marksFor, snippet } = index.engine;
    const terms = expandQuery(trimmed, index.data, index.fold);
    // The guide explains, the changelog records: unless narrowed to the changelog, a chapter
    // comes before the entry that changed its rule.
    const { results, found } = trimmed
      ? rankPages(terms, pages, {
          weight: (page) => (!this.#filters.doc && isChangelogEntry(page) ? 0.5 : 1),
          placed: SHOWN,
          nameable: index.nameable,
        })
      : { results: undefined, found: [] };
    const ranked =
      results ??
      pages
        .filter(isChangelogEntry)
        .sort((a, b) => b.date.localeCompare(a.date))
        .map((page) => ({ page, score: 0, at: -1, anchor: undefined }));
    const marks = marksFor(terms, found, pages);
    list.replaceChildren(
      ...ranked.slice(0, SHOWN).map(({ page, at, anchor }) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = anchor ? `${page.url}#${encodeURIComponent(anchor.id)}` : page.url;
        link.dataset.searchResult = page.url;
        const title = document.createElement('span');
        title.className = 'result-title';
        title.textContent = anchor?.text ? `${page.title} › ${anchor.text}` : page.title;
        const excerpt = document.createElement('span');
        excerpt.className = 'result-excerpt';
        for (const part of snippet(page.text, page.folded, at, marks, page.bodyStart)) {
          if (!part.marked) excerpt.append(part.text);
          else excerpt.append(Object.assign(document.createElement('mark'), { textContent: part.text }));
        }
        link.append(title, excerpt);
        item.append(link);
        return item;
      }),
    );
    filterBox.hidden = !filtering && !ranked.some(({ page }) => isChangelogEntry(page));
    cases.hidden = ranked.length > 0;
    status.textContent =
      ranked.length === 0
        ? `本站没有与“${trimmed}”相关的内容。可以换个说法，或按你遇到的事找：`
        : `找到 ${ranked.length} 个与“${trimmed || '所选筛选条件'}”相关的结果`;
    list.dataset.query = trimmed;
    performance.measure('ks-search:rank-and-render', { start: started });
  }
}

customElements.define('site-search', SiteSearch);
