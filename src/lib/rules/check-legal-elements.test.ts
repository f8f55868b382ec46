import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDraft } from './check-draft';
import { contextLine } from './context-line';
import { describeSource } from './ruleset';
import { loadCompiledRules } from '../node/load-ruleset';
import { expectLinearTime, repeatTo } from '../../../tests/support/linear-time';

const rules = loadCompiledRules();

/** The legal findings of a draft, as `rule id → message`. */
function legal(
  draft: string,
  options: Parameters<typeof checkDraft>[2] = { context: 'infringement-notice' },
) {
  const result = checkDraft(draft, rules, options);
  return new Map(
    result.findings.filter((finding) => finding.rule.startsWith('legal.')).map((f) => [f.rule, f] as const),
  );
}

const ELEMENTS = {
  identity: '权利人：李娜',
  contact: '电话 138 0013 8010',
  address: '地址：四川省成都市武侯区人民南路 4 号',
  work: '侵权作品《川西自驾》，作品ID 3xcopy1120',
  evidence: '原始视频文件和首发截图作为初步证明材料见附件',
  truth: '本人对本通知的真实性负责',
} as const;
type Element = keyof typeof ELEMENTS;
const notice = (without?: Element) =>
  (Object.keys(ELEMENTS) as Element[])
    .filter((element) => element !== without)
    .map((element) => `${ELEMENTS[element]}。`)
    .join('\n');

describe('legal elements of an infringement notice (第十四条)', () => {
  it('a notice with all six elements has no legal finding', () => {
    expect([...legal(notice()).keys()]).toEqual([]);
  });

  it.each(Object.keys(ELEMENTS) as Element[])(
    'a notice without its %s gets exactly that error, quoting 第十四条 and saying what to add',
    (element) => {
      const found = legal(notice(element));
      expect([...found.keys()]).toEqual([`legal.notice.${element}`]);
      const finding = found.get(`legal.notice.${element}`)!;
      expect(finding.severity).toBe('error');
      expect(finding.message).toMatch(/第十四条.*“.+”。请.+。$/u);
      expect(finding.source).toMatchObject({ kind: 'law', article: '第十四条', lawId: 'ndr-14' });
      expect(describeSource(finding.source!)).toBe('依据：《信息网络传播权保护条例》第十四条');
    },
  );

  it.each([
    [
      'Traditional Chinese',
      '權利人：陳嘉欣\n電話 +852 9123 4105\n地址：香港九龍旺角彌敦道 600 號\n侵權作品《港島夜景》，作品ID 3xcity1012\n原始拍攝檔案作為初步證明材料見附件\n本人對本通知的真實性負責',
    ],
    [
      'a Markdown table',
      '| 项目 | 内容 |\n| --- | --- |\n| 权利人 | 孙悦 |\n| 联系电话 | 139 0013 9105 |\n| 通讯地址 | 江苏省南京市玄武区中山路 12 号 |\n| 侵权作品 | 《雨巷》，作品ID 3xdance1105 |\n| 证明材料 | 排练原片（附件） |\n\n本人对以上内容的真实性负责。',
    ],
    [
      'a Markdown list',
      '- 权利人：郑凯\n- 联系方式：zhengkai@example.com\n- 地址：山东省青岛市市南区香港中路 5 号\n- 侵权作品：《全麦欧包》，链接 https://v.kuaishou.com/3xbread0923\n- 初步证明：剪辑工程截图\n\n我保证以上内容属实。',
    ],
    [
      'a heading per element',
      '### 权利人\n龙飞\n\n### 联系方式\n138 0013 8122\n\n### 地址\n贵州省贵阳市南明区中华南路 22 号\n\n### 侵权作品\n《榫卯小板凳》，作品ID 3xwood1122\n\n### 初步证明材料\n原始视频（附件）\n\n本人对本通知的真实性负责。',
    ],
  ])('reads a complete notice written as %s', (_style, draft) => {
    expect([...legal(draft).keys()]).toEqual([]);
  });

  it('a notice naming the work only by link is asked for the name, not the link', () => {
    const draft = notice('work').replace(
      '权利人',
      '侵权链接：https://www.kuaishou.com/short-video/3xlink1111。\n权利人',
    );
    const finding = legal(draft).get('legal.notice.work')!;
    expect(finding.message).toContain('请写出每个侵权作品的名称');
    expect(finding.message).not.toContain('链接或作品ID');
    const nameOnly = legal(notice('work').replace('权利人', '侵权作品《川西自驾》。\n权利人')).get(
      'legal.notice.work',
    )!;
    expect(nameOnly.message).toContain('链接或作品ID');
    expect(nameOnly.message).not.toContain('名称（如');
  });

  it.each([
    [['初步证明材料.pdf'], false],
    [['20261120_侵权页面截图.png'], false],
    [['權屬證明.pdf'], false],
    [['行程.txt'], true],
    [[], true],
  ])('proof attached instead of described counts: attachments %j → finding %s', (attachments, fires) => {
    const found = legal(notice('evidence'), { context: 'infringement-notice', attachments });
    expect(found.has('legal.notice.evidence')).toBe(fires);
  });

  it('an agent is asked for the authorization, in the text or among the attachments', () => {
    const agent = `本所受李娜委托，代为发出本通知。\n${notice()}`;
    const finding = legal(agent).get('legal.notice.authorization')!;
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('授权委托书');
    expect(legal(`${agent}\n授权委托书见附件。`).has('legal.notice.authorization')).toBe(false);
    expect(
      legal(agent, { context: 'infringement-notice', attachments: ['授权委托书.jpg'] }).has(
        'legal.notice.authorization',
      ),
    ).toBe(false);
    expect(legal(notice()).has('legal.notice.authorization')).toBe(false);
  });
});

