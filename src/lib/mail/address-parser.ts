/**
 * RFC 5322 mailboxes from one typed entry — display names (张三 <a@b.com>, "Li, Si" <…>),
 * groups (版权组: a@x.com, b@y.com;) and comments — read by email-addresses (RFC 6532 on, so a
 * Chinese display name needs no quotes). A module of its own so that the browser loads the
 * parser (3.4 KB gzip) apart from the composer's first-load code; mail-message.ts splits the
 * list and checks the addresses it returns.
 */
import emailAddresses from 'email-addresses';
import type { Mailbox } from './mail-message';

/** The entry's mailboxes (a group's members), or null when it is not one RFC 5322 address. */
export function parseMailboxEntry(entry: string): Mailbox[] | null {
  const parsed = emailAddresses.parseOneAddress({ input: entry, rfc6532: true });
  if (!parsed) return null;
  const boxes = parsed.type === 'group' ? parsed.addresses : [parsed];
  return boxes.map((box) => ({ name: box.name ?? '', address: box.address ?? '' }));
}
