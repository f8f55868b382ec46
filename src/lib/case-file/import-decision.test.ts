import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_FORMAT, CASE_VERSION, type CaseIdentity } from './case-contract';
import { LINEAGE_LENGTH } from './case-lineage';
import {
  decideImport,
  IMPORT_CHOICES,
  importQuestion,
  resolveImport,
  type ImportDecision,
} from './import-decision';

const saved = (revision: number, updatedAt: string, id = 'c-1'): CaseIdentity => ({
  format: CASE_FORMAT,
  version: CASE_VERSION,
  id,
  revision,
  updatedAt,
});
const MON = '2026-11-23T02:00:00.000Z';
const TUE = '2026-11-24T02:00:00.000Z';
/** A copy with an edit history (case-lineage.ts). */
const traced = (lineage: string[], revision = lineage.length, updatedAt = MON): CaseIdentity => ({
  ...saved(revision, updatedAt),
  lineage,
});
const MIRROR: Record<ImportDecision, ImportDecision> = {
  add: 'add',
  same: 'same',
  newer: 'older',
  older: 'newer',
  diverged: 'diverged',
};

describe('decideImport', () => {
  it.each<[string, CaseIdentity | undefined, CaseIdentity, ImportDecision]>([
    ['nothing saved here', undefined, saved(3, MON), 'add'],
    ['another case saved here', saved(9, TUE, 'c-2'), saved(3, MON), 'add'],
    ['the very same copy', saved(3, MON), saved(3, MON), 'same'],
    ['the same instant written another way', saved(3, MON), saved(3, '2026-11-23T10:00:00+08:00'), 'same'],
    ['more edits, saved later', saved(3, MON), saved(5, TUE), 'newer'],
    ['more edits, saved at the same instant (clock not moved)', saved(3, MON), saved(4, MON), 'newer'],
    ['fewer edits, saved earlier', saved(5, TUE), saved(3, MON), 'older'],
    ['fewer edits, same instant', saved(5, MON), saved(3, MON), 'older'],
    ['the same revision saved at another moment: edited apart', saved(3, MON), saved(3, TUE), 'diverged'],
    [
      'more edits but saved before the copy here: edited on both sides',
      saved(3, TUE),
      saved(5, MON),
      'diverged',
    ],
    [
      'fewer edits but saved after the copy here: edited on both sides',
      saved(5, MON),
      saved(3, TUE),
      'diverged',
    ],
    ['unreadable times: the revision decides', saved(3, 'x'), saved(5, 'y'), 'newer'],
    ['unreadable times, fewer edits', saved(5, 'x'), saved(3, 'y'), 'older'],
    // By lineage: ancestry decides, not the revision counts or the clocks.
    ['lineage: the same last edit', traced(['a', 'b']), traced(['a', 'b']), 'same'],
    [
      'lineage: the same last edit, other clocks',
      traced(['a', 'b'], 2, MON),
      traced(['a', 'b'], 9, TUE),
      'same',
    ],
    ['lineage: the import goes on from the copy here', traced(['a', 'b']), traced(['a', 'b', 'c']), 'newer'],
    [
      'lineage: the import goes on from here, though fewer revisions and saved earlier',
      traced(['a', 'b'], 9, TUE),
      traced(['a', 'b', 'c'], 3, MON),
      'newer',
    ],
    ['lineage: the copy here goes on from the import', traced(['a', 'b', 'c']), traced(['a', 'b']), 'older'],
    [
      'lineage: here goes on from the import, though the import has more revisions, saved later',
      traced(['a', 'b', 'c'], 3, MON),
      traced(['a', 'b'], 9, TUE),
      'older',
    ],
    [
      'lineage: edited apart from a shared edit',
      traced(['a', 'b', 'x']),
      traced(['a', 'b', 'y', 'z']),
      'diverged',
    ],
    [
      'lineage: edited apart, though the import looks newer by revision and time',
      traced(['a', 'x'], 2, MON),
      traced(['a', 'y', 'z'], 9, TUE),
      'diverged',
    ],
    [
      'lineage: nothing shared (too far apart to tell): ask',
      traced(['a', 'b']),
      traced(['c', 'd'], 99, TUE),
      'diverged',
    ],
    [
      'lineage only in the import: the old rule',
      saved(3, MON),
      traced(['a', 'b', 'c', 'd'], 4, TUE),
      'newer',
    ],
    ['lineage only here: the old rule', traced(['a', 'b'], 5, TUE), saved(3, MON), 'older'],
    ['lineage only here, edited apart by the old rule', traced(['a'], 3, TUE), saved(5, MON), 'diverged'],
  ])('%s → %s', (_, existing, imported, decision) => {
    expect(decideImport(existing, imported)).toBe(decision);
  });

  it('an older copy never replaces newer edits without a question (any identities)', () => {
    const identity = fc.record({
      format: fc.constant(CASE_FORMAT),
      version: fc.constant(CASE_VERSION),
      id: fc.constantFrom('a', 'b'),
      revision: fc.nat({ max: 6 }),
      updatedAt: fc
        .integer({ min: Date.parse('2026-01-01'), max: Date.parse('2026-01-03') })
        .map((ms) => new Date(ms).toISOString()),
    });
    fc.assert(
      fc.property(identity, identity, (existing, imported) => {
        const decision = decideImport(existing, imported);
        const question = importQuestion(existing, imported);
        const loses =
          existing.id === imported.id &&
          (imported.revision < existing.revision ||
            Date.parse(imported.updatedAt) < Date.parse(existing.updatedAt));
        if (loses) {
          expect(['older', 'diverged']).toContain(decision);
          expect(question?.choices).toEqual(IMPORT_CHOICES);
        }
        if (decision === 'add' || decision === 'same' || decision === 'newer') expect(question).toBeNull();
      }),
    );
  });
});

