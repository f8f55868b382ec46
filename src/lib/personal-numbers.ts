/**
 * Finding personal numbers in mail text: 居民身份证号 (GB 11643-1999: 17 digits and a check
 * character, digit or X, from weights 2^(17-i) mod 11) and bank card numbers (13–19 digits, the
 * Luhn check of ISO/IEC 7812-1). Pure and linear: every pattern is bounded, each finder is one
 * pass. Full-width digits (０-９, Ｘ) count as digits; ranges point into the text as typed.
 * Not a validator of real accounts: a number that passes the check may still not exist.
 */

/** The check character for a weighted sum mod 11 (GB 11643-1999, ISO 7064 MOD 11-2). */
const ID_CHECK = '10X98765432';

/** Full-width digits and X as ASCII, one code unit for one, so ranges stay valid. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９Ｘｘ]/gu, (character) =>
    character === 'Ｘ' || character === 'ｘ' ? 'X' : String.fromCharCode(character.charCodeAt(0) - 0xfee0),
  );
}

/** Whether 18 characters form a 身份证号 with the right GB 11643 check character. */
export function isValidIdNumber(candidate: string): boolean {
  const value = asciiDigits(candidate).toUpperCase();
  if (!/^\d{17}[\dX]$/u.test(value)) return false;
  let sum = 0;
  // Weight of position i is 2^(17-i) mod 11 (7, 9, 10, 5 …).
  for (let index = 0; index < 17; index += 1) sum += Number(value[index]) * (2 ** (17 - index) % 11);
  return ID_CHECK[sum % 11] === value[17];
}

/** Whether a string of digits passes the Luhn check. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/u.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** [start, end) of each valid 身份证号 standing alone (no letter or digit right before or after). */
export function findIdNumbers(text: string): [number, number][] {
  const ascii = asciiDigits(text);
  const found: [number, number][] = [];
  for (const match of ascii.matchAll(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/gu))
    if (isValidIdNumber(match[0])) found.push([match.index, match.index + 18]);
  return found;
}

/**
 * A card number as people write it: 13–19 digits in one run, or groups of four (the last group
 * shorter) or 4-6-5, separated by one space or hyphen.
 */
const CARD =
  /(?<![0-9A-Za-z])(?:\d{13,19}|\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,4})?|\d{4}[ -]\d{6}[ -]\d{5})(?![0-9A-Za-z])/gu;

export interface CardOptions {
  /** Labels that make a number an order or object number when written shortly before it. */
  labels: readonly string[];
  /** How many characters before the number a label may stand. */
  window: number;
}

/** [start, end) of each number that passes Luhn and is not labelled as an order or ID number. */
export function findBankCards(text: string, options: CardOptions): [number, number][] {
  const ascii = asciiDigits(text);
  const labels = options.labels.map((label) => label.toLowerCase());
  const found: [number, number][] = [];
  for (const match of ascii.matchAll(CARD)) {
    const digits = match[0].replace(/[ -]/gu, '');
    if (digits.length < 13 || digits.length > 19 || !passesLuhn(digits)) continue;
    // A 身份证号 is reported by its own rule.
    if (digits.length === 18 && isValidIdNumber(digits)) continue;
    const before = ascii.slice(Math.max(0, match.index - options.window), match.index).toLowerCase();
    if (labels.some((label) => before.includes(label))) continue;
    found.push([match.index, match.index + match[0].length]);
  }
  return found;
}
