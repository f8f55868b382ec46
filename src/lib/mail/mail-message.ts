/**
 * The mail being assembled from the checkers (recipients, subject, body, attachment names), and
 * the one output that has hard limits of its own: the mailto: link.
 */
import { plainBody } from './plain-text';

export interface MailAttachmentInfo {
  name: string;
  size: number;
}

export interface MailMessage {
  to: string[];
  cc: string[];
  subject: string;
  body: string;
  attachments: MailAttachmentInfo[];
}

/**
 * mailto: length limits. RFC 6068 sets none, but clients do (../shared/research/limits-and-peers.md):
 * Windows hands over about 2,083 characters, Outlook about 2,046, Gmail in a browser about 1,600.
 * Above MAX the link is refused; between GMAIL and MAX it works in desktop clients only.
 */
export const MAILTO_LIMITS = { gmail: 1600, max: 2000 } as const;

// A practical address check (what mail clients accept) on the address the RFC 5322 parser found:
// the parser also takes forms no mail service delivers to (a@b without a dot, quoted local parts).
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** An address with the display name it was given (张三 <a@b.com>), '' when none. */
export interface Mailbox {
  name: string;
  address: string;
}

export interface AddressList {
  /** The addresses alone (addr-spec), for mailto: links and checks. */
  addresses: string[];
  /** The same addresses with their display names, for the .eml's To and Cc. */
  mailboxes: Mailbox[];
  /** What could not be read as an address, as typed. */
  invalid: string[];
  /** Entries with a display name, group or comment not read yet: the parser is still loading. */
  pending: string[];
}

/**
 * Longer than any real mailbox (254 for the address, the rest for a name): not handed to the
 * parser, whose time grows with an entry's length (about 20–50 ms for 400 characters inside an
 * unclosed quote on this machine, 0.4 ms for 「张三 <zhang.san@example.com>」).
 */
const MAX_ENTRY = 320;

/**
 * The entries of a typed list: split at commas and semicolons (half or full width), 、 and line
 * breaks, but not inside "quotes", <angle brackets>, (comments) or a group (名单: a@x.com, b@y.com;).
 * One linear scan; the parser then reads one short entry at a time.
 */
function splitEntries(text: string): string[] {
  const entries: string[] = [];
  let start = 0;
  let quoted = false;
  let angle = false;
  let comment = 0;
  let group = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '\\') index += 1;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === '(') comment += 1;
    else if (char === ')') comment = Math.max(0, comment - 1);
    else if (comment > 0) continue;
    else if (char === '<') angle = true;
    else if (char === '>') angle = false;
    else if (angle) continue;
    else if (char === ':') group = true;
    else if (group && char === ';') {
      entries.push(text.slice(start, index + 1));
      start = index + 1;
      group = false;
    } else if (!group && /[,;，；、\r\n]/u.test(char)) {
      entries.push(text.slice(start, index));
      start = index + 1;
    }
  }
  entries.push(text.slice(start));
  return entries.map((entry) => entry.trim()).filter(Boolean);
}

/**
 * Reads one entry with display name, group or comment (张三 <a@x.com>) as mailboxes, or null:
 * address-parser.ts (the RFC 5322 parser, loaded apart in the browser: 3.4 KB gzip).
 */
export type MailboxEntryParser = (entry: string) => Mailbox[] | null;

/** An entry's mailboxes: a bare address or <address> here, anything else through `parse`. */
function parseEntry(entry: string, parse: MailboxEntryParser): Mailbox[] | null {
  // A bare address or <address> (the usual cases) needs no parser.
  const bare = entry.startsWith('<') && entry.endsWith('>') ? entry.slice(1, -1) : entry;
  if (isPracticalAddress(bare)) return [{ name: '', address: bare }];
  if (entry.length > MAX_ENTRY) return null;
  const mailboxes = parse(entry);
  return mailboxes?.every(({ address }) => isPracticalAddress(address)) ? mailboxes : null;
}

/** What mail services deliver to: the practical pattern, at most 254 characters. */
export const isPracticalAddress = (address: string) => ADDRESS.test(address) && address.length <= 254;

/**
 * Reads "张三 <a@x.com>, b@y.com；c@z.com d@w.com" into addresses: RFC 5322 mailboxes separated by
 * commas, semicolons (full width too), 、, line breaks, or spaces between bare addresses. Entries
 * with a display name, group or comment go to `parse` (address-parser.ts); without it (still
 * loading in the browser) they are `pending`, neither valid nor invalid.
 */
