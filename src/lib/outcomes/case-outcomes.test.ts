import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { WorkCalendar } from '../work-calendar';
import { emptyShelf } from '../case-file/case-model';
import { CASE_VERSION } from '../case-file/case-contract';
import { migrateLegacy } from '../case-file/case-migration';
import { readCase, type CaseFile, type CaseStep } from '../case-file/case-schema';
import { casesToOutcomes, legacyFacts, looksLikeCase } from './case-outcomes';
import type { OutcomeEntry } from './outcome-log';
import { summarize } from './outcome-summary';

const calendar = new WorkCalendar(holidayData);
const T0 = Date.parse('2026-11-30T02:00:00Z');
const TYPES = [
  { id: 'account-appeal', need: '账号被封禁或限流' },
  { id: 'copyright', need: '作品被搬运或盗用（我是权利人）' },
  { id: 'tech-fault', need: '直播或功能故障' },
];

function caseWith(id: string, steps: CaseStep[], extra: Partial<CaseFile> = {}): CaseFile {
  return {
    format: 'ksmail-case',
    version: CASE_VERSION,
    id,
    revision: 1,
    updatedAt: '2026-11-30T02:00:00.000Z',
    createdAt: '2026-11-30T02:00:00.000Z',
    caseType: 'account-appeal',
    title: `案卷 ${id}`,
    parties: [],
    steps,
    notes: '',
    ...extra,
  };
}
const mail = (id: string, date: string, time?: string): CaseStep => ({
  id,
  kind: 'mail',
  date,
  subject: '申诉',
  to: [],
  ...(time ? { time } : {}),
});
const reply = (id: string, date: string, result: 'resolved' | 'rejected' | 'pending'): CaseStep => ({
  id,
  kind: 'reply',
  date,
  said: '',
  result,
});
const call = (id: string, date: string): CaseStep => ({ id, kind: 'call', date });

/** The fields the figures read, without the case's own. */
const shape = (entries: OutcomeEntry[]) =>
  entries.map(({ id, sent, firstReply, resolved, matter }) => ({ id, sent, firstReply, resolved, matter }));

describe('casesToOutcomes: each mail of each case is one observation', () => {
  it.each<[string, CaseStep[], ReturnType<typeof shape>]>([
    ['no steps', [], []],
    [
      'a call and a reply, no mail: nothing to count',
      [call('c', '2026-11-02'), reply('r', '2026-11-03', 'resolved')],
      [],
    ],
    [
      'a mail without a reply: 处理中, unanswered',
      [mail('m', '2026-11-02')],
      [{ id: 'k:m', sent: '2026-11-02', firstReply: undefined, resolved: 'pending', matter: 'k' }],
    ],
    [
      'a mail and a rejected reply',
      [mail('m', '2026-11-02'), reply('r', '2026-11-05', 'rejected')],
      [{ id: 'k:m', sent: '2026-11-02', firstReply: '2026-11-05', resolved: 'no', matter: 'k' }],
    ],
    [
      'the first reply dates it, the last one decides it',
      [
        mail('m', '2026-11-02'),
        reply('r1', '2026-11-05', 'pending'),
        call('c', '2026-11-06'),
        reply('r2', '2026-11-09', 'resolved'),
      ],
      [{ id: 'k:m', sent: '2026-11-02', firstReply: '2026-11-05', resolved: 'yes', matter: 'k' }],
    ],
    [
      'a reply after the follow-up mail answers the follow-up',
      [mail('m1', '2026-11-02'), mail('m2', '2026-11-05'), reply('r', '2026-11-06', 'rejected')],
      [
        { id: 'k:m1', sent: '2026-11-02', firstReply: undefined, resolved: 'pending', matter: 'k' },
        { id: 'k:m2', sent: '2026-11-05', firstReply: '2026-11-06', resolved: 'no', matter: 'k' },
      ],
    ],
    [
      'steps in the order they happened, not the order entered',
      [reply('r', '2026-11-06', 'resolved'), mail('m', '2026-11-02')],
      [{ id: 'k:m', sent: '2026-11-02', firstReply: '2026-11-06', resolved: 'yes', matter: 'k' }],
    ],
    [
      'a reply entered without a time after a timed mail that day answers it',
      [mail('m', '2026-11-02', '09:30'), reply('r', '2026-11-02', 'resolved')],
      [{ id: 'k:m', sent: '2026-11-02', firstReply: '2026-11-02', resolved: 'yes', matter: 'k' }],
    ],
  ])('%s', (_name, steps, expected) => {
    expect(shape(casesToOutcomes([caseWith('k', steps)]))).toEqual(expected);
  });

  it('takes the type and title of the case, and the mail step’s note', () => {
    const [only] = casesToOutcomes([
      caseWith('k', [{ ...mail('m', '2026-11-02'), note: '抄送了法务' }], {
        caseType: 'copyright',
        title: '搬运',
      }),
    ]);
    expect(only).toMatchObject({
      requestType: 'copyright',
      caseId: 'k',
      caseTitle: '搬运',
      stepId: 'm',
      note: '抄送了法务',
    });
  });

  it('a mail written from a template counts under that template and revision', () => {
    const template = { id: 'copyright-complaint', revision: 2 };
    const outcomes = casesToOutcomes([
      caseWith('k', [{ ...mail('m', '2026-11-02'), template } as CaseStep, mail('n', '2026-11-09')]),
    ]);
    expect(outcomes.map((outcome) => outcome.template)).toEqual([template, undefined]);
    const groups = summarize(outcomes, calendar, 'template').groups;
    expect(groups.map((group) => [group.key, group.sent])).toEqual(
      expect.arrayContaining([['copyright-complaint@2', 1]]),
    );
  });

  it('looksLikeCase leaves out what the figures cannot read', () => {
    expect(looksLikeCase(caseWith('k', [mail('m', '2026-11-02')]))).toBe(true);
    expect(looksLikeCase(caseWith('k', [mail('m', '2026-02-31')]))).toBe(false);
    expect(
      looksLikeCase(caseWith('k', [{ ...reply('r', '2026-11-02', 'resolved'), result: 'maybe' } as never])),
    ).toBe(false);
    expect(looksLikeCase({ id: 'k' })).toBe(false);
    expect(looksLikeCase(null)).toBe(false);
  });
});

