import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCase } from './case-schema';
import { addStep, emptyShelf, newCase, shelveCase } from './case-model';
import { caseChoices, recordSentMail, sentMailStep } from './sent-mail';

const T0 = Date.parse('2026-11-30T10:00:00+08:00');
const HASH_A = 'a'.repeat(64);
const HASH_B = '0123456789abcdef'.repeat(4);
const TOKENS = { create: 'create00000001', edit: 'edit0000000001' };
const mail = { subject: '【侵权通知】作品被搬运', to: ['a@example.com'], cc: [] as string[] };

const shelfOf = (...cases: { id: string; at: number }[]) =>
  cases.reduce(
    (shelf, { id, at }) =>
      shelveCase(
        shelf,
        newCase({
          id,
          caseType: 'copyright',
          title: `案卷 ${id}`,
          now: at,
          token: `t${id.replace(/[^0-9a-z]/g, '')}`.padEnd(14, '0'),
        }),
      ),
    emptyShelf(),
  );

describe('sentMailStep: the mail as a case step', () => {
  it.each([
    {
      name: 'Beijing date and time of the instant, both hashes',
      now: Date.parse('2026-11-30T18:05:59Z'),
      input: { ...mail, emlSha256: HASH_A, packageSha256: HASH_B },
      expected: { date: '2026-12-01', time: '02:05', emlSha256: HASH_A, packageSha256: HASH_B },
    },
    {
      name: 'no package: no packageSha256; Cc kept when given',
      now: T0,
      input: { ...mail, cc: [' b@example.com '], emlSha256: HASH_A },
      expected: { date: '2026-11-30', time: '10:00', cc: ['b@example.com'], emlSha256: HASH_A },
    },
    {
      name: 'a hash that is not one is left out',
      now: T0,
      input: { ...mail, emlSha256: 'ABC', packageSha256: HASH_A.toUpperCase() },
      expected: { date: '2026-11-30' },
    },
  ])('$name', ({ now, input, expected }) => {
    const step = sentMailStep('s-1', input, now);
    expect(step).toMatchObject({ id: 's-1', kind: 'mail', subject: mail.subject, ...expected });
    if (!('packageSha256' in expected)) expect(step).not.toHaveProperty('packageSha256');
    if (!('cc' in expected)) expect(step).not.toHaveProperty('cc');
  });

  it.each([
    {
      name: 'a template used: kept with its revision',
      template: { id: 'account-appeal', revision: 3 },
      kept: true,
    },
    { name: 'no template (cleared draft)', template: null, kept: false },
    { name: 'an id the gallery cannot have', template: { id: '../x', revision: 1 }, kept: false },
    {
      name: 'a revision that is not one',
      template: { id: 'copyright-complaint', revision: 0.5 },
      kept: false,
    },
  ])('the template the draft was started from: $name', ({ template, kept }) => {
    const step = sentMailStep('s-1', { ...mail, template }, T0);
    if (kept) expect(step.template).toEqual(template);
    else expect(step).not.toHaveProperty('template');
    // What the composer writes, the case file reads back (case-schema.ts), in a saved case.
    const caseFile = addStep(
      newCase({ id: 'c-1', caseType: 'copyright', title: 't', now: T0, token: 'create00000001' }),
      step,
      T0,
      'edit0000000001',
    );
    const read = readCase(JSON.parse(JSON.stringify(caseFile)));
    expect(read.ok && read.case.steps[0]).toEqual(step);
  });

  it('keeps the schema limits: subject, each address, at most 20 recipients', () => {
    const step = sentMailStep(
      's-1',
      {
        subject: '𠀀'.repeat(300),
        to: [...Array.from({ length: 25 }, (_, index) => `u${index}@example.com`), `${'x'.repeat(330)}@a.cn`],
        cc: ['', '  '],
      },
      T0,
    );
    expect(step.subject.length).toBeLessThanOrEqual(500);
    expect(step.subject).toBe('𠀀'.repeat(250));
    expect(step.to).toHaveLength(20);
    expect(step).not.toHaveProperty('cc');
  });
});

