/**
 * Month arithmetic on model series: every series starts at a "YYYY-MM" month (`RunOutput.start`) and
 * holds one value per month. These helpers never clamp silently: a month or year outside the horizon
 * gives `null`, which the pages show as "n.v.t.".
 */
import {monthIndex, monthString} from "./months.js";

/** Offset of `month` from `start` (may be negative or past the end). */
export function offsetOf(start: string, month: string): number {
  return monthIndex(month) - monthIndex(start);
}

/** The "YYYY-MM" month at offset `i` from `start`. */
export function monthAt(start: string, i: number): string {
  return monthString(monthIndex(start) + i);
}

/** The value in month "YYYY-MM", or null when the month is outside the series. */
export function valueAt(values: ArrayLike<number>, start: string, month: string): number | null {
  const i = offsetOf(start, month);
  if (i < 0 || i >= values.length) return null;
  const v = values[i];
  return v === undefined || !Number.isFinite(v) ? null : v;
}

/** The first and last calendar year fully inside a series of `months` months from `start`. */
export function fullYears(start: string, months: number): number[] {
  const first = monthIndex(start);
  const last = first + months - 1;
  const y0 = Math.ceil(first / 12);
  const y1 = Math.floor((last + 1) / 12) - 1;
  const out: number[] = [];
  for (let y = y0; y <= y1; y++) out.push(y);
  return out;
}

/**
 * Sums a monthly series per calendar year. `months` says how many months of the year lie inside the
 * series (12 for a full year), so callers can tell a partial year from a full one.
 */
export function annualSum(values: ArrayLike<number>, start: string): {year: number; value: number; months: number}[] {
  const first = monthIndex(start);
  const out = new Map<number, {value: number; months: number}>();
  for (let i = 0; i < values.length; i++) {
    const year = Math.floor((first + i) / 12);
    const entry = out.get(year) ?? {value: 0, months: 0};
    entry.value += values[i] ?? 0;
    entry.months += 1;
    out.set(year, entry);
  }
  return [...out].map(([year, d]) => ({year, value: d.value, months: d.months}));
}

/** The sum over calendar year `year`, or null when the year is not fully inside the series. */
export function yearSum(values: ArrayLike<number>, start: string, year: number): number | null {
  const i0 = offsetOf(start, `${year}-01`);
  if (i0 < 0 || i0 + 12 > values.length) return null;
  let sum = 0;
  for (let i = i0; i < i0 + 12; i++) sum += values[i] ?? 0;
  return sum;
}

/** The stock at the end of December of `year` (the same as on 1 January of the next year), or null. */
export function endOfYear(values: ArrayLike<number>, start: string, year: number): number | null {
  return valueAt(values, start, `${year}-12`);
}

/** The highest value and its month, or null for an empty series. */
export function peakOf(values: ArrayLike<number>, start: string): {value: number; month: string; index: number} | null {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (best < 0 || (values[i] ?? -Infinity) > (values[best] ?? -Infinity)) best = i;
  if (best < 0) return null;
  return {value: values[best] ?? 0, month: monthAt(start, best), index: best};
}
