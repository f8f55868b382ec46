import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The test runner's environment minus what Vitest injects into it: NODE_ENV=test would make
 * Astro build a non-production site (no search), and BASE_URL/MODE/DEV/PROD/SSR would
 * override the site's own base path inside Vite.
 */
function buildEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST'].includes(key) || key.startsWith('VITEST'))
      continue;
    clean[key] = value;
  }
  clean.NODE_ENV = 'production';
  return clean;
}

/** Runs `astro build` with extra environment (BASE_PATH, OUT_DIR …); throws with its output on failure. */
export function buildSite(env: Record<string, string> = {}): { stdout: string; stderr: string } {
  const astro = resolve(ROOT, 'node_modules/astro/bin/astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build'], {
    cwd: ROOT,
    env: { ...buildEnvironment(process.env), ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`astro build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return { stdout: result.stdout, stderr: result.stderr };
}
