import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDraft } from './check-draft';
import { applyFix } from './ruleset';
import { detectModuleLines } from './detect-modules';
import { loadCompiledRules } from '../node/load-ruleset';
import { foldForMatching } from '../text-normalize';
import { expectLinearTime, repeatTo } from '../../../tests/support/linear-time';

const rules = loadCompiledRules();
const ids = (draft: string) => checkDraft(draft, rules).findings.map((finding) => finding.rule);
const missing = (draft: string) =>
  checkDraft(draft, rules)
    .findings.filter((finding) => finding.rule === 'structure.missing-section')
    .map((finding) => /缺少“([^”]+)”/u.exec(finding.message)?.[1]);
const notClean = (draft: string) =>
  checkDraft(draft, rules).findings.filter((finding) => finding.severity !== 'info');

/** Complete mails as people write them: no label anywhere. */
const PARAGRAPH_MAILS: [string, string][] = [
  [
    'ban appeal',
    `您好：

我是快手创作者林晓，快手号 ks_lin2024。11月20日晚上直播结束后，账号突然被封禁，提示“涉嫌违规营销”，但我当天只介绍了自家果园的橙子，没有引导站外交易。

封禁以后直播间无法开播，已经下单的 36 笔订单被平台取消，老客户也联系不上我。

恳请工作人员复核这次封禁，如确属误判，请恢复账号。

我的电话是 138 0013 8000，邮箱 lin.xiao@example.com，随时可以补充材料。

谢谢！`,
  ],
  [
    'tech fault',
    `你好，我是主播陈默（用户ID：2290017331）。
从11月25日晚上8点开始，快手 App 一进直播间就闪退，换了两台手机都一样，已经卸载重装过。
这两天原定的 4 场直播只能取消，粉丝群里很多人在问。
麻烦技术同事帮忙排查一下原因，附件是闪退录屏和系统日志。
联系电话：021-6123 4567（工作日 9 点到 18 点）`,
  ],
  [
    'merchant deposit',
    `快手电商的工作人员你好，
我们店铺（店铺ID：88120456）在2026年11月18日收到通知，保证金被扣除 2000 元，理由是“发货超时”。实际上这批订单都在承诺时间内揽收了，物流单号附在后面。
保证金被扣后店铺暂停报名活动，双十二的备货已经压在仓库里。
希望平台核实物流记录并退还这笔保证金。
有问题请联系店长王女士，微信号：wang_shop2026，或者 QQ：2873365401。`,
  ],
];

describe('content-aware modules: complete mails without labels', () => {
  it.each(PARAGRAPH_MAILS)('%s: no missing-section warning, nothing above info', (_name, mail) => {
    expect(missing(mail)).toEqual([]);
    expect(notClean(mail).filter((finding) => finding.rule.startsWith('structure.'))).toEqual([]);
    expect(ids(mail)).not.toContain('contact.missing');
  });

  it('suggests a label for each unlabelled module, as info, on the line that holds it', () => {
    const mail = PARAGRAPH_MAILS[0]![1];
    const hints = checkDraft(mail, rules).findings.filter(
      (finding) => finding.rule === 'structure.unlabelled-section',
    );
    expect(hints.map((hint) => hint.severity)).toEqual(['info', 'info', 'info', 'info']);
    const request = hints.find((hint) => hint.message.includes('诉求清单'))!;
    // At the start of the line that holds it, with a fix that inserts the label there.
    expect(request.end).toBe(request.start);
    expect(mail.slice(request.start)).toMatch(/^恳请工作人员复核这次封禁/u);
    expect(request.message).toContain('“诉求清单：”');
    expect(applyFix(mail, request)).toContain('\n诉求清单：恳请工作人员复核这次封禁');
  });

  it('lists the detected modules with the labelled ones, marked unlabelled, and counts the mail as four-part', () => {
    const result = checkDraft(PARAGRAPH_MAILS[1]![1], rules);
    expect(result.sections.map((section) => [section.name, section.labelled])).toEqual([
      ['问题描述', false],
      ['影响说明', false],
      ['诉求清单', false],
      // 联系电话： is a label of the contact module.
      ['联系方式', true],
    ]);
    expect(result.band).toBe('four-part');
  });
});

describe('content-aware modules: what is truly absent is still missing', () => {
  it.each([
    [
      'no request',
      '您好，我的快手号 ks_lin2024 在11月20日被封禁，店铺订单全部取消。电话 13800138000。',
      ['诉求清单'],
    ],
    ['no impact', '11月20日我的账号 ks_lin2024 被封禁。\n请复核。\n电话 13800138000', ['影响说明']],
    ['a request alone', '请尽快处理。', ['问题描述', '影响说明', '联系方式']],
    ['an event without a date', '我的账号被封了，粉丝都没了。\n请帮我解封。\n电话 13800138000', ['问题描述']],
  ])('%s → missing %j', (_name, draft, expected) => {
    expect(missing(draft)).toEqual(expected);
  });

  it('labelled modules as before: no hint, no warning', () => {
    const draft =
      '问题描述：视频ID:3xk9a2b7 于11月20日被下架。\n影响说明：粉丝流失。\n诉求清单：请复核。\n联系方式：13800138000';
    expect(ids(draft).filter((id) => id.startsWith('structure.'))).toEqual([]);
  });
});

