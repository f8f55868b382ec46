/**
 * `record[key]` for the record's own keys only. Keys come from saved or imported data (a
 * request type in localStorage, a template id): a corrupted value such as "constructor",
 * "toString" or "__proto__" must find nothing, not a function or Object.prototype.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
