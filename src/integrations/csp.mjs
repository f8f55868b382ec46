// The site's Content-Security-Policy, written into every built page as a <meta> and into
// dist/_headers for static hosts that read Netlify/Cloudflare Pages' headers file.
//
// Why not Astro's own `security.csp`: it places its <meta> after Starlight's inline theme script
// (which therefore runs unchecked), it does not know Starlight's `is:inline` scripts (the theme
// select and sidebar scripts would be blocked), and its style hashes switch off the inline style
// attributes Starlight writes on every icon. So the policy is computed here from the built
// HTML itself: every inline <script> and <style> that ships is hashed, nothing else is allowed.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The fixed part of the policy. Inline script and style hashes are added per build.
 * - script-src: the site's own bundled modules ('self') and the hashed inline scripts; no
 *   'unsafe-inline', no 'unsafe-eval'. 'wasm-unsafe-eval' lets Pagefind compile its
 *   WebAssembly search module (fetched from this origin); it does not allow eval() or
 *   new Function() for JavaScript.
 * - style-src-attr 'unsafe-inline': Starlight writes style="--sl-icon-size: …" on every icon and
 *   expressive-code colours tokens with style attributes; attributes cannot run code. Inline
 *   <style> elements are still allowed only by hash.
 * - img-src data: blob:: the data table helper draws its chart into a PNG through a blob: URL
 *   image, and the stylesheets carry small icons as data: URLs.
 * @type {[string, string[]][]}
 */
export const BASE_DIRECTIVES = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  ['style-src', ["'self'"]],
  ['style-src-attr', ["'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'self'"]],
];

/** Cloudflare Pages' documented limit for one line of _headers; a longer line would not apply. */
export const HEADERS_LINE_LIMIT = 2000;

/**
 * Only honoured in an HTTP header (a <meta> policy ignores it): _headers only.
 * @type {[string, string[]][]}
 */
export const HEADER_ONLY_DIRECTIVES = [['frame-ancestors', ["'none'"]]];

/**
 * The CSP source expression for a text's SHA-256, as browsers compute it (over its UTF-8).
 * @param {string} text
 */
export function sha256Source(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * HTML comments could hold a commented-out tag; they run nothing and are left out of the scan.
 * @param {string} html
 */
const withoutComments = (html) => html.replace(/<!--[\s\S]*?-->/g, '');

/**
 * The contents of the inline <script> (without src, not data blocks) and <style> elements of a built page.
 * A regular expression is enough for Astro's output: it escapes "<" in text and attribute
 * values, so "<script" only starts a real element; the counts are checked so that anything
 * unexpected fails the build instead of shipping a page whose script the policy blocks.
 * @param {string} html
 * @returns {{ scripts: string[]; styles: string[] }}
 */
const DATA_BLOCK = /\stype\s*=\s*["']?application\/(?:ld\+)?json\b/i;

export function inlineCode(html) {
  const source = withoutComments(html);
  const scripts = [];
  const styles = [];
  let opened = 0;
  for (const match of source.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    opened += 1;
    // A data block (<script type="application/json">) never runs, so it needs no hash.
    if (!/\ssrc\s*=/i.test(match[1]) && !DATA_BLOCK.test(match[1])) scripts.push(match[2]);
  }
  const starts = source.match(/<script\b/gi)?.length ?? 0;
  if (starts !== opened)
    throw new Error(`CSP：页面中有 ${starts} 个 <script> 开始标签，只配对到 ${opened} 个`);
  for (const match of source.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) styles.push(match[1]);
  return { scripts, styles };
}

/**
 * The policy text: the fixed directives with the given hash sources added.
 * @param {{ scriptHashes?: string[]; styleHashes?: string[] }} hashes
 * @param {[string, string[]][]} extra further directives
 */
export function buildPolicy({ scriptHashes = [], styleHashes = [] } = {}, extra = []) {
  const sorted = (/** @type {string[]} */ values) => [...new Set(values)].sort();
  return [...BASE_DIRECTIVES, ...extra]
    .map(([name, sources]) => {
      const all =
        name === 'script-src'
          ? [...sources, ...sorted(scriptHashes)]
          : name === 'style-src'
            ? [...sources, ...sorted(styleHashes)]
            : sources;
      return `${name} ${all.join(' ')}`;
    })
    .join('; ');
}

const escapeAttribute = (/** @type {string} */ value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The page with the policy's <meta> as the first element after <meta charset>: a <meta> policy
 * only governs what comes after it, and Starlight's theme script is early in <head>.
 * @param {string} html
 * @param {string} policy
 */
export function insertMeta(html, policy) {
  if (/<meta\s+http-equiv=["']?content-security-policy/i.test(html))
    throw new Error('CSP：页面里已经有 Content-Security-Policy 的 <meta>');
  const meta = `<meta http-equiv="content-security-policy" content="${escapeAttribute(policy)}"/>`;
  const charset = /<meta\s+charset=["']?[\w-]+["']?\s*\/?>/i.exec(html);
  if (charset)
    return (
      html.slice(0, charset.index + charset[0].length) + meta + html.slice(charset.index + charset[0].length)
    );
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error('CSP：页面没有 <head>');
  return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
}

/**
 * dist/_headers (Netlify and Cloudflare Pages format): one block for every path under the base.
 * @param {string} base e.g. "/" or "/mail-guide/"
 * @param {string} policy
 */
export function headersFile(base, policy) {
  const headerPolicy = `${policy}; ${HEADER_ONLY_DIRECTIVES.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ')}`;
  const line = `  Content-Security-Policy: ${headerPolicy}`;
  if (line.length > HEADERS_LINE_LIMIT)
    throw new Error(
      `CSP：_headers 中的策略有 ${line.length} 个字符，超过 Cloudflare Pages 每行 ${HEADERS_LINE_LIMIT} 个字符的上限；请减少内联脚本和样式（改为打包的文件）`,
    );
  return [
    "# Generated at build time by scripts/csp.mjs: the policy of every page's <meta>, plus",
    '# frame-ancestors, which only works as a header.',
    `${base}*`,
    line,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: no-referrer',
    '',
  ].join('\n');
}

/** @param {string} dir */
async function htmlFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Writes the policy into every page of a built site and _headers beside them. One policy for
 * the whole site (the union of every page's inline code, a dozen hashes): the header can then
 * be a single block that works under any BASE_PATH, and meta and header cannot disagree.
 * @param {string} dir
 * @param {string} base
 */
export async function applyCsp(dir, base) {
  const files = await htmlFiles(dir);
  const pages = await Promise.all(files.map(async (file) => ({ file, html: await readFile(file, 'utf8') })));
  const scriptHashes = new Set();
  const styleHashes = new Set();
  for (const { file, html } of pages) {
    let code;
    try {
      code = inlineCode(html);
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const script of code.scripts) scriptHashes.add(sha256Source(script));
    for (const style of code.styles) styleHashes.add(sha256Source(style));
  }
  const policy = buildPolicy({ scriptHashes: [...scriptHashes], styleHashes: [...styleHashes] });
  await Promise.all(pages.map(({ file, html }) => writeFile(file, insertMeta(html, policy))));
  await writeFile(join(dir, '_headers'), headersFile(base, policy));
  return { policy, pages: files.length };
}

/** @returns {import('astro').AstroIntegration} */
export function csp() {
  let base = '/';
  return {
    name: 'ks-csp',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { pages } = await applyCsp(fileURLToPath(dir), base);
        logger.info(`Content-Security-Policy in ${pages} pages and _headers`);
      },
    },
  };
}
