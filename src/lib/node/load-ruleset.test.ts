import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR, loadRulesets } from './load-ruleset';

const rulesDir = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};
const newest = readFileSync(join(DEFAULT_RULES_DIR, '2026.11.3.yaml'), 'utf8');

describe('loadRulesets refuses (issue 21)', () => {
  it('malformed YAML, naming the file, the line and the column', () => {
    const broken = newest.replace('version: 2026.11.3', 'version: 2026.11.3\nbroken: [unclosed');
    const dir = rulesDir({ '2026.11.3.yaml': broken });
    expect(() => loadRulesets(dir)).toThrow(/2026\.11\.3\.yaml 第 \d+ 行第 \d+ 列/);
  });

  it('two files with the same version written differently (2026.11.01 and 2026.11.1)', () => {
    const dir = rulesDir({
      '2026.11.1.yaml': newest.replace('version: 2026.11.3', 'version: 2026.11.1'),
      '2026.11.01.yaml': newest.replace('version: 2026.11.3', 'version: 2026.11.01'),
    });
    expect(() => loadRulesets(dir)).toThrow(/2026\.11\.01\.yaml 和 2026\.11\.1\.yaml 是同一个版本/);
  });

  it('the repository rulesets still load', () => {
    const dir = rulesDir({});
    for (const name of ['2026.11.0.yaml', '2026.11.3.yaml'])
      copyFileSync(join(DEFAULT_RULES_DIR, name), join(dir, name));
    expect(loadRulesets(dir).map((ruleset) => ruleset.version)).toEqual(['2026.11.0', '2026.11.3']);
  });
});
