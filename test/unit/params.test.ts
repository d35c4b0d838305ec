import {beforeAll, describe, expect, it} from "vitest";
import {applyEffect, compile, defaultValueAt, measureWeight, paramValue, PARAMETER_IDS, resolveParameters} from "../../src/model/params.js";
import {monthIndex} from "../../src/model/months.js";
import type {ModelInputs, Scenario} from "../../src/model/types.js";
import {testInputs} from "../fixtures/model/inputs.js";

let inputs: ModelInputs;
beforeAll(async () => {
  inputs = await testInputs();
});
const baseline = {preset: "ongewijzigd", overrides: {}, measures: []};
const t = (month: string) => monthIndex(month) - monthIndex("2022-01");

describe("params", () => {
  it("compile(inputs) finds every parameter the model reads", () => {
    const c = compile(inputs);
    for (const id of PARAMETER_IDS) expect(c.index.has(id), id).toBe(true);
  });

  it("compile(register without a required parameter) throws naming it", () => {
    const broken = {...inputs, parameters: inputs.parameters.filter((p) => p.id !== "occupancy_rate")};
    expect(() => compile(broken)).toThrow(/occupancy_rate/);
  });

  it("resolveParameters(baseline) steps dated series per month", () => {
    const ps = resolveParameters(baseline, inputs);
    expect(paramValue(ps, "legal_term_months", t("2022-08"))).toBe(6);
    expect(paramValue(ps, "legal_term_months", t("2022-09"))).toBe(15);
    expect(paramValue(ps, "taakstelling_per_halfyear", t("2023-07"))).toBe(27300);
    expect(paramValue(ps, "capacity_stable", t("2030-12"))).toBe(41000);
  });

  it("defaultValueAt(dated parameter, month before the first step) returns the first step", () => {
    const p = inputs.parameters.find((x) => x.id === "legal_term_months")!;
    expect(defaultValueAt(p, "2020-01")).toBe(6);
    expect(defaultValueAt(p, "2025-01")).toBe(15);
  });

  it("resolveParameters(override) replaces a dated series from overridesFrom only", () => {
    const ps = resolveParameters({...baseline, overrides: {ind_decisions_per_month: 4000}, overridesFrom: "2025-01"}, inputs);
    expect(paramValue(ps, "ind_decisions_per_month", t("2024-12"))).toBe(3373);
    expect(paramValue(ps, "ind_decisions_per_month", t("2025-01"))).toBe(4000);
    const all = resolveParameters({...baseline, overrides: {ind_decisions_per_month: 4000}}, inputs);
    expect(paramValue(all, "ind_decisions_per_month", 0)).toBe(4000);
  });

  it("measureWeight(month, start, end, ramp) ramps linearly and stops after the (inclusive) end", () => {
    const s = monthIndex("2024-01");
    expect(measureWeight(s - 1, s, s + 12, 4)).toBe(0);
    expect(measureWeight(s, s, s + 12, 4)).toBe(0.25);
    expect(measureWeight(s + 3, s, s + 12, 4)).toBe(1);
    expect(measureWeight(s + 12, s, s + 12, 4)).toBe(1);
    expect(measureWeight(s + 13, s, s + 12, 4)).toBe(0);
    expect(measureWeight(s, s, Infinity, 0)).toBe(1);
  });

  it("applyEffect(value, mode, change, weight) implements set, add and scale with strength", () => {
    expect(applyEffect(10, "set", 20, 1)).toBe(20);
    expect(applyEffect(10, "set", 20, 0.5)).toBe(15);
    expect(applyEffect(10, "add", 4, 0.5)).toBe(12);
    expect(applyEffect(10, "scale", 1.5, 1)).toBe(15);
    expect(applyEffect(10, "scale", 1.5, 0.5)).toBe(12.5);
    expect(applyEffect(10, "scale", 0.5, 2)).toBe(0);
  });

  it("resolveParameters(scale measure) scales from start to end at the given strength", () => {
    const ps = resolveParameters({...baseline, measures: [{id: "test-ind-boost", start: "2024-01", end: "2024-12", strength: 0.5}]}, inputs);
    expect(paramValue(ps, "ind_decisions_per_month", t("2023-12"))).toBe(2917);
    expect(paramValue(ps, "ind_decisions_per_month", t("2024-06"))).toBeCloseTo(3373 * 1.25, 9);
    expect(paramValue(ps, "ind_decisions_per_month", t("2024-12"))).toBeCloseTo(3373 * 1.25, 9);
    expect(paramValue(ps, "ind_decisions_per_month", t("2025-01"))).toBe(2200);
  });

  it("resolveParameters(set measure) uses the catalogue's ramp unless the scenario gives one", () => {
    const ps = resolveParameters({...baseline, measures: [{id: "test-set-realisation", start: "2025-01", strength: 1}]}, inputs);
    expect(paramValue(ps, "housing_realisation", t("2025-01"))).toBeCloseTo(0.7 + 0.3 * 0.25, 9);
    expect(paramValue(ps, "housing_realisation", t("2025-04"))).toBeCloseTo(1, 9);
    const fast = resolveParameters({...baseline, measures: [{id: "test-set-realisation", start: "2025-01", strength: 1, rampMonths: 0}]}, inputs);
    expect(paramValue(fast, "housing_realisation", t("2025-01"))).toBeCloseTo(1, 9);
  });

  it("resolveParameters(add measure) adds, and an unquantified measure changes nothing", () => {
    const ps = resolveParameters(
      {...baseline, measures: [{id: "test-add-flex", start: "2024-01", strength: 1}, {id: "test-unquantified", start: "2024-01", strength: 1}]},
      inputs
    );
    const base = resolveParameters(baseline, inputs);
    expect(paramValue(ps, "flex_homes_per_year", t("2024-01"))).toBe(6000);
    let diff = 0;
    for (let i = 0; i < ps.values.length; i++) if (ps.values[i] !== base.values[i]) diff++;
    expect(diff).toBe(t("2030-12") - t("2024-01") + 1);
  });

  it("resolveParameters(measure without end) uses the catalogue's inclusive defaultEnd", () => {
    const ps = resolveParameters({...baseline, measures: [{id: "test-halfyear", start: "2024-07", strength: 1}]}, inputs);
    expect(paramValue(ps, "taakstelling_per_halfyear", t("2024-06"))).toBe(21600);
    expect(paramValue(ps, "taakstelling_per_halfyear", t("2024-12"))).toBe(30000);
    expect(paramValue(ps, "taakstelling_per_halfyear", t("2025-01"))).toBe(15000);
  });

  it("resolveParameters(measure pushing a share past 1) keeps it inside its physical bounds", () => {
    const ps = resolveParameters({...baseline, measures: [{id: "test-set-realisation", start: "2024-01", strength: 2, rampMonths: 0}]}, inputs);
    expect(paramValue(ps, "housing_realisation", t("2024-06"))).toBe(1);
  });

  it("resolveParameters(unknown measure) throws naming it", () => {
    expect(() => resolveParameters({...baseline, measures: [{id: "nope", start: "2024-01", strength: 1}]}, inputs)).toThrow(/nope/);
  });
});

