import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/support/build-site';
import { serveStatic } from '../../scripts/support/static-server';

/** A raw GET (fetch would undo the compression we want to see). */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', fail)
      .end();
  });
}

describe('the test server compresses like a static host', () => {
  const dir = resolve(ROOT, '.tmp/static-server-test');
  const html = `<!doctype html><title>t</title>${'<p>邮件沟通指南</p>'.repeat(500)}`;
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, ...Array.from({ length: 2000 }, () => 7)]);
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(resolve(dir, 'page'), { recursive: true });
    writeFileSync(resolve(dir, 'page/index.html'), html);
    writeFileSync(resolve(dir, 'image.png'), png);
    server = await serveStatic(dir, '/');
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gzips HTML for a client that accepts gzip, and the body inflates to the file', async () => {
    const response = await get(`${server.url}page/`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['content-length']).toBeUndefined();
    expect(response.body.length).toBeLessThan(Buffer.byteLength(html) / 10);
    expect(gunzipSync(response.body).toString('utf8')).toBe(html);
  });

  it('sends the file as it is without Accept-Encoding, for images and for 404s', async () => {
    const plain = await get(`${server.url}page/`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(html);
    const image = await get(`${server.url}image.png`, { 'accept-encoding': 'gzip' });
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.equals(png)).toBe(true);
    const missing = await get(`${server.url}nothing/`, { 'accept-encoding': 'gzip' });
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toBe('not found');
  });
});
