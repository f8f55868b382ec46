import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSubject, describeCategory, insideAny, phoneCut } from './check-subject';
import { loadCompiledRules } from '../node/load-ruleset';
import { expectLinearTime, repeatTo } from '../../../tests/support/linear-time';

const rules = loadCompiledRules();
const ruleIds = (subject: string) => checkSubject(subject, rules).findings.map((finding) => finding.rule);

describe('checkSubject: replies and follow-ups', () => {
  it.each([
    '【跟进】【账号申诉-创作者ID:123456】请求复核封禁',
    '【催办】【账号申诉-创作者ID:123456】请求复核封禁',
    'Re: 【账号申诉-创作者ID:123456】请求复核封禁',
    '回复：【跟进】【账号申诉-创作者ID:123456】请求复核封禁',
  ])('%s keeps its structure after the prefix', (subject) => {
    const result = checkSubject(subject, rules);
    expect(result.category?.id).toBe('account-appeal');
    expect(result.structure.ok).toBe(true);
    // The prefix counts towards what a phone shows, so a long one can push the ID out of view.
    expect(result.findings.map((finding) => finding.rule).filter((rule) => rule !== 'subject.width')).toEqual(
      [],
    );
    expect(result.structure.parts.find((part) => part.name === 'request')?.value).toBe('请求复核封禁');
  });

  it('the suggestion keeps the prefix', () => {
    expect(checkSubject('【跟进】我的号被封了', rules).suggestion).toBe(
      '【跟进】【账号申诉-快手号:XXX】我的号被封了',
    );
  });
});

describe('checkSubject: structure and type', () => {
  it.each([
    ['【账号申诉-创作者ID:XXX-紧急】请求复核封禁', 'account-appeal', 'high', true],
    ['【版权投诉】视频ID:XXX侵权取证', 'infringement', 'high', true],
    ['【系统BUG】APP闪退日志附截图', 'tech-fault', 'medium', false],
    ['如何开通直播权限', 'basic-inquiry', 'low', false],
    ['[商务合作 | 广告账户ID: 889900] 咨询投放', 'ad-cooperation', 'medium', true],
    ['【账号申诉／快手号：kuai123】请求解封', 'account-appeal', 'high', true],
    ['【侵权通知—视频ID:abc123—紧急】原创被搬运', 'infringement', 'high', true],
  ])('%s → %s (%s)', (subject, type, priority, ok) => {
    const result = checkSubject(subject, rules);
    expect(result.category?.id).toBe(type);
    expect(result.category?.priority).toBe(priority);
    expect(result.structure.ok).toBe(ok);
  });

  // One reply time per case: the one its cases give (table 6), as the picker and planner show.
  it('returns the claimed reply time its cases give, not table 1’s', () => {
    expect(checkSubject('【版权投诉】视频ID:XXX侵权取证', rules).category?.replyTime).toBe(
      '7 个工作日内答复',
    );
    expect(checkSubject('【系统BUG】APP闪退', rules).category?.replyTime).toBe('24 小时内响应');
    expect(checkSubject('如何开通直播权限', rules).category?.replyTime).toBe('3 个工作日内答复');
  });

  // Table 1's priority and reply time are the article's claims (or ours): the line says which.
  it.each([
    [
      '如何开通直播权限',
      '类型：基础咨询　处理优先级：低（原文称）　答复时效：3 个工作日内答复（原文称，表6）',
    ],
    [
      '【版权投诉】作品ID:XXX侵权取证',
      '类型：侵权投诉　处理优先级：高（原文称）　答复时效：7 个工作日内答复（原文称，表6）',
    ],
    [
      '【合作-广告账户ID:1】咨询投放',
      '类型：广告投放合作　处理优先级：中（编辑补充，原文未给出）　答复时效：3 个工作日内答复（原文称，表6）',
    ],
    [
      '【账号申诉-快手号:abc】请求复核',
      '类型：账号申诉　处理优先级：高（编辑补充，原文未给出）　答复时效：7 个工作日内答复（原文称，表6）',
    ],
  ])('describes the type of %s with its marks', (subject, line) => {
    expect(describeCategory(checkSubject(subject, rules).category!)).toBe(line);
  });

  it('reports each missing part', () => {
    expect(ruleIds('请帮我看看')).toEqual(
      expect.arrayContaining(['subject.missing-type', 'subject.missing-id']),
    );
    expect(ruleIds('【账号申诉】请求复核封禁')).toContain('subject.missing-id');
    expect(ruleIds('【账号申诉-创作者ID:123456】')).toContain('subject.missing-request');
    expect(ruleIds('【账号申诉-创作者ID:123456】请求复核封禁')).toEqual([]);
  });

  it('flags type and ID hidden past what a phone shows', () => {
    const long = '您好，关于我在上个月发布的一条视频被误判的问题【账号申诉-创作者ID:123456】';
    const finding = checkSubject(long, rules).findings.find((item) => item.rule === 'subject.width')!;
    expect(finding.start).toBeGreaterThan(0);
    expect(long.slice(finding.start, finding.end)).toContain('创作者ID:123456');
  });

  it('flags emotional punctuation and wording, with full-width and zero-width evasions', () => {
    expect(ruleIds('【账号申诉-创作者ID:1234】为什么封我？？？')).toContain('tone.punctuation');
    expect(ruleIds('【账号申诉-创作者ID:1234】太\u200B过\u200B分')).toContain('tone.emotional');
    expect(ruleIds('【账号申诉-创作者ID:1234】不处理就转 投 其 他 平 台')).toContain('risk.platform-switch');
  });

  it('suggests the canonical subject, using the type chosen in the mailbox picker', () => {
    expect(checkSubject('我的号被封了！！！', rules).suggestion).toBe('【账号申诉-快手号:XXX】我的号被封了');
    expect(checkSubject('请复核视频ID:778899的判定', rules, 'infringement').suggestion).toBe(
      '【侵权投诉-视频ID:778899】请复核的判定',
    );
  });

  it('classifies from the mailbox picker when the subject names no type', () => {
    expect(checkSubject('请尽快处理', rules, 'tech-fault').category?.id).toBe('tech-fault');
    expect(checkSubject('', rules).findings).toEqual([]);
  });
});

