import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {observations, requestUrl, tidy, toCsv, type JsonStatDataset} from "../../loaders/fetch/eurostat.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "eurostat");
const load = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as JsonStatDataset;

describe("Eurostat JSON-stat parsing", () => {
  test("tidy('migr_asydcfsta', fixture) reads a sparse cube into tidy rows with flags", () => {
    const rows = tidy("migr_asydcfsta", load("migr_asydcfsta.json"));
    expect(rows).toHaveLength(12);
    expect(rows.find((r) => r.geo === "NL" && r.citizen === "SY" && r.year === 2023 && r.measure === "total_positive")?.count).toBe(7505);
    expect(rows.find((r) => r.geo === "BE" && r.citizen === "SY" && r.year === 2023 && r.measure === "total_decisions")).toMatchObject({count: 3000, flag: "p"});
    // Every kept cell: total = positive + rejected in this fixture.
    for (const geo of ["BE", "NL"]) {
      const at = (m: string) => rows.filter((r) => r.geo === geo && r.measure === m).reduce((s, r) => s + r.count, 0);
      expect(at("total_decisions")).toBe(at("total_positive") + at("rejected"));
    }
  });

  test("tidy('migr_asyappctza', fixture) reads a dense cube and skips null cells", () => {
    const rows = tidy("migr_asyappctza", load("migr_asyappctza.json"));
    expect(rows.map((r) => [r.citizen, r.measure, r.count])).toEqual([
      ["SY", "applicants_first_time", 11100],
      ["SY", "applicants_total_first_and_subsequent", 12345],
      ["TOTAL", "applicants_first_time", 38300]
    ]);
  });

  test("observations(ds) rejects a cube whose sizes do not match its categories", () => {
    const ds = load("migr_asydcfsta.json");
    ds.size = ds.size.map((s, i) => (i === ds.id.indexOf("geo") ? s + 1 : s));
    expect(() => observations(ds)).toThrow(/dimension "geo" has 2 categories but size says 3/);
  });

  test("observations(ds) rejects a value index outside the cube", () => {
    const ds = load("migr_asyappctza.json");
    ds.value = {"99": 1};
    expect(() => observations(ds)).toThrow(/value index 99 is outside the cube/);
  });

  test("tidy(dataset, ds) names a missing dimension", () => {
    const ds = load("migr_asyappctza.json");
    expect(() => tidy("migr_asydcfsta", ds)).toThrow(/dimension "decision" is missing/);
  });

  test("requestUrl(dataset) asks for the six countries, totals for sex and age, and years from 2014", () => {
    const url = new URL(requestUrl("migr_asydcfsta"));
    expect(url.pathname).toBe("/eurostat/api/dissemination/statistics/1.0/data/migr_asydcfsta");
    expect(url.searchParams.getAll("geo")).toEqual(["NL", "BE", "DE", "FR", "AT", "SE"]);
    expect(url.searchParams.get("sinceTimePeriod")).toBe("2014");
    expect(url.searchParams.getAll("decision")).toContain("TOTAL_POS");
  });

  test("toCsv(rows) writes a header and one line per row", () => {
    const csv = toCsv(tidy("migr_asyappctza", load("migr_asyappctza.json")));
    expect(csv.split("\n")[0]).toBe("dataset,geo,citizen,year,measure,count,flag");
    expect(csv.trim().split("\n")).toHaveLength(4);
  });
});
