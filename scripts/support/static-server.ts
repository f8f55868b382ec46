import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import sirv from 'sirv';
import { gzipWhenAccepted } from './gzip-response';

interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/**
 * The rules of a Netlify / Cloudflare Pages `_headers` file: a path pattern on its own line
 * (`*` matches anything), then indented `Name: value` lines; `#` starts a comment.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (colon < 0 || !rule) throw new Error(`_headers: cannot read the line "${line}"`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * Serves a built site from `dir` on 127.0.0.1 under `base` (e.g. "/" or "/mail-guide/"),
 * as a static host or CDN would: compressing text with gzip, and sending the headers of its
 * `_headers` file (the Content-Security-Policy then also governs workers and framing).
 * Requests outside the base get 404.
 */
export async function serveStatic(
  dir: string,
  base = '/',
  listen: { port?: number; host?: string } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const host = listen.host ?? '127.0.0.1';
  const handler = sirv(dir, { dev: false, etag: false, extensions: ['html'] });
  const headersPath = join(dir, '_headers');
  const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0]!;
    for (const rule of rules) {
      if (rule.pattern.test(path)) for (const [name, value] of rule.headers) res.setHeader(name, value);
    }
    // Hosts read _headers and do not publish it.
    if (!url.startsWith(base) || path === `${base}_headers`) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    req.url = '/' + url.slice(base.length);
    gzipWhenAccepted(req, res);
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? 0, host, resolve);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://${host}:${address.port}${base}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
