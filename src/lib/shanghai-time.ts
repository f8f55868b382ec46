/**
 * Dates as people in China read them. Kuaishou works on Beijing time (Asia/Shanghai, UTC+8, no
 * daylight saving), so every date the site shows or compares is taken there, whatever the time
 * zone of the user's device.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `YYYY-MM-DD` of an instant in Beijing time. */
export function shanghaiDate(instant: number | Date): string {
  const shifted = new Date(Number(instant) + OFFSET_MS);
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/** `YYYY-MM-DD HH:mm` of an instant in Beijing time. */
export function shanghaiDateTime(instant: number | Date): string {
  const shifted = new Date(Number(instant) + OFFSET_MS);
  return `${shanghaiDate(instant)} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

/** Whether `YYYYMMDD` or `YYYY-MM-DD` names a day that exists in the Gregorian calendar. */
export function isRealDate(text: string): boolean {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYYMMDD` → `YYYY-MM-DD` (no validation). */
export const dashedDate = (compact: string) =>
  `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
