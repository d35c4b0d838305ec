/** Month arithmetic on "YYYY-MM" strings, as absolute month numbers (year * 12 + month - 1). */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Returns true for a well-formed "YYYY-MM" between 1900 and 2199. */
export function isMonth(text: unknown): text is string {
  if (typeof text !== "string") return false;
  const m = MONTH.exec(text);
  return m != null && Number(m[1]) >= 1900 && Number(m[1]) < 2200;
}

/** Converts "YYYY-MM" to an absolute month number; throws on malformed input. */
export function monthIndex(text: string): number {
  const m = MONTH.exec(text);
  if (!m) throw new Error(`"${text}" is not a month like 2024-01`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** Converts an absolute month number back to "YYYY-MM". */
export function monthString(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${year}-${month < 10 ? "0" : ""}${month}`;
}

/** Number of months from `start` to `end`, both inclusive. */
export function monthsBetween(start: string, end: string): number {
  return monthIndex(end) - monthIndex(start) + 1;
}

/** Adds `n` months to "YYYY-MM". */
export function addMonths(text: string, n: number): string {
  return monthString(monthIndex(text) + n);
}
