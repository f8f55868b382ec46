/**
 * JavaScript budgets on the built site (issue 9): `node --import tsx scripts/check-budgets.ts [dist]`.
 *
 * What is measured. For every built HTML page we collect its module scripts
 * (`<script type="module" src>`, and classic `<script src>` if any appear), its inline
 * `<script>`s and its `<link rel="modulepreload">`s, then follow each external script's static
 * imports through the built chunks (`import{…}from"./x.js"`, `import"./x.js"`,
 * `export{…}from"./x.js"`). Those files are what the page downloads before it is interactive: the
 * "initial" JavaScript. Dynamic `import("./x.js")` targets (and their own static imports) are
 * "lazy": downloaded only when the user does something; they are listed with their sizes but are
 * not part of the initial budget. A dynamic import whose URL is computed at run time (Pagefind's
 * `${bundle}pagefind.js`) cannot be followed and is counted as "runtime". A Web Worker's script
 * (`new URL("./x.js", import.meta.url)`) is listed like a dynamic import.
 * Sizes are gzip level 9 of each file, as a server or CDN would send it; 1 KB = 1024 bytes.
 *
 * Who owns what. An external entry chunk is `<Name>.astro_astro_type_script_index_N_lang.<hash>.js`,
 * named after the component whose `<script>` it is:
 *  - a component of Starlight's own package (TableOfContents, MobileTableOfContents, …) is
 *    Starlight's; so are `page.<hash>.js` (Astro's prefetch, switched on by Starlight) and
 *    `ec.<hash>.js` (Expressive Code, Starlight's code blocks: the copy button);
 *  - the site search component (SiteSearch, our override of Starlight's search) is "search";
 *  - any other component of ours (src/components) is an island;
 *  - anything else is unknown and breaks the budget, so nothing can slip past unclassified.
 * Inline scripts carry no file name: one that defines a custom element other than Starlight's
 * (`starlight-*`, `sl-*`) belongs to the island of that element (Astro inlines small scripts
 * without imports, e.g. `<ruleset-compare>`); one that names Starlight (`StarlightThemeProvider`,
 * `starlight__sidebar`, `sl-sidebar-state` …) is Starlight's; any other is unknown.
 *
 * Budgets (all must hold, on every page):
 *  (a) a page without an island ships only Starlight's JavaScript and the search: no other entry,
 *      no other inline script, no preload outside those closures;
 *  (b) each island's closure, i.e. its entry chunk(s), every chunk they statically import
 *      (transitively) and its inline scripts, is at most ISLAND_BUDGET gzip. Shared chunks are
 *      counted in full in every island that needs them: this is the strict reading of "shared
 *      chunks counted once per page", since an island must fit even on a page where it is alone
 *      (and any page is then at most 15 KB times its islands). The search is held to the same
 *      budget, like an island.
 *  (c) inline scripts on a page are at most INLINE_BUDGET bytes together (uncompressed: they
 *      are parsed on every page view and cannot be cached apart from the HTML).
 * "Counted once per page" is how the page total is reported: every file the page loads counts
 * once, and each owner's line shows the chunks only it needs ("own") plus its share of the
 * chunks it shares with other owners on the page (each shared chunk's size split evenly between
 * the owners that import it), so the owners' lines add up to the page total (up to rounding).
 *
 * Also an error: a script or import that points to a file missing from dist/, a script from
 * another origin, and a static import the analysis cannot resolve.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, posix, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const ISLAND_BUDGET = 15 * 1024;
export const INLINE_BUDGET = 6 * 1024;

export type Owner = 'starlight' | 'search' | 'island' | 'unknown';

export interface BudgetOptions {
  /** The site's base path, as in BASE_PATH (`/` or `/mail-guide/`). */
  base: string;
  /** Names of our own components (.astro files under src/components, src/islands and src/overrides, without the extension). */
  ourComponents: readonly string[];
  /** Names of Starlight's components that have a `<script>`. */
  starlightComponents: readonly string[];
  /** Our component that replaces Starlight's search. */
  searchComponent: string;
  islandBudget?: number;
  inlineBudget?: number;
}

