/**
 * What changed between two ruleset versions: rules added, removed and changed (field by field,
 * with old and new values; for word lists, the words added and removed), and changes to the
 * shared settings (ID labels, urgency words, mailbox limits, the follow-up cadence), and the ids
 * of the rules that did not change (a page folds them away; listing them says the rest is the same).
 */
import type { Rule, Ruleset } from './ruleset';

export interface FieldChange {
  field: string;
  /** Old and new values, as JSON (undefined when the field is new or gone). */
  old?: unknown;
  new?: unknown;
  /** For lists of strings: what was added and removed. */
  added?: string[];
  removed?: string[];
}

export interface RulesetDiff {
  from: string;
  to: string;
  added: Rule[];
  removed: Rule[];
  changed: { id: string; changes: FieldChange[] }[];
  /** Ids of the rules in both versions with no field changed, in the newer version's order. */
  unchanged: string[];
  settings: FieldChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function compareFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  ignore: string[] = [],
): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (f) => !ignore.includes(f),
  );
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const old = before[field];
    const next = after[field];
    if (same(old, next)) continue;
    if (isStringList(old) && isStringList(next)) {
      changes.push({
        field,
        added: next.filter((item) => !old.includes(item)),
        removed: old.filter((item) => !next.includes(item)),
      });
    } else {
      changes.push({ field, old, new: next });
    }
  }
  return changes;
}

export function diffRulesets(from: Ruleset, to: Ruleset): RulesetDiff {
  const oldRules = new Map(from.rules.map((rule) => [rule.id, rule]));
  const newRules = new Map(to.rules.map((rule) => [rule.id, rule]));
  const kept = to.rules
    .filter((rule) => oldRules.has(rule.id))
    .map((rule) => ({
      id: rule.id,
      changes: compareFields(
        oldRules.get(rule.id) as unknown as Record<string, unknown>,
        rule as unknown as Record<string, unknown>,
      ),
    }));
  return {
    from: from.version,
    to: to.version,
    added: to.rules.filter((rule) => !oldRules.has(rule.id)),
    removed: from.rules.filter((rule) => !newRules.has(rule.id)),
    changed: kept.filter((entry) => entry.changes.length > 0),
    unchanged: kept.filter((entry) => entry.changes.length === 0).map((entry) => entry.id),
    settings: compareFields(
      from as unknown as Record<string, unknown>,
      to as unknown as Record<string, unknown>,
      ['version', 'changelog', 'rules'],
    ),
  };
}

/** Whether two versions differ at all (the effective date alone does not count). */
export const isEmptyDiff = (diff: RulesetDiff) =>
  diff.added.length + diff.removed.length + diff.changed.length === 0 &&
  diff.settings.every((change) => change.field === 'effective');
