import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {DataError, parseCsv, readCsv, type TableSpec} from "../../loaders/read.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "read");
const spec: TableSpec = {
  columns: [
    {name: "year", type: "year", min: 2014, max: 2026},
    {name: "measure", type: "string", codes: ["eerste", "nareis"]},
    {name: "count", type: "integer", min: 0}
  ],
  key: ["year", "measure"]
};
const fixture = (name: string) => join(FIXTURES, name);

/** Returns the DataError that reading the fixture throws. */
function errorOf(name: string, tableSpec = spec): DataError {
  try {
    readCsv(fixture(name), tableSpec);
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

describe("readCsv", () => {
  test("readCsv(valid file) returns typed rows", () => {
    expect(readCsv(fixture("ok.csv"), spec)).toEqual([
      {year: 2022, measure: "eerste", count: 100},
      {year: 2023, measure: "eerste", count: 200}
    ]);
  });

  test("readCsv(missing column) names the file, the header row and the column", () => {
    const e = errorOf("missing-column.csv");
    expect([e.row, e.field]).toEqual([1, "measure"]);
    expect(e.message).toBe('missing-column.csv, row 1, field "measure": column is missing from the header');
  });

  test("readCsv(non-numeric count) names row and field", () => {
    const e = errorOf("non-numeric.csv");
    expect(e.message).toBe('non-numeric.csv, row 3, field "count": "veel" is not an integer');
  });

  test("readCsv(negative count) rejects values below the minimum", () => {
    const e = errorOf("negative.csv");
    expect(e.message).toBe('negative.csv, row 3, field "count": -5 is below the minimum 0');
  });

  test("readCsv(unknown code) lists the allowed codes", () => {
    const e = errorOf("unknown-code.csv");
    expect(e.message).toBe('unknown-code.csv, row 3, field "measure": unknown code "onbekend" (allowed: eerste, nareis)');
  });

  test("readCsv(duplicate key) names both rows", () => {
    const e = errorOf("duplicate.csv");
    expect(e.message).toBe('duplicate.csv, row 4, field "year+measure": duplicate key (2022 | eerste); first seen on row 2');
  });

  test("readCsv(year out of range) rejects years after the maximum", () => {
    const e = errorOf("year-out-of-range.csv");
    expect(e.message).toBe('year-out-of-range.csv, row 3, field "year": 2031 is above the maximum 2025 (the data vintage of this release, 2025-11-03)');
  });

  test("readCsv(date out of range) rejects dates after the maximum", () => {
    const e = errorOf("date-out-of-range.csv", {columns: [{name: "date", type: "date", min: "2014-01-01", max: "2026-12-31"}, {name: "count", type: "integer", min: 0}]});
    expect(e.message).toBe('date-out-of-range.csv, row 3, field "date": 2035-06-30 is after 2025-11-03 (the data vintage of this release, 2025-11-03)');
  });

  test("readCsv(missing file) fails with the path", () => {
    expect(() => readCsv(fixture("nope.csv"), spec)).toThrow(/nope\.csv: cannot be read/);
  });
});

describe("parseCsv", () => {
  test("parseCsv(empty required cell) fails", () => {
    expect(() => parseCsv("x.csv", "year,measure,count\n2022,,4\n", spec)).toThrow('x.csv, row 2, field "measure": is empty but required');
  });

  test("parseCsv(optional empty cell) yields null", () => {
    const rows = parseCsv("x.csv", "a,b\n1,\n", {columns: [{name: "a", type: "integer"}, {name: "b", type: "string", optional: true}]});
    expect(rows).toEqual([{a: 1, b: null}]);
  });

  test("parseCsv(quarter and month) validates their formats", () => {
    const quarterSpec: TableSpec = {columns: [{name: "p", type: "quarter"}]};
    expect(parseCsv("q.csv", "p\n2023-Q4\n", quarterSpec)).toEqual([{p: "2023-Q4"}]);
    expect(() => parseCsv("q.csv", "p\n2023-Q5\n", quarterSpec)).toThrow('q.csv, row 2, field "p": "2023-Q5" is not a quarter like 2023-Q1');
    expect(() => parseCsv("m.csv", "m\n2023-13\n", {columns: [{name: "m", type: "month"}]})).toThrow('"2023-13" is not a month');
  });

  test("parseCsv(decimal in an integer column) fails", () => {
    expect(() => parseCsv("x.csv", "year,measure,count\n2022,eerste,4.5\n", spec)).toThrow('"4.5" is not an integer');
  });
});
