import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  encodedFieldLength,
  encodeField,
  MAILTO_LIMITS,
  mailtoLink,
  parseAddressList,
  wellFormed,
  type MailMessage,
} from './mail-message';
import { parseMailboxEntry } from './address-parser';
import { expectLinearTime, repeatTo } from '../../../tests/support/linear-time';

const message = (overrides: Partial<MailMessage> = {}): MailMessage => ({
  to: ['copyright@kuaishou.com'],
  cc: [],
  subject: '【侵权通知-视频ID:8848】请求下架',
  body: '问题描述：视频被搬运。',
  attachments: [],
  ...overrides,
});

describe('parseAddressList', () => {
  it.each([
    ['a@b.com', ['a@b.com'], []],
    ['a@b.com, c@d.cn；e@f.org、g@h.io', ['a@b.com', 'c@d.cn', 'e@f.org', 'g@h.io'], []],
    ['<a@b.com>', ['a@b.com'], []],
    ['a@b.com A@B.COM', ['a@b.com'], []],
    ['a@b, @b.com, a b@c.com', ['b@c.com'], ['a@b', '@b.com', 'a']],
    ['', [], []],
    // Issue 21: pasted from a mail client, reported as invalid before.
    ['张三 <a@b.com>', ['a@b.com'], []],
    ['"Zhang, San" <a@b.com>; Li Si <li@x.cn>，c@d.org', ['a@b.com', 'li@x.cn', 'c@d.org'], []],
    ['版权组: a@b.com, c@d.com; e@f.com', ['a@b.com', 'c@d.com', 'e@f.com'], []],
    ['a@b.com (张三)', ['a@b.com'], []],
    ['张三 <bad>, ok@x.cn', ['ok@x.cn'], ['张三 <bad>']],
    ['"未闭合 <a@b.com>', [], ['"未闭合 <a@b.com>']],
  ])('%j', (text, addresses, invalid) => {
    const list = parseAddressList(text, parseMailboxEntry);
    expect({ addresses: list.addresses, invalid: list.invalid }).toEqual({ addresses, invalid });
    expect(list.mailboxes.map((mailbox) => mailbox.address)).toEqual(addresses);
  });

  it('without the parser (still loading in the browser), named entries are pending, not invalid', () => {
    expect(parseAddressList('张三 <a@b.com>, <c@d.org>, e@f.cn, bad')).toEqual({
      addresses: ['c@d.org', 'e@f.cn'],
      mailboxes: [
        { name: '', address: 'c@d.org' },
        { name: '', address: 'e@f.cn' },
      ],
      invalid: ['bad'],
      pending: ['张三 <a@b.com>'],
    });
  });

  it('keeps display names for the .eml', () => {
    expect(
      parseAddressList('张三 <a@b.com>, "Li, Si" <li@x.cn>, c@d.org', parseMailboxEntry).mailboxes,
    ).toEqual([
      { name: '张三', address: 'a@b.com' },
      { name: 'Li, Si', address: 'li@x.cn' },
      { name: '', address: 'c@d.org' },
    ]);
  });

  it('is linear on a long paste', () => {
    expectLinearTime(
      (size) => repeatTo('张三 <zhang.san@example.com>, "Li, Si" <li@x.cn>; ', size),
      (text) => parseAddressList(text, parseMailboxEntry),
      { size: 20_000 },
    );
  });

  it('never throws and every address it keeps appears in the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => {
        const { addresses } = parseAddressList(text, parseMailboxEntry);
        for (const address of addresses) expect(text.toLowerCase()).toContain(address.toLowerCase());
      }),
    );
    // The RFC 5322 parser reads entries with quotes or brackets: slower than the split it replaced.
  }, 30_000);
});

