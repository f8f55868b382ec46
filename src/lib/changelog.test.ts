import { describe, expect, it } from 'vitest';
import { changelogMetaSchema, documentNames, groupByMonth, monthLabel, unknownDocument } from './changelog';
import fc from 'fast-check';

const entry = (id: string, date: string, ruleset?: string) => ({
  id,
  title: id,
  changelog: {
    kind: 'release' as const,
    date,
    documents: ['site'] as ['site'],
    ruleset,
    tags: [],
    rules: [],
  },
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
});

const change = {
  kind: 'change',
  date: '2023-06-26',
  effective: '2023-07-03',
  documents: ['kwaixiaodian-rules'],
  source: { url: 'https://example.org/notice', title: '转载的公告', secondHand: true },
  statement: '本次修改于2023年6月26日开始公示,于2023年7月3日生效。',
  before: null,
  after: null,
  impact: '不影响邮件写法',
};

describe('changelog frontmatter', () => {
  it.each([
    ['a change with its source and quote', change, true],
    [
      'a check',
      { kind: 'checked', date: '2026-11-30', documents: ['kuaishou-norm'], method: '副本', result: '无变化' },
      true,
    ],
    [
      'a release (documents default to the site)',
      { kind: 'release', date: '2026-11-24', ruleset: '2026.11.1' },
      true,
    ],
    ['a YAML date', { ...change, date: new Date('2023-06-26') }, true],
    ['no kind', { date: '2026-11-24', document: '本站' }, false],
    ['the old single document', { kind: 'release', date: '2026-11-24', document: '本站' }, false],
    ['a change without a source', { ...change, source: undefined }, false],
    ['a change without its quoted statement', { ...change, statement: '' }, false],
    ['a change without its impact on mail', { ...change, impact: undefined }, false],
    ['a change whose source is not a URL', { ...change, source: { ...change.source, url: '转载' } }, false],
    [
      'a check that says not how',
      { kind: 'checked', date: '2026-11-30', documents: ['kuaishou-norm'], result: '无变化' },
      false,
    ],
    [
      'a check of no document',
      { kind: 'checked', date: '2026-11-30', documents: [], method: 'x', result: 'y' },
      false,
    ],
    [
      'a release of a Kuaishou document',
      { kind: 'release', date: '2026-11-24', documents: ['kuaishou-norm'] },
      false,
    ],
    ['an impossible date format', { ...change, date: '2023/06/26' }, false],
  ])('%s', (_name, raw, ok) => {
    expect(changelogMetaSchema.safeParse(raw).success).toBe(ok);
  });

  it('names documents from the watch list and the site, and finds an unknown one', () => {
    const names = documentNames([{ id: 'kuaishou-norm', name: '快手社区管理规范' }]);
    expect(names.get('site')).toBe('本站规则与模板');
    expect(names.get('kuaishou-norm')).toBe('快手社区管理规范');
    const parsed = changelogMetaSchema.parse({ ...change, documents: ['kuaishou-norm', 'business-terms'] });
    expect(unknownDocument(parsed, names)).toBe('business-terms');
    expect(
      unknownDocument(changelogMetaSchema.parse({ kind: 'release', date: '2026-11-24' }), names),
    ).toBeUndefined();
  });
});

describe('changelog helpers: properties', () => {
  const date = fc
    .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));

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
