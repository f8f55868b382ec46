/**
 * An .eml draft (RFC 5322 + MIME) built with mimetext: plain text and HTML alternatives, the
 * attachments as base64 parts, and `X-Unsent: 1` so desktop clients (Outlook, Thunderbird's
 * "Edit as new", Apple Mail) open it as a new message to send rather than a received one.
 *
 * mimetext needs three corrections for what we send, made here rather than by hand-writing MIME:
 * - it writes UTF-8 text parts as "7bit" (wrong for Chinese): we give it base64 bodies;
 * - it writes the subject as one encoded-word of any length: we fold it into words of at most
 *   75 characters (RFC 2047) on lines that stay short (RFC 5322 says at most 78);
 * - it requires a From header, but a draft's sender is the account that opens it: we drop
 *   From and the Message-ID derived from it, which the client adds when it sends;
 * - it writes attachment names and recipients' display names as one unfolded piece, and names
 *   as given (issue 21: a typed `=?UTF-8?B?…?=.png` was shown decoded by mail clients, U+202E
 *   passed into names, long names made lines over RFC 5322's 998): we write those headers
 *   ourselves — names without control or bidi characters, the file name per RFC 2231 in
 *   Content-Disposition and as RFC 2047 words in Content-Type (what Outlook reads), display
 *   names as RFC 2047 words or quoted strings, every line folded to 78 characters where an
 *   address allows and never over 998.
 */
import { createMimeMessage } from 'mimetext/browser';
import { cleanAttachmentName, cleanName } from './attachment-name';
import { plainBody } from './plain-text';

export interface EmlAttachment {
  name: string;
  /** MIME type; application/octet-stream when unknown. */
  contentType: string;
  bytes: Uint8Array;
}

/** A recipient: a bare address, or a mailbox with a display name (张三 <a@b.com>). */
export type EmlRecipient = string | { name: string; address: string };

export interface EmlInput {
  to: EmlRecipient[];
  cc: EmlRecipient[];
  subject: string;
  text: string;
  html: string;
  attachments: EmlAttachment[];
  date?: Date;
}

const CRLF = '\r\n';
const PLACEHOLDER_SENDER = 'draft@ksmail.invalid';
const ATTACHMENT_PLACEHOLDER = 'ksmail-attachment-';

/** Base64 of bytes in chunks (no stack overflow on large files), in Node and browsers alike. */
export function bytesToBase64(bytes: Uint8Array): string {
  const chunk = 0x8000;
  const parts: string[] = [];
  for (let index = 0; index < bytes.length; index += chunk)
    parts.push(String.fromCharCode(...bytes.subarray(index, index + chunk)));
  return btoa(parts.join(''));
}

/** Base64 broken into lines of 76 characters, as MIME requires. */
export function wrapBase64(base64: string): string {
  const lines: string[] = [];
  for (let index = 0; index < base64.length; index += 76) lines.push(base64.slice(index, index + 76));
  return lines.join(CRLF);
}

const utf8 = new TextEncoder();

/**
 * RFC 2047 encoded-words for a header value, split between characters so that no word is
 * longer than 75 characters and no UTF-8 sequence is cut; plain ASCII without specials stays as is.
 */
export function encodeHeaderWords(value: string): string[] {
  if (/^[\x20-\x7e]*$/.test(value) && !value.includes('=?') && value.length <= 60) return [value];
  const words: string[] = [];
  let current = '';
  const flush = () => {
    if (current) words.push(`=?UTF-8?B?${bytesToBase64(utf8.encode(current))}?=`);
    current = '';
  };
  for (const char of value) {
    // 42 bytes → 56 base64 characters, + 12 for "=?UTF-8?B?" and "?=" = 68: with "Subject: "
    // in front the first line is 77 characters, inside RFC 5322's 78.
    if (utf8.encode(current + char).length > 42) flush();
    current += char;
  }
  flush();
  return words;
}

export { cleanAttachmentName } from './attachment-name';

/** RFC 2231 attribute-char: what a parameter value may hold without percent-encoding. */
const ATTRIBUTE_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;

/**
 * `filename*0*=UTF-8''…; filename*1*=…` continuations (RFC 2231 §3–4), each on its own line of
 * at most 78 characters, split between characters so each piece is whole UTF-8.
 */
