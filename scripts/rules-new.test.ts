import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRulesetVersion } from './rules-new';
import { loadRulesets, DEFAULT_RULES_DIR } from '../src/lib/node/load-ruleset';
import { diffRulesets, isEmptyDiff } from '../src/lib/rules/ruleset-diff';
import { parse } from 'yaml';
import { changelogMetaSchema } from '../src/lib/changelog';

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'rules-new-'));
  const rulesDir = join(dir, 'rules');
  const changelogDir = join(dir, 'changelog');
  cpSync(DEFAULT_RULES_DIR, rulesDir, { recursive: true });
  mkdirSync(changelogDir);
  return { rulesDir, changelogDir };
}

describe('npm run rules:new', () => {
  it('starts a new version from the newest one, with its changelog entry', () => {
    const dirs = workspace();
    const created = createRulesetVersion({ version: '2027.01.0', effective: '2027-01-01', ...dirs });
    const rulesets = loadRulesets(dirs.rulesDir);
    const [previous, next] = rulesets.slice(-2);
    expect(next).toMatchObject({
      version: '2027.01.0',
      effective: '2027-01-01',
      changelog: '2027-01-01-ruleset-2027-01-0',
    });
    expect(isEmptyDiff(diffRulesets(previous!, next!))).toBe(true);
    expect(readFileSync(created.ruleset, 'utf8')).toMatch(/^# 本站规则集/);
    const entry = readFileSync(created.entry, 'utf8');
    expect(created.entry).toMatch(/2027-01-01-ruleset-2027-01-0\.mdx$/);
    expect(entry).toContain('ruleset: 2027.01.0');
    expect(entry).toContain('<RulesetDiff to="2027.01.0" />');
    // The entry's frontmatter is a valid release entry of the changelog.
    const frontmatter = parse(/^---\n([\s\S]*?)\n---/.exec(entry)![1]!);
    expect(changelogMetaSchema.parse(frontmatter.changelog)).toMatchObject({
      kind: 'release',
      documents: ['site'],
      ruleset: '2027.01.0',
    });
  });

  it.each([
    ['2026.12', /版本号应形如/],
    ['2026.11.2', /必须比现有的最新版本 2026\.11\.\d+ 更新/],
    ['2026.10.9', /必须比现有的最新版本/],
  ])('refuses %s', (version, message) => {
    expect(() => createRulesetVersion({ version, ...workspace() })).toThrow(message);
  });

  it('refuses to overwrite', () => {
    const dirs = workspace();
    createRulesetVersion({ version: '2027.01.0', effective: '2027-01-01', ...dirs });
    expect(() => createRulesetVersion({ version: '2027.01.0', effective: '2027-01-01', ...dirs })).toThrow(
      /必须比现有的最新版本|文件已存在/,
    );
  });
});
