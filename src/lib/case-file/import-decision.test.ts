import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_FORMAT, CASE_VERSION, type CaseIdentity } from './case-contract';
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
      text: '导入的案卷比本机保存的旧：导入的是第 3 次修改，2026-11-23 10:00 保存；本机的是第 5 次修改，2026-11-24 10:00 保存（北京时间）。用它替换会丢掉本机之后的修改。要怎么做？',
      choices: [
        { id: 'keep-both', label: '两份都保留（导入的另存为一个新案卷）' },
        { id: 'replace', label: '用导入的替换本机的' },
        { id: 'cancel', label: '取消导入' },
      ],
    });
  });

  it('asks about a copy edited apart', () => {
    expect(importQuestion(saved(3, MON), saved(3, TUE))?.text).toMatch(
      /^导入的案卷和本机保存的是同一个案卷，但两边各自有过修改：.*直接替换会丢掉其中一边的修改。要怎么做？$/,
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
    expect(resolveImport(here, older, 'keep-both', NOW, 'c-new')).toEqual({
      ...older,
      id: 'c-new',
      title: '导入的（导入的副本）',
    });
  });
  it('replace: the import becomes the newest edit, so a merge keeps it', () => {
    const replaced = resolveImport(here, older, 'replace', NOW, 'unused');
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
          const replaced = resolveImport(existing, imported, 'replace', now.getTime(), 'n');
          expect(decideImport(existing, replaced)).toBe('newer');
        },
      ),
    );
  });
});
