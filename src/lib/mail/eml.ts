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
 *   From and the Message-ID derived from it, which the client adds when it sends.
 */
import { createMimeMessage } from 'mimetext/browser';
import { plainBody } from './plain-text';

export interface EmlAttachment {
  name: string;
  /** MIME type; application/octet-stream when unknown. */
  contentType: string;
  bytes: Uint8Array;
}

export interface EmlInput {
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  attachments: EmlAttachment[];
  date?: Date;
}

const CRLF = '\r\n';
const PLACEHOLDER_SENDER = 'draft@ksmail.invalid';

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

/** An attachment file name as mail clients read it: an encoded-word when it is not ASCII. */
function encodeFileName(name: string): string {
  const clean = name.replace(/["\\\r\n]/g, '_');
  return /^[\x20-\x7e]*$/.test(clean) ? clean : encodeHeaderWords(clean).join(' ');
}

/** The .eml text for a draft. */
export function buildEml(input: EmlInput): string {
  const message = createMimeMessage();
  message.setSender(PLACEHOLDER_SENDER);
  if (input.to.length) message.setTo(input.to);
  if (input.cc.length) message.setCc(input.cc);
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
  for (const attachment of input.attachments) {
    message.addAttachment({
      filename: encodeFileName(attachment.name),
      contentType: attachment.contentType || 'application/octet-stream',
      encoding: 'base64',
      data: wrapBase64(bytesToBase64(attachment.bytes)),
    });
  }
  const raw = message.asRaw().replace(/\r?\n/g, CRLF);
  const split = raw.indexOf(CRLF + CRLF);
  const headerLines = raw.slice(0, split).split(CRLF);
  const subject = encodeHeaderWords(input.subject || '(无主题)');
  const headers = headerLines
    .filter((line) => !line.startsWith('From:') && !line.startsWith('Message-ID:'))
    .map((line) => (line.startsWith('Subject:') ? `Subject: ${subject.join(`${CRLF} `)}` : line));
  return headers.join(CRLF) + raw.slice(split);
}
