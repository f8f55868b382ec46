import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASE_VERSION } from './case-contract';
import { readCase, readCaseText, type CaseFile, type CaseStep } from './case-schema';
import {
  addStep,
  caseJsonText,
  caseTimeline,
  deleteCase,
  editStep,
  emptyShelf,
  looksLikeShelf,
  mergeShelves,
  newCase,
  orderedSteps,
  removeStep,
  shelveCase,
} from './case-model';
import { escalationLadder, ladderRoute } from './case-ladder';
import { nextDueStep } from './case-next';
import { migrateLegacy } from './case-migration';
import { timelineInCase } from './dossier-format';
import { loadPlanContext } from '../node/planner-context';
import { loadGuideData } from '../node/load-guide-data';
import { resolveRoute } from '../routing';

const context = loadPlanContext();
const guide = loadGuideData();
const route = (id: string) => ladderRoute(resolveRoute(id, guide, '2026-11-30'));
let tokens = 0;
/** A fresh edit token per saved edit, as the island makes one. */
const tok = () => `t${(tokens += 1).toString().padStart(5, '0')}`;
const T0 = Date.parse('2026-11-30T10:00:00+08:00');
const at = (iso: string) => Date.parse(`${iso}+08:00`);

const mail = (id: string, date: string, time = '10:00'): Extract<CaseStep, { kind: 'mail' }> => ({
  id,
  kind: 'mail',
  date,
  time,
  subject: '【账号申诉-快手号:ks1】请求复核',
  to: ['a@example.com'],
});
const reply = (
  id: string,
  date: string,
  result: 'resolved' | 'rejected' | 'pending',
): Extract<CaseStep, { kind: 'reply' }> => ({
  id,
  kind: 'reply',
  date,
  said: '维持原判',
  result,
});
const caseWith = (caseType: string, steps: CaseStep[]): CaseFile => {
  let value = newCase({ id: 'c1', caseType, title: '测试案卷', now: T0, token: tok() });
  for (const step of steps) value = addStep(value, step, T0, tok());
  return value;
};

describe('the case model: each save is a new revision', () => {
  it('add, edit and remove a step; revision and updatedAt follow', () => {
    const opened = newCase({
      id: 'c1',
      caseType: 'account-appeal',
      title: ' 11 月封号 ',
      now: T0,
      token: tok(),
    });
    expect(opened).toMatchObject({ revision: 1, title: '11 月封号', steps: [] });
    const added = addStep(opened, mail('s1', '2026-11-30'), T0 + 1000, tok());
    expect(added.revision).toBe(2);
    expect(added.updatedAt).toBe(new Date(T0 + 1000).toISOString());
    const edited = editStep(added, { ...mail('s1', '2026-11-30'), subject: '新主题' }, T0 + 2000, tok());
    expect(edited).toMatchObject({ revision: 3, steps: [{ subject: '新主题' }] });
    const removed = removeStep(edited, 's1', T0 + 3000, tok());
    expect(removed).toMatchObject({ revision: 4, steps: [] });
    expect(() => removeStep(removed, 's1', T0, tok())).toThrow('找不到这个步骤');
    expect(() => addStep(added, mail('s1', '2026-12-01'), T0, tok())).toThrow('已存在');
    expect(() => newCase({ id: 'x', caseType: 'copyright', title: '  ', now: T0, token: tok() })).toThrow(
      '请给案卷起个名字',
    );
    // A clock set back never makes a later save look older.
    expect(addStep(added, mail('s2', '2026-12-01'), T0 - 60_000, tok()).updatedAt).toBe(added.updatedAt);
  });

  it('a step without a time comes after the steps entered before it that day', () => {
    const value = caseWith('copyright', [
      mail('m1', '2026-11-30', '09:30'),
      reply('r1', '2026-11-30', 'rejected'),
      mail('m0', '2026-11-30', '08:00'),
      { ...reply('r0', '2026-11-29', 'pending') },
    ]);
    expect(orderedSteps(value).map((step) => step.id)).toEqual(['r0', 'm0', 'm1', 'r1']);
  });

  it('the timeline is in date order with the contract fields, hashes as dossier files', () => {
    const hash = 'a'.repeat(64);
    const value = caseWith('account-appeal', [
      reply('r1', '2026-12-03', 'rejected'),
      { ...mail('m1', '2026-11-30'), emlSha256: hash },
      { id: 'a1', kind: 'appeal', date: '2026-11-29', reference: 'SS-1', screenshot: '申诉.png' },
    ]);
    expect(caseTimeline(value)).toEqual([
      {
        date: '2026-11-29',
        kind: '站内申诉',
        title: '在 App 内提交申诉',
        detail: '编号或提交时间：SS-1\n截图：申诉.png',
      },
      {
        date: '2026-11-30',
        time: '10:00',
        kind: '邮件',
        title: '发送邮件「【账号申诉-快手号:ks1】请求复核」',
        detail: '收件人：a@example.com',
        files: [{ path: 'mails/m1.eml', sha256: hash }],
      },
      {
        date: '2026-12-03',
        kind: '收到回复',
        title: '收到回复（被拒绝或未解决）',
        detail: '回复内容：维持原判',
      },
    ]);
  });
});

