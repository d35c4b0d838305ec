/**
 * Corrupt-fixture test for every dataset in data/: each file is registered in loaders/datasets.ts, its
 * committed text passes, it passes again with a byte-order mark and CRLF line ends, and one corrupted
 * copy per rule fails with a DataError naming the file, the row and the field. For CSV files the
 * corruptions are derived from the column spec (empty required cell, negative count, non-number,
 * unknown code, date after the data vintage, duplicate key), so a new column is covered as soon as it
 * is declared. test/fixtures/corrupt/ holds small hand-made files for the JSON rules no spec drives.
 */
import {readdirSync, readFileSync} from "node:fs";
import {basename, join} from "node:path";
import {csvFormat, csvParse} from "d3";
import {describe, expect, test} from "vitest";
import {DATASETS} from "../../loaders/datasets.js";
import {DATA_DIR, DataError} from "../../loaders/read.js";
import {DATA_VINTAGE} from "../../loaders/schema.js";
import type {ColumnSpec} from "../../loaders/schema.js";

const FILES = readdirSync(DATA_DIR).filter((f) => /\.(csv|json)$/.test(f) && !f.endsWith(".origin.json"));
const FIXTURES = join(import.meta.dirname, "..", "fixtures", "corrupt");

function failure(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw new Error(`expected a DataError, got ${(error as Error).message}`);
  }
  throw new Error("expected a DataError, but the corrupted file passed");
}

/** Bad values for a column, one per rule that applies to it. */
function badValues(column: ColumnSpec): {rule: string; value: string}[] {
  const out: {rule: string; value: string}[] = [];
  if (!column.optional) out.push({rule: "empty required cell", value: ""});
  if (column.codes) out.push({rule: "unknown code", value: "ZZ_UNKNOWN"});
  switch (column.type) {
    case "integer":
    case "number":
      out.push({rule: "not a number", value: "12a"}, {rule: "exponent", value: "1e300"});
      if (column.min == null || Number(column.min) >= 0) out.push({rule: "negative", value: "-1900"});
      break;
    case "year":
      out.push({rule: "not a year", value: "20x5"});
      out.push({rule: column.future ? "after the model horizon" : "after the data vintage", value: column.future ? "2041" : String(Number(DATA_VINTAGE.slice(0, 4)) + 1)});
      break;
    case "quarter":
      out.push({rule: "not a quarter", value: "2023-Q5"}, {rule: "after the data vintage", value: "2099-Q1"});
      break;
    case "month":
      out.push({rule: "not a month", value: "2023-13"}, {rule: "after the data vintage", value: "2099-01"});
      break;
    case "date":
      out.push({rule: "not a date", value: "2023-02-30x"}, {rule: "after the data vintage", value: "2099-01-01"});
      break;
  }
  return out;
}

test("every data file is registered with its validation (loaders/datasets.ts)", () => {
  expect(FILES.length).toBeGreaterThan(10);
  const missing = FILES.filter((f) => !DATASETS[f]);
  expect(missing, `register these files in loaders/datasets.ts: ${missing.join(", ")}`).toEqual([]);
  for (const f of FILES) expect(readdirSync(DATA_DIR), `${f} has an origin record`).toContain(f.replace(/\.(csv|json)$/, ".origin.json"));
});

