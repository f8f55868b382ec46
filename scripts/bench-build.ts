/**
 * Build scale: a copy of the project (tests/support/build-site.ts fixtureProject) with 1,000
 * generated changelog entries and 200 generated templates, built as `npm run build` builds it;
 * prints the wall time and the peak memory of the whole process tree (Astro, Vite's workers,
 * Pagefind), sampled from /proc every 100 ms. Slow: `npm run bench` only, BENCH_BUILD=0 skips it.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { buildEnvironment, fixtureProject, ROOT } from './support/build-site';

export interface BuildScaleResult {
  changelogEntries: number;
  templates: number;
  pages: number;
  seconds: number;
  peakRssMb: number;
  peakProcesses: number;
}

const GUIDE_PAGES = ['subject', 'structure', 'data', 'risks', 'attachments', 'follow-up', 'recipients'];
const RULES = ['tone.emotional', 'tone.threat', 'risk.competitor', 'contact.missing', 'attachment.size'];
const TAGS = ['规则集', '邮件主题', '正文结构', '附件', '跟进节奏', '申诉', '侵权投诉', '商务合作'];

/** One changelog entry page, with the frontmatter and body the real ones have. */
export function changelogEntry(index: number): string {
  const year = 2019 + (index % 8);
  const month = String((index % 12) + 1).padStart(2, '0');
  const day = String((index % 28) + 1).padStart(2, '0');
  const guide = GUIDE_PAGES[index % GUIDE_PAGES.length]!;
  return `---
title: 生成的更新日志 ${index + 1}：${TAGS[index % TAGS.length]}的规则调整
description: 用于构建规模测试的第 ${index + 1} 条更新日志，正文由脚本生成。
changelog:
  kind: release
  date: ${year}-${month}-${day}
  tags: [${TAGS[index % TAGS.length]}, ${TAGS[(index + 3) % TAGS.length]}]
  rules:
    - ${RULES[index % RULES.length]}
---

这条更新日志由构建规模测试生成。它说明${TAGS[index % TAGS.length]}相关的说法有所调整，详见[指南的相关章节](/guide/${guide}/)。

- **变化**：第 ${index + 1} 项调整影响了邮件的写法，写信前请重新阅读对应章节。
- **影响**：已经发出的邮件不受影响；正在起草的邮件请用检查工具再检查一遍。
- **来源**：编辑根据公开信息整理，第 ${(index % 9) + 1} 段。
`;
}

/** `count` templates made from the real ones (new ids and titles, same valid content). */
function templates(root: string, count: number) {
  const dir = join(root, 'src/content/templates');
  const originals = readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => parse(readFileSync(join(dir, file), 'utf8')) as { id: string; title: string });
  for (let index = 0; index < count; index += 1) {
    const original = originals[index % originals.length]!;
    const id = `${original.id}-bench-${index + 1}`;
    writeFileSync(
      join(dir, `${id}.yaml`),
      stringify({ ...original, id, title: `${original.title}（样例 ${index + 1}）` }),
    );
  }
}

/** Sum of VmRSS over `root` and all its descendants, from /proc; and how many there are. */
function treeRss(root: number): { kilobytes: number; processes: number } {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces: fields follow the last ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let kilobytes = 0;
  let processes = 0;
  for (const queue = [root]; queue.length;) {
    const pid = queue.pop()!;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      kilobytes += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      processes += 1;
    } catch {
      continue;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return { kilobytes, processes };
}

export async function buildScale(entries = 1_000, templateCount = 200): Promise<BuildScaleResult> {
  const root = fixtureProject('bench-build', (root) => {
    const docs = join(root, 'src/content/docs/changelog');
    for (let index = 0; index < entries; index += 1)
      writeFileSync(join(docs, `bench-${String(index + 1).padStart(4, '0')}.mdx`), changelogEntry(index));
    templates(root, templateCount);
  });
  const outDir = resolve(root, 'dist');
  const started = performance.now();
  const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: { ...buildEnvironment(process.env), OUT_DIR: outDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  let peak = { kilobytes: 0, processes: 0 };
  const sampler = setInterval(() => {
    const now = treeRss(child.pid!);
    if (now.kilobytes > peak.kilobytes) peak = now;
  }, 100);
  const status = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (status !== 0) throw new Error(`生成的站点构建失败（退出码 ${status}）：\n${output.slice(-4000)}`);
  const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? Number.NaN);
  return {
    changelogEntries: entries,
    templates: templateCount,
    pages,
    seconds,
    peakRssMb: peak.kilobytes / 1024,
    peakProcesses: peak.processes,
  };
}
