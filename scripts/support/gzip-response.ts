import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|rss\+xml|manifest\+json)|image\/svg\+xml)/;

/**
 * Gzips a compressible 200 response on the fly when the client accepts gzip, as every static
 * host and CDN does. sirv only serves files compressed beforehand, and Lighthouse scores the
 * bytes on the wire: an uncompressed test server would judge the site by a 186 KB tools page
 * that no visitor downloads (29 KB gzipped). Call before handing `res` to sirv; whether to
 * compress is decided when the status and Content-Type are known (in writeHead).
 */
export function gzipWhenAccepted(req: IncomingMessage, res: ServerResponse): void {
  const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (!accepts || req.method !== 'GET' || req.headers.range) return;
  const writeHead = res.writeHead.bind(res) as (status: number, headers?: OutgoingHttpHeaders) => unknown;
  const write = res.write.bind(res) as (chunk: Buffer) => boolean;
  const end = res.end.bind(res) as (chunk?: Buffer) => unknown;
  let gzip: ReturnType<typeof createGzip> | null = null;

  res.writeHead = ((status: number, headers: OutgoingHttpHeaders = {}) => {
    const type = String(headers['Content-Type'] ?? res.getHeader('content-type') ?? '');
    if (status !== 200 || !COMPRESSIBLE.test(type)) return writeHead(status, headers);
    const compressed: OutgoingHttpHeaders = {
      ...headers,
      'Content-Encoding': 'gzip',
      Vary: 'Accept-Encoding',
    };
    delete compressed['Content-Length'];
    res.removeHeader('content-length');
    gzip = createGzip();
    gzip.on('data', (chunk: Buffer) => write(chunk));
    gzip.on('end', () => end());
    return writeHead(status, compressed);
  }) as typeof res.writeHead;

  // Always "accepted": the files are small and a false return would make the piping file
  // stream wait for a 'drain' that only the gzip stream, not the response, would emit.
  res.write = ((chunk: Buffer) => (gzip ? (gzip.write(chunk), true) : write(chunk))) as typeof res.write;
  res.end = ((chunk?: Buffer) => {
    if (!gzip) return end(chunk);
    if (chunk && typeof chunk !== 'function') gzip.write(chunk);
    gzip.end();
    return res;
  }) as typeof res.end;
}
