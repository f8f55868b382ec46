/**
 * `npm start` (scripts/start.ts) serves dist/ with the headers of dist/_headers (issue 21): its
 * serving part, run on the dist/ the global setup built (`--no-build`, on a free port), is asked
 * over HTTP for a page and for a missing page. `astro preview`, which it replaced, sent neither
 * the Content-Security-Policy nor the framing protection. No browser needed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/support/build-site';

/** Starts `scripts/start.ts --no-build --port 0` and resolves with the URL it prints. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/start.ts', '--no-build', '--port', '0'],
    {
      cwd: ROOT,
      env: { ...process.env, BASE_PATH: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolveStart, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /站点已在 (http:\/\/\S+) 上运行/.exec(output)?.[1];
      if (url) resolveStart({ child, url });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) =>
      reject(new Error(`npm start exited with ${code} before serving:\n${output}`)),
    );
  });
}

/** The header lines dist/_headers sets for every path (`/*`). */
function headersForEveryPath(): Map<string, string> {
  const text = readFileSync(resolve(ROOT, 'dist/_headers'), 'utf8');
  const block = text.split(/\r?\n(?=\S)/).find((part) => part.startsWith('/*'));
  const headers = new Map<string, string>();
  for (const line of block?.split(/\r?\n/).slice(1) ?? []) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

describe('npm start serves dist/ as a static host does', () => {
  let server: { child: ChildProcess; url: string };
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => {
    server?.child.kill();
  });

  it('a page comes with the Content-Security-Policy and framing protection of dist/_headers', async () => {
    const expected = headersForEveryPath();
    expect(expected.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    const response = await fetch(new URL('guide/subject/', server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    for (const [name, value] of expected) expect(response.headers.get(name), name).toBe(value);
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  });

  it('a missing page is 404, and _headers itself is not published', async () => {
    expect((await fetch(new URL('no-such-page/', server.url))).status).toBe(404);
    expect((await fetch(new URL('_headers', server.url))).status).toBe(404);
  });
});
