import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCsp, buildPolicy, headersFile, inlineCode, insertMeta, sha256Source } from './csp.mjs';

const PAGE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"/><title>t</title>
<script>
  window.theme = 1;
</script><script type="module" src="/_astro/page.js"></script>
<!-- <script>not code</script> -->
<style>.a{color:red}</style></head>
<body><p style="--x: 1">text &lt;script&gt;</p><script type="module">import './x';</script></body></html>`;

describe('inlineCode', () => {
  it('returns inline scripts (not those with src, not comments) and inline styles, verbatim', () => {
    expect(inlineCode(PAGE)).toEqual({
      scripts: ['\n  window.theme = 1;\n', "import './x';"],
      styles: ['.a{color:red}'],
    });
  });

  it('leaves out data blocks: a <script type="application/json"> never runs, so it gets no hash', () => {
    const page =
      '<script type="application/json" data-page-data="rules">{"a":1}</script><script>run()</script>';
    expect(inlineCode(page).scripts).toEqual(['run()']);
  });

  it('refuses a page whose script tags it cannot pair, instead of shipping a blocked script', () => {
    expect(() => inlineCode('<head><script>a()</head>')).toThrow(/<script>/);
  });
});

describe('sha256Source', () => {
  it('is the base64 SHA-256 of the UTF-8 text, quoted as a CSP source', () => {
    const text = "alert('检查')";
    expect(sha256Source(text)).toBe(
      `'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`,
    );
    // The well-known hash of the empty script.
    expect(sha256Source('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });
});

describe('buildPolicy', () => {
  const policy = buildPolicy({
    scriptHashes: ["'sha256-b'", "'sha256-a'", "'sha256-a'"],
    styleHashes: ["'sha256-s'"],
  });
  const directive = (name: string) =>
    policy
      .split('; ')
      .find((part) => part.split(' ')[0] === name)
      ?.split(' ')
      .slice(1);

  it('allows the site’s own scripts and the hashed inline ones, and never unsafe-inline or eval', () => {
    expect(directive('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-a'", "'sha256-b'"]);
    expect(policy).not.toMatch(/'unsafe-eval'/);
    expect(directive('script-src')).not.toContain("'unsafe-inline'");
    expect(directive('style-src')).toEqual(["'self'", "'sha256-s'"]);
  });

  it('locks down everything else', () => {
    expect(directive('default-src')).toEqual(["'self'"]);
    expect(directive('object-src')).toEqual(["'none'"]);
    expect(directive('base-uri')).toEqual(["'self'"]);
    expect(directive('form-action')).toEqual(["'self'"]);
    expect(directive('connect-src')).toEqual(["'self'"]);
    expect(directive('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    // Ignored in a <meta>: only in the header.
    expect(directive('frame-ancestors')).toBeUndefined();
  });
});

describe('insertMeta', () => {
  it('puts the policy right after <meta charset>, before any script, with the quotes escaped', () => {
    const html = insertMeta(PAGE, `script-src 'self'; x "y"`);
    expect(html).toContain(
      `<meta charset="utf-8"/><meta http-equiv="content-security-policy" content="script-src 'self'; x &quot;y&quot;"/><title>`,
    );
  });

  it('refuses a page that already has a policy (two policies would both apply)', () => {
    const once = insertMeta(PAGE, "default-src 'self'");
    expect(() => insertMeta(once, "default-src 'self'")).toThrow(/已经有/);
  });
});

describe('headersFile', () => {
  it('is one Netlify / Cloudflare Pages block for every path under the base, with frame-ancestors', () => {
    const text = headersFile('/mail-guide/', "default-src 'self'");
    const lines = text.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(lines).toEqual([
      '/mail-guide/*',
      "  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'",
      '  X-Content-Type-Options: nosniff',
      '  Referrer-Policy: no-referrer',
    ]);
  });

  it('refuses a policy longer than a _headers line may be (Cloudflare Pages: 2,000 characters)', () => {
    const hashes = Array.from({ length: 40 }, (_, index) => sha256Source(String(index)));
    expect(() => headersFile('/', buildPolicy({ scriptHashes: hashes }))).toThrow(/2000/);
  });
});

describe('applyCsp', () => {
  it('writes one policy with every page’s inline code into each page and into _headers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ks-csp-'));
    mkdirSync(join(dir, 'guide'));
    writeFileSync(join(dir, 'index.html'), PAGE);
    writeFileSync(
      join(dir, 'guide/index.html'),
      '<html><head><meta charset="utf-8"><script>other()</script></head><body></body></html>',
    );
    const { policy, pages } = await applyCsp(dir, '/');
    expect(pages).toBe(2);
    for (const code of ['\n  window.theme = 1;\n', "import './x';", 'other()'])
      expect(policy).toContain(sha256Source(code));
    expect(policy).toContain(sha256Source('.a{color:red}'));
    for (const file of ['index.html', 'guide/index.html']) {
      const html = readFileSync(join(dir, file), 'utf8');
      expect(html).toContain(`<meta http-equiv="content-security-policy" content="${policy}"/>`);
    }
    expect(readFileSync(join(dir, '_headers'), 'utf8')).toContain(
      `/*\n  Content-Security-Policy: ${policy}; frame-ancestors 'none'\n`,
    );
  });
});