describe('readCase: any parsed JSON, answered in Chinese', () => {
  const good = caseWith('copyright', [mail('m1', '2026-11-30'), reply('r1', '2026-12-01', 'pending')]);
  it.each([
    ['a valid case', good, null],
    [
      'a newer format version, refused before anything is read',
      { ...good, version: CASE_VERSION + 1, steps: 'x' },
      `格式版本 ${CASE_VERSION + 1}`,
    ],
    ['an edit token that is not one', { ...good, lineage: ['t0001', 'no spaces'] }, '修改记录 · 第 2 条'],
    [
      'more edit tokens than a case keeps',
      { ...good, lineage: Array.from({ length: 65 }, (_, i) => `t${i}aaa`) },
      '修改记录',
    ],
    ['not a case', { hello: 1 }, '不是本站的案卷'],
    ['an impossible date', { ...good, steps: [mail('m1', '2026-02-30')] }, '步骤 · 第 1 条 · 日期'],
    ['a wrong hash', { ...good, steps: [{ ...mail('m1', '2026-11-30'), emlSha256: 'xyz' }] }, 'SHA-256'],
    ['an unknown step kind', { ...good, steps: [{ id: 's', kind: 'fax', date: '2026-11-30' }] }, '步骤'],
    ['a field of the wrong type', { ...good, title: 5 }, '案卷名称'],
    ['an empty title', { ...good, title: '' }, '请给案卷起个名字'],
  ])('%s', (_name, value, message) => {
    const reading = readCase(value);
    if (message === null) expect(reading).toEqual({ ok: true, case: good });
    else expect(reading.ok === false && reading.message).toContain(message);
  });

  it('a version-1 case (before lineages) still reads, as the current version without lineage', () => {
    const { lineage: _lineage, ...before } = { ...good, version: 1 };
    const reading = readCase(before);
    expect(reading).toEqual({ ok: true, case: { ...before, version: CASE_VERSION } });
  });

  it('a version-2 case (lineage, no templates on mails) reads as the current version; a template needs version 3', () => {
    expect(CASE_VERSION).toBe(3);
    const before = { ...good, version: 2 };
    expect(readCase(before)).toEqual({ ok: true, case: { ...before, version: CASE_VERSION } });
    const withTemplate = {
      ...good,
      steps: [
        {
          id: 's-1',
          kind: 'mail',
          date: '2026-11-30',
          subject: '申诉',
          to: [],
          template: { id: 'account-appeal', revision: 2 },
        },
      ],
    };
    expect(readCase(withTemplate).ok).toBe(true);
    const wrong = {
      ...withTemplate,
      steps: [{ ...withTemplate.steps[0], template: { id: 'A B', revision: 2 } }],
    };
    expect(readCase(wrong)).toMatchObject({ ok: false, message: expect.stringContaining('所用模板') });
  });

  it('the timeline names a mail’s template by the name given, else by its id', () => {
    const step = {
      id: 's-1',
      kind: 'mail' as const,
      date: '2026-11-30',
      subject: '申诉',
      to: [],
      template: { id: 'account-appeal', revision: 2 },
    };
    const withMail = { ...good, steps: [step] };
    expect(caseTimeline(withMail)[0]!.detail).toBe('所用模板：account-appeal（第 2 版）');
    const named = caseTimeline(withMail, { template: (id) => (id === 'account-appeal' ? '账号申诉' : id) });
    expect(named[0]!.detail).toBe('所用模板：账号申诉（第 2 版）');
  });

  it('text: not JSON, too large, nested 100,000 deep — a message, no throw', () => {
    expect(readCaseText('{')).toMatchObject({
      ok: false,
      message: expect.stringContaining('不是有效的 JSON'),
    });
    expect(readCaseText(' '.repeat(2_000_001))).toMatchObject({
      ok: false,
      message: expect.stringContaining('过大'),
    });
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(readCaseText(deep)).toMatchObject({ ok: false, message: expect.stringContaining('嵌套过深') });
    expect(readCaseText(`\uFEFF${JSON.stringify(good)}`).ok).toBe(true);
  });

  it('property: any JSON value is read or refused with a Chinese message, never thrown', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reading = readCase(value);
        return reading.ok || /[\u4e00-\u9fff]/.test(reading.message);
      }),
    );
  });

  it('property: a case survives JSON.stringify → readCaseText unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 100 }).filter((text) => text.trim() !== ''),
        fc.string({ maxLength: 200 }),
        (title, said) => {
          const value = {
            ...caseWith('copyright', [reply('r1', '2026-12-01', 'pending')]),
            title: title.trim(),
          };
          value.steps = [{ ...reply('r1', '2026-12-01', 'pending'), said }];
          expect(readCaseText(JSON.stringify(value))).toEqual({ ok: true, case: value });
        },
      ),
    );
  });
});

