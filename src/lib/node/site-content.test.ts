import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FOLDERS, loadSiteContent } from './site-content';

const CONTENT = resolve(import.meta.dirname, '../../content');
const copy = mkdtempSync(join(tmpdir(), 'ks-content-'));
for (const folder of FOLDERS) cpSync(join(CONTENT, folder), join(copy, folder), { recursive: true });
afterAll(() => rmSync(copy, { recursive: true, force: true }));

let reads: string[];
beforeEach(() => {
  reads = [];
  vi.stubEnv('KSMAIL_TRACE_LOADS', '1');
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    reads.push(String(chunk).trim());
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('loadSiteContent', () => {
  it('reads, validates and runs the examples of every ruleset once, however often it is asked', () => {
    const first = loadSiteContent(copy, '2026-11-29');
    const again = loadSiteContent(copy, '2026-11-29');
    expect(again).toBe(first);
    expect(reads.filter((line) => line.startsWith('[ksmail:load] rules '))).toHaveLength(
      first.rulesets.length,
    );
    expect(reads.filter((line) => line.startsWith('[ksmail:load] examples '))).toHaveLength(
      first.rulesets.length,
    );
    // The newest ruleset already in effect: a version may be published before its effective date.
    expect(first.current.version).toBe(
      first.rulesets.filter((ruleset) => String(ruleset.effective) <= '2026-11-29').at(-1)!.version,
    );
    expect(first.templates.length).toBeGreaterThan(0);
    expect(first.guide.mailboxes.length).toBeGreaterThan(0);
  });

  it('reads again when a data file changes (astro dev), and fails in Chinese on a broken one', () => {
    const before = loadSiteContent(copy, '2026-11-29');
    const file = join(copy, 'data/mailboxes.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('address: legal@kuaishou.com', 'address: legalkuaishou.com'));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(() => loadSiteContent(copy, '2026-11-29')).toThrow(
      /mailboxes\.yaml → 记录 "legal" → 字段 "address"/,
    );
    writeFileSync(file, text);
    utimesSync(file, new Date(), new Date(Date.now() + 10_000));
    const after = loadSiteContent(copy, '2026-11-29');
    expect(after).not.toBe(before);
    expect(after.guide.mailboxes).toEqual(before.guide.mailboxes);
  });

  it('loads the search synonyms with the rest, and fails in Chinese on an example that misses its group', () => {
    const before = loadSiteContent(copy, '2026-11-29');
    expect(before.searchSynonyms.length).toBeGreaterThanOrEqual(20);
    const file = join(copy, 'data/search-synonyms.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      text.replace(
        'example: { query: 封号, page: cases/account-appeal/ }',
        'example: { query: 解封, page: cases/account-appeal/ }',
      ),
    );
    utimesSync(file, new Date(), new Date(Date.now() + 15_000));
    expect(() => loadSiteContent(copy, '2026-11-29')).toThrow(
      /search-synonyms\.yaml → 第 1 组 → 字段 "example"：示例“解封”没有用上本组的词/,
    );
    writeFileSync(file, text);
    utimesSync(file, new Date(), new Date(Date.now() + 20_000));
    expect(loadSiteContent(copy, '2026-11-29').searchSynonyms).toEqual(before.searchSynonyms);
  });

  it('picks the newest ruleset in effect on the given day, the oldest before any is', () => {
    const content = loadSiteContent(copy, '2026-11-29');
    const newest = content.rulesets.at(-1)!;
    expect(loadSiteContent(copy, newest.effective).current.version).toBe(newest.version);
    expect(loadSiteContent(copy, '2000-01-01').current.version).toBe(content.rulesets[0]!.version);
  });
});
