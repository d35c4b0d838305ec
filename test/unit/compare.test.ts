import {beforeAll, describe, expect, it} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {aligned, compare, compareRows, compareSearch, COMPARE_YEARS, csvRows, CURRENT, defaultB, linkSearch, parseChoice} from "../../src/explorer/pages/compare.js";
import {changesFrom} from "../../src/explorer/series.js";
import {COMPARE_FIGURES, keyFigure} from "../../src/model/key-figures.js";
import {run} from "../../src/model/run.js";
import type {ModelInputs} from "../../src/model/types.js";

let inputs: ModelInputs;
beforeAll(async () => {
  inputs = await loadModelInputs();
});

describe("choices", () => {
  it("a preset id is that preset alone", () => {
    const c = parseChoice("mpp-2023-i-max", inputs, "", "ongewijzigd");
    expect(c.kind).toBe("preset");
    expect(c.scenario).toEqual({preset: "mpp-2023-i-max", overrides: {}, measures: []});
    expect(c.label).toBe(inputs.presets.find((p) => p.id === "mpp-2023-i-max")?.name);
  });

  it("'huidig' is the scenario the site carries, run as the pages run it (changes from the controls' month)", () => {
    const c = parseChoice(CURRENT, inputs, "?a=x&b=huidig&p=ongewijzigd&o=ind_decisions_per_month:4050", "ongewijzigd");
    expect(c.kind).toBe("current");
    expect(c.scenario.overrides).toEqual({ind_decisions_per_month: 4050});
    expect(c.scenario.overridesFrom).toBe(changesFrom(inputs));
    expect(c.notices).toEqual([]);
  });

  it("a pasted link is read from its search, with clamping notices in Dutch", () => {
    expect(linkSearch("https://example.nl/verkenner/opvang.html?p=mpp-2023-i-max&o=occupancy_rate%3A5#x")).toBe("p=mpp-2023-i-max&o=occupancy_rate%3A5");
    const c = parseChoice("p=mpp-2023-i-max&o=occupancy_rate%3A5", inputs, "", "ongewijzigd");
    expect(c.kind).toBe("link");
    expect(c.scenario.preset).toBe("mpp-2023-i-max");
    expect(c.scenario.overrides.occupancy_rate).toBe(0.97);
    expect(c.notices.join(" ")).toMatch(/Bezettingsgraad.*begrensd op 0,97/);
  });

  it("text without a scenario falls back with a notice, never throws", () => {
    const c = parseChoice("hallo wereld", inputs, "", "mpp-2023-i-medio");
    expect(c.scenario.preset).toBe("mpp-2023-i-medio");
    expect(c.notices[0]).toMatch(/geen scenario/);
  });

  it("B defaults to the current scenario when the site carries one, else the second preset", () => {
    expect(defaultB(inputs, "?p=mpp-2023-i-max")).toBe(CURRENT);
    expect(defaultB(inputs, "")).toBe(inputs.presets[1]?.id);
  });

  it("the URL holds the pair beside the current scenario's keys", () => {
    expect(compareSearch("ongewijzigd", "p=mpp&o=x%3A1", "?a=old&p=ongewijzigd&zz=1")).toBe("?a=ongewijzigd&b=p%3Dmpp%26o%3Dx%253A1&p=ongewijzigd");
    const back = new URLSearchParams(compareSearch("ongewijzigd", "p=mpp&o=x%3A1", ""));
    expect(back.get("b")).toBe("p=mpp&o=x%3A1");
  });
});

describe("table", () => {
  it("every compared figure per year: A, B, B − A and the relative difference from the same key-figure function", () => {
    const a = run({preset: "ongewijzigd", overrides: {}, measures: []}, inputs);
    const b = run({preset: "mpp-2023-i-max", overrides: {}, measures: []}, inputs);
    const rows = compareRows(a, b);
    expect(rows).toHaveLength(COMPARE_FIGURES.length * COMPARE_YEARS.length);
    const r = rows.find((x) => x.figure === "ind_backlog" && x.year === 2027);
    expect(r?.a).toBe(keyFigure(a, "ind_backlog", 2027).value);
    expect(r?.b).toBe(keyFigure(b, "ind_backlog", 2027).value);
    expect(r?.diff).toBeCloseTo((r?.b ?? NaN) - (r?.a ?? NaN), 9);
    expect(r?.pct).toBeCloseTo((r?.diff ?? NaN) / (r?.a ?? NaN), 9);
    expect(r?.label).toMatch(/stand 31 december/);
  });

  it("a year outside a horizon is null (n.v.t. in the CSV), not a number", () => {
    const a = run({preset: "ongewijzigd", overrides: {}, measures: [], end: "2026-12"}, inputs);
    const b = run({preset: "ongewijzigd", overrides: {}, measures: []}, inputs);
    const rows = compareRows(a, b).filter((r) => r.year === 2028);
    expect(rows.every((r) => r.a === null && r.diff === null && r.pct === null && r.b !== null)).toBe(true);
    const csv = csvRows(rows, parseChoice("ongewijzigd", inputs, "", "ongewijzigd"), parseChoice("ongewijzigd", inputs, "", "ongewijzigd"));
    expect(csv[0]?.a).toBe("n.v.t.");
    expect(typeof csv[0]?.b).toBe("number");
  });

  it("compare() of a preset with itself gives zero differences", () => {
    const c = compare(inputs, {a: "mpp-2023-i-medio", b: "mpp-2023-i-medio"}, "");
    expect(c.rows.every((r) => r.diff === 0)).toBe(true);
  });

  it("aligned() places runs with different starts on one month axis", () => {
    const late = run({preset: "ongewijzigd", overrides: {}, measures: [], start: "2024-01"}, inputs);
    const out = aligned(late, "coa_total", "2022-01", 108);
    expect(Number.isNaN(out[23])).toBe(true);
    expect(out[24]).toBe(late.series.coa_total[0]);
    expect(out[107]).toBe(late.series.coa_total[late.months - 1]);
  });
});
