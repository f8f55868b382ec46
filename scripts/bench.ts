/**
 * `npm run bench`: how long the checkers take, as medians over repeated runs: in Node, in
 * Chromium (keystroke latency), side by side with textlint + prh, and a build at scale.
 * Prints figures; it does not pass or fail (budgets are checked elsewhere).
 * BENCH_BUILD=0 skips the build-scale run (about a minute); without Chromium the browser
 * figures are skipped with a note.
 */
import { cpus } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkDraft } from '../src/lib/rules/check-draft';
import { checkSubject } from '../src/lib/rules/check-subject';
import { loadCompiledAttachmentRules, loadCompiledRules } from '../src/lib/node/load-ruleset';
import { checkAttachments } from '../src/lib/attachments/check-attachments';
import { evidencePackage, toHex } from '../src/lib/attachments/evidence-package';
import { SAMPLE_HEADS } from '../src/lib/attachments/file-signature-samples';
import { sha256 } from '@noble/hashes/sha2.js';
import { buildSite, ROOT } from './support/build-site';
import { findChromium } from './support/chromium';
import { serveStatic } from './support/static-server';
import { draftLatency } from './bench-browser';
import { printSearchBench, searchBench } from './bench-search';
import { buildScale } from './bench-build';
import { keywordBench } from './bench-textlint';
import { patternBench, printPatternBench } from './bench-patterns';

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
] as [string, number][];

// Attachments: 50 files (the island's maximum) checked from their heads.
const attachmentRules = loadCompiledAttachmentRules();
const heads = Object.values(SAMPLE_HEADS).map((sample) => new Uint8Array(sample));
const fifty = Array.from({ length: 50 }, (_, index) => ({
  name: `IMG_${index} 截图😀.png`,
  size: index * 150_000,
  head: heads[index % heads.length]!,
  lastModified: Date.now(),
}));
rows.push([
  'attachments, 50 files',
  median(() => checkAttachments(fifty, attachmentRules, { today: '2026-11-24' }), 200),
]);

// Evidence package: 64 MB streamed through the ZIP and the browser's SHA-256 (noble-hashes).
const chunk = new Uint8Array(1024 * 1024).map((_, index) => index & 0xff);
const packageMb = 64;
const packStart = performance.now();
const heapBefore = process.memoryUsage().heapUsed;
let peakHeap = heapBefore;
const pkg = evidencePackage(
  [
    {
      name: '20261120_录屏.mp4',
      originalName: 'big.mp4',
      size: packageMb * chunk.length,
      type: 'MP4 视频',
      lastModified: Date.now(),
      stream: () => {
        let sent = 0;
        return new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent++ === packageMb) return controller.close();
            peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
            controller.enqueue(chunk.slice());
          },
        });
      },
    },
  ],
  {
    createdAt: Date.now(),
    createHasher: () => {
      const hash = sha256.create();
      return { update: (data) => void hash.update(data), digestHex: () => toHex(hash.digest()) };
    },
  },
);
const reader = pkg.stream.getReader();
let zipBytes = 0;
for (let result = await reader.read(); !result.done; result = await reader.read())
  zipBytes += result.value.length;
await pkg.manifest;
const packSeconds = (performance.now() - packStart) / 1000;

const os = /^PRETTY_NAME="?([^"\n]*)/m.exec(
  existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '',
)?.[1];
console.log(
  `ksmail bench — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}${os ? `, ${os}` : ''}`,
);
for (const [name, milliseconds] of rows)
  console.log(`${name.padEnd(28)} median ${milliseconds.toFixed(2)} ms`);
console.log(
  `${'evidence package, 64 MB'.padEnd(28)} ${(packageMb / packSeconds).toFixed(0)} MB/s (ZIP + SHA-256 in JS), ${(zipBytes / 1048576).toFixed(1)} MB out, heap grew at most ${((peakHeap - heapBefore) / 1048576).toFixed(1)} MB`,
);

// Side by side: our keyword pass against textlint + textlint-rule-prh, same text, same words.
const keywords = await keywordBench(rules);
console.log(
  `\nkeyword pass, ${keywords.textLength.toLocaleString('en-US')} characters, ${keywords.words} words of our ruleset (prh dictionary generated from them):`,
);
console.log(
  `${'  ours (rules engine)'.padEnd(28)} median ${keywords.ours.median.toFixed(2)} ms, ${keywords.ours.matches} matches`,
);
console.log(
  `${'  textlint + prh'.padEnd(28)} median ${keywords.textlint.median.toFixed(2)} ms, ${keywords.textlint.matches} matches`,
);
console.log(
  `${'  ratio'.padEnd(28)} ${keywords.ratio.toFixed(1)}× faster (goal ≥ 10×)${keywords.ours.matches === keywords.textlint.matches ? '; same matches' : '; MATCH COUNTS DIFFER'}`,
);

// Every user-text pattern on 50,000 characters: ordinary draft against adversarial text (issue 21).
printPatternBench(patternBench(paragraph));

// Keystroke latency in Chromium on the built site (built apart, into .tmp/bench-dist).
if (findChromium()) {
  const outDir = resolve(ROOT, '.tmp/bench-dist');
  buildSite({ OUT_DIR: outDir });
  const server = await serveStatic(outDir, '/');
  try {
    const latency = await draftLatency(server.url, draft10k, 50);
    const line = (label: string, spread: { median: number; p95: number; max: number }) =>
      console.log(
        `${label.padEnd(28)} median ${spread.median.toFixed(1)} ms, p95 ${spread.p95.toFixed(1)} ms, max ${spread.max.toFixed(1)} ms`,
      );
    console.log(
      `\nChromium ${latency.chromium}, ${latency.keystrokes} keystrokes at the end of a ${latency.draftLength.toLocaleString('en-US')}-character draft (${latency.findingsListed} findings listed):`,
    );
    line('  keystroke → findings', latency.toFindings);
    line('    of which check + render', latency.checkAndRender);
    line('  keystroke → painted', latency.toPaint);
    line('  plain textarea → painted', latency.plainTextareaToPaint);
    // The site search: the query set's top-1 and empty results, and keystroke → results painted.
    printSearchBench(await searchBench(server.url));
  } finally {
    await server.close();
  }
} else {
  console.log('\nChromium not found (/usr/bin/chromium or CHROME_PATH): browser latency skipped.');
}

// A build at scale: slow, so it can be skipped.
if (process.env.BENCH_BUILD === '0') {
  console.log('\nbuild at scale skipped (BENCH_BUILD=0)');
} else {
  const build = await buildScale();
  console.log(
    `\nbuild with ${build.changelogEntries.toLocaleString('en-US')} changelog entries and ${build.templates} templates (${build.pages.toLocaleString('en-US')} pages): ${build.seconds.toFixed(1)} s, peak memory ${build.peakRssMb.toFixed(0)} MB (RSS of the whole process tree, ${build.peakProcesses} processes at the peak)`,
  );
}
