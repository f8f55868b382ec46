/**
 * `npm start`: builds the site and serves dist/ on http://localhost:4321 as a static host does,
 * with the headers of dist/_headers (Content-Security-Policy, frame-ancestors …) and gzip — the
 * same server the browser tests use (support/static-server.ts). `astro preview` sent none of the
 * headers. SITE_URL defaults to this address, since that is where this build is served.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { basePathFromEnv } from '../src/integrations/deploy-config.mjs';
import { ROOT } from './support/build-site';
import { serveStatic } from './support/static-server';

const PORT = 4321;
const build = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, SITE_URL: process.env.SITE_URL || `http://localhost:${PORT}` },
});
if (build.status !== 0) process.exit(build.status ?? 1);

try {
  const server = await serveStatic(
    resolve(ROOT, process.env.OUT_DIR || 'dist'),
    basePathFromEnv(process.env.BASE_PATH),
    {
      port: PORT,
      host: 'localhost',
    },
  );
  process.stdout.write(`\n站点已在 ${server.url} 上运行（带 dist/_headers 的响应头）。按 Ctrl+C 停止。\n`);
} catch (error) {
  process.stderr.write(`无法在端口 ${PORT} 上启动服务器：${(error as Error).message}\n`);
  process.exit(1);
}
