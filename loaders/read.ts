/**
 * Reads and validates the committed datasets in `data/`.
 *
 * Every failure throws a {@link DataError} whose message names the file, the row (the line number in
 * the file, header = line 1) and the field, so a malformed row fails the build with a message a
 * contributor can act on.
 */
import {readFileSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {csvParse} from "d3";
import type {Origin} from "../src/types/origin.js";

export type {Origin};

/** Absolute path of the repository's `data/` folder. */
export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", "data");

/** Resolves a file name inside `data/`. */
export function dataPath(name: string): string {
  return join(DATA_DIR, name);
}

/** A validation failure that names file, row and field. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly field: string | null,
    readonly reason: string
  ) {
    const where = [basename(file), row == null ? null : `row ${row}`, field == null ? null : `field "${field}"`]
      .filter((d) => d != null)
      .join(", ");
    super(`${where}: ${reason}`);
    this.name = "DataError";
  }
}

export type ColumnType = "string" | "integer" | "number" | "year" | "quarter" | "month" | "date";

/** Declares one column of a CSV: its type and the values it may hold. */
export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Allows empty cells (parsed as null). Default false. */
  optional?: boolean;
  /** Inclusive bounds for numeric, year and date columns (dates as ISO strings). */
  min?: number | string;
  max?: number | string;
  /** Allowed codes for string columns. */
  codes?: readonly string[];
}

export interface TableSpec {
  columns: readonly ColumnSpec[];
  /** Columns whose combination must be unique. */
  key?: readonly string[];
}

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function parseCell(file: string, line: number, spec: ColumnSpec, raw: string | undefined): Cell {
  const fail = (reason: string) => {
    throw new DataError(file, line, spec.name, reason);
  };
  const text = (raw ?? "").trim();
  if (text === "") {
    if (spec.optional) return null;
    return fail("is empty but required");
  }
  switch (spec.type) {
    case "string": {
      if (spec.codes && !spec.codes.includes(text)) fail(`unknown code "${text}" (allowed: ${spec.codes.join(", ")})`);
      return text;
    }
    case "integer":
    case "number":
    case "year": {
      const ok = spec.type === "number" ? NUMBER.test(text) : INTEGER.test(text);
      if (!ok) fail(`"${text}" is not ${spec.type === "number" ? "a number" : "an integer"}`);
      const value = Number(text);
      if (spec.min != null && value < Number(spec.min)) fail(`${value} is below the minimum ${spec.min}`);
      if (spec.max != null && value > Number(spec.max)) fail(`${value} is above the maximum ${spec.max}`);
      return value;
    }
    case "quarter": {
      const m = QUARTER.exec(text);
      if (!m) return fail(`"${text}" is not a quarter like 2023-Q1`);
      const year = Number(m[1]);
      if (spec.min != null && year < Number(spec.min)) fail(`${text} is before ${spec.min}`);
      if (spec.max != null && year > Number(spec.max)) fail(`${text} is after ${spec.max}`);
      return text;
    }
    case "month": {
      if (!MONTH.test(text)) fail(`"${text}" is not a month like 2023-04`);
      if (spec.min != null && text < String(spec.min)) fail(`${text} is before ${spec.min}`);
      if (spec.max != null && text > String(spec.max)) fail(`${text} is after ${spec.max}`);
      return text;
    }
    case "date": {
      if (!DATE.test(text) || Number.isNaN(Date.parse(text))) fail(`"${text}" is not a date like 2023-01-31`);
      if (spec.min != null && text < String(spec.min)) fail(`${text} is before ${spec.min}`);
      if (spec.max != null && text > String(spec.max)) fail(`${text} is after ${spec.max}`);
      return text;
    }
  }
}

/**
 * Parses CSV text against a spec: checks the header, every cell and the uniqueness of the key.
 * `file` is used in messages only.
 */
export function parseCsv(file: string, text: string, spec: TableSpec): Row[] {
  const parsed = csvParse(text);
  const header = parsed.columns;
  for (const column of spec.columns) {
    if (!header.includes(column.name)) throw new DataError(file, 1, column.name, "column is missing from the header");
  }
  const seen = new Map<string, number>();
  return parsed.map((raw, i) => {
    const line = i + 2;
    const row: Row = {};
    for (const column of spec.columns) row[column.name] = parseCell(file, line, column, raw[column.name]);
    if (spec.key) {
      const key = spec.key.map((k) => String(row[k])).join(" | ");
      const first = seen.get(key);
      if (first != null) {
        throw new DataError(file, line, spec.key.join("+"), `duplicate key (${key}); first seen on row ${first}`);
      }
      seen.set(key, line);
    }
    return row;
  });
}

/** Reads and validates a CSV file from `data/` (or an absolute path). */
export function readCsv(name: string, spec: TableSpec): Row[] {
  const file = name.startsWith("/") ? name : dataPath(name);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new DataError(file, null, null, `cannot be read (${(error as Error).message})`);
  }
  return parseCsv(file, text, spec);
}


const ORIGIN_FIELDS = ["file", "producer", "title", "url", "retrieved", "licence", "processing"] as const;

/** Reads and validates the origin record of a dataset in `data/`. */
export function readOrigin(name: string): Origin {
  const file = dataPath(name.replace(/\.(csv|json)$/, "") + ".origin.json");
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new DataError(file, null, null, `origin record cannot be read (${(error as Error).message})`);
  }
  for (const field of ORIGIN_FIELDS) {
    if (typeof record[field] !== "string" || (record[field] as string).trim() === "") {
      throw new DataError(file, null, field, "is missing or empty in the origin record");
    }
  }
  if (!DATE.test(record.retrieved as string)) throw new DataError(file, null, "retrieved", "must be a date like 2026-11-22");
  if (record.file !== name) throw new DataError(file, null, "file", `names "${record.file}" but belongs to "${name}"`);
  return record as unknown as Origin;
}
