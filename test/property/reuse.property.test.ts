/**
 * The speed work's shortcuts change no bit:
 *  - resolving into a reused buffer (only the rows and months the last resolution changed are
 *    restored) equals a resolution into a fresh buffer;
 *  - runs that resume from the recorded state at the origin (the shared past, run.ts) equal the full
 *    simulation from the model start.
 * Over random sequences of scenarios (presets, overrides from random months, measures, switched-off
 * baseline measures, origins, free runs, backtests) with and without Monte Carlo draws, interleaving
 * buffers as a band, a page and the CLI do.
 */
import fc from "fast-check";
import {beforeAll, describe, expect, it} from "vitest";
import {drawSample} from "../../src/model/band.js";
import {compile, resolveParameters} from "../../src/model/params.js";
import {prepare} from "../../src/model/prepare.js";
import {mulberry32} from "../../src/model/rng.js";
import {createBuffers, run, runInto, setPrefixSharing, type RunBuffers} from "../../src/model/run.js";
import {SERIES_IDS, type ModelInputs, type Scenario} from "../../src/model/types.js";
import {testInputs} from "../fixtures/model/inputs.js";

let inputs: ModelInputs;
beforeAll(async () => {
  inputs = await testInputs();
});

const RUNS = Number(process.env.PROP_RUNS ?? 150);