describe('caseJsonText: the one case.json of the island and of ksmail dossier', () => {
  const withSteps = (): CaseFile => ({
    ...caseWith('copyright', [
      { ...mail('m1', '2026-11-30'), emlSha256: 'ab'.repeat(32) },
      reply('r1', '2026-12-01', 'pending'),
    ]),
  });
  it('carries the title and the timeline ksmail dossier reads, and reads back as the same case', () => {
    const caseFile = withSteps();
    const text = caseJsonText(caseFile);
    const value = JSON.parse(text) as Record<string, unknown>;
    expect(value['title']).toBe(caseFile.title);
    expect(timelineInCase(value)).toEqual(caseTimeline(caseFile));
    expect(timelineInCase(value)[0]!.files).toEqual([{ path: 'mails/m1.eml', sha256: 'ab'.repeat(32) }]);
    expect(readCaseText(text)).toEqual({ ok: true, case: caseFile });
    expect(caseJsonText(caseFile)).toBe(text);
  });
  it('a timeline that is not a list is not silently dropped: the case is refused', () => {
    const value = { ...withSteps(), timeline: 'x' };
    expect(readCase(value)).toMatchObject({ ok: false, message: expect.stringContaining('timeline') });
  });
  it('property: any title and reply text survive caseJsonText → readCaseText', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 100 }).filter((text) => text.trim() !== ''),
        fc.string({ maxLength: 200 }),
        (title, said) => {
          const caseFile = { ...withSteps(), title: title.trim() };
          caseFile.steps = [{ ...reply('r1', '2026-12-01', 'rejected'), said }];
          expect(readCaseText(caseJsonText(caseFile))).toEqual({ ok: true, case: caseFile });
        },
      ),
    );
  });
});

describe('several cases, two tabs: the newer edit of each case wins', () => {
  const a = newCase({ id: 'a', caseType: 'copyright', title: 'A', now: T0, token: tok() });
  const b = newCase({ id: 'b', caseType: 'takedown', title: 'B', now: T0 + 1, token: tok() });
  it('merges by revision, keeps deletions, is commutative', () => {
    const tab1 = shelveCase(shelveCase(emptyShelf(), a), b);
    const a2 = addStep(a, mail('m', '2026-11-30'), T0 + 5, tok());
    const tab2 = deleteCase(shelveCase(tab1, a2), 'b');
    const merged = mergeShelves(tab1, tab2);
    expect(merged.cases).toEqual([a2]);
    expect(merged.deleted).toEqual(['b']);
    expect(mergeShelves(tab2, tab1)).toEqual(merged);
    expect(looksLikeShelf(merged)).toBe(true);
    expect(looksLikeShelf({ ...merged, version: 2 })).toBe(false);
  });
});