/** One owner's share of a page: Starlight, the search, an island or something unknown. */
export interface OwnerReport {
  owner: Owner;
  name: string;
  /** Entry chunks (paths relative to dist/, with `/`). */
  entries: string[];
  /** Every file in its static closure, entries included. */
  closure: string[];
  /** gzip bytes of the closure, shared chunks in full, inline scripts included. */
  closureGz: number;
  /** Inline script bytes (uncompressed) and their gzip size. */
  inlineBytes: number;
  inlineGz: number;
  /** gzip bytes of the chunks no other owner on this page needs, and its share of the others. */
  ownGz: number;
  shareGz: number;
}

export interface LazyReport {
  /** The owner whose code holds the `import()`. */
  from: string;
  /** The file imported dynamically. */
  target: string;
  /** Files it brings that the page has not loaded yet (target included). */
  files: string[];
  gz: number;
}

export interface PageReport {
  /** Path of the HTML file inside dist/, e.g. `tools/index.html`. */
  page: string;
  owners: OwnerReport[];
  /** Every initial file, counted once. */
  initialFiles: string[];
  /** gzip bytes of the initial files (each once) plus the inline scripts. */
  initialGz: number;
  inlineBytes: number;
  lazy: LazyReport[];
  /** gzip bytes of all lazy files of the page, each counted once. */
  lazyGz: number;
  /** Dynamic imports with a URL computed at run time (cannot be followed). */
  runtimeImports: number;
}

export interface Violation {
  page: string;
  name?: string;
  message: string;
}

export interface BudgetReport {
  pages: PageReport[];
  violations: Violation[];
  /** gzip bytes of every file in dist/_astro that was looked at. */
  sizes: Map<string, number>;
}

/** The built site as files: path relative to dist/ (with `/`) → contents. */
export type DistFiles = ReadonlyMap<string, string>;

const ENTRY_NAME = /^(.+)\.astro_astro_type_script_index_\d+_lang\.[\w-]+\.js$/;
const STARLIGHT_CHUNKS = [
  /^page\.[\w-]+\.js$/, // Astro's prefetch script, which Starlight switches on
  /^ec\.[\w-]+\.js$/, // Expressive Code (Starlight's code blocks): the copy button
];
const STARLIGHT_INLINE = /starlight|\bsl-[a-z]/i;
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const short = (file: string) => basename(file).replace(/\.astro_astro_type_script_index_\d+_lang/, '');

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(` ${tag}`);
  if (!match) return new RegExp(`\\s${name}(?=[\\s>/]|$)`, 'i').test(` ${tag}`) ? '' : undefined;
  return (match[1] ?? match[2] ?? match[3] ?? '').replaceAll('&amp;', '&');
}

interface HtmlScripts {
  external: { src: string; module: boolean }[];
  inline: string[];
  preloads: string[];
}

