import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRulesets } from '../../src/lib/node/load-ruleset';
import { changelogMetaSchema, documentNames, unknownDocument } from '../../src/lib/changelog';
import { loadWatchedDocuments } from '../../src/lib/node/load-watched-documents';
import { ROOT } from '../../scripts/support/build-site';

const DIR = join(ROOT, 'src/content/docs/changelog');
const entries = readdirSync(DIR)
  .filter((file) => /^\d{4}-\d{2}-\d{2}-.+\.mdx$/.test(file))
  .map((file) => {
    const frontmatter = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(DIR, file), 'utf8'))![1]!);
    return { id: file.replace(/\.mdx$/, ''), ...changelogMetaSchema.parse(frontmatter.changelog) };
  });
const rulesets = loadRulesets();

describe('the changelog and the rulesets agree', () => {
  it('every ruleset version has its changelog entry, which names that version', () => {
    for (const ruleset of rulesets) {
      expect(existsSync(join(DIR, `${ruleset.changelog}.mdx`)), ruleset.version).toBe(true);
      const entry = entries.find((candidate) => candidate.id === ruleset.changelog);
      expect(entry?.kind === 'release' && entry.ruleset).toBe(ruleset.version);
    }
  });

  it('every entry is about documents on the watch list (or the site), and its rule ids exist in its ruleset', () => {
    expect(entries.length).toBeGreaterThanOrEqual(2);
    const names = documentNames(loadWatchedDocuments());
    for (const entry of entries) {
      expect(unknownDocument(entry, names), entry.id).toBeUndefined();
      // A change is dated by its source and quotes it; its file name starts with that date.
      if (entry.kind === 'change') expect(entry.id.startsWith(entry.date), entry.id).toBe(true);
      if (entry.kind !== 'release' || !entry.ruleset) continue;
      const ruleset = rulesets.find((candidate) => candidate.version === entry.ruleset);
      expect(ruleset, entry.id).toBeDefined();
      const ids = ruleset!.rules.map((rule) => rule.id);
      for (const id of entry.rules ?? []) expect(ids, `${entry.id} → ${id}`).toContain(id);
    }
  });
});