export function parseAddressList(text: string, parse?: MailboxEntryParser): AddressList {
  const mailboxes: Mailbox[] = [];
  const invalid: string[] = [];
  const pending: string[] = [];
  const seen = new Set<string>();
  const add = (mailbox: Mailbox) => {
    const lower = mailbox.address.toLowerCase();
    if (!seen.has(lower)) mailboxes.push(mailbox);
    seen.add(lower);
  };
  for (const entry of splitEntries(text)) {
    if (/[<"(:]/.test(entry)) {
      const bare = entry.startsWith('<') && entry.endsWith('>') ? entry.slice(1, -1) : '';
      if (isPracticalAddress(bare)) add({ name: '', address: bare });
      else if (!parse) pending.push(entry);
      else (parseEntry(entry, parse) ?? (invalid.push(entry), [])).forEach(add);
    } else
      for (const word of entry.split(/\s+/u)) {
        if (isPracticalAddress(word)) add({ name: '', address: word });
        else invalid.push(word);
      }
  }
  return { addresses: mailboxes.map((mailbox) => mailbox.address), mailboxes, invalid, pending };
}

export type MailtoVerdict = 'ok' | 'gmail-risk' | 'too-long' | 'no-recipient';

export interface MailtoResult {
  /** The link, or null when it is refused. */
  url: string | null;
  length: number;
  verdict: MailtoVerdict;
  /** Why it is refused or risky, and what to do instead (Chinese); '' when fine. */
  message: string;
  /** Attachments a mailto: link cannot carry, to be added by hand. */
  attachmentsLeftOut: number;
}

/** Lone UTF-16 surrogates (from a bad paste) become U+FFFD: encodeURIComponent throws on them. */
export const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

// RFC 6068: line breaks in the body are %0D%0A; everything else percent-encoded as UTF-8.
export const encodeField = (text: string) =>
  encodeURIComponent(wellFormed(text).replace(/\r\n|\r|\n/g, '\r\n'));

/** 1 for the ASCII characters encodeURIComponent leaves as they are. */
const UNRESERVED = Uint8Array.from({ length: 128 }, (_, code) =>
  /[A-Za-z0-9\-_.!~*'()]/.test(String.fromCharCode(code)) ? 1 : 0,
);

/**
 * encodeField(text).length, counted without building the string: a pasted megabyte of body
 * would otherwise be encoded (about 9 MB, over 100 ms in a browser) only to be refused.
 */
export function encodedFieldLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit === 0x0d || unit === 0x0a) {
      length += 6; // %0D%0A
      if (unit === 0x0d && text.charCodeAt(index + 1) === 0x0a) index += 1;
    } else if (unit < 0x80) length += UNRESERVED[unit] ? 1 : 3;
    else if (unit < 0x800) length += 6;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length += 12; // a pair is four UTF-8 bytes
        index += 1;
      } else length += 9; // a lone surrogate becomes U+FFFD
    } else length += 9;
  }
  return length;
}

/** The mailto: link for a message, refused (with the reason) when clients would cut it. */
export function mailtoLink(message: MailMessage): MailtoResult {
  const attachmentsLeftOut = message.attachments.length;
  // A mailto: body is plain text: **bold** marks would arrive as literal asterisks.
  const body = plainBody(message.body);
  const to = message.to.map((address) => encodeURIComponent(wellFormed(address))).join(',');
  const query = [
    message.cc.length
      ? `cc=${message.cc.map((address) => encodeURIComponent(wellFormed(address))).join(',')}`
      : '',
    message.subject ? `subject=${encodeField(message.subject)}` : '',
  ].filter(Boolean);
  const head = `mailto:${to}${query.length ? `?${query.join('&')}` : ''}`;
  // "?body=" or "&body=" and the encoded body; encoded only if the link can be offered at all.
  const length = head.length + (body ? 6 + encodedFieldLength(body) : 0);
  const url =
    message.to.length === 0 || length > MAILTO_LIMITS.max || !body
      ? head
      : `${head}${query.length ? '&' : '?'}body=${encodeField(body)}`;
  const leftOut = attachmentsLeftOut
    ? `链接无法带上附件，打开后请在邮件程序里手动添加 ${attachmentsLeftOut} 个附件，或改用 .eml 草稿。`
    : '';
  if (message.to.length === 0)
    return {
      url: null,
      length,
      verdict: 'no-recipient',
      message: '还没有收件人：请先选择诉求，或填写收件人地址。',
      attachmentsLeftOut,
    };
  if (length > MAILTO_LIMITS.max) {
    return {
      url: null,
      length,
      verdict: 'too-long',
      message:
        `邮件太长，无法用链接打开：编码后的链接有 ${length.toLocaleString('en-US')} 个字符，超过多数邮件程序能接收的约 ${MAILTO_LIMITS.max.toLocaleString('en-US')} 个字符` +
        `（每个汉字编码后占 9 个字符，正文大约 200 字就会超出），邮件程序会截断或打不开。` +
        '请改用“下载 .eml 草稿”（桌面邮件程序）；在手机上用“分享到邮件 App”（浏览器支持时才显示），或用下面的逐项复制。',
      attachmentsLeftOut,
    };
  }
  if (length > MAILTO_LIMITS.gmail) {
    return {
      url,
      length,
      verdict: 'gmail-risk',
      message:
        `链接有 ${length.toLocaleString('en-US')} 个字符：桌面邮件程序一般能打开，但浏览器里的 Gmail 约在 ${MAILTO_LIMITS.gmail.toLocaleString('en-US')} 个字符处截断。` +
        `打开后请核对正文是否完整。${leftOut}`,
      attachmentsLeftOut,
    };
  }
  return { url, length, verdict: 'ok', message: leftOut, attachmentsLeftOut };
}
