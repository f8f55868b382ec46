import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  analyzeSite,
  chunkImports,
  formatReport,
  formatViolations,
  ISLAND_BUDGET,
  pageScripts,
  type BudgetOptions,
} from './check-budgets';

const OPTIONS: BudgetOptions = {
  base: '/',
  ourComponents: ['AttachmentChecker', 'DraftChecker', 'SiteSearch', 'RulesetCompare'],
  starlightComponents: ['TableOfContents', 'MobileTableOfContents'],
  searchComponent: 'SiteSearch',
};

/** JavaScript that gzip cannot shrink much: a comment of pseudo-random letters (fixed seed). */
function noise(bytes: number, seed = 1): string {
  let state = seed;
  const letters: string[] = [];
  for (let index = 0; index < bytes; index += 1) {
    // xorshift32: every bit is random enough that gzip finds no repeats.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    letters.push(String.fromCharCode(97 + ((state >>> 0) % 26)));
  }
  return `/*${letters.join('')}*/`;
}
const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;
/** Noise whose gzip -9 size is within a few bytes of `target`. */
function gzNoise(target: number, seed = 1): string {
  let bytes = Math.ceil(target * 1.7);
  let text = noise(bytes, seed);
  for (let step = 0; step < 10 && Math.abs(gz(text) - target) > 4; step += 1) {
    bytes = Math.round((bytes * target) / gz(text));
    text = noise(bytes, seed);
  }
  return text;
}
const entry = (name: string) => `_astro/${name}.astro_astro_type_script_index_0_lang.AbC123.js`;
const page = (scripts: string, inline = '') =>
  `<!doctype html><html><head>${scripts}<script>${inline || 'StarlightThemeProvider.updatePickers();'}</script></head><body></body></html>`;
const module = (file: string) => `<script type="module" src="/${file}"></script>`;

/** A small site like ours: Starlight's scripts, the search, and the pages passed in. */
function site(extra: Record<string, string>) {
  const files = new Map<string, string>([
    ['_astro/page.Xy9.js', `var e=1;${noise(1500, 7)}`],
    [entry('TableOfContents'), 'import"./starlight-toc.Q1.js";'],
    ['_astro/starlight-toc.Q1.js', `customElements.define("starlight-toc",class{});${noise(1500, 8)}`],
    [entry('SiteSearch'), 'import{t as e}from"./preload-helper.P1.js";e(()=>import(`${t}pagefind.js`),[]);'],
    ['_astro/preload-helper.P1.js', `var a=1;export{a as t};${noise(800, 9)}`],
    ['index.html', page(module('_astro/page.Xy9.js') + module(entry('SiteSearch')))],
  ]);
  for (const [file, content] of Object.entries(extra)) files.set(file, content);
  return files;
}
const starlightAndSearch =
  module('_astro/page.Xy9.js') + module(entry('SiteSearch')) + module(entry('TableOfContents'));

describe('chunkImports: the import statements of minified chunks', () => {
  it('finds static imports, re-exports and literal dynamic imports, not preload lists', () => {
    const code =
      'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/eml.X.js","_astro/x.Y.js"])))=>i.map(i=>d[i]);' +
      'import{a as e,t}from"./a.js";import"./b.js";import*as c from"./c.js";import d from\'./d.js\';' +
      'export{x as y}from"./e.js";export*from"./f.js";export{g as t};' +
      'let h=await import(`./lazy.js`),i=import("./lazy2.js"),j=import(`${base}pagefind.js`),k=x.import("./no.js");' +
      'new Worker(new URL(`/_astro/draft.worker.W1.js`,import.meta.url),{type:`module`});new URL("./logo.svg",import.meta.url);';
    expect(chunkImports(code)).toEqual({
      static: ['./a.js', './b.js', './c.js', './d.js', './e.js', './f.js'],
      dynamic: ['./lazy.js', './lazy2.js', '/_astro/draft.worker.W1.js'],
      runtime: 1,
    });
  });

  it('reads module, classic and inline scripts from a page, but not JSON or commented-out ones', () => {
    const scripts = pageScripts(
      `<script type="module" src="/_astro/a.js"></script><script src='/b.js'></script>` +
        `<script type="application/ld+json">{"a":1}</script><!-- <script src="/c.js"></script> -->` +
        `<script>let x = 1;</script><link rel="modulepreload" href="/_astro/d.js">`,
    );
    expect(scripts).toEqual({
      external: [
        { src: '/_astro/a.js', module: true },
        { src: '/b.js', module: false },
      ],
      inline: ['let x = 1;'],
      preloads: ['/_astro/d.js'],
    });
  });
});

