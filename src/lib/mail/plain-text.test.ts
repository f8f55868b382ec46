import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainBody } from './plain-text';
import { lineRuns } from './mail-body';
import { mailtoLink } from './mail-message';
import { buildEml } from './eml';
import { expectLinearTime, repeatTo } from '../../../tests/support/linear-time';

describe('plainBody: the draft as plain text', () => {
  it.each([
    ['a bold figure is bare', '订单量下降了 **80%**。', '订单量下降了 80%。'],
    ['several on a line', '**11月20日** 起下降 **80%**', '11月20日 起下降 80%'],
    ['a table cell', '| 11 月 18 日 | **30000** |', '| 11 月 18 日 | 30000 |'],
    ['a lone ** is text', '评分 5** 星', '评分 5** 星'],
    ['no pair across lines', '**开始\n结束**', '**开始\n结束**'],
    ['nothing else changes', '问题描述：__下划线__ *星号*', '问题描述：__下划线__ *星号*'],
  ])('%s', (_name, body, expected) => {
    expect(plainBody(body)).toBe(expected);
  });

  it('shows exactly the text the HTML shows, without the bold (line by line, any text)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('**', '80%', '*', '订单', ' ', '\uD800', '😀'), { maxLength: 40 }),
        (parts) => {
          const line = parts.join('');
          const html = lineRuns(line, { boldFigures: false })
            .map((run) => run.text)
            .join('');
          expect(plainBody(line)).toBe(html);
        },
      ),
    );
  });

  it('takes linear time on a megabyte of marks', () => {
    expectLinearTime((size) => repeatTo('**80%** ****a**** * ', size), plainBody);
  });
});

describe('plain-text outputs never show ** around a figure', () => {
  const message = {
    to: ['copyright@kuaishou.com'],
    cc: [],
    subject: '【账号申诉-快手号:kuai123】请求复核',
    body: '影响说明：订单量下降了 **80%**。',
    attachments: [],
  };

  it('the mailto: body', () => {
    const body = new URL(mailtoLink(message).url!).searchParams.get('body');
    expect(body).toBe('影响说明：订单量下降了 80%。');
  });

  it('the .eml text part (and the HTML part keeps the bold)', () => {
    const eml = buildEml({
      to: message.to,
      cc: [],
      subject: message.subject,
      text: message.body,
      html: '<p>订单量下降了 <b>80%</b>。</p>',
      attachments: [],
      date: new Date('2026-11-30T08:00:00Z'),
    });
    const parts = [
      ...eml.matchAll(/Content-Type: text\/(plain|html)[\s\S]*?\r\n\r\n([A-Za-z0-9+/=\r\n]+)/g),
    ].map((match) => [match[1], Buffer.from(match[2]!.replace(/\r\n/g, ''), 'base64').toString('utf8')]);
    expect(Object.fromEntries(parts)).toEqual({
      plain: '影响说明：订单量下降了 80%。',
      html: '<p>订单量下降了 <b>80%</b>。</p>',
    });
  });
});