/** The scripts of one HTML page (comments removed first, so a commented-out script is not counted). */
export function pageScripts(html: string): HtmlScripts {
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  const result: HtmlScripts = { external: [], inline: [], preloads: [] };
  for (const match of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1]!;
    const type = (attribute(attributes, 'type') ?? '').trim().toLowerCase();
    if (!JS_TYPES.has(type)) continue; // JSON-LD, templates …: not JavaScript
    const src = attribute(attributes, 'src');
    if (src !== undefined) result.external.push({ src, module: type === 'module' });
    else if (match[2]!.trim()) result.inline.push(match[2]!);
  }
  for (const match of text.matchAll(/<link\b([^>]*)>/gi)) {
    const rel = (attribute(match[1]!, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attribute(match[1]!, 'href');
    if (href && (rel.includes('modulepreload') || (rel.includes('preload') && /\.m?js$/.test(href))))
      result.preloads.push(href);
  }
  return result;
}

export interface ChunkImports {
  static: string[];
  dynamic: string[];
  /** `import(…)` with a computed URL. */
  runtime: number;
}

/**
 * Import specifiers of a minified ES module as Rolldown writes it. Static imports and re-exports
 * (`import{a as b}from"./x.js"`, `import"./x.js"`, `import*as c from"./x.js"`,
 * `export*from"./x.js"`) and dynamic imports with a literal URL (`import(\`./x.js\`)`, with any
 * quote). A script referenced as `new URL("./x.js", import.meta.url)` (how Vite starts a Web
 * Worker) also loads only when the code runs, so it counts as a dynamic import. Vite's preload
 * lists (`__vite__mapDeps`) are plain strings and are not imports.
 */
export function chunkImports(code: string): ChunkImports {
  const result: ChunkImports = { static: [], dynamic: [], runtime: 0 };
  const staticImport =
    /(?<![\w$.])(?:import|export)\s*(?:[\w$]+\s*,?\s*)?(?:\*\s*(?:as\s+[\w$]+\s*)?|\{[^{}]*\}\s*)?(?:from\s*)?(["'`])([^"'`\n]+)\1/g;
  for (const match of code.matchAll(staticImport)) result.static.push(match[2]!);
  for (const match of code.matchAll(/(?<![\w$.])import\s*\(\s*(?:(["'`])([^"'`$\n]+)\1\s*\)|)/g)) {
    if (match[2] !== undefined) result.dynamic.push(match[2]);
    else result.runtime += 1;
  }
  for (const match of code.matchAll(
    /\bnew\s+URL\(\s*(["'`])([^"'`$\n]+\.m?js)\1\s*,\s*import\.meta\.url\s*\)/g,
  ))
    result.dynamic.push(match[2]!);
  return result;
}

const gzipSize = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

function pascal(tag: string) {
  return tag.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

// ---------------------------------------------------------------------------------------------
// The analysis, in stages: the site's files (read once for all pages), who owns a script, then
// each page: its owners, their closures, their sizes, the lazy imports, the budgets.

/** The built files, and what is read from them once for all pages: gzip sizes and imports. */
interface Site {
  files: DistFiles;
  /** The base path, ending in `/`. */
  base: string;
  sizes: Map<string, number>;
  imports: Map<string, ChunkImports>;
}

/** Problems found while following a page's scripts; a page reports each message once. */
type Report = (message: string) => void;

function gzOf(site: Site, file: string): number {
  let gz = site.sizes.get(file);
  if (gz === undefined) site.sizes.set(file, (gz = gzipSize(site.files.get(file) ?? '')));
  return gz;
}

function importsOf(site: Site, file: string): ChunkImports {
  let found = site.imports.get(file);
  if (!found) site.imports.set(file, (found = chunkImports(site.files.get(file) ?? '')));
  return found;
}

/** dist-relative path of a URL in an HTML page, or an error message. */
function pagePath(site: Site, page: string, url: string): string | { error: string } {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return { error: `脚本来自站外：${url}` };
  const path = url.split(/[?#]/)[0]!;
  if (path.startsWith('/')) {
    if (!path.startsWith(site.base)) return { error: `脚本不在站点路径 ${site.base} 之下：${url}` };
    return path.slice(site.base.length);
  }
  return posix.normalize(posix.join(posix.dirname(page), path));
}

/** dist-relative path of an import specifier inside a chunk, or null for a bare specifier. */
function chunkPath(site: Site, chunk: string, specifier: string): string | null {
  if (specifier.startsWith('/'))
    return specifier.startsWith(site.base) ? specifier.slice(site.base.length) : specifier.slice(1);
  if (!specifier.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(chunk), specifier));
}

/** Static closure of some files; reports missing files and unresolvable imports. */
function staticClosure(site: Site, roots: readonly string[], report: Report): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    if (!site.files.has(file)) {
      report(`引用的脚本在 dist/ 里不存在：${file}`);
      continue;
    }
    seen.add(file);
    for (const specifier of importsOf(site, file).static) {
      const target = chunkPath(site, file, specifier);
      if (target === null) report(`${file} 的静态导入无法解析：${specifier}`);
      else queue.push(target);
    }
  }
  return seen;
}

/** What tells the owners apart: our components, Starlight's, and which of ours is the search. */
interface Components {
  ours: ReadonlySet<string>;
  starlight: ReadonlySet<string>;
  search: string;
}

type Owned = { owner: Owner; name: string };

/** The owner of an entry chunk, from the component its file is named after. */
function classifyEntry(file: string, components: Components): Owned {
  const name = basename(file);
  const component = ENTRY_NAME.exec(name)?.[1];
  if (component === components.search) return { owner: 'search', name: component };
  if (component !== undefined && components.ours.has(component)) return { owner: 'island', name: component };
  if (component !== undefined && components.starlight.has(component))
    return { owner: 'starlight', name: 'Starlight' };
  if (STARLIGHT_CHUNKS.some((pattern) => pattern.test(name)))
    return { owner: 'starlight', name: 'Starlight' };
  return { owner: 'unknown', name: component ?? name };
}

/** The owner of an inline script: the custom element it defines, else whether it names Starlight. */
function classifyInline(code: string, components: Components): Owned {
  for (const match of code.matchAll(/customElements\.define\(\s*(["'`])([a-z][\w.-]*-[\w.-]*)\1/g)) {
    const tag = match[2]!;
    if (/^(starlight|sl)-/.test(tag)) continue;
    const component = pascal(tag);
    if (component === components.search) return { owner: 'search', name: component };
    return { owner: 'island', name: components.ours.has(component) ? component : `<${tag}>` };
  }
  if (STARLIGHT_INLINE.test(code)) return { owner: 'starlight', name: 'Starlight' };
  return { owner: 'unknown', name: `内联脚本「${code.trim().slice(0, 40)}…」` };
}

/** One owner's scripts on a page, before sizes. */
interface Draft extends Owned {
  entries: string[];
  inline: string[];
}

const OWNER_ORDER: Owner[] = ['starlight', 'search', 'island', 'unknown'];

/** A page's scripts grouped by owner, in report order: Starlight, the search, islands, unknown. */
function draftOwners(
  site: Site,
  page: string,
  scripts: HtmlScripts,
  components: Components,
  report: Report,
): Draft[] {
  const drafts = new Map<string, Draft>();
  const draftFor = ({ owner, name }: Owned) => {
    const key = `${owner}:${name}`;
    let draft = drafts.get(key);
    if (!draft) drafts.set(key, (draft = { owner, name, entries: [], inline: [] }));
    return draft;
  };
  for (const script of scripts.external) {
    const file = pagePath(site, page, script.src);
    if (typeof file !== 'string') {
      report(file.error);
      continue;
    }
    const draft = draftFor(classifyEntry(file, components));
    if (!draft.entries.includes(file)) draft.entries.push(file);
  }
  for (const code of scripts.inline) draftFor(classifyInline(code, components)).inline.push(code);
  return [...drafts.values()].sort(
    (a, b) => OWNER_ORDER.indexOf(a.owner) - OWNER_ORDER.indexOf(b.owner) || a.name.localeCompare(b.name),
  );
}

/** The owners of a page with their static closures, and how many owners need each initial file. */
interface InitialCode {
  drafts: Draft[];
  closures: Set<string>[];
  users: Map<string, number>;
}

/**
 * Each owner's static closure. A preloaded file outside every closure is downloaded for nothing;
 * it is nobody's, so it becomes one more owner, unknown, with what it alone brings.
 */
function initialCode(site: Site, page: string, owned: Draft[], preloads: readonly string[], report: Report) {
  const drafts = [...owned];
  const closures = drafts.map((draft) => staticClosure(site, draft.entries, report));
  const users = new Map<string, number>();
  for (const closure of closures) for (const file of closure) users.set(file, (users.get(file) ?? 0) + 1);
  const preloaded: string[] = [];
  for (const href of preloads) {
    const file = pagePath(site, page, href);
    if (typeof file !== 'string') report(file.error);
    else if (!users.has(file)) preloaded.push(file);
  }
  if (preloaded.length) {
    const closure = staticClosure(site, preloaded, report);
    for (const file of closure) if (!users.has(file)) users.set(file, 1);
    drafts.push({ owner: 'unknown', name: '预加载', entries: preloaded, inline: [] });
    closures.push(new Set([...closure].filter((file) => (users.get(file) ?? 0) === 1)));
  }
  return { drafts, closures, users } satisfies InitialCode;
}

/** One owner's sizes: its closure in full, and split into its own chunks and its share of the rest. */
function ownerReport(site: Site, draft: Draft, files: Set<string>, users: Map<string, number>): OwnerReport {
  const closure = [...files].sort();
  const inlineBytes = draft.inline.reduce((sum, code) => sum + Buffer.byteLength(code), 0);
  const inlineGz = draft.inline.length ? gzipSize(draft.inline.join('\n')) : 0;
  let ownGz = inlineGz;
  let shareGz = 0;
  for (const file of closure) {
    const count = users.get(file)!;
    if (count === 1) ownGz += gzOf(site, file);
    else shareGz += gzOf(site, file) / count;
  }
  return {
    owner: draft.owner,
    name: draft.name,
    entries: draft.entries,
    closure,
    closureGz: closure.reduce((sum, file) => sum + gzOf(site, file), 0) + inlineGz,
    inlineBytes,
    inlineGz,
    ownGz,
    shareGz: Math.round(shareGz),
  };
}

/** Every literal import() reachable from the page's code, with the files it adds to the page. */
function lazyImports(site: Site, code: InitialCode, initial: ReadonlySet<string>, report: Report) {
  const lazy: LazyReport[] = [];
  const lazyFiles = new Set<string>();
  let runtimeImports = 0;
  const visited = new Set<string>();
  code.drafts.forEach((draft, index) => {
    const queue = [...code.closures[index]!];
    const seen = new Set(queue);
    while (queue.length) {
      const file = queue.shift()!;
      const found = importsOf(site, file);
      // Counted once per page, though several owners may reach the same chunk.
      if (!visited.has(file)) runtimeImports += found.runtime;
      visited.add(file);
      for (const specifier of found.dynamic) {
        const target = chunkPath(site, file, specifier);
        if (target === null) {
          report(`${file} 的动态导入无法解析：${specifier}`);
          continue;
        }
        if (lazy.some((entry) => entry.from === draft.name && entry.target === target)) continue;
        const brought = [...staticClosure(site, [target], report)]
          .filter((chunk) => !initial.has(chunk))
          .sort();
        for (const chunk of brought) lazyFiles.add(chunk);
        lazy.push({
          from: draft.name,
          target,
          files: brought,
          gz: brought.reduce((sum, chunk) => sum + gzOf(site, chunk), 0),
        });
        // What the lazy chunks import dynamically in turn is followed too.
        for (const chunk of brought) if (!seen.has(chunk)) (seen.add(chunk), queue.push(chunk));
      }
    }
  });
  return { lazy, lazyFiles, runtimeImports };
}

interface Budgets {
  island: number;
  inline: number;
}

/** One owner breaking a budget: code nobody owns, or an island (or the search) over its budget. */
function ownerViolations(site: Site, page: string, owner: OwnerReport, hasIsland: boolean, budget: number) {
  const violations: Violation[] = [];
  if (owner.owner === 'unknown')
    violations.push({
      page,
      name: owner.name,
      message: hasIsland
        ? `无法归属的脚本 ${owner.name}（${kb(owner.closureGz)} gzip）：既不是 Starlight 的，也不是站内搜索或岛屿的入口`
        : `没有岛屿的页面只能加载 Starlight 自带的脚本和站内搜索，却加载了 ${owner.name}（${kb(owner.closureGz)} gzip）`,
    });
  if ((owner.owner === 'island' || owner.owner === 'search') && owner.closureGz > budget) {
    const parts = [
      ...owner.closure.map((file) => `${short(file)} ${kb(gzOf(site, file))}`),
      ...(owner.inlineBytes ? [`内联脚本 ${kb(owner.inlineGz)}`] : []),
    ];
    violations.push({
      page,
      name: owner.name,
      message: `${owner.owner === 'search' ? '站内搜索' : '岛屿'} ${owner.name} 首屏的 JavaScript 为 ${kb(owner.closureGz)} gzip（${owner.closureGz} 字节，共享代码块全额计入），超过预算 ${kb(budget)}：${parts.join(' + ')}`,
    });
  }
  return violations;
}

/** The budgets of one page: what could not be followed first, then each owner, then the inline bytes. */
function pageViolations(site: Site, report: PageReport, problems: Set<string>, budgets: Budgets) {
  const { page, owners, inlineBytes } = report;
  const hasIsland = owners.some((owner) => owner.owner === 'island');
  const violations: Violation[] = [...problems].map((message) => ({ page, message }));
  for (const owner of owners)
    violations.push(...ownerViolations(site, page, owner, hasIsland, budgets.island));
  if (inlineBytes > budgets.inline)
    violations.push({ page, message: `内联脚本共 ${inlineBytes} 字节，超过预算 ${budgets.inline} 字节` });
  return violations;
}

/** One HTML page: its owners and their closures, its initial and lazy JavaScript, its violations. */
function analyzePage(site: Site, page: string, components: Components, budgets: Budgets) {
  const scripts = pageScripts(site.files.get(page)!);
  const problems = new Set<string>();
  const report: Report = (message) => problems.add(message);
  const code = initialCode(
    site,
    page,
    draftOwners(site, page, scripts, components, report),
    scripts.preloads,
    report,
  );
  const owners = code.drafts.map((draft, index) =>
    ownerReport(site, draft, code.closures[index]!, code.users),
  );
  const initialFiles = [...code.users.keys()].sort();
  // Each owner's inline scripts are compressed together, as they sit in the same HTML.
  const initialGz =
    initialFiles.reduce((sum, file) => sum + gzOf(site, file), 0) +
    owners.reduce((sum, owner) => sum + owner.inlineGz, 0);
  const { lazy, lazyFiles, runtimeImports } = lazyImports(site, code, new Set(initialFiles), report);
  const pageReport: PageReport = {
    page,
    owners,
    initialFiles,
    initialGz,
    inlineBytes: owners.reduce((sum, owner) => sum + owner.inlineBytes, 0),
    lazy,
    lazyGz: [...lazyFiles].reduce((sum, file) => sum + gzOf(site, file), 0),
    runtimeImports,
  };
  return { pageReport, violations: pageViolations(site, pageReport, problems, budgets) };
}

/** Analyses every HTML page of the built site; pure: works on the files it is given. */
export function analyzeSite(files: DistFiles, options: BudgetOptions): BudgetReport {
  const budgets: Budgets = {
    island: options.islandBudget ?? ISLAND_BUDGET,
    inline: options.inlineBudget ?? INLINE_BUDGET,
  };
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const site: Site = { files, base, sizes: new Map(), imports: new Map() };
  const components: Components = {
    ours: new Set(options.ourComponents),
    starlight: new Set(options.starlightComponents),
    search: options.searchComponent,
  };
  const pages: PageReport[] = [];
  const violations: Violation[] = [];
  for (const page of [...files.keys()].filter((file) => file.endsWith('.html')).sort()) {
    const analysed = analyzePage(site, page, components, budgets);
    pages.push(analysed.pageReport);
    violations.push(...analysed.violations);
  }
  return { pages, violations, sizes: site.sizes };
}

/** Reads dist/ into memory: every HTML page and every JavaScript file. */
export function readDist(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(html|m?js)$/.test(name))
        files.set(relative(dir, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

/** Component names from a folder of .astro files (with `withScript`: only those with a `<script>`). */
export function componentNames(dir: string, withScript = false): string[] {
  const names: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.astro') && (!withScript || /<script\b/.test(readFileSync(path, 'utf8'))))
        names.push(name.slice(0, -'.astro'.length));
    }
  };
  walk(dir);
  return [...new Set(names)].sort();
}

/** The options for this project's real build. */
export function projectOptions(root: string, base = '/'): BudgetOptions {
  return {
    base,
    ourComponents: ['src/components', 'src/islands', 'src/overrides'].flatMap((dir) =>
      componentNames(join(root, dir)),
    ),
    starlightComponents: componentNames(join(root, 'node_modules/@astrojs/starlight'), true),
    searchComponent: 'SiteSearch',
  };
}

/** Terminal columns of a text: Chinese characters take two. */
const columns = (text: string) =>
  [...text].reduce((sum, char) => sum + (/[\u1100-\uffff]/.test(char) ? 2 : 1), 0);

/** A plain-text table, each column as wide as its widest cell. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => columns(row[column] ?? ''))));
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - columns(cell) + 2),
      )
      .join(''),
  );
}

const pageName = (page: string) => `/${page.replace(/index\.html$/, '')}`;

/** The report as plain-text tables: pages, islands, how shared chunks are split, lazy chunks. */
export function formatReport(result: BudgetReport, islandBudget = ISLAND_BUDGET): string {
  const lines: string[] = [];
  const part = (owners: OwnerReport[], kinds: Owner[]) =>
    owners
      .filter((owner) => kinds.includes(owner.owner))
      .reduce((total, owner) => total + owner.ownGz + owner.shareGz, 0);

  lines.push('每页的 JavaScript（gzip -9，1 KB = 1024 字节；一页里共用的代码块只算一次）');
  lines.push(
    ...table([
      ['页面', 'Starlight', '搜索', '岛屿', '首屏合计', '其中内联', '按需加载', '岛屿'],
      ...result.pages.map((page) => [
        pageName(page.page),
        kb(part(page.owners, ['starlight'])),
        kb(part(page.owners, ['search'])),
        kb(part(page.owners, ['island', 'unknown'])),
        kb(page.initialGz),
        `${page.inlineBytes} B`,
        kb(page.lazyGz),
        page.owners
          .filter((owner) => owner.owner === 'island' || owner.owner === 'unknown')
          .map((owner) => owner.name)
          .join(' ') || '—',
      ]),
    ]),
  );

  lines.push(
    '',
    `每个岛屿首屏的 JavaScript：入口及其全部静态依赖，共享代码块全额计入（预算 ${kb(islandBudget)}）`,
  );
  const owners = new Map<string, OwnerReport>();
  for (const page of result.pages)
    for (const owner of page.owners)
      if (owner.owner !== 'starlight' && !owners.has(owner.name)) owners.set(owner.name, owner);
  lines.push(
    ...table([
      ['岛屿', '合计', '结论', '组成'],
      ...[...owners.values()]
        .sort((a, b) => b.closureGz - a.closureGz)
        .map((owner) => [
          owner.owner === 'search' ? `${owner.name}（搜索）` : owner.name,
          kb(owner.closureGz),
          owner.owner === 'unknown' ? '未归属' : owner.closureGz > islandBudget ? '超出' : '通过',
          [
            ...owner.closure.map((file) => `${short(file)} ${kb(result.sizes.get(file) ?? 0)}`),
            ...(owner.inlineBytes ? [`内联 ${kb(owner.inlineGz)}`] : []),
          ].join(' + '),
        ]),
    ]),
  );

  const shared = result.pages.filter(
    (page) => page.owners.filter((owner) => owner.owner === 'island').length > 1,
  );
  if (shared.length) {
    lines.push(
      '',
      '有多个岛屿的页面：每项 = 只有它用的代码块 + 与别人共用的代码块的均摊份额，各项相加 = 首屏合计',
    );
    for (const page of shared)
      lines.push(
        `${pageName(page.page)}  ${page.owners.map((owner) => `${owner.name} ${kb(owner.ownGz)}+${kb(owner.shareGz)}`).join('，')}`,
      );
  }

  // The same import() appears on every page of its island; the largest "brings" is shown (on a
  // page where fewer of its chunks are already loaded).
  const lazy = new Map<string, LazyReport>();
  for (const page of result.pages)
    for (const entry of page.lazy) {
      const key = `${entry.from}\u0000${entry.target}`;
      if ((lazy.get(key)?.gz ?? -1) < entry.gz) lazy.set(key, entry);
    }
  if (lazy.size) {
    lines.push('', '按需加载（用户操作时才下载，不计入首屏预算；只算页面尚未加载的文件，取最多的一页）');
    lines.push(
      ...table([
        ['岛屿', '动态导入', '大小', '下载的文件'],
        ...[...lazy.values()].map((entry) => [
          entry.from,
          short(entry.target),
          kb(entry.gz),
          entry.files.map(short).join(' + ') || '（均已加载）',
        ]),
      ]),
    );
  }
  const runtime = Math.max(0, ...result.pages.map((page) => page.runtimeImports));
  if (runtime)
    lines.push(`另有 ${runtime} 处在运行时才确定地址的动态导入（站内搜索加载 Pagefind），无法静态跟踪。`);
  return lines.join('\n');
}

/** Violations grouped: the same message on several pages is printed once, with the pages. */
export function formatViolations(violations: readonly Violation[]): string {
  const grouped = new Map<string, string[]>();
  for (const violation of violations) {
    const pages = grouped.get(violation.message) ?? [];
    pages.push(pageName(violation.page));
    grouped.set(violation.message, pages);
  }
  return [...grouped].map(([message, pages]) => `- ${message}\n  页面：${pages.join('、')}`).join('\n');
}

if (import.meta.main ?? process.argv[1]?.endsWith('check-budgets.ts')) {
  const root = resolve(import.meta.dirname, '..');
  const dist = resolve(process.argv[2] ?? join(root, 'dist'));
  try {
    const { basePathFromEnv } = await import('../src/integrations/deploy-config.mjs');
    const options = projectOptions(root, basePathFromEnv(process.env.BASE_PATH));
    const files = readDist(dist);
    if (![...files.keys()].some((file) => file.endsWith('.html')))
      throw new Error(`${dist} 里没有 HTML 页面：请先运行 npm run build`);
    const result = analyzeSite(files, options);
    console.log(formatReport(result));
    if (result.violations.length) {
      console.error(`\n超出 JavaScript 预算：\n${formatViolations(result.violations)}`);
      process.exitCode = 1;
    } else console.log('\n所有页面都在 JavaScript 预算之内。');
  } catch (error) {
    console.error(`check-budgets：${(error as Error).message}`);
    process.exitCode = 2;
  }
}
