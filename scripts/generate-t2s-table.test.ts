import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { T2S_FROM, T2S_TO } from '../src/lib/t2s-table';
import { buildPairs, converters, OVERRIDES, TABLE_FILE, tableSource } from './generate-t2s-table';

describe('the Traditional → Simplified table (src/lib/t2s-table.ts)', () => {
  it('is what the generator makes from the current rules (rerun npm run t2s:generate if not)', () => {
    expect(readFileSync(TABLE_FILE, 'utf8')).toBe(tableSource(buildPairs()));
  });

  it('agrees with opencc-js on every pair but the documented overrides', () => {
    const convert = converters();
    const disagreements: string[] = [];
    for (let index = 0; index < T2S_FROM.length; index += 1) {
      const [from, to] = [T2S_FROM[index]!, T2S_TO[index]!];
      if (OVERRIDES.some(([character]) => character === from)) continue;
      if (!convert.some((opencc) => opencc(from) === to)) disagreements.push(`${from}→${to}`);
    }
    expect(disagreements).toEqual([]);
    expect(T2S_FROM.length).toBe(T2S_TO.length);
  });

  it('maps one BMP character to one, so folded ranges stay one to one', () => {
    expect([...T2S_FROM].length).toBe(T2S_FROM.length);
    expect([...T2S_TO].length).toBe(T2S_TO.length);
    expect(new Set(T2S_FROM).size).toBe(T2S_FROM.length);
  });

  it('stays small for the browser', () => {
    const bytes = gzipSync(readFileSync(TABLE_FILE)).length;
    console.log(`t2s-table.ts: ${T2S_FROM.length} pairs, ${bytes} B gzip`);
    expect(bytes).toBeLessThan(4096);
  });
});