describe('content-aware modules: Traditional Chinese', () => {
  it('reads a Traditional mail in paragraphs as complete', () => {
    const mail = `您好：
本人快手號 ks_chen_88，於11月18日晚上被封禁，無法登錄。
帳號被封後粉絲流失，已接的三個商業合作訂單被取消。
懇請貴司複核並恢復帳號。
聯繫電話：+852 9123 4567，電郵 chen88@example.com.hk`;
    expect(missing(mail)).toEqual([]);
    expect(ids(mail)).not.toContain('contact.missing');
    expect(ids(mail)).not.toContain('id.missing');
  });

  it('counts Traditional labels as labels', () => {
    const mail =
      '問題描述：帳號於11月18日被封禁。\n影響說明：訂單被取消。\n訴求清單：請複核。\n聯繫方式：13800138000';
    const result = checkDraft(mail, rules);
    expect(result.sections.map((section) => [section.name, section.labelled])).toEqual([
      ['问题描述', true],
      ['影响说明', true],
      ['诉求清单', true],
      ['联系方式', true],
    ]);
    expect(mail.slice(result.sections[0]!.start, result.sections[0]!.end)).toBe(
      '問題描述：帳號於11月18日被封禁。',
    );
  });

  it('Traditional risk words fire, with the range as typed', () => {
    const mail = '再不處理我就轉投其他平台。';
    const finding = checkDraft(mail, rules).findings.find((item) => item.rule === 'risk.platform-switch')!;
    expect(mail.slice(finding.start, finding.end)).toBe('轉投其他平台');
  });
});

describe('contact.missing recognises every contact form', () => {
  it.each([
    '手机：138 0013 8000',
    '手机 １３８００１３８０００',
    '座机 021-6123 4567',
    '请致电 0755-8888 6666',
    '办公室电话 (010) 8765 4321',
    '香港手机 +852 9123 4567',
    '香港 (852) 6123-4567',
    '澳门手机 +853 6612 3456',
    '台湾手机 +886 912 345 678',
    '台湾手机 +886-912-345-678',
    '台北办公室 +886 2 2345 6789',
    '400-123-4567',
    '邮箱 me@example.com',
    '微信号：lin_2024shop',
    '微信: wxid_abc123',
    'QQ：123456789',
    'qq 2873365401',
    '聯繫電話：０２１－６１２３４５６７',
    '联系方式：请回复本邮件',
  ])('%s', (line) => {
    const draft = `11月20日我的账号被封禁，订单被取消。请复核。\n${line}`;
    expect(ids(draft)).not.toContain('contact.missing');
    expect(missing(draft)).toEqual([]);
  });

  it.each(['联系人：林女士', '订单号 2026112012345678', '请尽快处理，谢谢。', '时间 11:30'])(
    '%s is not a contact',
    (line) => {
      expect(ids(`11月20日我的账号被封禁。\n${line}`)).toContain('contact.missing');
    },
  );
});

describe('length.section on detected modules', () => {
  it('a long unlabelled paragraph is too long; a short one is not', () => {
    const long = `11月20日晚上我的快手号 ks_lin2024 被封禁。${'这个账号我做了五年，每天都在直播卖家乡的农产品。'.repeat(8)}`;
    const result = checkDraft(`${long}\n请复核。\n电话 13800138000`, rules);
    const finding = result.findings.find((item) => item.rule === 'length.section')!;
    expect(finding.start).toBe(0);
    expect(finding.end).toBe(long.length);
    expect(finding.message).toContain('问题描述');
    expect(ids('11月20日晚上我的快手号 ks_lin2024 被封禁。\n请复核。\n电话 13800138000')).not.toContain(
      'length.section',
    );
  });
});

describe('detectModuleLines: properties', () => {
  const sections = rules.sections!;
  const pieces = fc.constantFrom(
    '11月20日',
    '被封禁',
    '\n',
    '帳號',
    '请复核',
    '损失',
    '138 0013 8000',
    '+852',
    '微信号：',
    '\u200B',
    '\uD800',
    '😀',
    ' ',
    'ｑｑ：',
  );
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join('')),
  );

  it('never throws and keeps every line inside the text, without its line break', () => {
    fc.assert(
      fc.property(text, (draft) => {
        for (const line of detectModuleLines(draft, foldForMatching(draft), sections)) {
          expect(0 <= line.start && line.start < line.end && line.end <= draft.length).toBe(true);
          expect(draft.slice(line.start, line.end)).not.toContain('\n');
          expect(line.names.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('a module is never both missing and suggested a label', () => {
    fc.assert(
      fc.property(text, (draft) => {
        const findings = checkDraft(draft, rules).findings;
        const named = (rule: string) =>
          findings.filter((item) => item.rule === rule).map((item) => /“(.+?)”/u.exec(item.message)?.[1]);
        const hinted = named('structure.unlabelled-section');
        for (const name of named('structure.missing-section')) expect(hinted).not.toContain(name);
      }),
    );
  });

  it('takes linear time on 1 MB of paragraphs', () => {
    expectLinearTime(
      (size) => repeatTo(`${PARAGRAPH_MAILS[0]![1]}\n`, size),
      (draft) => checkDraft(draft, rules),
    );
  });

  it('takes linear time on a megabyte without line breaks', () => {
    const mail = PARAGRAPH_MAILS[0]![1];
    expectLinearTime(
      (size) => repeatTo(mail.replace(/\n/gu, ''), size),
      (draft) => checkDraft(draft, rules),
    );
  });
});
