import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  benchmarkCorpus,
  formatReport,
  judgeMail,
  missedTargets,
  scoreOutcomes,
  type MailFinding,
} from './corpus-benchmark';
import type { CorpusMail } from './corpus-schema';
import { loadCompiledRules } from '../node/load-ruleset';

const rules = loadCompiledRules();

const mail = (overrides: Partial<CorpusMail> & { id: string }): CorpusMail => ({
  context: 'account-appeal',
  style: 'paragraphs',
  split: 'tuning',
  good: false,
  subject: '',
  body: '正文',
  fire: [],
  quiet: [],
  note: '测试',
  ...overrides,
});
const warning = (rule: string): MailFinding => ({
  rule,
  severity: 'warning',
  message: `${rule} 报出`,
  target: 'body',
});
const info = (rule: string): MailFinding => ({
  rule,
  severity: 'info',
  message: `${rule} 提示`,
  target: 'body',
});

describe('judging one mail against its labels', () => {
  it.each([
    [
      'labelled rule fired → TP',
      mail({ id: 'a', fire: ['tone.threat'] }),
      [warning('tone.threat')],
      { tp: ['tone.threat'], fn: [], fp: [] },
    ],
    [
      'labelled rule silent → FN',
      mail({ id: 'b', fire: ['tone.threat'] }),
      [],
      { tp: [], fn: ['tone.threat'], fp: [] },
    ],
    [
      'quiet rule fired → FP',
      mail({ id: 'c', quiet: ['risk.competitor'] }),
      [info('risk.competitor')],
      { tp: [], fn: [], fp: ['risk.competitor'] },
    ],
    [
      'warning on a good mail → FP',
      mail({ id: 'd', good: true }),
      [warning('id.missing')],
      { tp: [], fn: [], fp: ['id.missing'] },
    ],
    [
      'info on a good mail → nothing',
      mail({ id: 'e', good: true }),
      [info('figures.emphasis')],
      { tp: [], fn: [], fp: [] },
    ],
    [
      // A bad mail's fire list is all an editor would say: another warning is noise.
      'unlabelled warning on a bad mail → FP',
      mail({ id: 'f', fire: ['tone.threat'] }),
      [warning('tone.threat'), warning('id.missing')],
      { tp: ['tone.threat'], fn: [], fp: ['id.missing'] },
    ],
    [
      'unlabelled info on a bad mail → nothing',
      mail({ id: 'f2', fire: ['tone.threat'] }),
      [warning('tone.threat'), info('figures.emphasis')],
      { tp: ['tone.threat'], fn: [], fp: [] },
    ],
    [
      'a rule fired twice counts once',
      mail({ id: 'g', quiet: ['tone.punctuation'] }),
      [warning('tone.punctuation'), warning('tone.punctuation')],
      { tp: [], fn: [], fp: ['tone.punctuation'] },
    ],
  ] as const)('%s', (_name, given, findings, expected) => {
    const outcome = judgeMail(given, findings);
    expect({ tp: outcome.tp, fn: outcome.fn, fp: outcome.fp.map((item) => item.rule) }).toEqual(expected);
  });
});

describe('scoring a tiny corpus with known counts', () => {
  const outcomes = [
    judgeMail(mail({ id: 'm1', fire: ['tone.threat'] }), [warning('tone.threat')]),
    judgeMail(mail({ id: 'm2', fire: ['tone.threat'], split: 'holdout' }), []),
    judgeMail(mail({ id: 'm3', good: true, quiet: ['tone.threat'] }), [warning('tone.threat')]),
    judgeMail(mail({ id: 'm4', good: true }), [info('figures.emphasis')]),
    judgeMail(mail({ id: 'm5', good: true, split: 'holdout' }), []),
  ];
  const report = scoreOutcomes(outcomes);

  it.each([
    ['all', { tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 }],
    ['tuning', { tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 }],
    ['holdout', { tp: 0, fp: 0, fn: 1, precision: null, recall: 0 }],
  ] as const)('tone.threat on %s', (split, expected) => {
    expect(report[split].rules.find((score) => score.rule === 'tone.threat')).toEqual({
      rule: 'tone.threat',
      ...expected,
    });
  });

  it('counts clean good mails per split', () => {
    expect([report.all.cleanGoodMails, report.all.goodMails]).toEqual([2, 3]);
    expect(report.tuning.cleanShare).toBe(0.5);
    expect(report.holdout.cleanShare).toBe(1);
  });

  it('lists each failing label with the mail, the rule and why', () => {
    expect(report.failures.map(({ id, rule, kind }) => [id, rule, kind])).toEqual([
      ['m2', 'tone.threat', 'missed'],
      ['m3', 'tone.threat', 'quiet-fired'],
    ]);
    expect(report.failures[1]!.why).toContain('不得报出');
  });

  it('names every missed target in Chinese, and none when all are met', () => {
    const missed = missedTargets(report);
    expect(missed.some((line) => line.includes('好邮件') && line.includes('66.7%'))).toBe(true);
    expect(missed.some((line) => line.startsWith('tone.threat 精确率 50.0%'))).toBe(true);
    expect(missed.some((line) => line.startsWith('tone.threat 召回率 50.0%'))).toBe(true);
    expect(missedTargets(scoreOutcomes([outcomes[0]!, outcomes[3]!]))).toEqual([]);
  });

  it('prints a table with every rule and the failures', () => {
    const text = formatReport(report);
    expect(text).toContain('tone.threat');
    expect(text).toContain('m2 [holdout] tone.threat：应报未报');
  });
});

describe('running the real checkers', () => {
  it('a good mail that follows the guide is clean; a threat is found on subject or body', () => {
    const good = mail({
      id: 'real-good',
      good: true,
      subject: '【账号申诉-快手号:ks_lin2024】请求复核11月20日的封禁',
      body: `问题描述：我的快手号：ks_lin2024 于 **11月20日** 被封禁。
影响说明：直播带货中断，已有 **12** 笔订单无法发货。
诉求清单：请复核封禁判定。
联系方式：138 0013 8000`,
      quiet: ['risk.competitor'],
    });
    const bad = mail({ id: 'real-bad', subject: '【账号申诉】不恢复后果自负', fire: ['tone.threat'] });
    const report = benchmarkCorpus([good, bad], rules);
    expect(report.all.cleanShare).toBe(1);
    expect(report.all.rules.find((score) => score.rule === 'tone.threat')).toMatchObject({ tp: 1, fn: 0 });
  });

  it('any text still gives a report, counts adding up', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 60 }),
        fc.boolean(),
        (body, subject, good) => {
          const report = benchmarkCorpus(
            [mail({ id: 'x', body: body || '空', subject, good, fire: ['tone.threat'] })],
            rules,
          );
          const score = report.all.rules.find((item) => item.rule === 'tone.threat')!;
          expect(score.tp + score.fn).toBe(1);
          expect(report.all.mails).toBe(1);
        },
      ),
      { numRuns: 60 },
    );
  });
});
