/**
 * Bytes of a text file as text, for ksmail's draft input and the browser's file imports (outcome
 * log CSV/JSON). Reads a BOM (UTF-8, UTF-16LE, UTF-16BE); without one, UTF-8 if the bytes are
 * valid UTF-8, else Big5 when the byte pattern says so, else GB18030 (which includes GBK and
 * GB2312, what Windows editors and Excel save in China). Says which encoding it read when it was
 * not plain UTF-8, so nobody checks mojibake without knowing. Never throws: undecodable or binary
 * input is `{ ok: false, message }` in Chinese.
 *
 * Not a general charset detector: Shift_JIS, EUC-KR and the like are read as GB18030 or refused.
 * Uses the platform's TextDecoder (browsers and Node with full ICU both know these encodings), so
 * the browser loads no decoding tables of ours.
 */

export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030（兼容 GBK、GB2312）',
  big5: 'Big5（繁体）',
};

/** What `--encoding` accepts: the names above and the usual aliases. */
const ENCODING_ALIASES: Record<string, TextEncodingName> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  utf16le: 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16': 'utf-16le',
  utf16be: 'utf-16be',
  'utf-16be': 'utf-16be',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
};

export type DecodedText =
  | {
      ok: true;
      text: string;
      encoding: TextEncodingName;
      /** Whether a byte order mark was read (and dropped). */
      bom: boolean;
      /** A Chinese sentence when the text was not plain UTF-8, e.g. 「文件不是 UTF-8，已按 GB18030 读取。」 */
      note: string | null;
    }
  | { ok: false; message: string };

/** The encoding a name such as `gbk` or `UTF-16` stands for, or null. */
export function encodingNamed(name: string): TextEncodingName | null {
  const key = name.trim().toLowerCase();
  return Object.hasOwn(ENCODING_ALIASES, key) ? ENCODING_ALIASES[key]! : null;
}

export const encodingNamesText = 'utf-8、gb18030（或 gbk）、big5、utf-16le、utf-16be';

const BOMS: readonly { bytes: readonly number[]; encoding: TextEncodingName }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function bomOf(bytes: Uint8Array) {
  return BOMS.find((bom) => bom.bytes.every((byte, index) => bytes[index] === byte)) ?? null;
}

/** The text, or null when the bytes are not valid in that encoding. */
function strictDecode(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM, told by its zero bytes: ASCII text in UTF-16LE has a zero at every odd
 * index. Needs most code units to be ASCII; Chinese-only UTF-16 without a BOM is not guessed.
 */
function bomlessUtf16(bytes: Uint8Array): TextEncodingName | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  const sample = Math.min(bytes.length, 4096);
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const units = sample / 2;
  if (oddZeros > units * 0.3 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > units * 0.3 && oddZeros === 0) return 'utf-16be';
  return null;
}

/**
 * Whether a double-byte text looks like Big5 rather than GBK: in GB2312 text (most Simplified
 * Chinese) the second byte of a character is always 0xA1–0xFE, while about four Big5 characters
 * in ten have a second byte of 0x40–0x7E.
 */
function looksLikeBig5(bytes: Uint8Array): boolean {
  let pairs = 0;
  let lowTrail = 0;
  for (let i = 0; i < bytes.length - 1; i += 1) {
    const lead = bytes[i]!;
    if (lead < 0x81) continue;
    // Big5 has no lead bytes below 0xA1 outside rare extensions; GBK uses 0x81–0xA0 freely.
    if (lead < 0xa1) return false;
    pairs += 1;
    if (bytes[i + 1]! >= 0x40 && bytes[i + 1]! <= 0x7e) lowTrail += 1;
    i += 1;
  }
  return pairs >= 2 && lowTrail / pairs > 0.15;
}

const UNREADABLE =
  '无法识别文件的编码：它既不是 UTF-8，也不是 GB18030（GBK）或 Big5 文本。请在编辑器里“另存为” UTF-8 后再试。';

function decoded(text: string, encoding: TextEncodingName, bom: boolean, note: string | null): DecodedText {
  // A NUL inside the text means a binary file that happened to decode (UTF-16 of binary data).
  if (text.includes('\u0000')) return { ok: false, message: '这不是文本文件（含有二进制内容）。' };
  return { ok: true, text, encoding, bom, note };
}

/** Decodes with a forced encoding (`--encoding`); a BOM of that encoding is dropped. */
function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): DecodedText {
  const bom = bomOf(bytes);
  const ownBom = bom?.encoding === encoding;
  const text = strictDecode(ownBom ? bytes.subarray(bom.bytes.length) : bytes, encoding);
  if (text === null)
    return {
      ok: false,
      message: `按指定的 ${ENCODING_LABELS[encoding]} 无法读取：文件里有这种编码不存在的字节。请确认文件的编码。`,
    };
  return decoded(
    text,
    encoding,
    ownBom,
    encoding === 'utf-8' ? null : `已按指定的 ${ENCODING_LABELS[encoding]} 读取。`,
  );
}

/** Reads `bytes` as text; `encoding` forces one (no guessing). */
export function decodeTextBytes(
  bytes: Uint8Array,
  options: { encoding?: TextEncodingName } = {},
): DecodedText {
  if (options.encoding) return decodeAs(bytes, options.encoding);
  const bom = bomOf(bytes);
  if (bom) {
    const text = strictDecode(bytes.subarray(bom.bytes.length), bom.encoding);
    if (text === null)
      return {
        ok: false,
        message: `文件以 ${ENCODING_LABELS[bom.encoding]} 的字节顺序标记（BOM）开头，但后面的内容不是有效的 ${ENCODING_LABELS[bom.encoding]} 文本。`,
      };
    const note =
      bom.encoding === 'utf-8'
        ? null
        : `文件是 ${ENCODING_LABELS[bom.encoding]} 编码（带 BOM），已按它读取。`;
    return decoded(text, bom.encoding, true, note);
  }
  const utf16 = bomlessUtf16(bytes);
  if (utf16) {
    const text = strictDecode(bytes, utf16);
    if (text !== null)
      return decoded(text, utf16, false, `文件看起来是不带 BOM 的 ${ENCODING_LABELS[utf16]}，已按它读取。`);
  }
  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8 !== null) return decoded(utf8, 'utf-8', false, null);
  if (bytes.includes(0)) return { ok: false, message: '这不是文本文件（含有二进制内容）。' };
  if (looksLikeBig5(bytes)) {
    const big5 = strictDecode(bytes, 'big5');
    if (big5 !== null)
      return decoded(
        big5,
        'big5',
        false,
        `文件不是 UTF-8，看起来是 ${ENCODING_LABELS.big5}，已按它读取；如果内容是乱码，请把文件另存为 UTF-8 后再试。`,
      );
  }
  const gb = strictDecode(bytes, 'gb18030');
  if (gb !== null)
    return decoded(gb, 'gb18030', false, `文件不是 UTF-8，已按 ${ENCODING_LABELS.gb18030} 读取。`);
  return { ok: false, message: UNREADABLE };
}