describe('mailtoLink', () => {
  it('encodes recipients, subject and body with CRLF line breaks (RFC 6068)', () => {
    const result = mailtoLink(message({ cc: ['legal@kuaishou.com'], body: '第一行\n第二行' }));
    expect(result.verdict).toBe('ok');
    expect(result.url).toBe(
      'mailto:copyright%40kuaishou.com?cc=legal%40kuaishou.com&subject=' +
        encodeURIComponent('【侵权通知-视频ID:8848】请求下架') +
        '&body=' +
        encodeURIComponent('第一行\r\n第二行'),
    );
    expect(result.length).toBe(result.url!.length);
  });

  it('refuses a link longer than the clients take, and says why and what instead', () => {
    const body = '问'.repeat(230); // 9 characters each once percent-encoded
    const result = mailtoLink(message({ body }));
    expect(result.verdict).toBe('too-long');
    expect(result.url).toBeNull();
    expect(result.length).toBeGreaterThan(MAILTO_LIMITS.max);
    expect(result.message).toContain('.eml');
  });

  it('warns between Gmail’s limit and the desktop clients’ limit', () => {
    const result = mailtoLink(message({ body: '问'.repeat(170) }));
    expect(result.length).toBeGreaterThan(MAILTO_LIMITS.gmail);
    expect(result.length).toBeLessThanOrEqual(MAILTO_LIMITS.max);
    expect(result.verdict).toBe('gmail-risk');
    expect(result.url).not.toBeNull();
  });

  it('needs a recipient, and says attachments must be added by hand', () => {
    expect(mailtoLink(message({ to: [] })).verdict).toBe('no-recipient');
    const withFiles = mailtoLink(message({ attachments: [{ name: 'a.png', size: 1 }] }));
    expect(withFiles.attachmentsLeftOut).toBe(1);
    expect(withFiles.message).toContain('手动添加 1 个附件');
  });

  it('property: a link it gives decodes back to the same subject and body, and fits the limit', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200, unit: 'binary' }),
        fc.string({ maxLength: 600, unit: 'binary' }),
        (subject, body) => {
          const result = mailtoLink(message({ subject, body }));
          if (result.url === null) {
            expect(result.length).toBeGreaterThan(MAILTO_LIMITS.max);
            return;
          }
          expect(result.url.length).toBeLessThanOrEqual(MAILTO_LIMITS.max);
          const params = new URLSearchParams(
            result.url.slice(result.url.indexOf('?') + 1).replace(/\+/g, '%2B'),
          );
          if (subject) expect(params.get('subject')).toBe(wellFormed(subject).replace(/\r\n|\r|\n/g, '\r\n'));
          if (body) expect(params.get('body')).toBe(wellFormed(body).replace(/\r\n|\r|\n/g, '\r\n'));
        },
      ),
    );
  });
});

describe('mailtoLink: properties', () => {
  it('counts the encoded length exactly, for any UTF-16 (lone surrogates, CR, LF, CRLF)', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .array(fc.constantFrom('\r', '\n', '\r\n', 'a', '~', ' ', '汉', 'é', '😀', '\uD800', '\uDC00'), {
          maxLength: 40,
        })
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        expect(encodedFieldLength(text)).toBe(encodeField(text).length);
      }),
    );
  });

  it('never throws, reports the true link length, and is deterministic for any body', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
        (body, subject) => {
          const result = mailtoLink(message({ body, subject }));
          const full = `mailto:copyright%40kuaishou.com${subject ? `?subject=${encodeField(subject)}` : ''}${body ? `${subject ? '&' : '?'}body=${encodeField(body)}` : ''}`;
          expect(result.length).toBe(full.length);
          if (result.url !== null) expect(result.url).toBe(full);
          expect(mailtoLink(message({ body, subject }))).toEqual(result);
        },
      ),
    );
  });

  it('takes linear time on a 1 MB body, and on a 1 MB address list', () => {
    expectLinearTime(
      (size) => repeatTo('问题描述：视频被搬运，订单量下降 80%。\r\n', size),
      (body) => mailtoLink(message({ body })),
    );
    expectLinearTime(
      (size) => repeatTo('a@b.com, c@d.cn；<e@f.org>、bad@, ', size),
      (text) => parseAddressList(text),
    );
  });
});