const month = fc.integer({min: 2022 * 12, max: 2030 * 12 + 11}).map((m) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`);

interface Step {
  scenario: Scenario;
  /** Seed of a Monte Carlo draw, or null. */
  draw: number | null;
  /** Which of the shared buffers the step runs in. */
  buffer: number;
}

function stepArb(): fc.Arbitrary<Step> {
  const overrides = fc.array(fc.tuple(fc.nat(), fc.double({min: 0, max: 1, noNaN: true})), {maxLength: 4}).map((picks) => {
    const o: Record<string, number> = {};
    for (const [i, u] of picks) {
      const p = inputs.parameters[i % inputs.parameters.length]!;
      if (p.unit.startsWith("schakelaar")) continue;
      o[p.id] = p.low + u * (p.high - p.low);
    }
    return o;
  });
  const measure = fc.record({i: fc.nat(), a: month, strength: fc.double({min: 0, max: 2, noNaN: true}), ramp: fc.option(fc.integer({min: 0, max: 18}), {nil: undefined})}).map(({i, a, strength, ramp}) => {
    const m = inputs.measures[i % inputs.measures.length]!;
    const sm: Scenario["measures"][number] = {id: m.id, start: a, strength};
    if (ramp !== undefined) sm.rampMonths = ramp;
    return sm;
  });
  const off = fc.array(fc.nat(), {maxLength: 2}).map((ids) => {
    const baseline = inputs.measures.filter((m) => m.inBaseline);
    return baseline.length ? [...new Set(ids.map((i) => baseline[i % baseline.length]!.id))] : [];
  });
  return fc
    .record({
      preset: fc.nat(),
      overrides,
      from: fc.constantFrom(undefined, "2023-01", "2025-07", "2026-03"),
      measures: fc.array(measure, {maxLength: 3}),
      off,
      origin: fc.constantFrom(undefined, "2023-04", "2024-10", "2025-09"),
      kind: fc.constantFrom("plain", "plain", "plain", "free", "backtest"),
      draw: fc.option(fc.nat(), {nil: null}),
      buffer: fc.integer({min: 0, max: 2})
    })
    .map(({preset, overrides, from, measures, off, origin, kind, draw, buffer}) => {
      const s: Scenario = {preset: inputs.presets[preset % inputs.presets.length]!.id, overrides, measures};
      if (from) s.overridesFrom = from;
      if (origin) s.origin = origin;
      if (off.length) s.off = off;
      if (kind === "free") s.freeRun = true;
      if (kind === "backtest") s.backtest = true;
      return {scenario: s, draw, buffer};
    });
}

function sampleOf(seed: number | null): Float64Array | undefined {
  if (seed === null) return undefined;
  const x = new Float64Array(compile(inputs).parameters.length);
  drawSample(inputs, mulberry32(seed), x);
  return x;
}

function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return -2;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

describe("speed shortcuts are exact", () => {
  it("resolving into a reused buffer equals a fresh resolution, bit for bit", () => {
    fc.assert(
      fc.property(fc.array(stepArb(), {minLength: 1, maxLength: 12}), (steps) => {
        const shared = [0, 1].map(() => new Float64Array(compile(inputs).parameters.length * 108));
        for (const {scenario, draw, buffer} of steps) {
          const plan = prepare(scenario, inputs).plan;
          const sample = sampleOf(draw);
          const reused = resolveParameters(scenario, inputs, {out: shared[buffer % 2], plan, sample});
          const fresh = resolveParameters(scenario, inputs, {plan, sample});
          const at = firstDifference(reused.values.subarray(0, fresh.values.length), fresh.values);
          if (at !== -1) throw new Error(`row ${Math.floor(at / fresh.months)}, month ${at % fresh.months}: ${reused.values[at]} ≠ ${fresh.values[at]}`);
          expect(reused.changedFrom).toBe(fresh.changedFrom);
        }
      }),
      {numRuns: RUNS}
    );
  }, 120_000);

  it("runs that resume from the shared past equal the full simulation, bit for bit", () => {
    fc.assert(
      fc.property(fc.array(stepArb(), {minLength: 1, maxLength: 12}), (steps) => {
        const P = compile(inputs).parameters.length;
        const shared: RunBuffers[] = [0, 1, 2].map(() => createBuffers(108, P));
        for (const {scenario, draw, buffer} of steps) {
          const prepared = prepare(scenario, inputs);
          const sample = sampleOf(draw);
          setPrefixSharing(true);
          // buffer 2 stands for run(): a new output array each time, shared scratch
          const fast = buffer === 2 && !sample ? run(scenario, inputs) : null;
          const b = shared[buffer]!;
          if (!fast) runInto(scenario, inputs, b, sample, prepared);
          setPrefixSharing(false);
          try {
            if (fast) {
              const slow = run(scenario, inputs);
              for (const id of SERIES_IDS) {
                const at = firstDifference(fast.series[id], slow.series[id]);
                if (at !== -1) throw new Error(`${id}[${at}]: ${fast.series[id][at]} ≠ ${slow.series[id][at]}`);
              }
            } else {
              const ref = createBuffers(prepared.months, P);
              runInto(scenario, inputs, ref, sample, prepared);
              const at = firstDifference(b.out.subarray(0, ref.out.length), ref.out);
              if (at !== -1) throw new Error(`${SERIES_IDS[Math.floor(at / prepared.months)]}[${at % prepared.months}]: ${b.out[at]} ≠ ${ref.out[at]}`);
            }
          } finally {
            setPrefixSharing(true);
          }
        }
      }),
      {numRuns: RUNS}
    );
  }, 120_000);

  it("a run after the origin resumes from the recorded past (the shortcut is taken)", () => {
    const scenario: Scenario = {preset: "ongewijzigd", overrides: {grant_rate_mid: 0.4}, measures: [], origin: "2025-09"};
    const prepared = prepare(scenario, inputs);
    const b = createBuffers(prepared.months, compile(inputs).parameters.length);
    runInto(scenario, inputs, b, undefined, prepared);
    // poison the past in the buffer: a resumed run leaves it alone (the buffer holds the recorded past),
    // a full simulation would overwrite it
    const coa = SERIES_IDS.indexOf("coa_total") * prepared.months;
    b.out[coa] = -1;
    runInto(scenario, inputs, b, undefined, prepared);
    expect(b.out[coa]).toBe(-1);
    expect(b.out[coa + prepared.originOffset + 1]).toBeGreaterThan(0);
    // a free run simulates everything (nothing is shared)
    runInto({...scenario, freeRun: true}, inputs, b);
    expect(b.out[coa]).toBeGreaterThan(0);
  });
});
