import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { browserRequired, findChromium } from '../../scripts/support/chromium';
import { BUILD_OUTPUT, buildSite, ROOT } from '../../scripts/support/build-site';
import { serveStatic } from '../../scripts/support/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    chromiumPath: string | null;
  }
}

/** Builds the site once (skip with SKIP_BUILD=1 when dist/ is fresh), serves it, finds Chromium. */
export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    if (browserRequired()) {
      throw new Error(
        '找不到 Chromium：CI=true 或 REQUIRE_BROWSER=1 时浏览器测试是必需的。请运行 `apt-get install chromium`，或设置 CHROME_PATH。',
      );
    }
    const line = '!'.repeat(78);
    console.warn(
      `\n${line}\n!! 未找到 Chromium（CHROME_PATH 或 /usr/bin/chromium）：浏览器测试全部跳过，不计为通过。\n!! 安装：apt-get install chromium\n${line}\n`,
    );
  }
  const dist = resolve(ROOT, 'dist');
  if (process.env.SKIP_BUILD !== '1' || !existsSync(resolve(dist, 'index.html'))) {
    // The trace of every data file read is kept for tests/e2e/build-once.test.ts.
    const { output } = buildSite({ KSMAIL_TRACE_LOADS: '1' });
    mkdirSync(resolve(ROOT, '.tmp'), { recursive: true });
    writeFileSync(BUILD_OUTPUT, output);
  }
  const server = await serveStatic(dist, '/');
  project.provide('siteUrl', server.url);
  project.provide('chromiumPath', chromiumPath);
  return async () => server.close();
}
