import { describe, expect, it } from 'vitest';
import { diffRulesets, isEmptyDiff } from './ruleset-diff';
import { loadRulesets } from '../node/load-ruleset';
import type { Ruleset } from './ruleset';

const [first, second] = loadRulesets();

describe('diffRulesets', () => {
  it('2026.11.0 → 2026.11.1 adds the attachment rules, the mailbox limits and the cadence', () => {
    const diff = diffRulesets(first!, second!);
    expect(diff).toMatchObject({ from: '2026.11.0', to: '2026.11.1' });
    expect(diff.added.map((rule) => rule.id)).toEqual(
      expect.arrayContaining([
        'attachments.count',
        'attachment.size',
        'attachment.blocked',
        'attachment.name',
      ]),
    );
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([]);
    // Every rule of the first version is kept as it was.
    expect(diff.unchanged).toEqual(first!.rules.map((rule) => rule.id));
    expect(diff.settings.map((change) => change.field).sort()).toEqual(['cadence', 'mailLimits']);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('reports a changed rule field by field, and word lists as added and removed words', () => {
    const next: Ruleset = structuredClone(second!);
    next.version = '2026.11.2';
    const size = next.rules.find((rule) => rule.id === 'attachment.size')!;
    if (size.kind === 'attachment-size') size.maxBytes = 10 * 1024 * 1024;
    const emotional = next.rules.find((rule) => rule.id === 'tone.emotional')!;
    if (emotional.kind === 'words') emotional.words = [...emotional.words.slice(1), '离谱'];
    next.rules = next.rules.filter((rule) => rule.id !== 'figures.emphasis');
    next.urgencyWords = [...next.urgencyWords, '火速'];
    const diff = diffRulesets(second!, next);
    expect(diff.removed.map((rule) => rule.id)).toEqual(['figures.emphasis']);
    expect(diff.changed).toContainEqual({
      id: 'attachment.size',
      changes: [{ field: 'maxBytes', old: 5242880, new: 10485760 }],
    });
    const words = diff.changed.find((entry) => entry.id === 'tone.emotional')!.changes[0]!;
    expect(words).toMatchObject({ field: 'words', added: ['离谱'] });
    expect(words.removed).toHaveLength(1);
    expect(diff.settings).toEqual([{ field: 'urgencyWords', added: ['火速'], removed: [] }]);
    expect(diff.unchanged).not.toContain('attachment.size');
    expect(diff.unchanged).not.toContain('figures.emphasis');
    expect(diff.unchanged).toHaveLength(next.rules.length - diff.changed.length);
  });

  it('sorts every rule of either version into exactly one group', () => {
    const next: Ruleset = structuredClone(second!);
    next.rules = next.rules.slice(3);
    next.rules[0]!.message = '改过的提示';
    const diff = diffRulesets(second!, next);
    const ids = [
      ...diff.added.map((rule) => rule.id),
      ...diff.removed.map((rule) => rule.id),
      ...diff.changed.map((entry) => entry.id),
      ...diff.unchanged,
    ];
    expect(ids.sort()).toEqual(second!.rules.map((rule) => rule.id).sort());
    expect(diff.changed.map((entry) => entry.id)).toEqual([next.rules[0]!.id]);
  });

  it('a version against itself is empty', () => {
    const diff = diffRulesets(second!, second!);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.unchanged).toHaveLength(second!.rules.length);
  });
});