describe('two tabs: never an older copy back, the same shelf in whatever order saves meet', () => {
  const base = addStep(
    newCase({ id: 'c', caseType: 'copyright', title: '搬运', now: T0, token: 'base0' }),
    mail('m1', '2026-11-30'),
    T0,
    'base1',
  );
  const shelf = (...cases: CaseFile[]) => cases.reduce(shelveCase, emptyShelf());
  const call = (id: string) => ({ id, kind: 'call', date: '2026-12-01' }) as const;

  it.each<[string, CaseFile, CaseFile, (merged: CaseFile[]) => void]>([
    [
      'a copy edited from the other wins (it has more revisions)',
      addStep(base, call('s1'), T0, 'aaaa1'),
      base,
      (merged) => expect(merged.map((c) => c.lineage?.at(-1))).toEqual(['aaaa1']),
    ],
    ['the same last edit: one copy', base, base, (merged) => expect(merged).toEqual([base])],
    [
      'edited apart at the same moment: the copy with more edits (the known limit, README)',
      addStep(base, call('s1'), T0 + 5, 'aaaa1'),
      addStep(addStep(base, call('s2'), T0 + 9, 'bbbb1'), call('s3'), T0 + 9, 'bbbb2'),
      (merged) => expect(merged.map((c) => c.lineage?.at(-1))).toEqual(['bbbb2']),
    ],
    [
      'copies without lineage (from before): the newer revision, as before',
      { ...base, lineage: undefined, revision: 3 },
      { ...base, lineage: undefined, revision: 5 },
      (merged) => expect(merged.map((c) => c.revision)).toEqual([5]),
    ],
  ])('%s', (_name, x, y, check) => {
    const merged = mergeShelves(shelf(x), shelf(y));
    check(merged.cases);
    expect(mergeShelves(shelf(y), shelf(x))).toEqual(merged);
  });

  it('property: edits from any number of tabs, merged in any order — the same shelf, nothing older kept', () => {
    const edits = fc.array(fc.tuple(fc.nat({ max: 2 }), fc.boolean()), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(edits, fc.nat(), (plan, seed) => {
        // Three tabs start from `base`; each edit happens in one tab, which may first read storage.
        const tabs = [shelf(base), shelf(base), shelf(base)];
        let stored = shelf(base);
        plan.forEach(([tab, reads], index) => {
          if (reads) tabs[tab] = stored;
          const own = tabs[tab]!.cases.find((c) => c.id === 'c') ?? base;
          const edited = addStep(own, call(`s${index}`), T0 + index, `e${index}x${seed % 97}`);
          tabs[tab] = shelveCase(tabs[tab]!, edited);
          stored = mergeShelves(tabs[tab]!, stored);
        });
        const [one, two, three] = tabs;
        const orders = [
          mergeShelves(mergeShelves(one!, two!), three!),
          mergeShelves(three!, mergeShelves(two!, one!)),
          mergeShelves(mergeShelves(two!, three!), one!),
        ];
        for (const merged of orders) {
          expect(merged.cases).toEqual(orders[0]!.cases);
          // No copy on the shelf is an ancestor of another copy of the same branch.
          const heads = merged.cases.map((c) => c.lineage!.at(-1)!);
          for (const c of merged.cases)
            expect(c.lineage!.slice(0, -1).some((token) => heads.includes(token))).toBe(false);
        }
      }),
    );
  });
});

