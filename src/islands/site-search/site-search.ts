import { candidateQueries, rankCandidates, type SearchCandidate } from '../../lib/search-rank';

/** The parts of Pagefind's browser API that we use (pagefind.js ships no types). */
interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: { id: string; score: number; data: () => Promise<PagefindResultData> }[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** How many Pagefind hits per candidate query are re-ranked (their fragments are fetched). */
const CANDIDATES_PER_QUERY = 30;
const FILTER_LABELS: Record<string, string> = { doc: '文档类型', year: '年份' };

/** Appends Pagefind's excerpt (text with <mark> around hits) as text nodes and <mark> elements. */
function appendExcerpt(parent: HTMLElement, excerpt: string) {
  for (const [index, part] of excerpt.split(/<\/?mark>/).entries()) {
    const text = new DOMParser().parseFromString(part, 'text/html').documentElement.textContent ?? '';
    if (index % 2 === 1) {
      const mark = document.createElement('mark');
      mark.textContent = text;
      parent.append(mark);
    } else {
      parent.append(text);
    }
  }
}

class SiteSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #generation = 0;
  #filters: Record<string, string> = {};

  connectedCallback() {
    const openButton = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
    const closeButton = this.querySelector<HTMLButtonElement>('button[data-close-modal]')!;
    const dialog = this.querySelector('dialog')!;
    const input = this.querySelector<HTMLInputElement>('input[type="search"]')!;

    const open = () => {
      dialog.showModal();
      input.focus();
      input.select();
      void this.#loadFilters();
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
    let timer: ReturnType<typeof setTimeout> | undefined;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.#search(input.value), 120);
    });
  }

  #load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const bundle = this.dataset.bundle ?? '/pagefind/';
      const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
      await pagefind.options({ baseUrl: bundle.replace(/pagefind\/$/, '') });
      return pagefind;
    })();
    return this.#pagefind;
  }

  async #loadFilters() {
    const box = this.querySelector<HTMLElement>('[data-search-filters]')!;
    if (box.dataset.loaded) return;
    box.dataset.loaded = 'true';
    try {
      const filters = await (await this.#load()).filters();
      for (const [name, values] of Object.entries(filters)) {
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
          void this.#search(this.querySelector<HTMLInputElement>('input[type="search"]')!.value);
        });
        label.append(select);
        box.append(label);
      }
      box.hidden = box.childElementCount === 0;
    } catch {
      /* filters are optional; search still works */
    }
  }

  async #search(query: string) {
    const generation = ++this.#generation;
    const status = this.querySelector<HTMLElement>('[data-search-status]')!;
    const list = this.querySelector<HTMLOListElement>('[data-search-results]')!;
    const trimmed = query.trim();
    const hasFilters = Object.keys(this.#filters).length > 0;
    if (!trimmed && !hasFilters) {
      list.replaceChildren();
      status.textContent = '';
      delete list.dataset.query;
      return;
    }
    status.textContent = `正在搜索“${trimmed}”……`;
    try {
      const pagefind = await this.#load();
      const queries = trimmed ? candidateQueries(trimmed) : [null];
      const hits = new Map<string, { score: number; data: () => Promise<PagefindResultData> }>();
      for (const candidateQuery of queries) {
        // Browsing by filter alone (no words): newest changelog entries first.
        const response = await pagefind.search(candidateQuery, {
          filters: this.#filters,
          ...(candidateQuery === null ? { sort: { date: 'desc' } } : {}),
        });
        for (const result of response?.results.slice(0, CANDIDATES_PER_QUERY) ?? []) {
          const known = hits.get(result.id);
          if (!known || known.score < result.score) hits.set(result.id, result);
        }
      }
      const loaded = await Promise.all(
        [...hits.values()].map(async (hit) => ({ hit, data: await hit.data() })),
      );
      if (generation !== this.#generation) return;
      const candidates: (SearchCandidate & { excerpt: string })[] = loaded.map(({ hit, data }) => ({
        url: data.url,
        title: data.meta.title ?? data.url,
        keywords: (data.meta.answers ?? '').split('；').filter(Boolean),
        content: data.content,
        headings: (data.sub_results ?? []).map((sub) => ({ title: sub.title, url: sub.url })),
        baseScore: hit.score,
        // The guide explains, the changelog records: unless the search is narrowed to the
        // changelog (a document filter), a chapter comes before the entry that changed its rule.
        weight: !this.#filters.doc && /\/changelog\//.test(data.url) ? 0.5 : 1,
        excerpt: data.excerpt,
      }));
      const ranked = trimmed
        ? rankCandidates(trimmed, candidates)
        : candidates.map((candidate) => ({ candidate, score: 0, bestUrl: candidate.url }));
      list.replaceChildren(
        ...ranked.slice(0, 20).map(({ candidate, bestUrl }) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = bestUrl;
          link.dataset.searchResult = candidate.url;
          const title = document.createElement('span');
          title.className = 'result-title';
          title.textContent = candidate.title;
          const excerpt = document.createElement('span');
          excerpt.className = 'result-excerpt';
          appendExcerpt(excerpt, (candidate as (typeof candidates)[number]).excerpt);
          link.append(title, excerpt);
          item.append(link);
          return item;
        }),
      );
      status.textContent =
        ranked.length === 0
          ? `未找到与“${trimmed}”相关的结果。可以换个说法，例如“附件格式”“主题怎么写”。`
          : `找到 ${ranked.length} 个与“${trimmed}”相关的结果`;
      list.dataset.query = trimmed;
    } catch {
      if (generation !== this.#generation) return;
      status.textContent = '搜索索引加载失败。请刷新页面后重试；本地开发时请先运行 npm run build 再预览。';
      list.dataset.query = trimmed;
    }
  }
}

customElements.define('site-search', SiteSearch);