describe('checkSubject: robustness', () => {
  it('never throws, keeps ranges inside the text and is deterministic', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (subject) => {
        const first = checkSubject(subject, rules);
        for (const finding of first.findings) {
          expect(finding.start).toBeGreaterThanOrEqual(0);
          expect(finding.end).toBeLessThanOrEqual(subject.length);
          expect(finding.start).toBeLessThanOrEqual(finding.end);
        }
        expect(checkSubject(subject, rules)).toEqual(first);
      }),
    );
  });

  it('never throws, keeps ranges inside and is deterministic on any UTF-16 (lone surrogates too)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.option(fc.constantFrom('tech-fault', 'account-appeal', 'nope')),
        (subject, type) => {
          const first = checkSubject(subject, rules, type ?? undefined);
          for (const finding of first.findings) {
            expect(0 <= finding.start && finding.start <= finding.end && finding.end <= subject.length).toBe(
              true,
            );
          }
          expect(checkSubject(subject, rules, type ?? undefined)).toEqual(first);
        },
      ),
    );
  });

  it('takes linear time on a 1 MB subject', () => {
    expectLinearTime(
      (size) => repeatTo('【账号申诉-创作者ID:123456-紧急】请求复核封禁！！！转投抖音', size),
      (subject) => checkSubject(subject, rules),
    );
  });
});