describe('a saved shelf whose entries are not cases (damaged, or hand-edited)', () => {
  const a = newCase({ id: 'a', caseType: 'copyright', title: 'A', now: T0, token: 'tokena' });
  // What storage can hold under ksmail:cases and still pass looksLikeShelf: the island names these
  // as unreadable and must keep them; merging them used to throw (null.id, undefined.localeCompare).
  const junk: unknown[] = [
    null,
    'toString',
    5,
    [],
    { id: '__proto__', title: 5 },
    { id: 7, createdAt: '2026-11-30T02:00:00.000Z' },
    { ...a, id: 'no-dates', createdAt: undefined, updatedAt: undefined },
  ];
  it.each(junk.map((entry) => [JSON.stringify(entry) ?? String(entry), entry]))(
    'keeps %s as it is, once, beside the readable cases',
    (_, entry) => {
      const stored = { ...emptyShelf(), cases: [entry as CaseFile] };
      const b = newCase({ id: 'b', caseType: 'takedown', title: 'B', now: T0 + 1, token: 'tokenb' });
      for (const merged of [shelveCase(stored, b), mergeShelves(shelveCase(stored, a), stored)]) {
        expect(merged.cases.filter((caseFile) => caseFile === entry)).toHaveLength(1);
        expect(merged.cases.filter((caseFile) => caseFile !== entry).length).toBe(1);
      }
      expect(deleteCase(stored, 'a').cases).toEqual([entry]);
      const types = [{ id: 'copyright', need: '作品被搬运' }];
      expect(() =>
        migrateLegacy({ outcomes: null, subject: null, requestType: null }, stored, T0, types),
      ).not.toThrow();
    },
  );
});

describe('nextDueStep: the cadence from the last mail, escalation only after the window', () => {
  it('nothing done yet: the route’s first step', () => {
    const next = nextDueStep(caseWith('account-appeal', []), T0, context, route('account-appeal'));
    expect(next).toMatchObject({ kind: 'start', due: '2026-11-30', dueNow: true, plan: null, mailId: null });
    expect(next.detail).toContain('解封申诉');
  });

  // account-appeal → table 6 复杂权益申诉, 7 working days (原文称). Sent Mon 2026-11-30.
  const sent = caseWith('account-appeal', [mail('m1', '2026-11-30')]);
  it('day 3 follow-up mail, then the call, then escalation only after the 7 working days', () => {
    const first = nextDueStep(sent, at('2026-12-01T09:00'), context, route('account-appeal'));
    expect(first).toMatchObject({ kind: 'follow-up', title: '追问邮件', due: '2026-12-03', dueNow: false });
    // The mail the plan counts from: the case file's .ics names it in every UID.
    expect(first.mailId).toBe('m1');
    const afterMail = addStep(sent, mail('m2', '2026-12-03'), T0, tok());
    expect(nextDueStep(afterMail, at('2026-12-04T09:00'), context, route('account-appeal'))).toMatchObject({
      kind: 'call',
      due: '2026-12-07',
    });
    const afterCall = addStep(
      afterMail,
      { id: 'c', kind: 'call', date: '2026-12-07', ticket: 'T-1' },
      T0,
      tok(),
    );
    // Day 7 is 12-09, the window's last day too: escalation waits for the day after it.
    const onLastDay = nextDueStep(afterCall, at('2026-12-09T18:00'), context, route('account-appeal'));
    expect(onLastDay).toMatchObject({
      kind: 'wait',
      due: '2026-12-10',
      dueNow: false,
      escalateFrom: '2026-12-10',
    });
    const after = nextDueStep(afterCall, at('2026-12-10T09:00'), context, route('account-appeal'));
    expect(after).toMatchObject({ kind: 'escalate', due: '2026-12-10', dueNow: true });
    expect(after.detail).toContain('互联网信息服务投诉平台');
  });

  it('a reply: resolved is done, rejected escalates at once, pending waits without a made-up clock', () => {
    const r = (result: 'resolved' | 'rejected' | 'pending') =>
      nextDueStep(
        addStep(sent, reply('r', '2026-12-02', result), T0, tok()),
        at('2026-12-02T12:00'),
        context,
        route('account-appeal'),
      );
    expect(r('resolved')).toMatchObject({ kind: 'done', due: null });
    expect(r('rejected')).toMatchObject({ kind: 'escalate', due: '2026-12-02', dueNow: true });
    expect(r('pending')).toMatchObject({ kind: 'wait', due: null });
    expect(r('pending').detail).toContain('本站未找到');
  });

  it('after an escalation: the channel’s own clock as the data words it', () => {
    const escalated = addStep(
      sent,
      { id: 'e', kind: 'escalation', date: '2026-12-11', channel: 'isc-complaints' },
      T0,
      tok(),
    );
    const next = nextDueStep(escalated, at('2026-12-12T09:00'), context, route('account-appeal'));
    expect(next).toMatchObject({ kind: 'wait', due: null });
    expect(next.detail).toContain('10个工作日');
  });

  it('an hours window (tech-fault → 紧急故障报修, 24 hours): escalation only after the hour passes', () => {
    const fault = caseWith('tech-fault', [mail('m1', '2026-11-30', '10:00')]);
    const rows = context.followUps.find((row) => row.id === route('tech-fault').followUp)!;
    if (!('hours' in rows.commitment)) return; // the data decides; the working-day case is above
    const before = nextDueStep(
      addStep(
        addStep(fault, mail('m2', '2026-11-30', '11:00'), T0, tok()),
        { id: 'c', kind: 'call', date: '2026-11-30' },
        T0,
        tok(),
      ),
      at('2026-12-01T09:59'),
      context,
      route('tech-fault'),
    );
    expect(before.kind).not.toBe('escalate');
  });

  it('an unknown case type says so', () => {
    expect(nextDueStep(caseWith('no-such', []), T0, context, null).detail).toContain('no-such');
  });
});

