import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCompiledRules } from '../node/load-ruleset';
import { checkDraft } from './check-draft';
import { checkSubject } from './check-subject';
import { placeholderFindings } from './find-placeholders';
import { expectLinearTime, repeatTo } from '../../../tests/support/linear-time';

const rules = loadCompiledRules();
const matcher = rules.placeholders!;
/** The blanks found, as the text they cover. */
const blanks = (text: string, target: 'subject' | 'draft' = 'draft') =>
  placeholderFindings(matcher, text, target).map((finding) => text.slice(finding.start, finding.end));

describe('placeholder.unfilled: what is a blank', () => {
  it.each([
    ['XXX as an ID value', '【账号申诉-创作者ID:XXX-紧急】', ['XXX'], 'subject'],
    ['the suggestion’s XXX', '【账号申诉-快手号:XXX】请求复核封禁', ['XXX'], 'subject'],
    [
      'a blank in the subject’s request',
      '【账号申诉-快手号:kuai1】请求复核【处罚日期】的封禁',
      ['【处罚日期】'],
      'subject',
    ],
    ['xxx alone', '快手号是 xxx，请查询', ['xxx'], 'draft'],
    ['full-width ＸＸＸ', '快手号：ＸＸＸ', ['ＸＸＸ'], 'draft'],
    ['××', '手机 138××××', [], 'draft'],
    ['×× alone', '手机：××××', ['××××'], 'draft'],
    ['XX月XX日', '于XX月XX日被封禁', ['XX', 'XX'], 'draft'],
    ['某某', '我们是某某科技有限公司', ['某某'], 'draft'],
    ['underscores', '联系人：____，电话：＿＿', ['____', '＿＿'], 'draft'],
    ['{{…}}', '申诉编号：{{申诉编号}}', ['{{申诉编号}}'], 'draft'],
    ['a template blank', '我的账号于【处罚日期】被封禁', ['【处罚日期】'], 'draft'],
    ['a blank with a note', '手机 【手机号（按需提供）】', ['【手机号（按需提供）】'], 'draft'],
    ['〔…〕', '作品ID：〔作品ID〕', ['〔作品ID〕'], 'draft'],
    ['a signature line', '感谢复核。\n【姓名】\n【日期】', ['【姓名】', '【日期】'], 'draft'],
    ['a blank inside a blank is one finding', '{{【日期】}}', ['{{【日期】}}'], 'draft'],
  ] as const)('%s', (_name, text, expected, target) => {
    expect(blanks(text, target)).toEqual(expected);
  });

  it.each([
    ['a type label', '【账号申诉】请求复核封禁', 'subject'],
    ['urgency and type groups', '【紧急】【账号申诉-快手号:kuai123】请求复核', 'subject'],
    ['a follow-up', '【跟进】【账号申诉-快手号:kuai123】请求复核', 'subject'],
    ['a filled subject', '【账号申诉-快手号:kuai123456】请求复核11月20日的封禁', 'subject'],
    ['section labels', '【问题描述】账号被封。\n【联系方式】13800138000', 'draft'],
    ['a label opening a line with its value', '【联系人】张三\n【处罚日期】11月20日', 'draft'],
    ['a numbered label', '1.【申诉编号】A2026', 'draft'],
    ['IDs with underscores', '快手号：ks_lin_2024，用户ID：1234567890', 'draft'],
    ['a size XXL', '尺码 XXL 的订单，型号 X1', 'draft'],
    ['a document number', '依据〔2026〕12号文件', 'draft'],
    ['a bracket without a placeholder word', '【重要】请尽快处理', 'draft'],
  ] as const)('not a blank: %s', (_name, text, target) => {
    expect(blanks(text, target)).toEqual([]);
  });

  it('names each blank in its own finding, as an error, in subject and body', () => {
    const subject = checkSubject('【账号申诉-创作者ID:XXX-紧急】', rules).findings;
    expect(subject.filter((finding) => finding.rule === 'placeholder.unfilled')).toMatchObject([
      { severity: 'error', start: 12, end: 15, message: expect.stringContaining('还有未填写的占位符：XXX') },
    ]);
    const body = checkDraft('问题描述：于【处罚日期】被封禁。\n联系方式：【手机号】', rules).findings;
    expect(
      body.filter((finding) => finding.rule === 'placeholder.unfilled').map((finding) => finding.message),
    ).toEqual([
      expect.stringContaining('还有未填写的占位符：【处罚日期】'),
      expect.stringContaining('还有未填写的占位符：【手机号】'),
    ]);
  });

  it('names a long blank by its beginning', () => {
    const [finding] = placeholderFindings(matcher, '_'.repeat(500), 'draft');
    expect(finding!.end).toBe(500);
    expect(finding!.message).toContain(`${'_'.repeat(24)}…`);
  });
});

describe('placeholder.unfilled: any text', () => {
  const pieces = [
    '【',
    '】',
    '〔',
    '〕',
    '日期',
    'XX',
    'x',
    '某',
    '_',
    '＿',
    '{{',
    '}}',
    '\n',
    ' ',
    '（注）',
    '\uD800',
    '😀',
    '申诉',
  ];
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join('')),
  );

  it('never throws; ranges are valid, ordered, not overlapping and cover what the message names', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.constantFrom('subject', 'draft') as fc.Arbitrary<'subject' | 'draft'>,
        (text, target) => {
          let previousEnd = 0;
          for (const finding of placeholderFindings(matcher, text, target)) {
            expect(finding.start).toBeGreaterThanOrEqual(previousEnd);
            expect(finding.end).toBeGreaterThan(finding.start);
            expect(finding.end).toBeLessThanOrEqual(text.length);
            previousEnd = finding.end;
            const blank = text.slice(finding.start, finding.end);
            expect(finding.message).toContain(blank.length > 24 ? blank.slice(0, 23) : blank);
          }
        },
      ),
    );
  });

  it('takes linear time on a megabyte of blanks and brackets on one line', () => {
    expectLinearTime(
      (size) => repeatTo('我于【处罚日期】被封，XXX 某某 ___ {{x}}【账号申诉】', size),
      (text) => placeholderFindings(matcher, text, 'draft'),
    );
  });
});
