import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  astroScripts,
  formatTable,
  functionLengths,
  MAX_FUNCTION_LINES,
  measureTree,
} from './function-length';

const ROOT = resolve(import.meta.dirname, '..');
const body = (lines: number) =>
  Array.from({ length: lines - 2 }, (_, index) => `  const a${index} = ${index};`);

describe('functionLengths', () => {
  it('measures each function from its first line to its last, nested ones too', () => {
    const code = [
      'export function outer() {',
      ...body(151),
      '}',
      'const inner = () => {',
      '  return 1;',
      '};',
    ].join('\n');
    // One line over the limit: `outer` spans lines 1–151.
    const found = functionLengths(code, 'x.ts');
    expect(found.map(({ name, line, lines }) => [name, line, lines])).toEqual([
      ['outer', 1, 151],
      ['inner', 152, 3],
    ]);
  });

  it('names methods, callbacks and class members', () => {
    const code =
      'class A {\n  connectedCallback() {\n    run(() => {\n      go();\n    });\n  }\n}\ndescribe("x", () => {});\n';
    expect(functionLengths(code, 'a.ts').map((entry) => entry.name)).toEqual([
      'connectedCallback',
      '(callback of run)',
      '(callback of describe)',
    ]);
  });

  it('reads the frontmatter and the scripts of an .astro file with their real line numbers', () => {
    const astro = [
      '---',
      'const a = () => {',
      '  return 1;',
      '};',
      '---',
      '<p>x</p>',
      '<script>',
      'function b() {',
      '}',
      '</script>',
      '<script type="application/json">{"c":1}</script>',
    ].join('\n');
    const parts = astroScripts(astro);
    expect(parts).toHaveLength(2);
    const found = parts.flatMap(({ code, firstLine }) => functionLengths(code, 'A.astro', firstLine));
    expect(found.map(({ name, line, lines }) => [name, line, lines])).toEqual([
      ['a', 2, 3],
      ['b', 8, 2],
    ]);
  });
});

describe('the code base', () => {
  it(`has no function over ${MAX_FUNCTION_LINES} lines in src/ and scripts/ (the longest ten are printed)`, () => {
    const rows = measureTree(ROOT, ['src', 'scripts']);
    console.log(`\n最长的 10 个函数（行数）：\n${formatTable(rows.slice(0, 10))}\n`);
    // The measurement sees the code base: hundreds of functions, the longest of some length.
    expect(rows.length).toBeGreaterThan(500);
    expect(rows[0]!.lines).toBeGreaterThan(40);
    expect(
      rows
        .filter((row) => row.lines > MAX_FUNCTION_LINES)
        .map((row) => `${row.file}:${row.line} ${row.name}`),
    ).toEqual([]);
  });
});