describe('the old tracker’s log, migrated into cases, gives the figures it gave before', () => {
  const OLD: OutcomeEntry[] = [
    {
      id: 'e1',
      requestType: 'account-appeal',
      template: { id: 'account-appeal', revision: 2 },
      sent: '2026-09-30',
      firstReply: '2026-10-12',
      resolved: 'yes',
      satisfaction: 4,
      matter: '封禁',
    },
    {
      id: 'e2',
      requestType: 'account-appeal',
      template: { id: 'account-appeal', revision: 2 },
      sent: '2026-09-30',
      firstReply: '2026-10-08',
      resolved: 'no',
      satisfaction: 2,
    },
    {
      id: 'e3',
      requestType: 'account-appeal',
      sent: '2026-10-09',
      resolved: 'pending',
      note: '第一行\n；备注：第二行',
    },
    // Resolved without a reply date: the result is kept in the case's notes, and read back.
    { id: 'e4', requestType: 'copyright', sent: '2026-11-20', resolved: 'yes', satisfaction: 5 },
    {
      id: 'e5',
      requestType: 'copyright',
      sent: '2026-11-20',
      firstReply: '2026-11-25',
      resolved: 'yes',
      matter: '两封',
    },
    {
      id: 'e6',
      requestType: 'copyright',
      sent: '2026-11-23',
      resolved: 'no',
      matter: '两封',
      satisfaction: 1,
    },
  ];
  const { shelf } = migrateLegacy(
    { outcomes: JSON.stringify({ version: 1, entries: OLD }), subject: null, requestType: null },
    emptyShelf(),
    T0,
    TYPES,
  );
  const mails = casesToOutcomes(shelf.cases);

  it('one observation per old entry, with its template, satisfaction and note', () => {
    expect(mails).toHaveLength(OLD.length);
    for (const caseFile of shelf.cases) expect(readCase(caseFile).ok).toBe(true);
    const strip = ({
      caseId: _c,
      caseTitle: _t,
      stepId: _s,
      id: _i,
      matter: _m,
      ...rest
    }: (typeof mails)[number]) => rest;
    const old = ({ id: _i, matter: _m, ...rest }: OutcomeEntry) => rest;
    expect(mails.map(strip)).toEqual(expect.arrayContaining(OLD.map(old)));
  });

  it.each(['requestType', 'template'] as const)('the same figures by %s', (groupBy) => {
    const before = summarize(OLD, calendar, groupBy);
    const after = summarize(mails, calendar, groupBy);
    expect(after.groups).toEqual(before.groups);
    expect(after.total).toEqual(before.total);
  });

  it('reads the lines the migration wrote', () => {
    expect(
      legacyFacts(
        '效果记录 2026-11-20 发出的邮件：结果 已解决；模板 follow-up（第 1 版）；满意度 3/5；备注：a；满意度 1/5',
      ),
    ).toEqual([
      {
        sent: '2026-11-20',
        resolved: 'yes',
        template: { id: 'follow-up', revision: 1 },
        satisfaction: 3,
        note: 'a；满意度 1/5',
      },
    ]);
    expect(
      legacyFacts(
        '别的备注\n效果记录 1999-01-01 发出的邮件：结果 处理中；日期超出案卷可记的范围（2004–2099 年），只记在备注里',
      ),
    ).toEqual([{ sent: '1999-01-01', resolved: 'pending' }]);
    expect(legacyFacts('随便写的备注')).toEqual([]);
  });
});

