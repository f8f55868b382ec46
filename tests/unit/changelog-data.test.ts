import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRulesets } from '../../src/lib/node/load-ruleset';
import { changelogDocuments } from '../../src/lib/changelog';
import { ROOT } from '../../scripts/support/build-site';

const DIR = join(ROOT, 'src/content/docs/changelog');
const entries = readdirSync(DIR)
  .filter((file) => /^\d{4}-\d{2}-\d{2}-.+\.mdx$/.test(file))
  .map((file) => {
    const frontmatter = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(DIR, file), 'utf8'))![1]!);
    return {
      id: file.replace(/\.mdx$/, ''),
      ...frontmatter.changelog,
      date: String(frontmatter.changelog.date),
    };
  });
const rulesets = loadRulesets();

describe('the changelog and the rulesets agree', () => {
  it('every ruleset version has its changelog entry, which names that version', () => {
    for (const ruleset of rulesets) {
      expect(existsSync(join(DIR, `${ruleset.changelog}.mdx`)), ruleset.version).toBe(true);
      expect(entries.find((entry) => entry.id === ruleset.changelog)?.ruleset).toBe(ruleset.version);
    }
  });

  it('every entry has a known document, and its rule ids exist in its ruleset', () => {
    expect(entries.length).toBeGreaterThanOrEqual(2);
    for (const entry of entries) {
      expect(changelogDocuments, entry.id).toContain(entry.document);
      if (!entry.ruleset) continue;
      const ruleset = rulesets.find((candidate) => candidate.version === entry.ruleset);
      expect(ruleset, entry.id).toBeDefined();
      const ids = ruleset!.rules.map((rule) => rule.id);
      for (const id of entry.rules ?? []) expect(ids, `${entry.id} → ${id}`).toContain(id);
    }
  });
});
