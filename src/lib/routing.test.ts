import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGuideData } from './guide-data';
import { loadGuideData } from './node/load-guide-data';
import {
  caseList,
  daysBetween,
  isStale,
  resolveRoute,
  routeJson,
  routeLines,
  routedReplyTime,
  subjectTypesWithRoutedReplyTime,
  STALE_AFTER_DAYS,
  UnknownCaseError,
} from './routing';

const data = loadGuideData();
const TODAY = '2026-11-30';
const routeIds = data.requestRoutes.map((route) => route.id);

describe('resolveRoute over the shipped routing table', () => {
  it('knows the cases the issue names, in the reader’s words', () => {
    expect(routeIds).toEqual(
      expect.arrayContaining([
        'account-appeal',
        'copyright',
        'takedown',
        'tech-fault',
        'ad-cooperation',
        'merchant',
        'personal-info',
        'account-stolen',
      ]),
    );
  });

  it.each(routeIds)('%s: a first step, never a contradicted To, fallback only as 备用', (id) => {
    const route = resolveRoute(id, data, TODAY);
    expect(route.first.length).toBeGreaterThan(0);
    expect(route.to?.status).not.toBe('contradicted');
    for (const cc of route.cc) expect(cc.status).not.toBe('contradicted');
    if (route.fallback) expect(route.fallback.label).toMatch(/^备用（(与公开资料不符|未核实)）$/);
    expect(route.page).toBe(`/cases/${id}/`);
    for (const channel of route.channels) {
      expect(channel.source.title.length).toBeGreaterThan(0);
      expect(channel.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (channel.kind === 'app') expect(channel.path).not.toBeNull();
    }
  });

  it.each(routeIds)('%s: one reply time, the one of its table 6 row', (id) => {
    const route = resolveRoute(id, data, TODAY);
    const row = data.followUps.find(
      (candidate) => candidate.id === data.requestRoutes.find((r) => r.id === id)!.followUp,
    )!;
    expect(route.replyTime.row).toBe(row.id);
    expect(route.replyTime.text).toMatch(/^原文称 /);
    expect(route.replyTime.text).not.toContain('预计');
  });

  it('a banned creator: the App path first, To empty, support@ only as 备用（与公开资料不符）', () => {
    const route = resolveRoute('account-appeal', data, TODAY);
    expect(route.first[0]).toMatchObject({ kind: 'app', path: '菜单 → 头像 → 解封申诉' });
    expect(route.to).toBeNull();
    expect(route.fallback).toMatchObject({
      address: 'support@kuaishou.com',
      label: '备用（与公开资料不符）',
    });
    const lines = routeLines(route);
    const appAt = lines.findIndex((line) => line.includes('菜单 → 头像 → 解封申诉'));
    const firstAddressAt = lines.findIndex((line) => line.includes('@kuaishou.com'));
    expect(appAt).toBeGreaterThan(-1);
    expect(appAt).toBeLessThan(firstAddressAt);
    expect(lines).toContain('邮件收件人（To）：留空——原文没有给出可用的邮箱，请先走上面的官方渠道');
    expect(routeJson(route).to).toBeNull();
  });

  it('a rights holder: the 知识产权平台 first, To copyright@ 未核实 with its date, Cc legal@', () => {
    const route = resolveRoute('copyright', data, TODAY);
    expect(route.first[0]!.id).toBe('ipp');
    expect(route.to).toMatchObject({ address: 'copyright@kuaishou.com', status: 'unverified' });
    expect(route.cc.map((cc) => cc.address)).toEqual(['legal@kuaishou.com']);
    expect(routeLines(route).join('\n')).toMatch(
      /copyright@kuaishou\.com（未核实，核对于 \d{4}-\d{2}-\d{2}）/,
    );
  });

  it('lists where not to go, with what each does not accept', () => {
    const route = resolveRoute('account-appeal', data, TODAY);
    expect(route.not.map((channel) => channel.id)).toEqual(['national-12377', 'heimao', 'jubao']);
    for (const channel of route.not) expect(channel.notAccepted).toBeTruthy();
  });
});

describe('the subject checker’s reply time comes from the cases, not table 1', () => {
  it('侵权投诉: the 7 working days of its cases, not table 1’s 6 hours', () => {
    const types = subjectTypesWithRoutedReplyTime(data);
    expect(data.subjectTypes.find((type) => type.id === 'infringement')!.replyTime).toBe('6小时内');
    expect(types.find((type) => type.id === 'infringement')!.replyTime).toBe('7 个工作日内答复');
  });

  it('null when a type’s cases disagree or it has none', () => {
    const routes = [
      { subjectType: 'a', replyTime: { text: '原文称 3 个工作日内答复' } },
      { subjectType: 'a', replyTime: { text: '原文称 24 小时内响应' } },
      { subjectType: 'b', replyTime: { text: '原文称 24 小时内响应' } },
    ];
    expect(routedReplyTime('a', routes)).toBeNull();
    expect(routedReplyTime('b', routes)).toBe('24 小时内响应');
    expect(routedReplyTime('c', routes)).toBeNull();
  });
});

describe('stale sources: 待复核 after 90 days', () => {
  it.each([
    ['2026-11-29', '2027-02-27', false],
    ['2026-11-29', '2027-02-28', true],
    ['2024-02-28', '2024-05-28', false],
    ['2024-02-28', '2024-05-29', true],
  ])('checked %s, built %s → stale %s', (checked, today, stale) => {
    expect(isStale(checked, today)).toBe(stale);
  });

  it('a route built long after its check shows every cell and mailbox as stale, and says so in text', () => {
    const route = resolveRoute('account-appeal', data, '2027-12-31');
    expect(route.channels.every((channel) => channel.stale)).toBe(true);
    expect(route.fallback!.stale).toBe(true);
    expect(routeLines(route).join('\n')).toContain('待复核');
    expect(routeLines(resolveRoute('account-appeal', data, TODAY)).join('\n')).not.toContain('待复核');
  });

  it('daysBetween counts whole days across months, leap days and years', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 4000 }),
        (date, days) => {
          const from = date.toISOString().slice(0, 10);
          const to = new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
          expect(daysBetween(from, to)).toBe(days);
          expect(isStale(from, to)).toBe(days > STALE_AFTER_DAYS);
        },
      ),
    );
  });
});