// ------------------------------------------------------------------ properties

const dateArb = fc
  .date({ min: new Date('2004-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const stepArb: fc.Arbitrary<CaseStep> = fc
  .oneof(
    fc.record({
      kind: fc.constant('mail' as const),
      date: dateArb,
      subject: fc.string({ maxLength: 20 }),
      to: fc.constant([] as string[]),
      time: fc.option(fc.constantFrom('00:00', '09:30', '23:59'), { nil: undefined }),
    }),
    fc.record({
      kind: fc.constant('reply' as const),
      date: dateArb,
      said: fc.string({ maxLength: 20 }),
      result: fc.constantFrom('resolved' as const, 'rejected' as const, 'pending' as const),
    }),
    fc.record({ kind: fc.constantFrom('call' as const), date: dateArb }),
    fc.record({
      kind: fc.constant('escalation' as const),
      date: dateArb,
      channel: fc.string({ maxLength: 10 }),
    }),
  )
  .map((step) => {
    const clean = Object.fromEntries(Object.entries(step).filter(([, value]) => value !== undefined));
    return clean as CaseStep;
  });
const caseArb = fc
  .record({
    caseType: fc.constantFrom('account-appeal', 'copyright', 'gone-type'),
    title: fc.string({ minLength: 1, maxLength: 100 }),
    notes: fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constant('效果记录 2026-11-20 发出的邮件：结果 已解决；模板 x（第 2 版）；满意度 4/5'),
    ),
    migrated: fc.boolean(),
    steps: fc.array(stepArb, { maxLength: 12 }),
  })
  .map(({ caseType, title, notes, migrated, steps }) =>
    caseWith(
      'x',
      steps.map((step, index) => ({ ...step, id: `s${index}` })),
      { caseType, title, notes, ...(migrated ? { migratedFrom: '效果记录' } : {}) },
    ),
  );
const shelfArb = fc
  .array(caseArb, { maxLength: 6 })
  .map((cases) => cases.map((caseFile, index) => ({ ...caseFile, id: `c${index}` })));

describe('properties', () => {
  it('any valid shelf gives figures without throwing; one observation per mail step', () => {
    fc.assert(
      fc.property(shelfArb, (cases) => {
        for (const caseFile of cases) expect(readCase(caseFile).ok).toBe(true);
        const mails = casesToOutcomes(cases);
        const mailSteps = cases.flatMap((caseFile) => caseFile.steps.filter((step) => step.kind === 'mail'));
        expect(mails).toHaveLength(mailSteps.length);
        expect(new Set(mails.map((item) => item.id)).size).toBe(mails.length);
        for (const groupBy of ['requestType', 'template'] as const) {
          const summary = summarize(mails, calendar, groupBy);
          expect(summary.total.sent).toBe(mailSteps.length);
          expect(summary.total.replied).toBeLessThanOrEqual(summary.total.sent);
          expect(summary.total.matters).toBeLessThanOrEqual(cases.length);
          expect(summary.groups.reduce((sum, group) => sum + group.sent, 0)).toBe(mailSteps.length);
        }
        for (const item of mails) if (item.firstReply) expect(item.firstReply >= item.sent).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('any text in a case’s notes reads without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (notes) => {
        const facts = legacyFacts(`效果记录 2026-11-20 发出的邮件：${notes}`);
        expect(facts).toHaveLength(facts.length);
        for (const fact of facts) expect(fact.sent).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });
});
