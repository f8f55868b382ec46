// The build reads and validates each data file once, and each page carries the shared checker
// data once, however many islands use it (issue 14). Reads the trace the global setup's build
// printed with KSMAIL_TRACE_LOADS=1, and the built pages. No browser needed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_OUTPUT, ROOT } from '../../scripts/support/build-site';

const rulesetFiles = readdirSync(resolve(ROOT, 'src/content/rules')).filter((file) => file.endsWith('.yaml'));
const trace = () => {
  expect(existsSync(BUILD_OUTPUT), `${BUILD_OUTPUT} 不存在：请不带 SKIP_BUILD 运行一次`).toBe(true);
  return readFileSync(BUILD_OUTPUT, 'utf8')
    .split('\n')
    .flatMap((line) => /\[ksmail:load\] (.+)$/.exec(line)?.[1] ?? []);
};
const page = (path: string) => readFileSync(resolve(ROOT, 'dist', path), 'utf8');
const blocks = (html: string) =>
  html.match(/<script type="application\/json" data-page-data="checker">/g) ?? [];

describe('one read per build', () => {
  it('reads and validates every ruleset file once, and runs each version’s examples once', () => {
    const lines = trace();
    expect(rulesetFiles.length).toBeGreaterThanOrEqual(2);
    for (const file of rulesetFiles) {
      expect(
        lines.filter((line) => line === `rules ${file}`),
        file,
      ).toHaveLength(1);
      const version = file.replace(/\.yaml$/, '');
      expect(
        lines.filter((line) => line === `examples ${version}`),
        version,
      ).toHaveLength(1);
    }
    expect(lines).toHaveLength(rulesetFiles.length * 2);
  });
});

describe('one copy of the checker data per page', () => {
  it('/tools/ (six islands, four of which check with the ruleset) carries it once', () => {
    const html = page('tools/index.html');
    expect(blocks(html)).toHaveLength(1);
    // The ruleset's own fields appear once: no island repeats it in a data-* attribute.
    expect(html.match(/urgencyWords/g)).toHaveLength(1);
    expect(html).not.toMatch(/data-rules=/);
  });

  it('every page with a checker island has exactly one block, and pages without one have none', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? walk(join(dir, entry.name))
          : entry.name.endsWith('.html')
            ? [join(dir, entry.name)]
            : [],
      );
    const counts = walk(resolve(ROOT, 'dist')).map((file) => {
      const html = readFileSync(file, 'utf8');
      const islands = /<(subject-checker|draft-checker|attachment-checker|mail-composer)\b/.test(html);
      return { file, islands, blocks: blocks(html).length };
    });
    expect(counts.filter((entry) => entry.islands).length).toBeGreaterThanOrEqual(5);
    for (const entry of counts) expect(entry.blocks, entry.file).toBe(entry.islands ? 1 : 0);
  });
});
