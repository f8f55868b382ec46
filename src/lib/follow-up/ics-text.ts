/**
 * RFC 5545 text rules the `ics` library does not keep, applied around it: TEXT values with line
 * breaks normalised (a bare CR from `--subject "a\rb"` was written raw, and a CR alone ends a
 * line for some readers), control characters dropped (TEXT allows none but TAB), `\ ; ,` escaped
 * where the library does not (it escapes SUMMARY and DESCRIPTION, not an alarm's DESCRIPTION),
 * and content lines folded at 75 octets (§3.1; the library counts characters, so a line of
 * Chinese was up to 225 octets).
 *
 * Not here: what the calendar says (follow-up-ics.ts).
 */

/** Line breaks as LF, other control characters (and bidi overrides) removed. */
export function normaliseIcsText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\0-\x08\x0b-\x1f\x7f\u2028\u2029]/g, (char) =>
      char === '\u2028' || char === '\u2029' ? '\n' : '',
    );
}

/** A TEXT value escaped in full (§3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeIcsText(text: string): string {
  return normaliseIcsText(text)
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\n/g, '\\n');
}

const utf8 = new TextEncoder();

/** UTF-8 length of one code point. */
const octets = (codePoint: number) =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/**
 * The calendar with every content line unfolded and folded again at 75 octets, between code
 * points (a UTF-8 sequence is never cut), continuation lines starting with one space.
 */
export function foldIcs(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines
    .map((line) => {
      if (utf8.encode(line).length <= 75) return line;
      const parts: string[] = [];
      let current = '';
      let size = 0;
      for (const char of line) {
        const length = octets(char.codePointAt(0)!);
        // The first line holds 75 octets; a continuation 74 after its leading space.
        if (size + length > (parts.length === 0 ? 75 : 74)) {
          parts.push(current);
          current = '';
          size = 0;
        }
        current += char;
        size += length;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}
