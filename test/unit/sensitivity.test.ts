import {beforeAll, describe, expect, it} from "vitest";
import {isVaried, sensitivity, tornado, type Sensitivity} from "../../src/model/sensitivity.js";
import {OUTCOME_IDS, outcomesOf} from "../../src/model/outcomes.js";
import {run} from "../../src/model/run.js";
import type {ModelInputs, Scenario} from "../../src/model/types.js";
import {testInputs} from "../fixtures/model/inputs.js";

let inputs: ModelInputs;
let s: Sensitivity;
const base: Scenario = {preset: "ongewijzigd", overrides: {}, measures: []};

beforeAll(async () => {
  inputs = await testInputs();
  s = sensitivity(base, inputs);
});

describe("sensitivity", () => {
  it("varies every assumption except start stocks and switches, at its register low and high", () => {
    const expected = inputs.parameters.filter((p) => p.kind === "assumption" && !p.id.startsWith("init_") && !p.unit.startsWith("schakelaar")).map((p) => p.id);
    expect(s.rows.map((r) => r.parameter)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(20);
    expect(inputs.parameters.filter((p) => p.kind === "lever").some(isVaried)).toBe(false);
    for (const r of s.rows) {
      const p = inputs.parameters.find((x) => x.id === r.parameter)!;
      expect([r.low, r.high]).toEqual([p.low, p.high]);
      for (const id of OUTCOME_IDS) {
        expect(Number.isFinite(r.atLow[id]), `${r.parameter} ${id}`).toBe(true);
        expect(Number.isFinite(r.atHigh[id]), `${r.parameter} ${id}`).toBe(true);
      }
    }
  });

  it("the base outcomes are those of the scenario run, and each row equals a run with that override", () => {
    const b = outcomesOf(run(base, inputs));
    for (const id of OUTCOME_IDS) expect(s.base[id]).toBeCloseTo(b[id], 6);
    const r = s.rows.find((x) => x.parameter === "appeal_share")!;
    const high = outcomesOf(run({...base, overrides: {appeal_share: r.high}}, inputs));
    for (const id of OUTCOME_IDS) expect(r.atHigh[id]).toBeCloseTo(high[id], 6);
  });

  it("tornado bars are sorted by swing, largest first, and cut at top N", () => {
    for (const id of OUTCOME_IDS) {
      const bars = tornado(s, id);
      expect(bars.length).toBe(s.rows.length);
      for (let i = 1; i < bars.length; i++) expect(bars[i - 1]!.swing).toBeGreaterThanOrEqual(bars[i]!.swing);
      for (const b of bars) expect(b.swing).toBe(Math.abs(b.atHigh[id] - b.atLow[id]));
      expect(bars[0]!.swing).toBeGreaterThan(0);
      expect(tornado(s, id, 5).map((b) => b.parameter)).toEqual(bars.slice(0, 5).map((b) => b.parameter));
    }
  });

  it("a parameter the model does not use after the origin has swing 0 (start stocks; MPP settings off the MPP path)", () => {
    const t = sensitivity(base, inputs, {parameters: ["init_backlog", "init_coa_total", "mpp_last_year", "inflow_first_per_year"]});
    const bars = tornado(t, "coa_2027");
    expect(bars.at(-1)!.swing).toBe(0);
    const byId = Object.fromEntries(bars.map((b) => [b.parameter, b.swing]));
    expect(byId.init_backlog).toBe(0);
    expect(byId.init_coa_total).toBe(0);
    expect(byId.mpp_last_year).toBe(0);
    expect(byId.inflow_first_per_year).toBeGreaterThan(1000);
    expect(bars[0]!.parameter).toBe("inflow_first_per_year");
  });

  it("for a monotone parameter the default sits between low and high (inflow on COA 1-1-2027)", () => {
    const r = s.rows.find((x) => x.parameter === "inflow_first_per_year")!;
    expect(r.value).toBeGreaterThan(r.low);
    expect(r.value).toBeLessThan(r.high);
    expect(r.atLow.coa_2027).toBeLessThan(s.base.coa_2027);
    expect(s.base.coa_2027).toBeLessThan(r.atHigh.coa_2027);
    // also on the IND backlog and reception cost
    expect(r.atLow.backlog_2027).toBeLessThan(s.base.backlog_2027);
    expect(s.base.backlog_2027).toBeLessThan(r.atHigh.backlog_2027);
    expect(r.atLow.cost_2026).toBeLessThan(r.atHigh.cost_2026);
  });

  it("does not change the past: every run agrees with the scenario up to the origin", () => {
    const low = run({...base, overrides: {inflow_first_per_year: 4000}}, inputs);
    const b = run(base, inputs);
    const i = 12 * (Number(s.origin.slice(0, 4)) - 2022) + Number(s.origin.slice(5)) - 1;
    for (let t = 0; t <= i; t++) expect(low.series.coa_total[t]).toBe(b.series.coa_total[t]);
    expect(low.series.coa_total[i + 6]).not.toBe(b.series.coa_total[i + 6]);
  });

  it("rejects an unknown parameter", () => {
    expect(() => sensitivity(base, inputs, {parameters: ["no_such_parameter"]})).toThrow(/unknown parameter/);
  });
});
