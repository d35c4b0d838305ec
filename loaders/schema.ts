/**
 * Zod schemas for the cells of the committed CSV files, built from the declarative column specs in
 * loaders/read.ts. One schema per column; `parseCsv` runs it on every cell (memoised per distinct raw
 * value, so the 67.790-row UNHCR file validates in well under a second).
 *
 * Rules every file gets, whatever its spec says:
 * - integer, number and year columns are non-negative unless the spec sets a negative `min`;
 * - year, quarter, month and date columns are not after the data vintage of this release
 *   ({@link DATA_VINTAGE}) — unless the column is marked `future` (forecast target years), and then not
 *   after the end of the model horizon ({@link HORIZON_END});
 * - numbers are finite decimals (no exponents, no NaN, no thousands separators).
 */
import {z} from "zod";

/** Data vintage of this release: no observation published after this date is used. */
export const DATA_VINTAGE = "2025-11-03";
/** First month of observations used (calibration window) and last month the model runs (src/model/scenario.ts). */
export const HORIZON_START = "2015-01";
export const HORIZON_END = "2040-12";

export type ColumnType = "string" | "integer" | "number" | "year" | "quarter" | "month" | "date";

/** Declares one column of a CSV: its type and the values it may hold. */
export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  /** Allows empty cells (parsed as null). Default false. */
  readonly optional?: boolean;
  /** Inclusive bounds for numeric, year and date columns (dates as ISO strings, quarters by year). */
  readonly min?: number | string;
  readonly max?: number | string;
  /** Allowed codes for string columns. */
  readonly codes?: readonly string[];
  /** A date-like column that may lie after the data vintage (forecast target years), up to HORIZON_END. */
  readonly future?: boolean;
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const VINTAGE_YEAR = Number(DATA_VINTAGE.slice(0, 4));
const VINTAGE_MONTH = DATA_VINTAGE.slice(0, 7);
const VINTAGE_QUARTER = `${VINTAGE_YEAR}-Q${Math.ceil(Number(DATA_VINTAGE.slice(5, 7)) / 3)}`;
const HORIZON_END_YEAR = Number(HORIZON_END.slice(0, 4));

/** The latest value a date-like column may hold: the spec's max, capped by the vintage or the horizon. */
function latest(spec: ColumnSpec, vintage: string, horizon: string): string {
  const cap = spec.future ? horizon : vintage;
  return spec.max != null && String(spec.max) < cap ? String(spec.max) : cap;
}

/** Builds the zod schema for one column: raw text (trimmed, non-empty) → typed value. */
export function cellSchema(spec: ColumnSpec): z.ZodType<string | number> {
  const min = spec.min;
  switch (spec.type) {
    case "string": {
      if (spec.codes) {
        const codes = spec.codes;
        return z.string().refine((t) => codes.includes(t), {error: (i) => `unknown code "${String(i.input)}" (allowed: ${codes.join(", ")})`});
      }
      return z.string();
    }
    case "integer":
    case "number":
    case "year": {
      const isNumber = spec.type === "number";
      const lower = min != null ? Number(min) : 0;
      const cap = spec.type === "year" ? (spec.future ? HORIZON_END_YEAR : VINTAGE_YEAR) : Infinity;
      const upper = spec.max != null ? Math.min(Number(spec.max), cap) : cap;
      const afterWhat = spec.type === "year" && (spec.max == null || Number(spec.max) > cap)
        ? spec.future ? ` (the end of the model horizon, ${HORIZON_END})` : ` (the data vintage of this release, ${DATA_VINTAGE})`
        : "";
      return z
        .string()
        .regex(isNumber ? NUMBER : INTEGER, {error: (i) => `"${String(i.input)}" is not ${isNumber ? "a number" : "an integer"}`})
        .transform(Number)
        .pipe(
          z
            .number()
            .refine((v) => Number.isFinite(v) && (isNumber || Number.isSafeInteger(v)), {error: (i) => `${String(i.input)} is too large`})
            .refine((v) => v >= lower, {error: (i) => (lower === 0 && min == null ? `${String(i.input)} is negative; counts and values must be 0 or more` : `${String(i.input)} is below the minimum ${lower}`)})
            .refine((v) => v <= upper, {error: (i) => `${String(i.input)} is above the maximum ${upper}${afterWhat}`})
        );
    }
    case "quarter": {
      const last = spec.future ? `${HORIZON_END_YEAR}-Q4` : spec.max != null && Number(spec.max) < VINTAGE_YEAR ? `${spec.max}-Q4` : VINTAGE_QUARTER;
      return z
        .string()
        .regex(QUARTER, {error: (i) => `"${String(i.input)}" is not a quarter like 2023-Q1`})
        .refine((t) => min == null || Number(t.slice(0, 4)) >= Number(min), {error: (i) => `${String(i.input)} is before ${min}`})
        .refine((t) => t <= last, {error: (i) => `${String(i.input)} is after ${last}${last === VINTAGE_QUARTER ? ` (the data vintage of this release, ${DATA_VINTAGE})` : ""}`});
    }
    case "month":
    case "date": {
      const isMonth = spec.type === "month";
      const cap = latest(spec, isMonth ? VINTAGE_MONTH : DATA_VINTAGE, isMonth ? HORIZON_END : `${HORIZON_END}-31`);
      const why = cap === VINTAGE_MONTH || cap === DATA_VINTAGE ? ` (the data vintage of this release, ${DATA_VINTAGE})` : "";
      return z
        .string()
        .regex(isMonth ? MONTH : DATE, {error: (i) => `"${String(i.input)}" is not a ${isMonth ? "month like 2023-04" : "date like 2023-01-31"}`})
        .refine((t) => isMonth || !Number.isNaN(Date.parse(t)), {error: (i) => `"${String(i.input)}" is not a real date`})
        .refine((t) => min == null || t >= String(min), {error: (i) => `${String(i.input)} is before ${min}`})
        .refine((t) => t <= cap, {error: (i) => `${String(i.input)} is after ${cap}${why}`});
    }
  }
}

/** The first issue's message of a failed parse. */
export function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "is invalid";
}

/** Removes a UTF-8 byte-order mark at the start of a file's text. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
