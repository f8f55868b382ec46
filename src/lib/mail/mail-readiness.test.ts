import { describe, expect, it } from 'vitest';
import { parseAddressList } from './mail-message';
import { readinessProblems, type ReadinessInput } from './mail-readiness';
import type { Finding } from '../rules/ruleset';
import fc from 'fast-check';
import { digestFindings } from '../rules/draft-view';

const finding = (severity: Finding['severity'], message: string, rule = 'x'): Finding => ({
  rule,
  severity,
  message,
  start: 0,
  end: 1,
});
const ready: ReadinessInput = {
  to: parseAddressList('copyright@kuaishou.com'),
  cc: parseAddressList(''),
  knownMailboxes: [
    {
      address: 'copyright@kuaishou.com',
      status: 'verified',
      statusLabel: '已核实',
      lastChecked: '2026-11-20',
    },
    { address: 'legal@kuaishou.com', status: 'unverified', statusLabel: '未核实', lastChecked: '2026-11-20' },
  ],
  subject: '【侵权通知-视频ID:1】请求下架',
  subjectFindings: [],
  body: '问题描述：……',
  draftFindings: [],
  attachments: [],
  attachmentFindings: [],
};
const targets = (input: Partial<ReadinessInput>) =>
  readinessProblems({ ...ready, ...input }).map((problem) => [problem.severity, problem.target]);

describe('readinessProblems', () => {
  it('finds nothing in a complete, checked mail to a verified mailbox', () => {
    expect(readinessProblems(ready)).toEqual([]);
  });

  it.each<[string, Partial<ReadinessInput>, string[][]]>([
    ['no recipient', { to: parseAddressList('') }, [['error', 'to']]],
    ['an invalid address', { cc: parseAddressList('legal@') }, [['error', 'cc']]],
    ['an unverified mailbox', { cc: parseAddressList('legal@kuaishou.com') }, [['warning', 'cc']]],
    [
      'a kuaishou.com address the guide does not know',
      { to: parseAddressList('ceo@kuaishou.com') },
      [['warning', 'to']],
    ],
    ['no subject', { subject: '  ' }, [['error', 'subject']]],
    ['no body', { body: '' }, [['error', 'draft']]],
    [
      'findings, errors first',
      {
        subjectFindings: [finding('warning', 'w')],
        draftFindings: [finding('error', 'e'), finding('info', 'i')],
      },
      [
        ['error', 'draft'],
        ['warning', 'subject'],
      ],
    ],
    [
      'a blocked file',
      {
        attachments: [{ name: 'a.exe', blocked: true }],
        attachmentFindings: [finding('error', 'exe', 'attachment.blocked')],
      },
      [['error', 'attachments']],
    ],
  ])('%s', (_, input, expected) => {
    expect(targets(input)).toEqual(expected);
  });

  it('quotes the first finding and the count', () => {
    const [problem] = readinessProblems({
      ...ready,
      draftFindings: [finding('error', '缺少联系方式'), finding('error', '情绪化')],
    });
    expect(problem!.message).toBe('正文有 2 个错误，例如：缺少联系方式');
  });
});

describe('readinessProblems: properties', () => {
  const severity = fc.constantFrom<Finding['severity']>('error', 'warning', 'info');
  const anyFindings = fc.array(
    fc
      .tuple(severity, fc.string({ unit: 'binary', maxLength: 20 }))
      .map(([level, message]) => finding(level, message)),
    { maxLength: 30 },
  );

  it('a long draft’s digest gives the same problems as its findings', () => {
    fc.assert(
      fc.property(anyFindings, fc.string({ unit: 'binary', maxLength: 40 }), (findings, body) => {
        const problems = readinessProblems({ ...ready, body, draftFindings: findings });
        expect(readinessProblems({ ...ready, body, draftFindings: digestFindings(findings) })).toEqual(
          problems,
        );
      }),
    );
  });

  it('never throws and is deterministic for any text in any field', () => {
    const text = fc.string({ unit: 'binary', maxLength: 60 });
    fc.assert(
      fc.property(text, text, text, text, anyFindings, (to, cc, subject, body, findings) => {
        const input: ReadinessInput = {
          ...ready,
          to: parseAddressList(to),
          cc: parseAddressList(cc),
          subject,
          body,
          subjectFindings: findings,
          draftFindings: findings,
          attachments: [{ name: subject, blocked: body.length % 2 === 0 }],
          attachmentFindings: findings,
        };
        expect(readinessProblems(input)).toEqual(readinessProblems(input));
      }),
    );
  });
});