describe('caseChoices: the saved cases, last saved first', () => {
  it('orders by the last save and leaves out what is not a case', () => {
    const shelf = shelfOf({ id: 'c-old', at: T0 }, { id: 'c-new', at: T0 + 60_000 });
    const edited = addStep(
      shelf.cases[0]!,
      sentMailStep('s-1', mail, T0 + 120_000),
      T0 + 120_000,
      'edit0000000001',
    );
    const withBroken = {
      ...shelveCase(shelf, edited),
      cases: [...shelveCase(shelf, edited).cases, { id: 3 }],
    };
    expect(caseChoices(withBroken as typeof shelf).map((choice) => [choice.id, choice.steps])).toEqual([
      ['c-old', 1],
      ['c-new', 0],
    ]);
  });
});

describe('recordSentMail: the step into a saved case or a new one', () => {
  it('adds the step to the chosen case as a new revision', () => {
    const shelf = shelfOf({ id: 'c-1', at: T0 });
    const step = sentMailStep('s-1', { ...mail, emlSha256: HASH_A }, T0 + 1000);
    const result = recordSentMail(shelf, { caseId: 'c-1' }, step, T0 + 1000, TOKENS);
    expect(result).toMatchObject({ ok: true, created: false, caseFile: { revision: 2, steps: [step] } });
    if (result.ok) expect(result.shelf.cases).toEqual([result.caseFile]);
  });

  it.each([
    { name: 'a case gone meanwhile', target: { caseId: 'c-gone' }, message: '找不到这个案卷' },
    {
      name: 'a new case without a request type',
      target: { newCase: { id: 'c-2', requestType: '' } },
      message: '选择诉求',
    },
  ])('refuses $name, in Chinese', ({ target, message }) => {
    const result = recordSentMail(
      shelfOf({ id: 'c-1', at: T0 }),
      target,
      sentMailStep('s-1', mail, T0),
      T0,
      TOKENS,
    );
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining(message) });
  });

  it('makes a new case of the request type, titled after the subject (or the date)', () => {
    const made = recordSentMail(
      emptyShelf(),
      { newCase: { id: 'c-2', requestType: 'copyright' } },
      sentMailStep('s-1', mail, T0),
      T0,
      TOKENS,
    );
    expect(made).toMatchObject({
      ok: true,
      created: true,
      caseFile: { caseType: 'copyright', title: mail.subject },
    });
    const untitled = recordSentMail(
      emptyShelf(),
      { newCase: { id: 'c-3', requestType: 'copyright' } },
      sentMailStep('s-1', { ...mail, subject: '   ' }, T0),
      T0,
      TOKENS,
    );
    expect(untitled).toMatchObject({ ok: true, caseFile: { title: '2026-11-30 发出的邮件' } });
  });

  it('whatever the mail, the case it writes passes the case file’s schema', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 700, unit: 'grapheme' }),
        fc.array(fc.string({ maxLength: 400 }), { maxLength: 30 }),
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }),
        fc.option(fc.stringMatching(/^[0-9a-f]{64}$/), { nil: undefined }),
        fc.integer({ min: Date.parse('2005-01-01'), max: Date.parse('2099-06-01') }),
        fc.boolean(),
        (subject, to, cc, hash, now, fresh) => {
          const step = sentMailStep('s-1', { subject, to, cc, emlSha256: hash, packageSha256: hash }, now);
          const target = fresh ? { newCase: { id: 'c-2', requestType: 'copyright' } } : { caseId: 'c-1' };
          const result = recordSentMail(shelfOf({ id: 'c-1', at: now }), target, step, now, TOKENS);
          expect(result.ok).toBe(true);
          if (result.ok) expect(readCase(result.caseFile)).toMatchObject({ ok: true });
        },
      ),
      { numRuns: 200 },
    );
  });
});
