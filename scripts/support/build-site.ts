import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** What the e2e global setup's build printed (with KSMAIL_TRACE_LOADS=1). */
export const BUILD_OUTPUT = resolve(ROOT, '.tmp/build-output.txt');

/**
 * The test runner's environment minus what Vitest injects into it: NODE_ENV=test would make
 * Astro build a non-production site (no search), and BASE_URL/MODE/DEV/PROD/SSR would
 * override the site's own base path inside Vite.
 */
export function buildEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST'].includes(key) || key.startsWith('VITEST'))
      continue;
    clean[key] = value;
  }
  clean.NODE_ENV = 'production';
  // The tests serve the site locally: say so, or the build warns (and fails under CI) that
  // SITE_URL is missing. A SITE_URL of the caller's is kept.
  clean.SITE_URL ||= 'http://localhost:4321';
  return clean;
}

export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs `astro build` in `cwd` with extra environment (BASE_PATH, OUT_DIR …). */
export function runBuild(env: Record<string, string> = {}, cwd = ROOT): BuildResult {
  const astro = resolve(ROOT, 'node_modules/astro/bin/astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build'], {
    cwd,
    env: { ...buildEnvironment(process.env), ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Like runBuild, but throws with the build's output when it fails. */
export function buildSite(env: Record<string, string> = {}, cwd = ROOT): BuildResult {
  const result = runBuild(env, cwd);
  if (result.status !== 0) throw new Error(`astro build failed (exit ${result.status}):\n${result.output}`);
  return result;
}

// tests/corpus: the quality page (/guide/rules/quality/) is computed from it at build time.
const PROJECT_FILES = [
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
  'src',
  'public',
  'scripts',
  'tests/corpus',
];

/**
 * A throwaway copy of the project in .tmp/fixtures/<name> (sharing node_modules), for tests
 * that must prove a bad page or a bad data record fails the build without touching the real
 * sources. `mutate` receives the copy's root.
 */
export function fixtureProject(name: string, mutate: (root: string) => void): string {
  const dir = resolve(ROOT, '.tmp/fixtures', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of PROJECT_FILES) cpSync(join(ROOT, file), join(dir, file), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  mutate(dir);
  return dir;
}
