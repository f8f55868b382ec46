/**
 * `npm start`: builds the site and serves dist/ on http://localhost:4321 as a static host does,
 * with the headers of dist/_headers (Content-Security-Policy, frame-ancestors …) and gzip — the
 * same server the browser tests use (support/static-server.ts). `astro preview` sent none of the
 * headers. SITE_URL defaults to this address, since that is where this build is served.
 *
 * `--no-build` serves the existing build (tests/e2e/start.test.ts runs it on the dist/ of the
 * test build); `--port N` picks another port, 0 for any free one (the URL is printed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { basePathFromEnv } from '../src/integrations/deploy-config.mjs';
import { ROOT } from './support/build-site';
import { serveStatic } from './support/static-server';

const args = process.argv.slice(2);
const portIndex = args.indexOf('--port');
const PORT = portIndex === -1 ? 4321 : Number(args[portIndex + 1]);
if (!Number.isInteger(PORT) || PORT < 0 || PORT > 65_535) {
  process.stderr.write(
    `--port 需要 0 到 65535 之间的整数（0 表示任选一个空闲端口），收到：${args[portIndex + 1] ?? '（空）'}\n`,
  );
  process.exit(2);
}
const outDir = resolve(ROOT, process.env.OUT_DIR || 'dist');

if (!args.includes('--no-build')) {
  const build = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, SITE_URL: process.env.SITE_URL || `http://localhost:${PORT || 4321}` },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else if (!existsSync(resolve(outDir, 'index.html'))) {
  process.stderr.write(`${outDir} 里没有构建好的站点：去掉 --no-build 先构建。\n`);
  process.exit(2);
}

try {
  const server = await serveStatic(outDir, basePathFromEnv(process.env.BASE_PATH), {
    port: PORT,
    host: 'localhost',
  });
  process.stdout.write(`\n站点已在 ${server.url} 上运行（带 dist/_headers 的响应头）。按 Ctrl+C 停止。\n`);
} catch (error) {
  process.stderr.write(`无法在端口 ${PORT} 上启动服务器：${(error as Error).message}\n`);
  process.exit(1);
}