describe.each(FILES.filter((f) => DATASETS[f]))("%s", (name) => {
  const dataset = DATASETS[name];
  const text = readFileSync(join(DATA_DIR, name), "utf8");
  const file = join(DATA_DIR, name);
  const expectNamed = (e: DataError, row: number | null, field: string) => {
    expect(e.message.startsWith(basename(name))).toBe(true);
    if (row != null) expect(e.row).toBe(row);
    expect(e.field ?? "", e.message).toMatch(new RegExp(`(^|\\.)${field.replace(/[.[\]]/g, "\\$&")}$`));
  };

  test("the committed file passes, also with a byte-order mark and CRLF line ends", () => {
    const clean = dataset.parse(text, file);
    const variant = "\uFEFF" + text.replace(/\r?\n/g, "\r\n");
    expect(dataset.parse(variant, file)).toEqual(clean);
  }, 60_000);

  if (dataset.spec) {
    const spec = dataset.spec;
    const rows = csvParse(text.replace(/^\uFEFF/, ""));
    const corrupt = (column: string, value: string) => {
      const copy = rows.map((r) => ({...r}));
      copy[0][column] = value;
      return csvFormat(copy, rows.columns);
    };
    const cases = spec.columns.flatMap((c) => badValues(c).map((b) => [c.name, b.rule, b.value] as const));
    test.each(cases)("column %s, %s (%s) fails on row 2 naming the field", (column, _rule, value) => {
      expectNamed(failure(() => dataset.parse(corrupt(column, value), file)), 2, column);
    });
    test("a missing column fails on the header", () => {
      const column = spec.columns[0].name;
      const header = rows.columns.filter((c) => c !== column);
      expectNamed(failure(() => dataset.parse(csvFormat(rows, header), file)), 1, column);
    });
    if (spec.key) {
      test("a duplicate key fails on the repeated row", () => {
        const copy = [rows[0], ...rows];
        const e = failure(() => dataset.parse(csvFormat(copy, rows.columns), file));
        expect(e.row).toBe(3);
        expect(e.reason).toMatch(/duplicate key/);
      });
    }
  }

  for (const c of dataset.corruptions ?? []) {
    test(`${c.at} = ${JSON.stringify(c.value)} fails naming ${c.field}`, () => {
      let bad: string;
      if (dataset.spec) {
        const rows = csvParse(text.replace(/^\uFEFF/, ""));
        rows[0][c.at] = String(c.value);
        bad = csvFormat(rows, rows.columns);
      } else {
        const json = JSON.parse(text.replace(/^\uFEFF/, ""));
        const path = c.at.split(".");
        let target = json;
        for (const key of path.slice(0, -1)) target = target[key];
        target[path[path.length - 1]] = c.value;
        bad = JSON.stringify(json);
      }
      const head = c.at.split(".")[0];
      const row = dataset.spec ? 2 : /^\d+$/.test(head) ? Number(head) + 1 : null;
      expectNamed(failure(() => dataset.parse(bad, file)), row, c.field);
    });
  }

  if (name.endsWith(".json")) {
    test("broken JSON fails naming the file", () => {
      const e = failure(() => dataset.parse(text.slice(0, Math.floor(text.length / 2)), file));
      expect(e.message).toMatch(new RegExp(`^${basename(name).replace(".", "\\.")}: cannot be read as JSON`));
    });
  }
});

describe("hand-made corrupt fixtures (test/fixtures/corrupt)", () => {
  const cases = readdirSync(FIXTURES).filter((f) => f.endsWith(".csv") || f.endsWith(".json"));
  test.each(cases)("%s fails as its name says", (fixture) => {
    // <dataset>__<row>__<field>__<rule>.<ext>
    const [dataset, row, field] = fixture.replace(/\.(csv|json)$/, "").split("__");
    const entry = Object.entries(DATASETS).find(([n]) => n.replace(/\.(csv|json)$/, "") === dataset);
    expect(entry, `no dataset ${dataset}`).toBeDefined();
    const path = join(FIXTURES, fixture);
    const e = failure(() => entry![1].parse(readFileSync(path, "utf8"), path));
    expect(e.message.startsWith(fixture)).toBe(true);
    expect(e.row).toBe(Number(row));
    expect(e.field).toBe(field);
  });
});

test("the vintage the schemas enforce is the release's data vintage (data/release.json)", () => {
  const release = JSON.parse(readFileSync(join(DATA_DIR, "release.json"), "utf8")) as {dataVintage: string};
  expect(DATA_VINTAGE).toBe(release.dataVintage);
});