describe('importQuestion', () => {
  it('asks about an older copy, naming both revisions and times in Beijing time', () => {
    expect(importQuestion(saved(5, TUE), saved(3, MON))).toEqual({
      text: '导入的案卷比本机保存的旧（本机的是在它之后接着修改的）：导入的是第 3 次修改，2026-11-23 10:00 保存；本机的是第 5 次修改，2026-11-24 10:00 保存（北京时间）。用它替换会丢掉本机之后的修改。要怎么做？',
      choices: [
        { id: 'keep-both', label: '两份都保留（导入的另存为一个新案卷）' },
        { id: 'replace', label: '用导入的替换本机的' },
        { id: 'cancel', label: '取消导入' },
      ],
    });
  });

  it('asks about a copy edited apart', () => {
    expect(importQuestion(saved(3, MON), saved(3, TUE))?.text).toMatch(
      /^导入的案卷和本机保存的是同一个案卷，但两边各自有过修改（从同一份分开后分别修改）：.*直接替换会丢掉其中一边的修改。要怎么做？$/,
    );
  });

  it.each([
    [undefined, saved(1, MON)],
    [saved(1, MON), saved(1, MON)],
    [saved(1, MON), saved(2, TUE)],
  ])('asks nothing when nothing is lost', (existing, imported) => {
    expect(importQuestion(existing, imported)).toBeNull();
  });
});