describe('legal elements: which case', () => {
  it('with no case given, infers the infringement notice from its words and says so', () => {
    const draft = `您好，对方侵权，请下架。\n${notice('address')}`;
    const result = checkDraft(draft, rules);
    expect(result.context).toMatchObject({ id: 'infringement-notice', inferred: true });
    expect(contextLine(result.context)).toContain('按“侵权通知”检查（根据主题和正文推断');
    expect(result.findings.map((finding) => finding.rule)).toContain('legal.notice.address');
  });

  it('a counter-notice is checked against 第十六条, not 第十四条', () => {
    const draft =
      '声明人：罗斌\n电话 138 0013 8020\n要求恢复的作品《水库夜钓》，作品ID 3xfish1103\n原始视频文件见附件\n本人对本声明的真实性负责';
    const found = legal(draft, { context: 'takedown' });
    expect([...found.keys()]).toEqual(['legal.counter.address']);
    expect(found.get('legal.counter.address')!.source).toMatchObject({
      article: '第十六条',
      lawId: 'ndr-16',
    });
  });

  it.each([
    [
      'an account appeal',
      '我的快手号 ks_lin2024 在11月20日被封禁，恳请复核。电话 13800138000',
      'account-appeal',
    ],
    ['a case that cannot be told', '您好，请问怎样修改绑定的手机号？', null],
  ])('%s gets no legal finding', (_name, draft, context) => {
    const result = checkDraft(draft, rules, context ? { context } : {});
    expect(result.findings.filter((finding) => finding.rule.startsWith('legal.'))).toEqual([]);
  });
});

describe('legal elements: any text', () => {
  it('never throws, keeps findings at a valid place, whatever the text and attachments', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 4 }),
        fc.constantFrom('infringement-notice', 'counter-notice'),
        (draft, attachments, context) => {
          const result = checkDraft(draft, rules, { context, attachments });
          for (const finding of result.findings)
            expect(0 <= finding.start && finding.start <= finding.end && finding.end <= draft.length).toBe(
              true,
            );
        },
      ),
    );
  });

  it.each([
    ['near-misses of every cue', '受权利人我是本人地址省市《作品id代理人承担保证'],
    ['Han text without an element', '这是一段很长的说明文字没有任何法定要素只是在描述事情的经过'],
    ['an unclosed title', '《《《作品'],
  ])('takes linear time on 1 MB of %s', (_name, piece) => {
    expectLinearTime(
      (size) => repeatTo(piece, size),
      (draft) => checkDraft(draft, rules, { context: 'infringement-notice', attachments: ['a.pdf'] }),
    );
  });
});
