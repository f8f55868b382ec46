import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDraft, countCharacters } from './check-draft';
import { applyFix } from './ruleset';
import { loadCompiledRules } from '../node/load-ruleset';
import { expectLinearTime, repeatTo } from '../../../tests/support/linear-time';

const rules = loadCompiledRules();
const ruleIds = (draft: string) => checkDraft(draft, rules).findings.map((finding) => finding.rule);

export const GOOD_DRAFT = `问题描述：我的视频ID：3xk9a2b7 于 **11月20日** 被判定为搬运并下架。该视频为本人原创拍摄，原始素材可以提供。
影响说明：下架后账号日均播放量下降 **60%**，已预约的 **2** 场直播受到影响。
诉求清单：1. 请复核该视频的判定；2. 如确认误判，请恢复视频并撤销对账号的限制。
联系方式：手机 13800138000，快手号：kuai_creator01`;

describe('checkDraft: modules', () => {
  it('a draft that follows the guide has no error and no warning', () => {
    const result = checkDraft(GOOD_DRAFT, rules);
    expect(result.findings.filter((finding) => finding.severity !== 'info')).toEqual([]);
    expect(result.sections.map((section) => section.name)).toEqual([
      '问题描述',
      '影响说明',
      '诉求清单',
      '联系方式',
    ]);
    expect(result.band).toBe('four-part');
    expect(result.findings.filter((item) => item.severity !== 'info')).toEqual([]);
    // No score: nothing on the result reads as a forecast of Kuaishou's reply.
    expect(Object.keys(result).sort()).toEqual(['band', 'context', 'findings', 'sections']);
  });

  it.each([
    ['colon labels', '问题描述：a\n影响说明：b\n诉求清单：c\n联系方式：d'],
    ['【】 labels', '【问题描述】a\n【影响说明】b\n【诉求清单】c\n【联系方式】d'],
    ['一、 numbering', '一、问题描述\na\n二、影响说明\nb\n三、诉求清单\nc\n四、联系方式\nd'],
    ['Markdown headings', '## 问题描述\na\n## 影响说明\nb\n## 诉求清单\nc\n## 联系方式\nd'],
    [
      'bold labels with numbers',
      '1. **问题描述**：a\n2. **影响说明**：b\n3. **诉求清单**：c\n4. **联系方式**：d',
    ],
    ['aliases', '情况说明：a\n造成的影响：b\n具体诉求：c\n联系人：d'],
  ])('finds the four modules written as %s', (_style, draft) => {
    expect(checkDraft(draft, rules).sections.map((section) => section.name)).toEqual([
      '问题描述',
      '影响说明',
      '诉求清单',
      '联系方式',
    ]);
  });

  it('reports each missing module and each module over 150 characters', () => {
    const missing = checkDraft('问题描述：账号被封。\n联系方式：13800138000', rules).findings.filter(
      (finding) => finding.rule === 'structure.missing-section',
    );
    expect(missing.map((finding) => finding.message)).toEqual([
      expect.stringContaining('影响说明'),
      expect.stringContaining('诉求清单'),
    ]);
    const long = `问题描述：${'很'.repeat(151)}\n影响说明：b\n诉求清单：c\n联系方式：13800138000`;
    const finding = checkDraft(long, rules).findings.find((item) => item.rule === 'length.section')!;
    expect(long.slice(finding.start, finding.end)).toBe('很'.repeat(151));
    expect(finding.message).toContain('151');
  });

  it('counts characters the way the guide says (no white space, no bold marks)', () => {
    expect(countCharacters('流量下降 **60%**，\n请复核。')).toBe(12);
  });

  it.each([
    ['## 问题描述', 4],
    ['  - 第一条\n  * 第二条\n> 引用', 8],
    ['\n\n\n- 在空行之后', 5],
    ['-1 元', 3], // a minus sign glued to a number is not a list mark
    ['a__b**c', 3],
    ['#话题# 与 ##', 6],
    ['\u3000- 全角空格后的列表', 8],
  ])('countCharacters(%j) = %i', (text, count) => {
    expect(countCharacters(text)).toBe(count);
  });

  it('counts as the quadratic pattern of before issue 21 did', () => {
    const before = (text: string) =>
      [...text.replace(/\*\*|__|^#+|^\s*[-*>]\s/gmu, '')].filter((char) => !/\s/u.test(char)).length;
    const parts = ['\n', '\r\n', ' ', '\t', '\u3000', '-', '*', '>', '#', '_', '字', 'a', '\u2028'];
    const text = fc.array(fc.constantFrom(...parts), { maxLength: 16 }).map((list) => list.join(''));
    fc.assert(
      fc.property(text, (sample) => countCharacters(sample) === before(sample)),
      { numRuns: 5000 },
    );
  });
});

describe('checkDraft: tone, risk, contact, ID, figures', () => {
  it.each([
    ['tone.emotional', '你们太过分了，什么破规则'],
    ['tone.emotional', '垃\u200B圾\u200B平\u200B台'],
    ['tone.threat', '再不处理我就找媒体曝光你们'],
    ['tone.punctuation', '为什么？？？'],
    ['risk.competitor', '抖音都能发，为什么快手不行'],
    ['risk.competitor', 'ＴｉｋＴｏｋ 上没有问题'],
    ['risk.platform-switch', '不处理我就转投其他平台'],
    ['risk.platform-switch', '转 投 其 他 平 台'],
    ['risk.political', '组织游行抗议政府'],
    ['contact.missing', '请尽快处理。'],
    ['id.missing', '我的视频被下架了。'],
    ['figures.emphasis', '订单量下降了 80%。'],
  ])('%s: %j', (rule, draft) => {
    expect(ruleIds(draft)).toContain(rule);
  });

  it.each([
    ['情况紧急', '情况紧急，请尽快处理。'],
    ['a mobile number with spaces', '联系方式：138 0013 8000'],
    ['a full-width mobile number', '电话：１３８００１３８０００'],
    ['a 400 number', '客服热线 400-123-4567'],
    ['an e-mail address', '邮箱：me@example.com'],
  ])('no false alarm: %s', (_name, draft) => {
    const ids = ruleIds(draft);
    expect(ids).not.toContain('tone.emotional');
    expect(ids).not.toContain('tone.threat');
    if (_name !== '情况紧急') expect(ids).not.toContain('contact.missing');
  });

  it('points ranges into the original text and offers fixes that apply', () => {
    const draft = '请尽快处理！！！订单量下降了 80%。';
    const result = checkDraft(draft, rules);
    const punctuation = result.findings.find((finding) => finding.rule === 'tone.punctuation')!;
    expect(draft.slice(punctuation.start, punctuation.end)).toBe('！！！');
    expect(applyFix(draft, punctuation)).toBe('请尽快处理。订单量下降了 80%。');
    const figure = result.findings.find((finding) => finding.rule === 'figures.emphasis')!;
    expect(applyFix(draft, figure)).toBe('请尽快处理！！！订单量下降了 **80%**。');
  });

  it('matches the emotional band of table 3 when the tone is emotional', () => {
    expect(checkDraft(`${GOOD_DRAFT}\n你们太过分了`, rules).band).toBe('emotional');
    expect(checkDraft('请复核视频ID:123456。联系方式：13800138000', rules).band).toBe('single-request');
  });
});

describe('checkDraft: robustness', () => {
  it('never throws, keeps ranges inside the text and is deterministic', () => {
    const pieces = fc.constantFrom(
      '问题描述：',
      '\n',
      '！！',
      '转投',
      '平台',
      '抖音',
      '80%',
      '\u200B',
      ' ',
      '138',
      'ＩＤ',
      '😀',
      '**',
    );
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 400 }),
      fc.array(pieces, { maxLength: 80 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (draft) => {
        const first = checkDraft(draft, rules);
        for (const finding of first.findings) {
          expect(0 <= finding.start && finding.start <= finding.end && finding.end <= draft.length).toBe(
            true,
          );
        }
        expect(checkDraft(draft, rules)).toEqual(first);
      }),
    );
  });

  it('checks 1 MB of pasted text with every range inside it', () => {
    const megabyte = `${GOOD_DRAFT}\n转 投 其 他 平 台！！！\n`
      .repeat(Math.ceil(1_048_576 / 260))
      .slice(0, 1_048_576);
    const result = checkDraft(megabyte, rules);
    expect(result.findings.length).toBeGreaterThan(100);
    expect(result.findings.every((finding) => finding.end <= megabyte.length)).toBe(true);
  });

  it('never throws, keeps ranges inside and is deterministic on any UTF-16 (lone surrogates too)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (draft) => {
        const first = checkDraft(draft, rules);
        for (const finding of [...first.findings, ...first.sections]) {
          expect(0 <= finding.start && finding.start <= finding.end && finding.end <= draft.length).toBe(
            true,
          );
        }
        expect(checkDraft(draft, rules)).toEqual(first);
      }),
    );
  });

  it('takes linear time on 1 MB (bold figures and modules included)', () => {
    expectLinearTime(
      (size) => repeatTo(`${GOOD_DRAFT}\n转 投 其 他 平 台！！！下降 **30%**，损失 5 万元 80%\n`, size),
      (draft) => checkDraft(draft, rules),
    );
  });
  // Issue 21: each cost seconds per keystroke on /tools/ before.
  it('a 48,000-character run of letters and digits is linear (contact.missing looked for an address)', () => {
    expectLinearTime(
      (size) => repeatTo('a1B2c3', size),
      (draft) => checkDraft(draft, rules),
      { size: 48_000 },
    );
  });

  it('a heading followed by 40,000 blank lines is linear (countCharacters)', () => {
    expectLinearTime(
      (size) => `问题描述：\n${'\n'.repeat(size)}请复核。`,
      (draft) => countCharacters(draft),
      { size: 40_000 },
    );
    expectLinearTime(
      (size) => `问题描述：\n${'\n'.repeat(size)}请复核。`,
      (draft) => checkDraft(draft, rules),
      { size: 40_000 },
    );
  });
});
