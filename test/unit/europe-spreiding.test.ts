import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {PROVINCES, TARGETS_SPEC, loadSpreiding, provinceGeometry, provinceRows, rewindForD3, signedArea} from "../../loaders/spreiding.js";
import {dataPath, parseCsv, type Row} from "../../loaders/read.js";
import {allocate, readMonth, runMonths, valueAtMonth} from "../../src/spreiding/allocate.js";
import {run} from "../../src/model/run.js";
import {loadModelInputs} from "../../loaders/model-inputs.js";

const C1 = "Spreidingswet cycle 1 (capaciteitsraming Stcrt. 2024, 3320, published 31 Jan/1 Feb 2024)";
const C2 = "Spreidingswet cycle 2 (capaciteitsraming published 27 Feb 2026)";
const row = (cycle: string, reference: string, province: string, measure: string, value: number): Row => ({cycle, reference, province, measure, value, checked_against_source: "yes", source: "test", url: null, quote_or_note: null});

/** A hand-made table: every province 8.000 except Zeeland 8.004 (sum 96.004), totals 96.000 and 88.000. */
function table(overrides: Partial<Record<string, number>> = {}): Row[] {
  return [
    row(C1, "to be available by 1 Jul 2025", "NL (total)", "target_places_incl_amv", 96000),
    row(C1, "to be available by 1 Jul 2025", "NL (total)", "target_places_amv", 8140),
    row(C2, "cycle 2026-2027", "NL (total)", "target_places", 88000),
    ...PROVINCES.map((p) => row(C1, "to be available by 1 Jul 2025", p.name, "target_places", overrides[p.name] ?? (p.name === "Zeeland" ? 8004 : 8000))),
    row(C1, "provincial plans 1 Nov 2024", "Zeeland", "places_arranged", 2400),
    row(C2, "cycle 2026-2027", "Zeeland", "remaining_places_needed", 0)
  ];
}

describe("provincial shares and allocation", () => {
  test("shares are each target over the sum of the twelve targets", () => {
    const {provinces, totals} = provinceRows(table());
    expect(totals.cycle1Sum).toBe(96004);
    expect(provinces.find((p) => p.name === "Zeeland")?.share).toBeCloseTo(8004 / 96004, 12);
    expect(provinces.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 12);
  });

  test("allocate multiplies the national need by each share and keeps the published figures", () => {
    const {provinces} = provinceRows(table());
    const rows = allocate(48002, provinces, 88000);
    const zeeland = rows.find((r) => r.name === "Zeeland")!;
    expect(zeeland.modelled).toBeCloseTo(48002 * (8004 / 96004), 9);
    expect(zeeland.cycle2AtCycle1Share).toBeCloseTo(88000 * (8004 / 96004), 9);
    expect(zeeland.offered).toBe(2400);
    expect(zeeland.cycle2Remaining).toBe(0);
    expect(rows.reduce((s, r) => s + r.modelled, 0)).toBeCloseTo(48002, 6);
  });

  test("allocate refuses a negative or non-numeric need instead of drawing NaN", () => {
    const {provinces} = provinceRows(table());
    expect(() => allocate(Number.NaN, provinces, 88000)).toThrow();
    expect(() => allocate(-1, provinces, 88000)).toThrow();
  });

  test("targets that do not add up to the published total fail the build", () => {
    expect(() => provinceRows(table({Utrecht: 9000}))).toThrow(/add up to 97004, not to the published 96000/);
  });

  test("a missing province fails naming it", () => {
    expect(() => provinceRows(table().filter((r) => r.province !== "Limburg"))).toThrow(/cycle 1 target of Limburg/);
  });

  test("a malformed value fails naming file, row and field", () => {
    const text = "cycle,reference,province,measure,value,checked_against_source,source,url,quote_or_note\nx,y,Zeeland,target_places,veel,yes,s,,\n";
    expect(() => parseCsv("targets.csv", text, TARGETS_SPEC)).toThrow(/targets\.csv, row 2, field "value"/);
  });
});

describe("province geometry", () => {
  const text = readFileSync(dataPath("cbs_provinces_2024.json"), "utf8");

  test("the committed file holds the 12 CBS provinces, rewound so each is a small area for d3-geo", async () => {
    const g = provinceGeometry(text);
    expect(g.features.map((f) => f.properties.name).sort()).toEqual(PROVINCES.map((p) => p.name).sort());
    const {geoArea} = await import("d3");
    for (const f of g.features) expect(geoArea(f as never)).toBeLessThan(0.001); // < 1/12566 of the sphere
  });

  test("exterior rings become clockwise and holes counter-clockwise", () => {
    const ccw: [number, number][] = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    expect(signedArea(ccw)).toBeGreaterThan(0);
    const fixed = rewindForD3({type: "Polygon", coordinates: [ccw, [...ccw].reverse()]}).coordinates as [number, number][][];
    expect(signedArea(fixed[0])).toBeLessThan(0);
    expect(signedArea(fixed[1])).toBeGreaterThan(0);
  });

  test("a file with a province missing or misnamed fails", () => {
    const parsed = JSON.parse(text);
    const eleven = JSON.stringify({...parsed, features: parsed.features.slice(1)});
    expect(() => provinceGeometry(eleven, "p.json")).toThrow(/missing: Groningen/);
    parsed.features[0].properties.statnaam = "Groninga";
    expect(() => provinceGeometry(JSON.stringify(parsed), "p.json")).toThrow(/features\[0\]\.properties\.statnaam/);
  });
});

describe("URL month and the model's need", () => {
  test("readMonth keeps a month of the run and rejects others with a notice", () => {
    const months = runMonths("2022-01", 24);
    expect(months.at(-1)).toBe("2023-12");
    expect(readMonth("?sp_m=2023-05", months, "2022-07")).toEqual({month: "2023-05", notice: null});
    expect(readMonth("?sp_m=2031-01", months, "2022-07").month).toBe("2022-07");
    expect(readMonth("?sp_m=%3Cscript%3E", months, "2022-07").notice).toMatch(/ongeldig/);
  });

  test("valueAtMonth reads the series at the month's offset", () => {
    expect(valueAtMonth([10, 20, 30], "2024-11", "2025-01")).toBe(30);
    expect(valueAtMonth([10, 20, 30], "2024-11", "2025-02")).toBeNull();
  });

  test("the default scenario's need is allocated in full over the committed provinces", async () => {
    const inputs = await loadModelInputs();
    const result = run({preset: "ongewijzigd", overrides: {}, measures: []}, inputs);
    const need = valueAtMonth(result.series.capacity_need, result.start, "2025-07");
    expect(need).toBeGreaterThan(0);
    const data = loadSpreiding();
    const rows = allocate(need!, data.provinces, data.totals.cycle2Published);
    expect(rows.reduce((s, r) => s + r.modelled, 0)).toBeCloseTo(need!, 6);
  });
});
