import { describe, expect, it } from 'vitest';
import { expectedUpdates, groupByMonth, monthLabel } from './changelog';

const entry = (id: string, date: string, ruleset?: string) => ({
  id,
  title: id,
  changelog: { date, document: '本站' as const, ruleset, tags: [], rules: [] },
});

describe('changelog helpers', () => {
  it('groups newest first by month, later rulesets first on the same day', () => {
    const groups = groupByMonth([
      entry('a', '2026-11-24', '2026.11.0'),
      entry('b', '2026-12-01'),
      entry('c', '2026-11-24', '2026.11.1'),
      entry('d', '2026-10-02'),
    ]);
    expect(groups.map((group) => [group.month, group.entries.map((e) => e.id)])).toEqual([
      ['2026年12月', ['b']],
      ['2026年11月', ['c', 'a']],
      ['2026年10月', ['d']],
    ]);
    expect(monthLabel('2027-01-05')).toBe('2027年1月');
  });

  it('lists the next 1sts of the month and quarter starts the article claims', () => {
    expect(expectedUpdates('2026-11-24', 3)).toEqual({
      monthly: ['2026-12-01', '2027-01-01', '2027-02-01'],
      quarterly: ['2027-01-01', '2027-04-01', '2027-07-01', '2027-10-01'],
    });
    expect(expectedUpdates('2026-12-31', 1).monthly).toEqual(['2027-01-01']);
    expect(expectedUpdates('2026-03-01', 1).quarterly[0]).toBe('2026-04-01');
  });
});