describe('analyzeSite: the JavaScript budgets on a fixture dist', () => {
  it('a page without an island passes with Starlight and the search, and lists the runtime import', () => {
    const result = analyzeSite(site({}), OPTIONS);
    expect(result.violations).toEqual([]);
    const [home] = result.pages;
    expect(home!.owners.map((owner) => [owner.owner, owner.name])).toEqual([
      ['starlight', 'Starlight'],
      ['search', 'SiteSearch'],
    ]);
    expect(home!.initialFiles).toEqual([
      entry('SiteSearch'),
      '_astro/page.Xy9.js',
      '_astro/preload-helper.P1.js',
    ]);
    expect(home!.runtimeImports).toBe(1);
  });

  it('fails a page without an island that loads one more script, and names it', () => {
    const files = site({
      'about/index.html': page(starlightAndSearch + module('_astro/analytics.Z1.js')),
      '_astro/analytics.Z1.js': 'var a=1;',
    });
    const { violations } = analyzeSite(files, OPTIONS);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ page: 'about/index.html', name: 'analytics.Z1.js' });
    expect(violations[0]!.message).toMatch(/没有岛屿的页面只能加载 Starlight 自带的脚本和站内搜索/);
  });

  it('fails a page without an island that has an inline script of its own, or preloads a chunk', () => {
    const inline = site({ 'a/index.html': page(starlightAndSearch, 'fetch("https://tracker.example")') });
    expect(analyzeSite(inline, OPTIONS).violations[0]!.message).toMatch(/内联脚本「fetch/);
    const preload = site({
      'b/index.html': page(`${starlightAndSearch}<link rel="modulepreload" href="/_astro/big.Q.js">`),
      '_astro/big.Q.js': 'var b=2;',
    });
    expect(analyzeSite(preload, OPTIONS).violations[0]!.message).toMatch(/加载了 预加载/);
  });

  it('fails an island over 15 KB, naming the page, the island and its chunks with sizes', () => {
    const files = site({
      'tools/index.html': page(starlightAndSearch + module(entry('AttachmentChecker'))),
      [entry('AttachmentChecker')]: `import"./zip.K.js";${gzNoise(10 * 1024, 2)}`,
      '_astro/zip.K.js': gzNoise(6 * 1024, 3),
    });
    const { violations, pages } = analyzeSite(files, OPTIONS);
    const island = pages
      .find((p) => p.page === 'tools/index.html')!
      .owners.find((o) => o.owner === 'island')!;
    expect(island.closureGz).toBeGreaterThan(ISLAND_BUDGET);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ page: 'tools/index.html', name: 'AttachmentChecker' });
    expect(violations[0]!.message).toMatch(
      /岛屿 AttachmentChecker 首屏的 JavaScript 为 1[67]\.\d KB gzip.*超过预算 15\.0 KB：AttachmentChecker\.AbC123\.js 10\.\d KB \+ zip\.K\.js [56]\.\d KB/,
    );
    expect(formatViolations(violations)).toContain('页面：/tools/');
  });

  it('passes the same island when the large part is loaded with import(), and lists it as lazy', () => {
    const files = site({
      'tools/index.html': page(starlightAndSearch + module(entry('AttachmentChecker'))),
      [entry('AttachmentChecker')]: `let z=()=>import("./zip.K.js");${gzNoise(10 * 1024, 2)}`,
      '_astro/zip.K.js': `import"./crc.C.js";${gzNoise(6 * 1024, 3)}`,
      '_astro/crc.C.js': gzNoise(1024, 4),
    });
    const { violations, pages } = analyzeSite(files, OPTIONS);
    expect(violations).toEqual([]);
    const tools = pages.find((p) => p.page === 'tools/index.html')!;
    expect(tools.initialFiles).not.toContain('_astro/zip.K.js');
    expect(tools.lazy).toEqual([
      expect.objectContaining({
        from: 'AttachmentChecker',
        target: '_astro/zip.K.js',
        files: ['_astro/crc.C.js', '_astro/zip.K.js'],
      }),
    ]);
    expect(tools.lazyGz).toBeGreaterThan(7 * 1024);
    expect(formatReport(analyzeSite(files, OPTIONS))).toMatch(/AttachmentChecker\s+zip\.K\.js\s+7\.\d KB/);
  });

  it('counts a shared chunk once in the page total, but in full in each island that needs it', () => {
    const files = site({
      'tools/index.html': page(
        starlightAndSearch + module(entry('AttachmentChecker')) + module(entry('DraftChecker')),
      ),
      [entry('AttachmentChecker')]: `import"./shared.S.js";${gzNoise(4 * 1024, 5)}`,
      [entry('DraftChecker')]: `import{a}from"./shared.S.js";${gzNoise(2 * 1024, 6)}`,
      '_astro/shared.S.js': gzNoise(12 * 1024, 7),
    });
    const { violations, pages, sizes } = analyzeSite(files, OPTIONS);
    const tools = pages.find((p) => p.page === 'tools/index.html')!;
    const shared = sizes.get('_astro/shared.S.js')!;
    const attachment = tools.owners.find((o) => o.name === 'AttachmentChecker')!;
    const draft = tools.owners.find((o) => o.name === 'DraftChecker')!;
    // Once in the page total …
    const files_ = tools.initialFiles.reduce((sum, file) => sum + sizes.get(file)!, 0);
    expect(tools.initialFiles.filter((file) => file.includes('shared'))).toHaveLength(1);
    expect(tools.initialGz).toBe(files_ + tools.owners.reduce((sum, o) => sum + o.inlineGz, 0));
    // … split evenly in the owners' lines, which add up to the total …
    expect(attachment.shareGz).toBe(Math.round(shared / 2));
    expect(draft.shareGz).toBe(Math.round(shared / 2));
    const lines = tools.owners.reduce((sum, o) => sum + o.ownGz + o.shareGz, 0);
    expect(Math.abs(lines - tools.initialGz)).toBeLessThanOrEqual(tools.owners.length);
    // … and in full in each closure: the attachment checker (4 + 12 KB) is over, though its
    // own part plus half the shared chunk (4 + 6 KB) is not.
    expect(attachment.ownGz + attachment.shareGz).toBeLessThan(ISLAND_BUDGET);
    expect(attachment.closureGz).toBe(sizes.get(entry('AttachmentChecker'))! + shared);
    expect(violations.map((v) => v.name)).toEqual(['AttachmentChecker']);
  });

  it('attributes an inlined island script to its island, and holds the inline bytes to a budget', () => {
    const compare = 'customElements.define(`ruleset-compare`,class extends HTMLElement{});';
    const files = site({ 'changelog/compare/index.html': page(starlightAndSearch, compare) });
    const result = analyzeSite(files, OPTIONS);
    expect(result.violations).toEqual([]);
    const owners = result.pages.find((p) => p.page === 'changelog/compare/index.html')!.owners;
    expect(owners.find((o) => o.owner === 'island')).toMatchObject({
      name: 'RulesetCompare',
      inlineBytes: compare.length,
    });
    const large = site({ 'a/index.html': page(starlightAndSearch, `/* starlight */${noise(7000)}`) });
    expect(analyzeSite(large, OPTIONS).violations[0]!.message).toMatch(
      /内联脚本共 \d+ 字节，超过预算 6144 字节/,
    );
  });

  it('reports a missing chunk, a script from another origin and one outside the base path', () => {
    const files = site({
      'a/index.html': page(starlightAndSearch + module(entry('DraftChecker'))),
      [entry('DraftChecker')]: 'import"./gone.G.js";',
      'b/index.html': page(`${starlightAndSearch}<script src="https://cdn.example/x.js"></script>`),
    });
    const messages = analyzeSite(files, OPTIONS).violations.map((v) => v.message);
    expect(messages).toContain('引用的脚本在 dist/ 里不存在：_astro/gone.G.js');
    expect(messages).toContain('脚本来自站外：https://cdn.example/x.js');
    const based = analyzeSite(site({}), { ...OPTIONS, base: '/mail-guide/' }).violations;
    expect(based[0]!.message).toMatch(/脚本不在站点路径 \/mail-guide\/ 之下/);
  });

  it('follows a site under a base path', () => {
    const files = new Map(
      [...site({})].map(([file, text]) => [
        file,
        text.replaceAll('src="/_astro/', 'src="/mail-guide/_astro/'),
      ]),
    );
    const result = analyzeSite(files, { ...OPTIONS, base: '/mail-guide/' });
    expect(result.violations).toEqual([]);
    expect(result.pages[0]!.initialFiles).toContain('_astro/preload-helper.P1.js');
  });
});
