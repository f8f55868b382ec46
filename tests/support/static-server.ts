import { createServer, type Server } from 'node:http';
import sirv from 'sirv';
import { gzipWhenAccepted } from './gzip-response';

/**
 * Serves a built site from `dir` on 127.0.0.1 under `base` (e.g. "/" or "/mail-guide/"),
 * as a static host or CDN would (compressing text with gzip). Requests outside the base get 404.
 */
export async function serveStatic(
  dir: string,
  base = '/',
): Promise<{ url: string; close: () => Promise<void> }> {
  const handler = sirv(dir, { dev: false, etag: false, extensions: ['html'] });
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}${base}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
