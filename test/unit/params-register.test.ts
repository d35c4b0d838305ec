import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {loadParameters, loadPresets, validateParameters, validatePresets} from "../../loaders/params.js";
import {cbsObservations, loadCbsQuarters, loadModelInputs} from "../../loaders/model-inputs.js";
import {parseObservations} from "../../loaders/observations.js";
import {DataError} from "../../loaders/read.js";
import {fitSeasonalBaseline} from "../../src/model/baseline.js";
import {mppPresets} from "../../loaders/mpp-presets.js";
import {availableFrom, defaultOrigin, originState} from "../../src/model/origin.js";
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
    presets[0].overrides.bogus = 1;
    expect(errorOf(() => validatePresets(presets, params)).message).toMatch(/overrides\.bogus/);
    const p2 = JSON.parse(readFileSync("data/scenarios.json", "utf8"));
    p2[0].overrides.share_high = 5;
    expect(errorOf(() => validatePresets(p2, params)).message).toMatch(/outside/);
  });

  it("loadPresets() has the baseline; mppPresets() one preset per MPP edition and scenario with its totals and origin", () => {
    expect(loadPresets(loadParameters()).map((p) => p.id)).toEqual(["ongewijzigd"]);
    const mpp = mppPresets(loadParameters());
    const byId = new Map(mpp.map((p) => [p.id, p]));
    expect(mpp.length).toBe(13);
    expect(byId.get("mpp-2023-i-medio")!.dated!.inflow_mpp_total_per_year).toEqual([{from: "2023-01", value: 67000}]);
    expect(byId.get("mpp-2023-i-medio")!.origin).toBe("2023-03");
    expect(byId.get("mpp-2025-ii-max")!.dated!.inflow_mpp_total_per_year).toEqual([{from: "2025-01", value: 55300}, {from: "2026-01", value: 67100}]);
    expect(byId.get("mpp-2025-ii-max")!.overrides).toEqual({inflow_path_mpp: 1, mpp_last_year: 2026});
    expect(byId.get("mpp-2024-ii-min")!.origin).toBe("2024-11");
  });

  it("parameters.json first applications after the origin equal the statistical baseline fitted at the default origin", async () => {
    const inputs = await loadModelInputs();
    const fit = originState(inputs, defaultOrigin(inputs), 108).fit!;
    expect(fit.lastPeriod).toBe("2025-Q3");
    const p = loadParameters().find((x) => x.id === "inflow_first_per_year")!;
    expect(Math.abs((p.value as number) - fit.level)).toBeLessThan(1);
    const seasons = ["inflow_season_q1", "inflow_season_q2", "inflow_season_q3", "inflow_season_q4"].map((id) => loadParameters().find((x) => x.id === id)!.value as number);
    seasons.forEach((s, i) => expect(s).toBeCloseTo(fit.season[i]!, 3));
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
  it("cbsObservations() gives the CBS quarters 2013-Q1 … 2024-Q3, public from the end of the month after the quarter", () => {
    const rows = cbsObservations();
    const first = rows.filter((r) => r.series === "inflow_first");
    expect(first[0]!.date).toBe("2013-Q1");
    expect(first[first.length - 1]!.date).toBe("2024-Q3");
    expect(availableFrom(first.find((r) => r.date === "2023-Q1")!)).toBe("2023-04-31");
    expect(availableFrom(first.find((r) => r.date === "2024-Q3")!)).toBe("2024-10-31");
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
    expect(inputs.dataVintage).toBe("2025-11-03");
    // nothing published after the vintage: the Feb 2026 rows of the chain file are not observations
    expect(inputs.observations.every((o) => availableFrom(o) <= inputs.dataVintage)).toBe(true);
    expect(inputs.observations.some((o) => o.series === "inflow_first" && o.date === "2025-Q3" && o.value === 6800)).toBe(true);
    expect(inputs.measures.length).toBeGreaterThan(0);
    expect(inputs.observations.some((o) => o.series === "coa_total")).toBe(true);
  });

  it("computeDataVintage(dates) returns the newest and rejects malformed dates", () => {
    expect(computeDataVintage(["2026-01-02", "2026-11-22", "2025-12-31"])).toBe("2026-11-22");
    expect(() => computeDataVintage(["22-11-2026"])).toThrow(/not a date/);
    expect(() => computeDataVintage([])).toThrow(/no retrieval dates/);
  });
});