function rfc2231Parameter(attribute: string, value: string): string[] {
  const lines: string[] = [];
  let current = '';
  const head = (index: number) => ` ${attribute}*${index}*=${index === 0 ? "UTF-8''" : ''}`;
  for (const char of value) {
    const encoded = ATTRIBUTE_CHAR.test(char)
      ? char
      : [...utf8.encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    // 78 minus the ';' that ends every line but the last.
    if (current && head(lines.length).length + current.length + encoded.length > 77) {
      lines.push(head(lines.length) + current);
      current = '';
    }
    current += encoded;
  }
  lines.push(head(lines.length) + current);
  return lines;
}

/** A MIME type as given when it is one, else application/octet-stream. */
const mimeType = (type: string) =>
  /^[A-Za-z0-9!#$&^_.+-]{1,64}\/[A-Za-z0-9!#$&^_.+-]{1,64}$/.test(type) ? type : 'application/octet-stream';

/** The two headers naming an attachment, folded. */
export function attachmentHeaders(name: string, contentType: string): string[] {
  const clean = cleanAttachmentName(name);
  const simple =
    /^[\x21\x23-\x5b\x5d-\x7e][\x20\x21\x23-\x5b\x5d-\x7e]*$/.test(clean) && !clean.includes('=?');
  if (simple && clean.length <= 60)
    return [
      `Content-Type: ${mimeType(contentType)};${CRLF} name="${clean}"`,
      `Content-Disposition: attachment;${CRLF} filename="${clean}"`,
    ];
  const words = encodeHeaderWords(clean);
  return [
    `Content-Type: ${mimeType(contentType)};${CRLF} name="${words.join(`${CRLF} `)}"`,
    `Content-Disposition: attachment;${CRLF}${rfc2231Parameter('filename', clean).join(`;${CRLF}`)}`,
  ];
}

/** RFC 5322 atext and spaces: a display name that needs neither quotes nor encoding. */
const PLAIN_PHRASE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?: [A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/** A To/Cc header: one mailbox per line, display names quoted or as RFC 2047 words. */
export function addressHeader(field: 'To' | 'Cc', recipients: readonly EmlRecipient[]): string {
  const mailboxes = recipients.map((recipient) => {
    const { name, address } = typeof recipient === 'string' ? { name: '', address: recipient } : recipient;
    const display = cleanName(name).replace(/\s+/g, ' ').trim();
    if (!display) return address;
    let words: string[];
    if (PLAIN_PHRASE.test(display) && display.length <= 60) words = [display];
    else if (/^[\x20-\x7e]*$/.test(display) && !display.includes('=?') && display.length <= 60)
      words = [`"${display.replace(/["\\]/g, '\\$&')}"`];
    else words = encodeHeaderWords(display);
    const last = words.pop()!;
    // The address joins the last word's line when it fits in 78, else a line of its own.
    const tail = last.length + address.length + 4 <= 78 ? [`${last} <${address}>`] : [last, `<${address}>`];
    return [...words, ...tail].join(`${CRLF} `);
  });
  return `${field}: ${mailboxes.join(`,${CRLF} `)}`;
}

/** The .eml text for a draft. */
export function buildEml(input: EmlInput): string {
  const message = createMimeMessage();
  message.setSender(PLACEHOLDER_SENDER);
  message.setSubject(input.subject || '(无主题)');
  message.setHeader('X-Unsent', '1');
  if (input.date) message.setHeader('Date', input.date.toUTCString().replace('GMT', '+0000'));
  message.addMessage({
    contentType: 'text/plain',
    charset: 'UTF-8',
    encoding: 'base64',
    // The draft as typed: its **bold** marks are bold in the HTML part and bare here.
    data: wrapBase64(bytesToBase64(utf8.encode(plainBody(input.text)))),
  });
  message.addMessage({
    contentType: 'text/html',
    charset: 'UTF-8',
    encoding: 'base64',
    data: wrapBase64(bytesToBase64(utf8.encode(input.html))),
  });
  input.attachments.forEach((attachment, index) => {
    message.addAttachment({
      // A placeholder, replaced below by headers written to the standards.
      filename: `${ATTACHMENT_PLACEHOLDER}${index}`,
      contentType: 'application/octet-stream',
      encoding: 'base64',
      data: wrapBase64(bytesToBase64(attachment.bytes)),
    });
  });
  const raw = message
    .asRaw()
    .replace(/\r?\n/g, CRLF)
    .replace(
      new RegExp(
        `^Content-Type: application/octet-stream; name="${ATTACHMENT_PLACEHOLDER}(\\d+)"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="${ATTACHMENT_PLACEHOLDER}\\1"$`,
        'gm',
      ),
      (_line, index: string) => {
        const attachment = input.attachments[Number(index)]!;
        const [type, disposition] = attachmentHeaders(attachment.name, attachment.contentType);
        return `${type}${CRLF}Content-Transfer-Encoding: base64${CRLF}${disposition}`;
      },
    );
  const split = raw.indexOf(CRLF + CRLF);
  const headerLines = raw.slice(0, split).split(CRLF);
  const subject = encodeHeaderWords(input.subject || '(无主题)');
  const recipients = [
    ...(input.to.length ? [addressHeader('To', input.to)] : []),
    ...(input.cc.length ? [addressHeader('Cc', input.cc)] : []),
  ];
  const headers = headerLines
    .filter((line) => !line.startsWith('From:') && !line.startsWith('Message-ID:'))
    .flatMap((line) =>
      line.startsWith('Subject:') ? [...recipients, `Subject: ${subject.join(`${CRLF} `)}`] : [line],
    );
  return headers.join(CRLF) + raw.slice(split);
}
