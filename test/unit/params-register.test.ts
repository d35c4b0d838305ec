import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {loadParameters, loadPresets, validateParameters, validatePresets} from "../../loaders/params.js";
import {cbsObservations, loadCbsQuarters, loadModelInputs} from "../../loaders/model-inputs.js";
import {parseObservations} from "../../loaders/observations.js";
import {DataError} from "../../loaders/read.js";
import {fitSeasonalBaseline} from "../../src/model/baseline.js";
import {PARAMETER_IDS} from "../../src/model/params.js";
import {computeDataVintage, MODEL_VERSION} from "../../src/model/version.js";

const register = () => JSON.parse(readFileSync("data/parameters.json", "utf8"));

function errorOf(f: () => unknown): DataError {
  try {
    f();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

describe("parameter register", () => {
  it("loadParameters() holds every parameter the model reads, with Dutch label, basis and range", () => {
    const params = loadParameters();
    const ids = new Set(params.map((p) => p.id));
    for (const id of PARAMETER_IDS) expect(ids.has(id), id).toBe(true);
    for (const p of params) {
      expect(p.basis.length, p.id).toBeGreaterThan(0);
      expect(p.low, p.id).toBeLessThanOrEqual(p.high);
    }
  });

  it("loadParameters() keeps the contract's parameter ids", () => {
    const contract = readFileSync("docs/model-interface.md", "utf8").split("## Parameter ids")[1].split("\n## ")[0];
    const ids = new Set(loadParameters().map((p) => p.id));
    for (const m of contract.matchAll(/`([a-z_0-9]+)`/g)) expect(ids.has(m[1]), m[1]).toBe(true);
  });

  it("validateParameters(default outside its range) fails naming entry and field", () => {
    const raw = register();
    raw[3].value = 99;
    const e = errorOf(() => validateParameters(raw, "parameters.json"));
    expect(e.row).toBe(4);
    expect(e.message).toMatch(/inflow_season_q3\.value.*outside the plausible range/);
  });

  it("validateParameters(dated steps out of order or missing basis) fails naming the field", () => {
    const raw = register();
    raw[0].value = [{from: "2023-01", value: 30000}, {from: "2022-01", value: 30000}];
    expect(errorOf(() => validateParameters(raw)).message).toMatch(/inflow_first_per_year\.value\[1\]\.from/);
    const raw2 = register();
    raw2[1].basis = [];
    expect(errorOf(() => validateParameters(raw2)).message).toMatch(/basis/);
    const raw3 = register();
    raw3[2].kind = "hefboom";
    expect(errorOf(() => validateParameters(raw3)).message).toMatch(/kind/);
  });

  it("validatePresets(unknown override or out-of-range value) fails naming the field", () => {
    const params = loadParameters();
    const presets = JSON.parse(readFileSync("data/scenarios.json", "utf8"));
    presets[1].overrides.bogus = 1;
    expect(errorOf(() => validatePresets(presets, params)).message).toMatch(/overrides\.bogus/);
    const p2 = JSON.parse(readFileSync("data/scenarios.json", "utf8"));
    p2[1].overrides.inflow_mpp_2023_total = 1;
    expect(errorOf(() => validatePresets(p2, params)).message).toMatch(/outside/);
  });

  it("loadPresets() has the baseline and the three MPP April 2023 presets with their totals", () => {
    const presets = loadPresets(loadParameters());
    expect(presets.map((p) => p.id)).toEqual(["ongewijzigd", "mpp-2023-min", "mpp-2023-medio", "mpp-2023-max"]);
    expect(presets.slice(1).map((p) => p.overrides.inflow_mpp_2023_total)).toEqual([49000, 67000, 77000]);
  });

  it("parameters.json first applications equal the CBS quarters and the fitted baseline", () => {
    const fit = fitSeasonalBaseline(loadCbsQuarters().first);
    const p = loadParameters().find((x) => x.id === "inflow_first_per_year")!;
    const steps = p.value as {from: string; value: number}[];
    for (const a of fit.adjusted.filter((x) => x.period >= "2022-Q1")) {
      const month = `${a.period.slice(0, 4)}-${String((Number(a.period.slice(6)) - 1) * 3 + 1).padStart(2, "0")}`;
      const step = steps.find((s) => s.from === month);
      expect(step, month).toBeDefined();
      expect(Math.abs(step!.value - a.annualRate), month).toBeLessThan(1);
    }
    expect(Math.abs(steps[steps.length - 1].value - fit.level)).toBeLessThan(1);
    const seasons = ["inflow_season_q1", "inflow_season_q2", "inflow_season_q3", "inflow_season_q4"].map((id) => loadParameters().find((x) => x.id === id)!.value as number);
    seasons.forEach((s, i) => expect(s).toBeCloseTo(fit.season[i], 3));
  });
});

describe("baseline", () => {
  it("fitSeasonalBaseline(quarters) gives factors with mean 1 and a Q3/Q4 peak", () => {
    const fit = fitSeasonalBaseline(loadCbsQuarters().first);
    expect((fit.season[0] + fit.season[1] + fit.season[2] + fit.season[3]) / 4).toBeCloseTo(1, 12);
    expect(fit.season[2]).toBeGreaterThan(1);
    expect(fit.season[0]).toBeLessThan(1);
    expect(fit.lastPeriod).toBe("2024-Q3");
  });

  it("fitSeasonalBaseline(gap or short history) throws", () => {
    const q = loadCbsQuarters().first;
    expect(() => fitSeasonalBaseline(q.slice(0, 8))).toThrow(/at least 12/);
    expect(() => fitSeasonalBaseline([...q.slice(0, 10), ...q.slice(11, 20)])).toThrow(/gap/);
  });
});

describe("observations", () => {
  it("cbsObservations() gives the CBS quarters 2022-Q1 … 2024-Q3 for first applications and nareis", () => {
    const rows = cbsObservations();
    const first = rows.filter((r) => r.series === "inflow_first").map((r) => r.date);
    expect(first[0]).toBe("2022-Q1");
    expect(first[first.length - 1]).toBe("2024-Q3");
    expect(rows.find((r) => r.series === "inflow_nareis" && r.date === "2022-Q4")!.value).toBe(1545);
  });

  it("parseObservations(malformed row) fails naming file, row and field", () => {
    const header = "series,date,value,kind,source,grade,note\n";
    expect(errorOf(() => parseObservations(header + "coa_total,2023-01,5,stock,x,P,\n", "obs.csv")).message).toMatch(/obs\.csv, row 2, field "date"/);
    expect(errorOf(() => parseObservations(header + "coa_totl,2023-01-01,5,stock,x,P,\n", "obs.csv")).message).toMatch(/field "series"/);
    expect(errorOf(() => parseObservations(header + "coa_total,2023-01-01,-5,stock,x,P,\n", "obs.csv")).message).toMatch(/field "value"/);
  });

  it("loadModelInputs() combines register, catalogue, presets and observations with versions", async () => {
    const inputs = await loadModelInputs();
    expect(inputs.modelVersion).toBe(MODEL_VERSION);
    expect(inputs.dataVintage).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(inputs.measures.length).toBeGreaterThan(0);
    expect(inputs.observations.some((o) => o.series === "coa_total")).toBe(true);
  });

  it("computeDataVintage(dates) returns the newest and rejects malformed dates", () => {
    expect(computeDataVintage(["2026-01-02", "2026-11-22", "2025-12-31"])).toBe("2026-11-22");
    expect(() => computeDataVintage(["22-11-2026"])).toThrow(/not a date/);
    expect(() => computeDataVintage([])).toThrow(/no retrieval dates/);
  });
});
