import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contextById, inferContext, UnknownContextError } from './check-context';
import { checkDraft } from './check-draft';
import { checkSubject } from './check-subject';
import { applyFix } from './ruleset';
import { loadCompiledRules, loadRulesets, assertSources } from '../node/load-ruleset';
import { loadRuleset } from '../node/load-ruleset';

const rules = loadCompiledRules({ today: '2026-11-30' });
const ids = (draft: string, context?: string) =>
  checkDraft(draft, rules, context ? { context } : {}).findings.map((finding) => finding.rule);
const CONTEXTS = [
  'account-appeal',
  'infringement-notice',
  'counter-notice',
  'pipl-request',
  'ad-business',
  'merchant',
  'tech-fault',
  'basic-inquiry',
];

describe('contexts', () => {
  it('the newest ruleset has the eight contract contexts', () => {
    expect(rules.ruleset.contexts?.map((context) => context.id)).toEqual(CONTEXTS);
  });

  it.each([
    ['account-appeal', 'account-appeal'],
    ['account-stolen', 'account-appeal'],
    ['copyright', 'infringement-notice'],
    ['takedown', 'counter-notice'],
    ['personal-info', 'pipl-request'],
    ['ad-cooperation', 'ad-business'],
    ['merchant', 'merchant'],
    ['tech-fault', 'tech-fault'],
    ['basic-inquiry', 'basic-inquiry'],
    ['counter-notice', 'counter-notice'],
  ])('routing case or context %s → %s', (given, expected) => {
    expect(contextById(rules, given)).toMatchObject({ id: expected, inferred: false });
  });

  it('a case saved by an older site (unknown id) is inferred over when the islands ask so, never a throw', () => {
    const subject = '【侵权投诉-作品ID:3xk9a2b7】请求删除搬运作品';
    const draft = checkDraft('我的原创视频首发于B站，被搬运到快手。', rules, {
      context: 'old-case-id',
      subject,
      unknownContext: 'infer',
    });
    expect(draft.context).toMatchObject({ id: 'infringement-notice', inferred: true });
    expect(
      checkSubject(subject, rules, { context: 'old-case-id', unknownContext: 'infer' }).context,
    ).toMatchObject({
      inferred: true,
    });
    expect(() => checkDraft('你好', rules, { context: 'old-case-id', unknownContext: 'refuse' })).toThrow(
      UnknownContextError,
    );
  });

  it('an unknown context is a typed error listing the valid ids, from both checkers', () => {
    expect(() => checkDraft('你好', rules, { context: 'nope' })).toThrow(UnknownContextError);
    expect(() => checkSubject('你好', rules, { context: 'nope' })).toThrow(
      /未知的案件类型：nope。可用：account-appeal、/u,
    );
  });

  it.each([
    ['【账号申诉-快手号:ks_lin2024】请求复核封禁', '', 'account-appeal'],
    ['【版权投诉】视频ID:123 侵权取证', '', 'infringement-notice'],
    ['关于视频下架', '我上传的视频被投诉下架，我认为不构成侵权，请恢复视频。', 'counter-notice'],
    ['【个人信息请求】快手号:abc', '', 'pipl-request'],
    ['【广告投放】咨询开户', '', 'ad-business'],
    ['', '我的小店保证金被扣，店铺商品也下架了。', 'merchant'],
    ['【技术故障】快手号:abc 闪退', '', 'tech-fault'],
    // A rights holder who never says 侵权: 轉載 / 冇署名 / 原稿 (Traditional, Cantonese wording).
    [
      '',
      '我係插畫師，有人喺快手轉載咗我嘅畫做影片背景，冇署名，原稿喺度。請刪除該影片。',
      'infringement-notice',
    ],
    ['', '有人未经许可用了我拍的照片，也没有署名，请删除。', 'infringement-notice'],
    ['', '你好', null],
    ['', '', null],
  ])('infers %j / %j → %s', (subject, body, expected) => {
    const context = inferContext(subject, body, rules);
    expect(context?.id ?? null).toBe(expected);
    if (context) expect(context.inferred).toBe(true);
  });

  it('the draft checker says which context it used or assumed', () => {
    expect(checkDraft('你好', rules, { context: 'merchant' }).context).toEqual({
      id: 'merchant',
      label: '商家与店铺',
      inferred: false,
    });
    expect(checkDraft('你好', rules, { subject: '【技术故障】闪退' }).context).toMatchObject({
      id: 'tech-fault',
      inferred: true,
    });
    expect(checkDraft('你好', rules).context).toBeNull();
  });
});