describe("resolveParameters with a reused buffer", () => {
  it("resolveParameters(scenario, inputs, {out}) after another scenario equals a fresh resolution", () => {
    const c = compile(inputs);
    const out = new Float64Array(c.parameters.length * 108);
    const scenarios: Scenario[] = [
      {...baseline, overrides: {grant_rate_mid: 0.3, ind_decisions_per_month: 5000}},
      {...baseline, measures: [{id: "test-ind-boost", start: "2025-01", strength: 1}]},
      {...baseline, preset: "mpp-2023-i-max"},
      baseline,
      {...baseline, overrides: {housing_realisation: 0.9}, overridesFrom: "2026-01"}
    ];
    for (const s of scenarios) {
      const reused = resolveParameters(s, inputs, {out});
      const fresh = resolveParameters(s, inputs);
      expect(Array.from(reused.values)).toEqual(Array.from(fresh.values));
    }
    const sample = new Float64Array(c.parameters.length).fill(NaN);
    sample[c.index.get("grant_rate_high")!] = 0.85;
    sample[c.index.get("ind_decisions_per_month")!] = 1.1;
    resolveParameters(baseline, inputs, {out, sample});
    expect(Array.from(resolveParameters(baseline, inputs, {out}).values)).toEqual(Array.from(resolveParameters(baseline, inputs).values));
  });
});

describe("resolveParameters after a failed resolution", () => {
  it("resolveParameters(bad scenario, {out}) that throws half-way leaves no stale rows behind", () => {
    const c = compile(inputs);
    const out = new Float64Array(c.parameters.length * 108);
    resolveParameters(baseline, inputs, {out});
    expect(() => resolveParameters({...baseline, overrides: {grant_rate_mid: 0.3, nope: 1}}, inputs, {out})).toThrow(/nope/);
    expect(Array.from(resolveParameters(baseline, inputs, {out}).values)).toEqual(Array.from(resolveParameters(baseline, inputs).values));
  });
});
