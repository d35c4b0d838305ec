import {beforeAll, describe, expect, it} from "vitest";
import {bottlenecks, countDominant, CONSTRAINTS, type Bottlenecks} from "../../src/model/bottleneck.js";
import {run} from "../../src/model/run.js";
import type {ModelInputs, Scenario} from "../../src/model/types.js";
import {testInputs} from "../fixtures/model/inputs.js";

let inputs: ModelInputs;
const base: Scenario = {preset: "ongewijzigd", overrides: {}, measures: []};
/** Ample capacity everywhere: many places, many homes (a fixed taakstelling), a fast IND. */
const ample = {ind_decisions_per_month: 6000, capacity_stable: 200000, taakstelling_need_based: 0, taakstelling_per_halfyear: 100000};
const projection = (b: Bottlenecks) => b.months.filter((m) => !m.past);

beforeAll(async () => {
  inputs = await testInputs();
});

describe("bottlenecks", () => {
  it("one entry per month of the output window, past up to the origin", () => {
    const b = bottlenecks(base, inputs);
    const r = run(base, inputs);
    expect(b.months.length).toBe(r.months);
    expect(b.months[0]!.month).toBe(r.start);
    expect(b.origin).toBe(r.origin);
    const i = b.months.findIndex((m) => m.month === b.origin);
    expect(b.months.slice(0, i + 1).every((m) => m.past)).toBe(true);
    expect(b.months.slice(i + 1).every((m) => !m.past)).toBe(true);
    for (const m of b.months) {
      if (m.dominant !== "geen") expect(m.binds[m.dominant]).toBe(true);
      else expect(CONSTRAINTS.some((c) => m.binds[c])).toBe(false);
      for (const c of CONSTRAINTS) expect(Number.isFinite(m.pressure[c])).toBe(true);
    }
    const windowed = bottlenecks({...base, start: "2025-01"}, inputs);
    expect(windowed.months[0]!.month).toBe("2025-01");
    expect(windowed.months).toEqual(b.months.slice(36));
  });

  it("ample capacity everywhere: after a transition nothing binds ('geen')", () => {
    const p = projection(bottlenecks({...base, overrides: ample}, inputs));
    const late = p.slice(-24);
    expect(late.every((m) => m.dominant === "geen")).toBe(true);
  });

  it("IND capacity very low: the IND binds in every projected month and nothing else does", () => {
    const p = projection(bottlenecks({...base, overrides: {...ample, ind_decisions_per_month: 800}}, inputs));
    expect(p.every((m) => m.binds.ind && m.dominant === "ind")).toBe(true);
    expect(p.slice(-24).every((m) => !m.binds.opvang && !m.binds.huisvesting)).toBe(true);
  });

  it("very few places (stable capacity tiny, no emergency places): reception (opvang) binds", () => {
    const p = projection(bottlenecks({...base, overrides: {...ample, capacity_stable: 2000, capacity_emergency: 0, capacity_cno: 0}}, inputs));
    expect(p.every((m) => m.binds.opvang)).toBe(true);
    expect(p.slice(-24).every((m) => m.dominant === "opvang" && !m.binds.ind)).toBe(true);
  });

  it("very few homes: housing binds", () => {
    const p = projection(bottlenecks({...base, overrides: {...ample, taakstelling_per_halfyear: 1000}}, inputs));
    expect(p.every((m) => m.binds.huisvesting)).toBe(true);
    expect(p.slice(-24).every((m) => !m.binds.ind)).toBe(true);
    expect(countDominant({origin: "", months: p}).huisvesting).toBeGreaterThan(p.length / 2);
  });

  it("when several bind, the dominant one has the highest pressure", () => {
    const b = bottlenecks(base, inputs);
    const several = b.months.filter((m) => CONSTRAINTS.filter((c) => m.binds[c]).length > 1);
    expect(several.length).toBeGreaterThan(0);
    for (const m of several) for (const c of CONSTRAINTS) if (m.binds[c]) expect(m.pressure[m.dominant as (typeof CONSTRAINTS)[number]]).toBeGreaterThanOrEqual(m.pressure[c]);
    const counts = countDominant(b);
    expect(counts.ind + counts.opvang + counts.huisvesting + counts.geen).toBe(b.months.length);
  });
});
