import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTextBytes, encodingNamed } from './text-decoding';

const hex = (text: string) => Uint8Array.from(text.match(/../g)!.map((pair) => parseInt(pair, 16)));
const utf16 = (text: string, endian: 'le' | 'be', bom = true) => {
  const bytes: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    bytes.push(...(endian === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  }
  return Uint8Array.from(bytes);
};
const utf8 = (text: string) => new TextEncoder().encode(text);

// 「问题描述：账号被封禁。」 as GBK (= GB18030 for these characters), from iconv.
const GBK = hex('cecacce2c3e8caf6a3bad5cbbac5b1bbb7e2bdfba1a3');
// 「問題描述：帳號被封禁。」 as Big5.
const BIG5 = hex('b0ddc344b479ad7aa147b162b8b9b351abcab854a143');
// 𠀀 (U+20000) needs GB18030's four-byte form: not in GBK.
const GB18030_ONLY = hex('95328236');

describe('decodeTextBytes', () => {
  it.each([
    ['plain UTF-8', utf8('问题描述：你好'), 'utf-8', '问题描述：你好', false, false],
    [
      'UTF-8 with BOM: the BOM is dropped',
      utf8('\uFEFF问题描述：你好'),
      'utf-8',
      '问题描述：你好',
      true,
      false,
    ],
    ['UTF-16LE with BOM', utf16('问题描述：你好', 'le'), 'utf-16le', '问题描述：你好', true, true],
    ['UTF-16BE with BOM', utf16('发送日期,诉求类型', 'be'), 'utf-16be', '发送日期,诉求类型', true, true],
    [
      'UTF-16LE without BOM, mostly ASCII',
      utf16('sent,type\n2026-11-01', 'le', false),
      'utf-16le',
      'sent,type\n2026-11-01',
      false,
      true,
    ],
    ['GBK', GBK, 'gb18030', '问题描述：账号被封禁。', false, true],
    ['GB18030 four-byte character', GB18030_ONLY, 'gb18030', '\u{20000}', false, true],
    ['Big5', BIG5, 'big5', '問題描述：帳號被封禁。', false, true],
    ['empty file', new Uint8Array(0), 'utf-8', '', false, false],
  ])('%s', (_name, bytes, encoding, text, bom, noted) => {
    const result = decodeTextBytes(bytes);
    expect(result).toMatchObject({ ok: true, encoding, text, bom });
    if (result.ok) expect(result.note !== null).toBe(noted);
  });

  it.each([
    [
      'binary with NUL bytes',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0xff]),
      '不是文本文件',
    ],
    ['bytes no encoding reads', Uint8Array.from([0xff, 0xff, 0xff, 0x80, 0x80]), '无法识别文件的编码'],
    ['a UTF-8 BOM before GBK bytes', Uint8Array.from([0xef, 0xbb, 0xbf, ...GBK]), 'BOM'],
  ])('refuses %s in Chinese', (_name, bytes, words) => {
    const result = decodeTextBytes(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(words);
  });

  it('a forced encoding is used as given, and refused when the bytes do not fit it', () => {
    expect(decodeTextBytes(BIG5, { encoding: 'gb18030' })).toMatchObject({ ok: true, encoding: 'gb18030' });
    expect(decodeTextBytes(GBK, { encoding: 'utf-8' })).toMatchObject({ ok: false });
    expect(decodeTextBytes(utf8('\uFEFF你好'), { encoding: 'utf-8' })).toMatchObject({
      ok: true,
      text: '你好',
      bom: true,
    });
  });

  it.each([
    ['gbk', 'gb18030'],
    ['GB2312', 'gb18030'],
    ['UTF8', 'utf-8'],
    ['utf-16', 'utf-16le'],
    ['Big5', 'big5'],
    ['latin1', null],
    ['toString', null],
  ])('encodingNamed(%s) = %s', (name, encoding) => {
    expect(encodingNamed(name)).toBe(encoding);
  });

  it('never throws, and gives back any UTF-8 or BOM-marked UTF-16 text without NUL unchanged', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = decodeTextBytes(bytes);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
    fc.assert(
      fc.property(
        fc
          .string({ unit: 'grapheme', maxLength: 200 })
          .filter((text) => !text.includes('\u0000') && !text.startsWith('\uFEFF')),
        (text) => {
          expect(decodeTextBytes(utf8(text))).toMatchObject({ ok: true, text });
          expect(decodeTextBytes(utf16(text, 'le'))).toMatchObject({ ok: true, text });
          expect(decodeTextBytes(utf16(text, 'be'))).toMatchObject({ ok: true, text });
        },
      ),
    );
  });
});
