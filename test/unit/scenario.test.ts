import {beforeAll, describe, expect, it} from "vitest";
import {decodeScenarioFromSearch, encodeScenarioToSearch, ScenarioError, validateScenario} from "../../src/model/scenario.js";
import {MODEL_VERSION} from "../../src/model/version.js";
import type {ModelInputs} from "../../src/model/types.js";
import {testInputs} from "../fixtures/model/inputs.js";

let inputs: ModelInputs;
beforeAll(async () => {
  inputs = await testInputs();
});

function fieldOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e.field;
    throw e;
  }
  throw new Error("did not throw");
}

describe("validateScenario", () => {
  it("validateScenario(valid) returns a clean copy without notices", () => {
    const {scenario, notices} = validateScenario({preset: "mpp-2023-i-medio", overrides: {share_high: 0.6}, measures: []}, inputs);
    expect(scenario).toEqual({preset: "mpp-2023-i-medio", overrides: {share_high: 0.6}, measures: []});
    expect(notices).toEqual([]);
  });

  it("validateScenario(out-of-range override) clamps to [low, high] with a notice", () => {
    const {scenario, notices} = validateScenario({preset: "ongewijzigd", overrides: {share_high: 5, grant_rate_mid: -1}}, inputs);
    expect(scenario.overrides.share_high).toBe(0.7);
    expect(scenario.overrides.grant_rate_mid).toBe(0.1);
    expect(notices.join("\n")).toMatch(/overrides\.share_high.*clamped to 0\.7/);
    expect(notices.join("\n")).toMatch(/overrides\.grant_rate_mid.*clamped to 0\.1/);
  });

  it("validateScenario(unknown parameter) rejects naming the field", () => {
    expect(fieldOf(() => validateScenario({preset: "ongewijzigd", overrides: {share_hihg: 0.5}}, inputs))).toBe("overrides.share_hihg");
  });

  it("validateScenario(non-number override) rejects instead of yielding NaN", () => {
    expect(fieldOf(() => validateScenario({preset: "ongewijzigd", overrides: {share_high: "0.5"}}, inputs))).toBe("overrides.share_high");
    expect(fieldOf(() => validateScenario({preset: "ongewijzigd", overrides: {share_high: null}}, inputs))).toBe("overrides.share_high");
  });

  it("validateScenario(missing or unknown preset) rejects naming preset", () => {
    expect(fieldOf(() => validateScenario({overrides: {}}, inputs))).toBe("preset");
    expect(fieldOf(() => validateScenario({preset: "mpp-2024"}, inputs))).toBe("preset");
  });

  it("validateScenario(unknown top-level field) rejects naming it", () => {
    expect(fieldOf(() => validateScenario({preset: "ongewijzigd", overide: {}}, inputs))).toBe("overide");
  });

  it("validateScenario(measures) checks id, months and strength, clamping strength", () => {
    expect(fieldOf(() => validateScenario({preset: "ongewijzigd", measures: [{id: "nope", start: "2024-01", strength: 1}]}, inputs))).toBe("measures[0].id");
    expect(fieldOf(() => validateScenario({preset: "ongewijzigd", measures: [{id: "test-ind-boost", start: "2024-13", strength: 1}]}, inputs))).toBe("measures[0].start");
    expect(fieldOf(() => validateScenario({preset: "ongewijzigd", measures: [{id: "test-ind-boost", start: "2024-01"}]}, inputs))).toBe("measures[0].strength");
    expect(fieldOf(() => validateScenario({preset: "ongewijzigd", measures: [{id: "test-ind-boost", start: "2024-01", end: "2023-01", strength: 1}]}, inputs))).toBe("measures[0].end");
    const {scenario, notices} = validateScenario({preset: "ongewijzigd", measures: [{id: "test-ind-boost", start: "2024-01", strength: 9}]}, inputs);
    expect(scenario.measures[0].strength).toBe(2);
    expect(notices[0]).toMatch(/strength/);
  });

  it("validateScenario(measure without start or end) takes the catalogue's dates with notices", () => {
    const {scenario, notices} = validateScenario({preset: "ongewijzigd", measures: [{id: "test-halfyear", strength: 1}]}, inputs);
    expect(scenario.measures[0]).toEqual({id: "test-halfyear", start: "2024-07", end: "2024-12", strength: 1});
    expect(notices.join("\n")).toMatch(/start: missing/);
    expect(notices.join("\n")).toMatch(/end: missing/);
    expect(fieldOf(() => validateScenario({preset: "ongewijzigd", measures: [{id: "test-ind-boost", strength: 1}]}, inputs))).toBe("measures[0].start");
  });

  it("validateScenario(unquantified measure) keeps it with a notice that it has no effect", () => {
    const {notices} = validateScenario({preset: "ongewijzigd", measures: [{id: "test-unquantified", start: "2024-01", strength: 1}]}, inputs);
    expect(notices.join()).toMatch(/not quantifiable/);
  });

  it("validateScenario(observed) accepts known inputs and rejects bad values naming the index", () => {
    const ok = validateScenario({preset: "ongewijzigd", observed: {inflow_first: [1, 2, 3]}}, inputs);
    expect(ok.scenario.observed).toEqual({inflow_first: [1, 2, 3]});
    expect(fieldOf(() => validateScenario({preset: "ongewijzigd", observed: {inflow_first: [1, NaN]}}, inputs))).toBe("observed.inflow_first[1]");
    expect(fieldOf(() => validateScenario({preset: "ongewijzigd", observed: {coa_total: [1]}}, inputs))).toBe("observed.coa_total");
  });

  it("validateScenario(period) rejects an end before start", () => {
    expect(fieldOf(() => validateScenario({preset: "ongewijzigd", start: "2025-01", end: "2024-01"}, inputs))).toBe("end");
  });

  it("validateScenario(not an object) rejects", () => {
    expect(() => validateScenario([1, 2], inputs)).toThrow(ScenarioError);
  });
});