describe('an unknown case', () => {
  it('gets a Chinese message with the case list', () => {
    expect(() => resolveRoute('banned', data, TODAY)).toThrow(UnknownCaseError);
    try {
      resolveRoute('banned', data, TODAY);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('没有名为“banned”的案例');
      for (const item of caseList(data)) expect(message).toContain(`${item.id}  ${item.need}`);
    }
  });

  it('any other text is refused the same way, never with another error', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !routeIds.includes(text)),
        (text) => {
          expect(() => resolveRoute(text, data, TODAY)).toThrow(UnknownCaseError);
        },
      ),
    );
  });
});

describe('the data rule behind it', () => {
  it('the build refuses a contradicted mailbox as any route’s To', () => {
    const raw = structuredClone(data) as unknown as Record<string, unknown[]>;
    expect(() =>
      parseGuideData((file) => {
        const name = {
          'request-routes.yaml': 'requestRoutes',
          'mailboxes.yaml': 'mailboxes',
          'channels.yaml': 'channels',
          'subject-types.yaml': 'subjectTypes',
          'body-structures.yaml': 'bodyStructures',
          'attachment-types.yaml': 'attachmentTypes',
          'chart-types.yaml': 'chartTypes',
          'follow-ups.yaml': 'followUps',
          'risks.yaml': 'risks',
          'sales-periods.yaml': 'salesPeriods',
          'clocks.yaml': 'clocks',
        }[file]!;
        const rows = structuredClone(raw[name]!) as Record<string, unknown>[];
        if (name === 'requestRoutes') rows.find((row) => row.id === 'tech-fault')!.to = 'support';
        return rows;
      }),
    ).toThrow(/记录 "tech-fault" → 字段 "to"：邮箱 support 与公开资料不符/);
  });
});