describe('checkSubject: subjects as people write them (issue 16)', () => {
  it.each([
    ['【紧急】【账号申诉】快手号:ks_lin2024 请求复核11月20日的封禁', 'account-appeal', '账号申诉', '紧急'],
    ['【紧急】 【账号申诉】快手号:ks_lin2024 请求复核封禁', 'account-appeal', '账号申诉', '紧急'],
    ['【账号申诉】【紧急】快手号:ks_lin2024 请求复核封禁', 'account-appeal', '账号申诉', '紧急'],
    ['【跟进】【紧急】【技术故障】用户ID:2290017331 直播间闪退', 'tech-fault', '技术故障', '紧急'],
    ['【個人資料查閱申請】快手號：ks_chen_88 請提供個人資料副本', 'personal-info', '個人資料', null],
    ['【帳號申訴-快手號:ks_chen_88-緊急】請求複核封禁', 'account-appeal', '帳號申訴', '緊急'],
  ])('%s → type %s, urgency %s', (subject, type, typeText, urgency) => {
    const result = checkSubject(subject, rules);
    expect(result.category?.id).toBe(type);
    expect(result.structure.ok).toBe(true);
    const part = (name: string) => result.structure.parts.find((entry) => entry.name === name)!;
    expect(part('type').value).toContain(typeText.slice(0, 2));
    expect(part('urgency').value).toBe(urgency);
    expect(part('id').value).toMatch(/^(快手号|用户ID):/u);
    expect(ruleIds(subject)).not.toContain('subject.missing-type');
    expect(ruleIds(subject)).not.toContain('subject.missing-id');
  });

  it('reads the ID of a Traditional subject with its range as typed', () => {
    const subject = '【個人資料查閱申請】快手號：ks_chen_88 請提供個人資料副本';
    const id = checkSubject(subject, rules).structure.parts.find((part) => part.name === 'id')!;
    expect(id.value).toBe('快手号:ks_chen_88');
    expect(subject.slice(id.start, id.end)).toBe('快手號：ks_chen_88');
  });

  // A type in a later 【】 is written, only in the wrong place: "missing" would be untrue. Where the
  // place matters (cut off on a phone) subject.width says so; the suggested subject puts it first.
  it('a 【】 group later in the subject still gives the type; a long subject is then too wide', () => {
    expect(ruleIds('我的账号被封了【账号申诉】')).not.toContain('subject.missing-type');
    const late =
      '关于我的快手号在11月22日直播时被突然封禁以及粉丝流失的情况说明【账号申诉-快手号:ks_fish_qiang】';
    expect(ruleIds(late)).not.toContain('subject.missing-type');
    expect(ruleIds(late)).toContain('subject.width');
    expect(ruleIds('我的账号被封了，账号申诉')).toContain('subject.missing-type');
  });

  it.each([
    [[], 0, 1, false],
    [[[0, 5]], 0, 5, true],
    [[[0, 5]], 4, 6, false],
    [
      [
        [10, 20],
        [0, 5],
        [12, 15],
      ],
      12,
      14,
      true,
    ],
    [
      [
        [10, 20],
        [0, 5],
        [12, 15],
      ],
      5,
      6,
      false,
    ],
    [
      [
        [0, 4],
        [4, 9],
      ],
      2,
      8,
      false,
    ],
  ] as [[number, number][], number, number, boolean][])(
    'insideAny(%j)(%i, %i) = %s',
    (ranges, start, end, inside) => {
      expect(insideAny(ranges)(start, end)).toBe(inside);
    },
  );

  // About 30 characters with type and ID up front: what the guide asks for must not be flagged.
  it.each([
    '【账号申诉-快手号:ks_lin2024】请求复核11月20日的封禁',
    '【紧急】【账号申诉】快手号:ks_lin2024 请求复核11月20日的封禁',
    '【个人信息查阅申请-快手号:ks_chen_88】请求提供个人信息副本',
    '【侵权通知-作品ID:3xk9a2b7c4d5e6f】请求删除搬运我原创视频的作品',
    '【商务合作-广告账户ID:88990011】咨询双十二期间的投放审核时间',
    '【跟进】【技术故障-用户ID:2290017331】11月25日起直播间闪退',
  ])('%s: not too wide', (subject) => {
    expect(ruleIds(subject)).not.toContain('subject.width');
  });

  it.each([
    '您好，关于我在上个月发布的一条视频被误判的问题【账号申诉-创作者ID:123456】',
    '关于上个月直播间被限流和订单取消的问题【账号申诉-快手号:ks_lin2024】',
  ])('%s: the type and ID come too late', (subject) => {
    const result = checkSubject(subject, rules);
    const width = result.findings.find((finding) => finding.rule === 'subject.width')!;
    // The finding starts where the phone stops showing the subject (20 em: 20 CJK characters).
    expect(width.start).toBe(20);
    expect(width.message).toContain('20 个汉字宽');
  });

  it('phoneCut: where a phone stops showing the subject, in em', () => {
    const rule = rules.subjectWidth!;
    expect(phoneCut('一二三四五六七八九十一二三四五六七八九十一二三', rule)).toBe(20);
    // Latin letters and digits are narrower: 30 of them take 18 em.
    expect(phoneCut('abcdefghij0123456789abcdefghij', rule)).toBe(30);
    expect(phoneCut('', rule)).toBe(0);
  });

  it('never throws and keeps ranges inside on mixed scripts and lone surrogates', () => {
    const pieces = fc.constantFrom(
      '【',
      '】',
      '紧急',
      '帳號申訴',
      '快手號',
      ':',
      'ks_1',
      '\uD800',
      '😀',
      ' ',
      '緊急',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 120 }),
          fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')),
        ),
        (subject) => {
          const result = checkSubject(subject, rules);
          for (const item of [...result.findings, ...result.structure.parts]) {
            expect(0 <= item.start && item.start <= item.end && item.end <= subject.length).toBe(true);
          }
        },
      ),
    );
  });
});