describe("URL codec", () => {
  it("decodeScenarioFromSearch(encodeScenarioToSearch(s)) round-trips preset, overrides, measures and period", () => {
    const s = {
      preset: "mpp-2023-i-max",
      overrides: {grant_rate_mid: 0.45, ind_decisions_per_month: 4200},
      measures: [{id: "test-ind-boost", start: "2024-01", strength: 0.5, end: "2025-12", rampMonths: 6}],
      off: ["beslisstop-syrie"],
      overridesFrom: "2025-01",
      origin: "2024-10"
    };
    const search = encodeScenarioToSearch(s, inputs);
    expect(search).toContain(`v=${MODEL_VERSION}`);
    expect(search).toContain(`d=${inputs.dataVintage}`);
    const {scenario, notices} = decodeScenarioFromSearch(search, inputs);
    expect(scenario).toEqual(s);
    expect(notices).toEqual([]);
  });

  it("a clamped override's notice quotes the value as given, not rounded", () => {
    const {notices} = decodeScenarioFromSearch("?p=ongewijzigd&o=capacity_emergency:999999999", inputs);
    expect(notices.some((n) => /999999999 is above the plausible range/.test(n)), notices.join("; ")).toBe(true);
  });

  it("decodeScenarioFromSearch(old MPP preset id, origin out of range, unknown off id) maps, clamps and drops with notices", () => {
    const {scenario, notices} = decodeScenarioFromSearch("?p=mpp-2023-medio&t=2030-01&x=nope,beslisstop-syrie", inputs);
    expect(scenario.preset).toBe("mpp-2023-i-medio");
    expect(scenario.origin).toBe("2025-09");
    expect(scenario.off).toEqual(["beslisstop-syrie"]);
    const text = notices.join("\n");
    expect(text).toMatch(/is now "mpp-2023-i-medio"/);
    expect(text).toMatch(/origin: 2030-01 is after the latest observed month 2025-09; clamped/);
    expect(text).toMatch(/off\[0\]/);
    const early = decodeScenarioFromSearch("?t=2019-01", inputs);
    expect(early.scenario.origin).toBeUndefined(); // before the model start: rejected, default origin
    expect(early.notices.join("\n")).toMatch(/origin/);
    expect(decodeScenarioFromSearch("?t=2022-06", inputs).scenario.origin).toBe("2022-12");
  });

  it("decodeScenarioFromSearch(empty) gives the baseline", () => {
    expect(decodeScenarioFromSearch("", inputs).scenario).toEqual({preset: "ongewijzigd", overrides: {}, measures: []});
  });

  it("decodeScenarioFromSearch(bad parts) drops unknown ids with notices and never yields NaN", () => {
    const {scenario, notices} = decodeScenarioFromSearch("?p=nope&o=share_high:abc,bogus:1,grant_rate_mid:9&m=zzz~2024-01~1&zz=1&v=0.0.1", inputs);
    expect(scenario.preset).toBe("ongewijzigd");
    expect(scenario.overrides).toEqual({grant_rate_mid: 0.75});
    expect(scenario.measures).toEqual([]);
    const text = notices.join("\n");
    expect(text).toMatch(/preset/);
    expect(text).toMatch(/overrides\.share_high/);
    expect(text).toMatch(/overrides\.bogus/);
    expect(text).toMatch(/measures\[0\]\.id/);
    expect(text).toMatch(/zz: unknown URL parameter/);
    expect(text).toMatch(/modelVersion/);
  });
});