describe('rules relaxed or limited by context (data)', () => {
  it('a first-publication statement is evidence in an infringement or counter notice, not elsewhere', () => {
    const draft = '该视频首发于B站，发布时间早于被投诉作品。';
    expect(ids(draft, 'infringement-notice')).not.toContain('risk.competitor');
    expect(ids(draft, 'counter-notice')).not.toContain('risk.competitor');
    expect(ids(draft, 'account-appeal')).toContain('risk.competitor');
  });

  it('no object ID is required before an ad account exists', () => {
    expect(ids('我们想开通广告账户，请问需要哪些材料？', 'ad-business')).not.toContain('id.missing');
    expect(ids('我们想开通广告账户，请问需要哪些材料？', 'basic-inquiry')).not.toContain('id.missing');
    expect(ids('我的视频被下架了。', 'account-appeal')).toContain('id.missing');
  });

  it.each([
    ['下季度预算转投快手', false],
    ['我们打算转到快手', false],
    ['不处理我就转投其他平台', true],
    ['我会转投别处', true],
  ])('risk.platform-switch except phrases: %s → %s', (draft, fires) => {
    expect(ids(draft).includes('risk.platform-switch')).toBe(fires);
  });

  it.each([
    ['视频拍的是元宵节的花车游行', false],
    ['粉丝集会的照片', false],
    ['组织游行抗议政府', true],
    ['政府门口有人示威', true],
    ['视频里出现台独标语', true],
  ])('risk.political is context-safe: %s → %s', (draft, fires) => {
    expect(ids(draft).includes('risk.political')).toBe(fires);
  });
});

describe('tone: pleading, accusation, pressure and the punctuation fix', () => {
  it.each([
    ['tone.pleading', '求求你们把号还给我'],
    ['tone.pleading', '跪求解封'],
    ['tone.accusation', '你们乱封号'],
    ['tone.accusation', '你们负不负责'],
    ['tone.accusation', '什么垃圾审核'],
    ['tone.pressure', '快点处理'],
    ['tone.pressure', '马上给我解封'],
    ['tone.emotional', '太离谱了'],
  ])('%s fires on %s', (rule, draft) => {
    expect(ids(draft)).toContain(rule);
  });

  it('a punctuation fix is not offered on an accusing sentence: a neutral rewrite is suggested', () => {
    const draft = '你们负不负责？？';
    const punctuation = checkDraft(draft, rules).findings.find((item) => item.rule === 'tone.punctuation')!;
    expect(punctuation.fix).toBeUndefined();
    expect(punctuation.message).toContain('「请告知处理进度和预计时间。」');
    const subject = checkSubject('【账号申诉】快点处理！！', rules).findings.find(
      (item) => item.rule === 'tone.punctuation',
    )!;
    expect(subject.fix).toBeUndefined();
  });

  it('a neutral sentence keeps its punctuation fix, even after an accusing one', () => {
    const draft = '你们负不负责？？\n请问何时能处理？？';
    const found = checkDraft(draft, rules).findings.filter((item) => item.rule === 'tone.punctuation');
    expect(found.map((item) => item.fix !== undefined)).toEqual([false, true]);
    expect(applyFix(draft, found[1]!)).toBe('你们负不负责？？\n请问何时能处理。');
  });
});

describe('authority on every finding', () => {
  it('every rule of the newest ruleset names its source', () => {
    const newest = loadRulesets().at(-1)!;
    expect(newest.rules.filter((rule) => !rule.source).map((rule) => rule.id)).toEqual([]);
  });

  it('a newest ruleset without a source on a rule does not load', () => {
    const ruleset = loadRuleset({ today: '2026-11-30' });
    const broken = {
      ...ruleset,
      rules: ruleset.rules.map((rule, index) => (index === 0 ? { ...rule, source: undefined } : rule)),
    };
    expect(() => assertSources(broken)).toThrow(/缺少：subject\.missing-type/u);
  });

  it('findings carry their rule’s source', () => {
    const findings = checkDraft('你们乱封号？？抖音', rules).findings;
    expect(findings.length).toBeGreaterThan(3);
    for (const finding of findings)
      expect(finding.source?.kind).toMatch(/^(article|law|platform|technical|editorial)$/u);
    expect(findings.find((item) => item.rule === 'risk.competitor')!.source).toEqual({
      kind: 'article',
      quote: '包含"竞品""转投其他平台"等表述的邮件回复率下降58%',
    });
  });

  it('personal numbers in a draft are warnings with a technical source', () => {
    const findings = checkDraft(
      '身份证号11010519491231002X，退款卡号 6222 0212 3456 7890 128，订单号 4111111111111111',
      rules,
    ).findings.filter((item) => item.rule.startsWith('pii.'));
    expect(findings.map((item) => [item.rule, item.severity, item.source?.kind])).toEqual([
      ['pii.id-number', 'warning', 'technical'],
      ['pii.bank-card', 'warning', 'technical'],
    ]);
  });
});

describe('context: properties', () => {
  it('any text, any valid context: no throw, ranges inside', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 100 }),
        fc.constantFrom(...CONTEXTS, undefined),
        (text, context) => {
          const result = checkDraft(text, rules, context ? { context, subject: text } : { subject: text });
          for (const finding of result.findings)
            expect(0 <= finding.start && finding.start <= finding.end && finding.end <= text.length).toBe(
              true,
            );
          inferContext(text, text, rules);
        },
      ),
      { numRuns: 40 },
    );
  });
});
