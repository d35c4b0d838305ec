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
import {z} from "zod";
import {cellSchema, firstMessage, stripBom, type ColumnSpec} from "./schema.js";
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

export type {ColumnSpec, ColumnType} from "./schema.js";
export {DATA_VINTAGE, HORIZON_END, HORIZON_START} from "./schema.js";

export interface TableSpec {
  readonly columns: readonly ColumnSpec[];
  /** Columns whose combination must be unique. */
  readonly key?: readonly string[];
  /** A rule across the cells of one row: returns the field and reason of a violation, or null. */
  readonly check?: (row: Row) => {field: string; reason: string} | null;
  /** A rule across rows (gaps in a series): returns the index of the offending row, field and reason. */
  readonly checkTable?: (rows: readonly Row[]) => {index: number; field: string; reason: string} | null;
}

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

type CellOf<C extends ColumnSpec> =
  | (C["type"] extends "integer" | "number" | "year" ? number : C["codes"] extends readonly (infer K)[] ? K : string)
  | (C["optional"] extends true ? null : never);

/** The typed row of a table spec declared `as const`; a widened `TableSpec` gives {@link Row}. */
export type RowOf<S extends TableSpec> = string extends S["columns"][number]["name"]
  ? Row
  : {[C in S["columns"][number] as C["name"]]: CellOf<C>};

interface CompiledColumn {
  spec: ColumnSpec;
  schema: z.ZodType<string | number>;
  /** Memo of raw text → parsed value or failure reason (validation is pure per column). */
  memo: Map<string, {value: string | number} | {reason: string}>;
}

const compiled = new WeakMap<TableSpec, CompiledColumn[]>();

function compile(spec: TableSpec): CompiledColumn[] {
  let columns = compiled.get(spec);
  if (!columns) {
    columns = spec.columns.map((c) => ({spec: c, schema: cellSchema(c), memo: new Map()}));
    compiled.set(spec, columns);
  }
  return columns;
}

/**
 * Parses CSV text against a spec: strips a byte-order mark, accepts CRLF line ends, checks the header,
 * every cell (with the zod schema of its column, loaders/schema.ts) and the uniqueness of the key.
 * `file` is used in messages only.
 */
export function parseCsv<const S extends TableSpec>(file: string, text: string, spec: S): RowOf<S>[] {
  const parsed = csvParse(stripBom(text));
  const header = parsed.columns;
  for (const column of spec.columns) {
    if (!header.includes(column.name)) throw new DataError(file, 1, column.name, "column is missing from the header");
  }
  const columns = compile(spec);
  const seen = new Map<string, number>();
  const rows = new Array<Row>(parsed.length);
  for (let i = 0; i < parsed.length; i++) {
    const raw = parsed[i];
    const line = i + 2;
    const row: Row = {};
    for (const {spec: column, schema, memo} of columns) {
      const text = (raw[column.name] ?? "").trim();
      if (text === "") {
        if (!column.optional) throw new DataError(file, line, column.name, "is empty but required");
        row[column.name] = null;
        continue;
      }
      let result = memo.get(text);
      if (!result) {
        const parsedCell = schema.safeParse(text);
        result = parsedCell.success ? {value: parsedCell.data} : {reason: firstMessage(parsedCell.error)};
        memo.set(text, result);
      }
      if ("reason" in result) throw new DataError(file, line, column.name, result.reason);
      row[column.name] = result.value;
    }
    if (spec.check) {
      const problem = spec.check(row);
      if (problem) throw new DataError(file, line, problem.field, problem.reason);
    }
    if (spec.key) {
      const key = spec.key.map((k) => String(row[k])).join(" | ");
      const first = seen.get(key);
      if (first != null) {
        throw new DataError(file, line, spec.key.join("+"), `duplicate key (${key}); first seen on row ${first}`);
      }
      seen.set(key, line);
    }
    rows[i] = row;
  }
  const problem = spec.checkTable?.(rows);
  if (problem) throw new DataError(file, problem.index + 2, problem.field, problem.reason);
  return rows as RowOf<S>[];
}

/** Reads a text file, naming it on failure; strips a byte-order mark. */
export function readText(file: string): string {
  try {
    return stripBom(readFileSync(file, "utf8"));
  } catch (error) {
    throw new DataError(file, null, null, `cannot be read (${(error as Error).message})`);
  }
}

/** Parses JSON text (a byte-order mark is allowed), naming the file and the position on failure. */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(stripBom(text));
  } catch (error) {
    throw new DataError(file, null, null, `cannot be read as JSON (${(error as Error).message})`);
  }
}

/** Reads and parses a JSON file from `data/` (or an absolute path). */
export function readJson(name: string): unknown {
  const file = name.startsWith("/") ? name : dataPath(name);
  return parseJson(file, readText(file));
}

/** Reads and validates a CSV file from `data/` (or an absolute path). */
export function readCsv<const S extends TableSpec>(name: string, spec: S): RowOf<S>[] {
  const file = name.startsWith("/") ? name : dataPath(name);
  return parseCsv(file, readText(file), spec);
}


const text = z.string().trim().min(1, {error: "is missing or empty in the origin record"});
const OriginSchema = z.looseObject({
  file: text,
  producer: text,
  title: text,
  url: text,
  retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, {error: "must be a date like 2026-11-22"}),
  licence: text,
  processing: text
});

/** Reads and validates the origin record of a dataset in `data/`. */
export function readOrigin(name: string): Origin {
  const file = dataPath(name.replace(/\.(csv|json)$/, "") + ".origin.json");
  const result = OriginSchema.safeParse(parseJson(file, readText(file)));
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.length ? issue.path.join(".") : null;
    throw new DataError(file, null, field, issue.code === "invalid_type" && field ? "is missing or empty in the origin record" : issue.message);
  }
  if (result.data.file !== name) throw new DataError(file, null, "file", `names "${result.data.file}" but belongs to "${name}"`);
  return result.data as Origin;
}
