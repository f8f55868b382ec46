/**
 * How the data table helper reads one cell: numbers with their unit (1,234 / ¥5 / 35% / 1.2万 /
 * full-width １２３) and dates (2026-11-16, 11月16日, 2026年11月 …), and the sort keys that tell
 * whether a column of dates is in time order. Pure functions of a string; they know nothing of
 * rows, columns or headers (data-table-columns.ts decides what a column is from its cells).
 */

/** Full-width digits and signs (Chinese input methods) → ASCII; odd spaces and minus signs unified. */
export function normalizeCell(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(/\uFFE5/g, '¥')
    .replace(/[\u2212\u2012\u2013\uFE63]/g, '-')
    .replace(/[\u3000\u00A0\u2000-\u200B\u202F\u205F]/g, ' ')
    .trim();
}

export interface ParsedNumber {
  value: number;
  /** The unit written with the number: 元, %, 万元, 单…; '' when none. */
  unit: string;
}

const CURRENCY: Record<string, string> = {
  '¥': '元',
  RMB: '元',
  CNY: '元',
  $: '美元',
  USD: '美元',
  '€': '欧元',
  '£': '英镑',
};
/** Units after a number: percent, a few Latin ones, or up to 3 Chinese characters (not 年月日号: dates). */
const UNIT =
  /^(?:%|‰|kg|g|t|km|m|cm|mm|h|min|s|ms|KB|MB|GB|TB|k|K|w|W|pcs|(?![^]*[年月日号])[\u4E00-\u9FFF]{1,3}(?:\/[\u4E00-\u9FFF]{1,2})?)$/;
const NUMBER =
  /^([+-])?(¥|\$|€|£|RMB|CNY|USD)?([+-])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(万|亿)?(.*)$/;

/** 1,234 / 1 234 / ¥1,234.5 / 12元 / -3.5% / 1.2万 / １２３ → number and unit, or null. */
export function parseNumber(text: string): ParsedNumber | null {
  const compact = normalizeCell(text).replace(/\s+/g, '');
  if (!compact || compact.length > 40) return null;
  const negativeParens = /^\((.+)\)$/.exec(compact);
  const body = negativeParens ? negativeParens[1]! : compact;
  const match = NUMBER.exec(body);
  if (!match) return null;
  const [, sign1, currency, sign2, digits, multiplier, rest] = match;
  if (sign1 && sign2) return null;
  let unit = rest ?? '';
  if (unit && !UNIT.test(unit)) return null;
  if (currency) {
    if (unit && unit !== '元') return null;
    unit = CURRENCY[currency] ?? '';
  }
  let value = Number(digits!.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  if (multiplier === '万') value *= 1e4;
  if (multiplier === '亿') value *= 1e8;
  if (sign1 === '-' || sign2 === '-' || negativeParens) value = -value;
  // Rounding away float noise from 1.2 × 10⁴ and the like.
  value = Number(value.toPrecision(15));
  return { value, unit };
}

export interface ParsedDate {
  year: number | null;
  month: number;
  /** null for a month (2026年11月, 2026-11). */
  day: number | null;
  /** Minutes after midnight, when a time was given. */
  minutes: number | null;
}

const WEEKDAY = /\s*[(（]?(?:周|星期|礼拜)[一二三四五六日天][)）]?$/;
const TIME = String.raw`(?:[ T]+(\d{1,2}):(\d{2})(?::\d{2})?)?`;
type DateFields = [
  year: number | null,
  month: number,
  day: number | null,
  hour?: string | undefined,
  minute?: string | undefined,
];
const DATE_PATTERNS: [RegExp, (match: RegExpExecArray) => DateFields][] = [
  [
    new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`),
    (m) => [+m[1]!, +m[2]!, +m[3]!, m[4], m[5]],
  ],
  [
    new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?${TIME}$`),
    (m) => [+m[1]!, +m[2]!, +m[3]!, m[4], m[5]],
  ],
  [/^(\d{4})[-/](\d{1,2})$/, (m) => [+m[1]!, +m[2]!, null]],
  [/^(\d{4})年(\d{1,2})月份?$/, (m) => [+m[1]!, +m[2]!, null]],
  [new RegExp(String.raw`^(\d{1,2})月(\d{1,2})[日号]?${TIME}$`), (m) => [null, +m[1]!, +m[2]!, m[3], m[4]]],
  [/^(\d{1,2})\/(\d{1,2})$/, (m) => [null, +m[1]!, +m[2]!]],
  [/^(\d{1,2})月份?$/, (m) => [null, +m[1]!, null]],
];

function daysInMonth(year: number | null, month: number): number {
  // Without a year, 29 February is allowed.
  return new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate();
}

/** 2026-11-16, 2026/11/16, 11/16, 11月16日, 2026年11月16日, 2026-11, 11月 (a weekday after it is ignored). */
export function parseDate(text: string): ParsedDate | null {
  const clean = normalizeCell(text).replace(WEEKDAY, '').replace(/\s+/g, ' ');
  if (!clean || clean.length > 30) return null;
  for (const [pattern, read] of DATE_PATTERNS) {
    const match = pattern.exec(clean);
    if (!match) continue;
    const [year, month, day, hourText, minuteText] = read(match);
    if (year !== null && (year < 1900 || year > 2100)) return null;
    if (month < 1 || month > 12) return null;
    if (day !== null && (day < 1 || day > daysInMonth(year, month))) return null;
    let minutes: number | null = null;
    if (hourText !== undefined && minuteText !== undefined) {
      const hour = +hourText;
      const minute = +minuteText;
      if (hour > 23 || minute > 59) return null;
      minutes = hour * 60 + minute;
    }
    return { year, month, day, minutes };
  }
  return null;
}

/** Sort keys for a column of dates; dates without a year roll over into the next year after December. */
export function dateKeys(dates: ParsedDate[]): number[] {
  let year = dates.find((date) => date.year !== null)?.year ?? 2000;
  let previous: ParsedDate | null = null;
  return dates.map((date) => {
    if (date.year !== null) year = date.year;
    else if (previous && previous.month >= 10 && date.month <= 3) year += 1;
    previous = date;
    return ((year * 12 + date.month) * 32 + (date.day ?? 0)) * 1440 + (date.minutes ?? 0);
  });
}
