import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRuleset } from './ruleset-schema';
import { checkRuleExamples } from './rule-examples';
import { DEFAULT_RULES_DIR, loadRulesets } from '../node/load-ruleset';
import { loadGuideData } from '../node/load-guide-data';
import { compareVersions } from './ruleset';

const { subjectTypes, attachmentTypes } = loadGuideData();

describe('rulesets as data', () => {
  const rulesets = loadRulesets();

  it.each(rulesets.map((ruleset) => [ruleset.version, ruleset] as const))(
    '%s: every example in the data holds',
    (_v, ruleset) => {
      expect(checkRuleExamples(ruleset, subjectTypes, attachmentTypes)).toEqual([]);
    },
  );

  it('has the rule ids the command line promises', () => {
    const ids = rulesets.at(-1)!.rules.map((rule) => rule.id);
    for (const id of [
      'structure.missing-section',
      'length.section',
      'tone.emotional',
      'risk.competitor',
      'risk.platform-switch',
      'risk.political',
      'contact.missing',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('every rule that matches text carries match and no-match examples', () => {
    for (const rule of rulesets.at(-1)!.rules) {
      if (rule.kind === 'section-length') continue;
      expect(rule.examples?.match?.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples?.noMatch?.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('a wrong example is caught when the rules load', () => {
    const raw = parse(readFileSync(join(DEFAULT_RULES_DIR, `${rulesets[0]!.version}.yaml`), 'utf8'));
    raw.rules
      .find((rule: { id: string }) => rule.id === 'tone.emotional')
      .examples.noMatch.push('你们太过分了');
    const failures = checkRuleExamples(parseRuleset(raw, 'fixture'), subjectTypes, attachmentTypes);
    expect(failures).toEqual([expect.stringContaining('tone.emotional：不应命中却命中了')]);
  });

  it('orders versions numerically', () => {
    expect(['2026.11.10', '2026.11.2', '2025.12.0'].sort(compareVersions)).toEqual([
      '2025.12.0',
      '2026.11.2',
      '2026.11.10',
    ]);
  });
});
