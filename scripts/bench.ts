/**
 * `npm run bench`: how long the draft checker takes, as medians over repeated runs.
 * Prints figures; it does not pass or fail (budgets are checked elsewhere).
 */
import { cpus } from 'node:os';
import { checkDraft } from '../src/lib/check-draft';
import { checkSubject } from '../src/lib/check-subject';
import { loadCompiledRules } from '../src/lib/node/load-ruleset';

const rules = loadCompiledRules();
const paragraph =
  '问题描述：我的视频ID：3xk9a2b7 于 11月20日 被判定为搬运并下架，订单量下降了 80%。你们太过分了！！！不处理我就转 投 其 他 平 台。\n';

function textOf(length: number): string {
  return paragraph.repeat(Math.ceil(length / paragraph.length)).slice(0, length);
}

function median(run: () => void, times: number): number {
  const samples: number[] = [];
  run(); // warm up
  for (let index = 0; index < times; index += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const draft10k = textOf(10_000);
const text1mb = textOf(1_048_576);
const rows = [
  [
    'subject (40 characters)',
    median(() => checkSubject('【账号申诉-创作者ID:123456-紧急】请求复核封禁！！！', rules), 500),
  ],
  ['draft, 10,000 characters', median(() => checkDraft(draft10k, rules), 100)],
  ['draft, 1 MB', median(() => checkDraft(text1mb, rules), 7)],
] as const;

console.log(
  `ksmail bench — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}`,
);
for (const [name, milliseconds] of rows)
  console.log(`${name.padEnd(28)} median ${milliseconds.toFixed(2)} ms`);
