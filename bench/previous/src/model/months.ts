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
  // Parsed from char codes (no regex, no allocation): this runs several times per model run.
  if (typeof text === "string" && text.length === 7 && text.charCodeAt(4) === 45) {
    const y0 = text.charCodeAt(0) - 48;
    const y1 = text.charCodeAt(1) - 48;
    const y2 = text.charCodeAt(2) - 48;
    const y3 = text.charCodeAt(3) - 48;
    const m0 = text.charCodeAt(5) - 48;
    const m1 = text.charCodeAt(6) - 48;
    if ((y0 | y1 | y2 | y3 | m0 | m1) >= 0 && y0 <= 9 && y1 <= 9 && y2 <= 9 && y3 <= 9 && m0 <= 9 && m1 <= 9) {
      const month = m0 * 10 + m1;
      if (month >= 1 && month <= 12) return (y0 * 1000 + y1 * 100 + y2 * 10 + y3) * 12 + month - 1;
    }
  }
  throw new Error(`"${text}" is not a month like 2024-01`);
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
