// `npm test`: every Vitest project (unit + browser), then one plain summary line
// "N passed, N failed[, N skipped]" that CI reads. Exit code is Vitest's.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const report = resolve(root, '.tmp/vitest-report.json');
mkdirSync(resolve(root, '.tmp'), { recursive: true });
rmSync(report, { force: true });

const vitest = resolve(root, 'node_modules/vitest/vitest.mjs');
const args = [
  vitest,
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const data = JSON.parse(readFileSync(report, 'utf8'));
  passed = data.numPassedTests;
  failed = data.numFailedTests;
  skipped = data.numPendingTests + data.numTodoTests;
  // A file that fails to load (or a failing global setup) has no test results but must count.
  for (const file of data.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
  }
} catch {
  failed = Math.max(failed, 1);
}
if (run.status !== 0 && failed === 0) failed = 1;
if (skipped) console.warn(`注意：${skipped} 个测试被跳过（通常是因为找不到 Chromium），它们没有计入通过数。`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
