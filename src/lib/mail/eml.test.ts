import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { readAllWithPython, readWithPython } from '../../../tests/support/python-email';
import { buildEml, bytesToBase64, cleanAttachmentName, encodeHeaderWords, type EmlInput } from './eml';
import { expectLinearTime, repeatTo } from '../../../tests/support/linear-time';

const header = (eml: string) => eml.split('\r\n\r\n')[0]!;

describe('bytesToBase64', () => {
  it('matches Node’s encoder, also past the chunk size', () => {
    const bytes = new Uint8Array(100_000).map((_, index) => (index * 31) & 0xff);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('encodeHeaderWords', () => {
  it('keeps short ASCII as it is and splits UTF-8 without cutting a character', () => {
    expect(encodeHeaderWords('Hello')).toEqual(['Hello']);
    const words = encodeHeaderWords('【账号申诉-创作者ID:123456-紧急】账号被误封，请求复核');
    for (const word of words) expect(word.length).toBeLessThanOrEqual(75);
    const decoded = words
      .map((word) => Buffer.from(word.slice('=?UTF-8?B?'.length, -2), 'base64').toString('utf8'))
      .join('');
    expect(decoded).toBe('【账号申诉-创作者ID:123456-紧急】账号被误封，请求复核');
  });
});

describe('buildEml', () => {
  const input = {
    to: ['copyright@kuaishou.com'],
    cc: ['legal@kuaishou.com', 'b@example.com'],
    subject: '【侵权通知-视频ID:8848-紧急】原创视频被搬运，请求下架，并告知处理结果',
    text: '问题描述：视频被搬运。\n诉求清单：请下架。',
    html: '<p>问题描述：视频被搬运。</p>',
    attachments: [
      {
        name: '20261118_搬运截图.png',
        contentType: 'image/png',
        bytes: new Uint8Array([137, 80, 78, 71, 0, 255]),
      },
      { name: 'a "quoted" name.pdf', contentType: '', bytes: new Uint8Array(1000).fill(7) },
    ],
    date: new Date('2026-11-24T02:00:00Z'),
  };

  it('is an unsent draft without a sender, with short header lines', () => {
    const eml = buildEml(input);
    const head = header(eml);
    expect(head).toMatch(/^X-Unsent: 1$/m);
    expect(head).not.toMatch(/^From:/m);
    expect(head).toMatch(/^Date: Tue, 24 Nov 2026 02:00:00 \+0000$/m);
    for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    // Every line of the whole message ends in CRLF.
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('parses back with a mail parser to the same mail', async () => {
    const mail = await PostalMime.parse(buildEml(input));
    expect(mail.subject).toBe(input.subject);
    expect(mail.to?.map((address) => address.address)).toEqual(input.to);
    expect(mail.cc?.map((address) => address.address)).toEqual(input.cc);
    expect(mail.text?.trim()).toBe(input.text);
    expect(mail.html?.trim()).toBe(input.html);
    expect(mail.attachments.map((attachment) => [attachment.filename, attachment.mimeType])).toEqual([
      ['20261118_搬运截图.png', 'image/png'],
      ['a "quoted" name.pdf', 'application/octet-stream'],
    ]);
    expect(new Uint8Array(mail.attachments[0]!.content as ArrayBuffer)).toEqual(input.attachments[0]!.bytes);
    expect(new Uint8Array(mail.attachments[1]!.content as ArrayBuffer)).toEqual(input.attachments[1]!.bytes);
  });

  it('property: any subject, body and file name parse back', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 120 }).filter((text) => text.trim() === text && text.length > 0),
        fc.string({ maxLength: 400 }),
        fc
          .string({ minLength: 1, maxLength: 60 })
          .filter((name) => /^[^\s"\\\r\n][^"\\\r\n]*[^\s"\\\r\n]$/.test(name)),
        fc.uint8Array({ maxLength: 300 }),
        async (subject, text, name, bytes) => {
          const mail = await PostalMime.parse(
            buildEml({
              to: ['a@example.com'],
              cc: [],
              subject,
              text,
              html: '<p>x</p>',
              attachments: [{ name, contentType: 'application/octet-stream', bytes }],
            }),
          );
          expect(mail.subject).toBe(subject);
          expect((mail.text ?? '').replace(/\r\n/g, '\n')).toBe(text.replace(/\r\n/g, '\n'));
          expect(mail.attachments[0]!.filename).toBe(name);
          expect(new Uint8Array(mail.attachments[0]!.content as ArrayBuffer)).toEqual(bytes);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never throws, the same but for boundaries, on any UTF-16 (lone surrogates too); linear on a 1 MB body', () => {
    const input = (subject: string, text: string, name = 'a.txt') => ({
      to: ['a@example.com'],
      cc: [],
      subject,
      text,
      html: '<p>x</p>',
      attachments: [{ name, contentType: 'text/plain', bytes: new Uint8Array([1, 2, 3]) }],
      date: new Date(0),
    });
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 100 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
        (subject, text, name) => {
          const eml = buildEml(input(subject, text, name));
          // The same apart from the MIME boundaries, which mimetext draws at random.
          const unbounded = (mail: string) => {
            const boundaries = [...mail.matchAll(/boundary=([0-9a-z]+)/g)].map((match) => match[1]!);
            return boundaries.reduce(
              (result, boundary, index) => result.replaceAll(boundary, `B${index}`),
              mail,
            );
          };
          expect(unbounded(buildEml(input(subject, text, name)))).toBe(unbounded(eml));
          // Every header line within RFC 5322's hard limit.
          const headers = eml.slice(0, eml.indexOf('\r\n\r\n'));
          for (const line of headers.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
        },
      ),
      { numRuns: 60 },
    );
    expectLinearTime(
      (size) => input('【侵权通知】', repeatTo('问题描述：视频被搬运。\n', size)),
      (mail) => buildEml(mail),
    );
  }, 60_000);
});

describe('standards (issue 21), checked by Python’s email package', () => {
  const withAttachment = (name: string, to: EmlInput['to'] = ['a@example.com']) =>
    buildEml({
      to,
      cc: [],
      subject: '附件',
      text: '见附件。',
      html: '<p>见附件。</p>',
      attachments: [{ name, contentType: 'image/png', bytes: new Uint8Array([1, 2, 3]) }],
      date: new Date(0),
    });

  it.each([
    // Typed in the browser: a mail client must show it as typed, not decode it.
    ['=?UTF-8?B?5byg5LiJ?=.png', '=?UTF-8?B?5byg5LiJ?=.png'],
    // Bidi overrides make 'gnp.exe' read as 'exe.png'; other controls are invisible.
    ['发票\u202Egnp.exe', '发票gnp.exe'],
    ['a\u0000b\u0007c\u200Fd\u2066e\u061Cf.png', 'abcdef.png'],
    ['a "quoted" \\ name;x=1.png', 'a "quoted" \\ name;x=1.png'],
    [`${'很长的文件名'.repeat(60)}.png`, `${'很长的文件名'.repeat(60)}.png`],
    [`${'long-ascii-name_'.repeat(40)}.png`, `${'long-ascii-name_'.repeat(40)}.png`],
    ['\u202E\u0001', '附件'],
  ])(
    'attachment %j is named %j, in folded header lines',
    (name, shown) => {
      const mail = readWithPython(withAttachment(name));
      expect(mail.attachments.map((attachment) => attachment.filename)).toEqual([shown]);
      expect(mail.defects).toEqual([]);
      expect(mail.over998).toEqual([]);
      expect(mail.over78).toEqual([]);
    },
    60_000,
  );

  it('recipients with display names are written as mailboxes', async () => {
    const longName = '很长的名字'.repeat(20);
    const eml = withAttachment('a.png', [
      { name: '张三', address: 'a@b.com' },
      { name: 'Li, Si "4"', address: 'li@example.org' },
      { name: longName, address: 'long@example.com' },
      'plain@example.com',
    ]);
    const mail = readWithPython(eml);
    expect(mail.to[0]).toEqual(['张三', 'a@b.com']);
    expect(mail.to[1]).toEqual(['Li, Si "4"', 'li@example.org']);
    // Python keeps the space between the encoded-words of a long display name, which RFC 2047
    // (§6.2) says to drop; postal-mime drops it.
    expect(mail.to[2]![0].replaceAll(' ', '')).toBe(longName);
    expect(mail.to.slice(2).map(([, address]) => address)).toEqual(['long@example.com', 'plain@example.com']);
    expect(mail.defects).toEqual([]);
    expect(mail.over78).toEqual([]);
    const parsed = await PostalMime.parse(eml);
    expect(parsed.to?.map((mailbox) => [mailbox.name, mailbox.address])).toEqual([
      ['张三', 'a@b.com'],
      ['Li, Si "4"', 'li@example.org'],
      [longName, 'long@example.com'],
      ['', 'plain@example.com'],
    ]);
  }, 60_000);

  it('property: any file name reads back cleaned, every header line within 998', () => {
    // Sampled and read by one python3 process: starting one per name is slow on a busy machine.
    const names = fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }), {
      numRuns: 150,
      seed: 21,
    });
    const mails = readAllWithPython(names.map((name) => withAttachment(name)));
    mails.forEach((mail, index) => {
      expect(mail.attachments[0]!.filename, names[index]).toBe(cleanAttachmentName(names[index]!));
      expect(mail.over998).toEqual([]);
      expect(mail.defects).toEqual([]);
    });
  }, 60_000);
});