describe('escalationLadder: only the routing data', () => {
  it('account-appeal: app appeal first, the complaint platform next, where not to go', () => {
    const ladder = escalationLadder(route('account-appeal'), caseWith('account-appeal', []));
    expect(ladder.next?.id).toBe('app-ban-appeal');
    expect(ladder.not.map((rung) => rung.id)).toContain('national-12377');
    const appealed = caseWith('account-appeal', [
      { id: 'a', kind: 'appeal', date: '2026-11-30', reference: 'SS-9' },
    ]);
    const after = escalationLadder(route('account-appeal'), appealed);
    expect(after.next).toMatchObject({ id: 'isc-complaints', clock: expect.stringContaining('10个工作日') });
    expect(after.bring).toContain('站内申诉编号或提交时间：SS-9');
  });
  it('every case type’s ladder names only channels of its route', () => {
    for (const routeData of guide.requestRoutes) {
      const ladder = escalationLadder(route(routeData.id), caseWith(routeData.id, []));
      const ids = new Set(routeData.channels.map((cell) => cell.channel));
      for (const rung of [...ladder.rungs, ...ladder.not]) expect(ids.has(rung.id)).toBe(true);
    }
  });
});

describe('migration of the planner’s and tracker’s data as the release wrote it', () => {
  const fixture = JSON.parse(readFileSync('tests/fixtures/case-migration/release-storage.json', 'utf8')) as {
    localStorage: Record<string, string>;
  };
  const legacy = {
    outcomes: fixture.localStorage['ksmail:outcomes'] ?? null,
    subject: fixture.localStorage['ksmail:subject'] ?? null,
    requestType: fixture.localStorage['ksmail:request-type'] ?? null,
  };
  const types = guide.requestRoutes.map(({ id, need }) => ({ id, need }));
  it('one case per matter, every mail and reply a step, notes kept; the planner subject a case', () => {
    const { shelf, added } = migrateLegacy(legacy, emptyShelf(), T0, types);
    expect(added).toEqual([
      '11月封号',
      '作品被搬运或盗用（我是权利人）（2026-11-20 发出）',
      '【账号申诉-快手号:ks12345】请求复核11月20日的封禁',
    ]);
    const [matter, single, planner] = added.map((title) => shelf.cases.find((c) => c.title === title)!);
    expect(matter!.steps.map((step) => `${step.kind} ${step.date}`)).toEqual([
      'mail 2026-11-02',
      'reply 2026-11-09',
      'mail 2026-11-12',
    ]);
    expect(matter!.notes).toContain('客服说维持原判');
    expect(matter!.notes).toContain('满意度 2/5');
    expect(single!.steps).toMatchObject([{ kind: 'mail' }, { kind: 'reply', result: 'resolved' }]);
    expect(planner!.migratedFrom).toBe('跟进计划');
    for (const caseFile of shelf.cases) expect(readCase(caseFile)).toEqual({ ok: true, case: caseFile });
    // Second load: nothing again, even after a migrated case was deleted.
    const again = migrateLegacy(legacy, deleteCase(shelf, matter!.id), T0 + 1000, types);
    expect(again.added).toEqual([]);
  });
  it('property: any entry the tracker could have saved becomes a valid case, its text kept', () => {
    const date = fc
      .date({ min: new Date('1990-01-01'), max: new Date('2120-12-31'), noInvalidDate: true })
      .map((value) => value.toISOString().slice(0, 10));
    const entry = fc.record(
      {
        id: fc.string({ minLength: 1, maxLength: 64 }).filter((text) => text.trim() !== ''),
        requestType: fc.oneof(fc.constantFrom(...types.map((type) => type.id)), fc.string({ minLength: 1 })),
        sent: date,
        firstReply: date,
        resolved: fc.constantFrom('yes', 'no', 'pending'),
        matter: fc.string({ maxLength: 120 }),
        note: fc.string({ maxLength: 1000 }),
      },
      { requiredKeys: ['id', 'requestType', 'sent', 'resolved'] },
    );
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (item) => item.id.trim(), maxLength: 5 }), (entries) => {
        const outcomes = JSON.stringify({
          version: 1,
          entries: entries.filter((item) => item.requestType.trim()),
        });
        const result = migrateLegacy({ outcomes, subject: null, requestType: null }, emptyShelf(), T0, types);
        for (const caseFile of result.shelf.cases) {
          expect(readCase(caseFile)).toMatchObject({ ok: true });
          const stepIds = caseFile.steps.map((step) => step.id);
          expect(new Set(stepIds).size).toBe(stepIds.length);
        }
        expect(result.added.length).toBe(result.shelf.cases.length);
        for (const item of entries.filter(
          (candidate) => candidate.note?.trim() && candidate.requestType.trim(),
        ))
          expect(result.shelf.cases.some((caseFile) => caseFile.notes.includes(item.note!))).toBe(true);
      }),
    );
  });

  it('tracker ids that differ only in characters an id cannot hold stay separate cases and steps', () => {
    const entry = (id: string, extra: object = {}) => ({
      id,
      requestType: 'account-appeal',
      sent: '2026-03-02',
      firstReply: '2026-03-04',
      resolved: 'yes',
      ...extra,
    });
    const outcomes = JSON.stringify({
      version: 1,
      entries: [
        entry('{'),
        entry(':', { note: '第二封' }),
        entry('a{', { matter: '同一事' }),
        entry('a}', { matter: '同一事' }),
      ],
    });
    const result = migrateLegacy({ outcomes, subject: null, requestType: null }, emptyShelf(), T0, types);
    expect(result.shelf.cases.map((caseFile) => caseFile.id).sort()).toEqual(['m-_', 'm-_-2', 'm-a_']);
    expect(result.shelf.cases.some((caseFile) => caseFile.notes.includes('备注：第二封'))).toBe(true);
    const matter = result.shelf.cases.find((caseFile) => caseFile.title === '同一事')!;
    expect(matter.steps.map((step) => step.id)).toEqual(['a_-mail', 'a_-reply', 'a_-mail-2', 'a_-reply-2']);
    // A deleted case's id is not reused: the new case would be dropped as deleted.
    const later = migrateLegacy(
      {
        outcomes: JSON.stringify({ version: 1, entries: [entry('{', { note: '新的' })] }),
        subject: null,
        requestType: null,
      },
      deleteCase(emptyShelf(), 'm-_'),
      T0,
      types,
    );
    expect(later.shelf.cases.map((caseFile) => caseFile.id)).toEqual(['m-_-2']);
  });

  it('a damaged or missing log migrates nothing and does not throw', () => {
    expect(
      migrateLegacy({ outcomes: '{broken', subject: null, requestType: null }, emptyShelf(), T0, types).added,
    ).toEqual([]);
    fc.assert(
      fc.property(fc.string(), fc.string(), (outcomes, subject) => {
        const result = migrateLegacy({ outcomes, subject, requestType: null }, emptyShelf(), T0, types);
        for (const caseFile of result.shelf.cases) expect(readCase(caseFile).ok).toBe(true);
      }),
    );
  });
});
