import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCase, type CaseFile, type CaseStep } from './case-schema';
import { addStep, emptyShelf, newCase } from './case-model';
import { migrateLegacy } from './case-migration';
import { mailCases, recordPlannedMail } from './planner-case';

const T0 = Date.parse('2026-11-30T10:00:00+08:00');
const TYPES = [
  { id: 'account-appeal', need: '账号被封禁或限流' },
  { id: 'basic-inquiry', need: '功能使用咨询' },
];

const mail = (id: string, date: string, time?: string): CaseStep => ({
  id,
  kind: 'mail',
  date,
  ...(time ? { time } : {}),
  subject: '主题',
  to: [],
});
const caseWith = (id: string, title: string, steps: CaseStep[]): CaseFile =>
  steps.reduce(
    (value, step, index) => addStep(value, step, T0, `edit${index}000000`),
    newCase({ id, caseType: 'account-appeal', title, now: T0, token: 'create00000000' }),
  );

const sent = (overrides: Partial<Parameters<typeof recordPlannedMail>[1]> = {}) => ({
  caseId: 'c-new',
  stepId: 's-new',
  tokens: { create: 'create00000001', edit: 'edit0000000001' },
  caseType: 'account-appeal',
  need: '账号被封禁或限流',
  subject: '【账号申诉-快手号:ks1】请求复核',
  sent: Date.parse('2026-12-28T10:05:00+08:00'),
  now: T0,
  ...overrides,
});

describe('mailCases: the cases the planner can plan for', () => {
  it.each([
    { name: 'no cases', cases: [], ids: [] },
    { name: 'a case without a mail is left out', cases: [caseWith('a', '甲', [])], ids: [] },
    {
      name: 'the case with the most recent mail first, whatever order they were entered in',
      cases: [
        caseWith('a', '甲', [mail('m1', '2026-11-02', '09:00')]),
        caseWith('b', '乙', [mail('m1', '2026-11-20'), mail('m2', '2026-11-03')]),
        caseWith('c', '丙', [mail('m1', '2026-11-02', '18:00')]),
      ],
      ids: ['b', 'c', 'a'],
    },
  ])('$name', ({ cases, ids }) => {
    expect(mailCases(cases).map((option) => option.id)).toEqual(ids);
  });

  it('names each case with the date (and time) of its last mail', () => {
    const [option] = mailCases([caseWith('a', '封号申诉', [mail('m1', '2026-11-02', '09:00')])]);
    expect(option!.label).toBe('封号申诉（最后一封邮件 2026-11-02 09:00）');
  });
});

describe('recordPlannedMail: 记入案卷并生成计划', () => {
  it.each([
    {
      name: 'a new case named after the subject, with the mail at its Beijing minute',
      input: sent(),
      title: '【账号申诉-快手号:ks1】请求复核',
      step: { date: '2026-12-28', time: '10:05' },
    },
    {
      name: 'without a subject: the case type and the date name it',
      input: sent({ subject: '   ' }),
      title: '账号被封禁或限流（2026-12-28 发出）',
      step: { date: '2026-12-28', time: '10:05' },
    },
    {
      name: 'a time given in another zone is saved in Beijing time (next day)',
      input: sent({ sent: Date.parse('2026-12-28T20:30:00Z') }),
      title: '【账号申诉-快手号:ks1】请求复核',
      step: { date: '2026-12-29', time: '04:30' },
    },
  ])('$name', ({ input, title, step }) => {
    const made = recordPlannedMail([], input);
    expect(made.id).toBe('c-new');
    expect(made.title).toBe(title);
    expect(made.caseType).toBe('account-appeal');
    expect(made.steps).toEqual([
      expect.objectContaining({ id: 's-new', kind: 'mail', subject: input.subject.trim(), to: [], ...step }),
    ]);
    expect(readCase(made).ok).toBe(true);
  });

  it('the case migrated from the old planner’s subject takes the mail instead of a second case', () => {
    const { shelf } = migrateLegacy(
      { outcomes: null, subject: '【账号申诉-快手号:ks1】请求复核', requestType: 'account-appeal' },
      emptyShelf(),
      T0,
      TYPES,
    );
    const migrated = shelf.cases[0]!;
    const made = recordPlannedMail(shelf.cases, sent());
    expect(made.id).toBe(migrated.id);
    expect(made.revision).toBe(migrated.revision + 1);
    expect(made.steps).toHaveLength(1);
    // Another type, another subject or a case that already has a step: a new case.
    expect(recordPlannedMail(shelf.cases, sent({ caseType: 'basic-inquiry' })).id).toBe('c-new');
    expect(recordPlannedMail(shelf.cases, sent({ subject: '另一封' })).id).toBe('c-new');
    expect(recordPlannedMail([made], sent({ stepId: 's-2' })).id).toBe('c-new');
  });

  it('any subject and any instant of 2004–2099 makes a case the schema accepts', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 600 }),
        fc.integer({
          min: Date.parse('2004-01-01T00:00:00+08:00'),
          max: Date.parse('2099-12-31T23:59:00+08:00'),
        }),
        (subject, instant) => {
          const made = recordPlannedMail([], sent({ subject, sent: instant }));
          const reading = readCase(made);
          expect(reading.ok, reading.ok ? '' : reading.message).toBe(true);
        },
      ),
    );
  });
});