describe('resolveImport: what is saved after the answer', () => {
  const here = { ...saved(5, TUE), title: '本机的' };
  const older = { ...saved(3, MON), title: '导入的' };
  const NOW = Date.parse('2026-11-30T02:00:00.000Z');
  it('keep-both: the import under a new id, its title marked, the copy here untouched', () => {
    expect(resolveImport(here, older, 'keep-both', NOW, 'c-new', 'tok1')).toEqual({
      ...older,
      id: 'c-new',
      title: '导入的（导入的副本）',
    });
  });
  it('replace: the import becomes the newest edit, so a merge keeps it', () => {
    const replaced = resolveImport(here, older, 'replace', NOW, 'unused', 'tok1');
    expect(replaced).toMatchObject({
      id: 'c-1',
      title: '导入的',
      revision: 6,
      updatedAt: '2026-11-30T02:00:00.000Z',
    });
    expect(decideImport(here, replaced)).toBe('newer');
  });
  it('property: a replacement is always newer than both copies, whatever the times', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.date({ min: new Date('2004-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }),
        fc.date({ min: new Date('2004-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }),
        fc.date({ min: new Date('2004-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }),
        (a, b, x, y, now) => {
          const existing = { ...saved(a, x.toISOString()), title: 'x' };
          const imported = { ...saved(b, y.toISOString()), title: 'y' };
          const replaced = resolveImport(existing, imported, 'replace', now.getTime(), 'n', 'tok1');
          expect(decideImport(existing, replaced)).toBe('newer');
        },
      ),
    );
  });
});

describe('decideImport by lineage: ancestry, not revisions or clocks', () => {
  /** `count` fresh tokens after `prefix` (tokens are unique, as random ones are). */
  const tokens = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, index) => `${prefix}${index}`);
  const clock = fc
    .integer({ min: Date.parse('2026-01-01'), max: Date.parse('2027-01-01') })
    .map((ms) => new Date(ms).toISOString());
  const copy = (lineage: string[], revision: number, updatedAt: string): CaseIdentity => ({
    ...saved(revision, updatedAt),
    lineage: lineage.slice(-LINEAGE_LENGTH),
  });
  const history = fc.integer({ min: 1, max: 80 }).map((length) => tokens('base', length));
  const edits = fc.integer({ min: 1, max: LINEAGE_LENGTH - 1 });
  const revision = fc.integer({ min: 1, max: 500 });

  it('a copy edited k times after the export is newer; the export against it is older', () => {
    fc.assert(
      fc.property(history, edits, revision, revision, clock, clock, (base, k, r1, r2, t1, t2) => {
        const exported = copy(base, r1, t1);
        const editedOn = copy([...base, ...tokens('k', k)], r2, t2);
        expect(decideImport(exported, editedOn)).toBe('newer');
        expect(decideImport(editedOn, exported)).toBe('older');
        expect(importQuestion(exported, editedOn)).toBeNull();
      }),
    );
  });

  it('two copies edited apart are diverged, whatever their revisions and clocks', () => {
    fc.assert(
      fc.property(history, edits, edits, revision, revision, clock, clock, (base, i, j, r1, r2, t1, t2) => {
        const here = copy([...base, ...tokens('x', i)], r1, t1);
        const there = copy([...base, ...tokens('y', j)], r2, t2);
        expect(decideImport(here, there)).toBe('diverged');
        expect(importQuestion(here, there)?.choices[0]?.id).toBe('keep-both');
      }),
    );
  });

  it('decideImport(a, b) and decideImport(b, a) are mirror images (any identities)', () => {
    const token = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const identity = fc.record(
      {
        format: fc.constant(CASE_FORMAT),
        version: fc.constant(CASE_VERSION),
        id: fc.constantFrom('c-1', 'c-2'),
        revision: fc.nat({ max: 6 }),
        updatedAt: fc.oneof(clock, fc.constant('x')),
        lineage: fc.array(token, { maxLength: 5 }),
      },
      { requiredKeys: ['format', 'version', 'id', 'revision', 'updatedAt'] },
    );
    fc.assert(
      fc.property(identity, identity, (a, b) => {
        expect(decideImport(a, b)).toBe(MIRROR[decideImport(b, a)]);
      }),
    );
  });

  it('replace: the saved copy is newer than both copies, so no merge puts either back', () => {
    fc.assert(
      fc.property(history, edits, edits, revision, revision, clock, clock, (base, i, j, r1, r2, t1, t2) => {
        const here = { ...copy([...base, ...tokens('x', i)], r1, t1), title: '本机的' };
        const there = { ...copy([...base, ...tokens('y', j)], r2, t2), title: '导入的' };
        const replaced = resolveImport(here, there, 'replace', Date.parse(t1), 'n', 'joined');
        expect(replaced.lineage).toHaveLength(
          Math.min(LINEAGE_LENGTH, new Set([...here.lineage!, ...there.lineage!]).size + 1),
        );
        expect(decideImport(here, replaced)).toBe('newer');
        expect(decideImport(there, replaced)).toBe('newer');
      }),
    );
  });

  it('replace of a file from before lineages: newer than the copy here', () => {
    const here = { ...traced(['a', 'b'], 5, TUE), title: '本机的' };
    const before = { ...saved(3, MON), title: '旧文件' };
    const replaced = resolveImport(here, before, 'replace', Date.parse(TUE), 'n', 'c');
    expect(replaced.lineage).toEqual(['a', 'b', 'c']);
    expect(decideImport(here, replaced)).toBe('newer');
  });
});
