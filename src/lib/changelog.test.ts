import { describe, expect, it } from 'vitest';
import { expectedUpdates, groupByMonth, monthLabel } from './changelog';
import fc from 'fast-check';

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

describe('changelog helpers: properties', () => {
  const date = fc
    .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));

  it('the expected updates are firsts of months after today, in order, six and four of them', () => {
    fc.assert(
      fc.property(date, (today) => {
        const { monthly, quarterly } = expectedUpdates(today);
        expect(monthly).toHaveLength(6);
        expect(quarterly).toHaveLength(4);
        for (const list of [monthly, quarterly]) {
          expect([...list].sort()).toEqual(list);
          for (const first of list) {
            expect(first > today).toBe(true);
            expect(first.endsWith('-01')).toBe(true);
          }
        }
        expect(expectedUpdates(today)).toEqual({ monthly, quarterly });
      }),
    );
  });

  it('grouping keeps every entry once, newest month first, deterministically', () => {
    fc.assert(
      fc.property(fc.array(date, { maxLength: 30 }), (dates) => {
        const entries = dates.map((day, index) => entry(`e${index}`, day));
        const groups = groupByMonth(entries);
        expect(
          groups
            .flatMap((group) => group.entries)
            .map((item) => item.id)
            .sort(),
        ).toEqual(entries.map((item) => item.id).sort());
        const months = groups.map((group) => group.entries[0]!.changelog.date.slice(0, 7));
        expect([...months].sort().reverse()).toEqual(months);
        for (const group of groups) expect(group.month).toBe(monthLabel(group.entries[0]!.changelog.date));
        expect(groupByMonth(entries)).toEqual(groups);
      }),
    );
  });
});
