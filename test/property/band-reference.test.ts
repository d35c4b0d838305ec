/**
 * The band equals a straightforward reference: the same n seeded draws and runs, every series-month's
 * n values sorted and d3.quantileSorted taken (d3.quantile on a sorted copy), on random scenarios (preset, overrides, origin, output
 * window), seeds, run counts and series selections; calls of different sizes one after another (the
 * band keeps its buffers between calls).
 */
import fc from "fast-check";
import {quantileSorted} from "d3";
import {beforeAll, describe, expect, test} from "vitest";
import {band, drawSample} from "../../src/model/band.js";
import {compile} from "../../src/model/params.js";
import {prepare} from "../../src/model/prepare.js";
import {mulberry32} from "../../src/model/rng.js";
import {createBuffers, runInto} from "../../src/model/run.js";
import {SERIES_IDS, type BandOutput, type ModelInputs, type Scenario, type SeriesId} from "../../src/model/types.js";
import {testInputs} from "../fixtures/model/inputs.js";

let inputs: ModelInputs;
beforeAll(async () => {
  inputs = await testInputs();
});

/** The reference: n runs kept as arrays, each slice sorted, d3.quantileSorted. */
function referenceBand(scenario: Scenario, n: number, seed: number, ids: readonly SeriesId[]): BandOutput {
  const c = compile(inputs);
  const prepared = prepare(scenario, inputs);
  const R = prepared.months;
  const from = prepared.outputOffset;
  const buffers = createBuffers(R, c.parameters.length);
  const sample = new Float64Array(c.parameters.length);
  const rand = mulberry32(seed);
  const runs: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    drawSample(inputs, rand, sample);
    runInto(scenario, inputs, buffers, sample, prepared);
    runs.push(buffers.out.slice());
  }
  const p10 = {} as Record<SeriesId, Float64Array>;
  const p50 = {} as Record<SeriesId, Float64Array>;
  const p90 = {} as Record<SeriesId, Float64Array>;
  for (const id of ids) {
    const s = SERIES_IDS.indexOf(id);
    const q = [new Float64Array(R - from), new Float64Array(R - from), new Float64Array(R - from)];
    const slice = new Float64Array(n);
    for (let t = from; t < R; t++) {
      for (let i = 0; i < n; i++) slice[i] = runs[i]![s * R + t]!;
      slice.sort();
      [0.1, 0.5, 0.9].forEach((p, j) => (q[j]![t - from] = quantileSorted(slice as unknown as number[], p)!));
    }
    [p10[id], p50[id], p90[id]] = q as [Float64Array, Float64Array, Float64Array];
  }
  return {p10, p50, p90, n, seed};
}

/** -0 and 0 are the same number here. */
const z = (a: Float64Array) => Array.from(a, (v) => v + 0);

const month = (lo: number, hi: number) => fc.integer({min: lo, max: hi}).map((m) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`);

function scenarioArb(): fc.Arbitrary<Scenario> {
  return fc
    .record({
      preset: fc.nat(),
      override: fc.option(fc.tuple(fc.nat(), fc.double({min: 0, max: 1, noNaN: true})), {nil: undefined}),
      origin: fc.option(fc.constantFrom("2022-12", "2023-04", "2024-01", "2025-04"), {nil: undefined}),
      start: fc.option(month(2022 * 12, 2026 * 12), {nil: undefined}),
      end: fc.option(month(2027 * 12, 2030 * 12 + 11), {nil: undefined})
    })
    .map(({preset, override, origin, start, end}) => {
      const s: Scenario = {preset: inputs.presets[preset % inputs.presets.length]!.id, overrides: {}, measures: []};
      if (override) {
        const p = inputs.parameters.filter((q) => q.uncertain)[override[0] % inputs.parameters.filter((q) => q.uncertain).length]!;
        s.overrides[p.id] = p.low + override[1] * (p.high - p.low);
      }
      if (origin) s.origin = origin;
      if (start) s.start = start;
      if (end) s.end = end;
      return s;
    });
}

const seriesArb = fc.option(fc.uniqueArray(fc.constantFrom(...SERIES_IDS), {minLength: 1, maxLength: 8}), {nil: undefined});

describe("band against the reference (sort each slice, d3 quantile)", () => {
  test("band(random scenario, n, seed, series) equals the reference exactly", () => {
    fc.assert(
      fc.property(scenarioArb(), fc.constantFrom(1, 2, 3, 5, 31, 32, 40, 90), fc.integer({min: 0, max: 2 ** 31}), seriesArb, (scenario, n, seed, series) => {
        const ids = series ?? SERIES_IDS;
        const got = band(scenario, inputs, n, seed, series ? {series} : {});
        const want = referenceBand(scenario, n, seed, ids);
        expect(got.n).toBe(n);
        expect(got.seed).toBe(seed);
        expect(Object.keys(got.p50).sort()).toEqual([...ids].sort());
        for (const id of ids) {
          expect(z(got.p10[id]), `${id} p10`).toEqual(z(want.p10[id]));
          expect(z(got.p50[id]), `${id} p50`).toEqual(z(want.p50[id]));
          expect(z(got.p90[id]), `${id} p90`).toEqual(z(want.p90[id]));
        }
      }),
      {numRuns: 30}
    );
  }, 120_000);

  test("a 1.000-run band of all series equals the reference, also after smaller and larger calls", () => {
    const scenario: Scenario = {preset: inputs.presets[0]!.id, overrides: {}, measures: []};
    band(scenario, inputs, 1200, 3, {series: ["coa_total"]});
    band({...scenario, start: "2024-03"}, inputs, 50, 4);
    const got = band(scenario, inputs, 1000, 9);
    const want = referenceBand(scenario, 1000, 9, SERIES_IDS);
    for (const id of SERIES_IDS) {
      expect(z(got.p10[id]), `${id} p10`).toEqual(z(want.p10[id]));
      expect(z(got.p50[id]), `${id} p50`).toEqual(z(want.p50[id]));
      expect(z(got.p90[id]), `${id} p90`).toEqual(z(want.p90[id]));
    }
  }, 120_000);
});
