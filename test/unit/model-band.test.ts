import {beforeAll, describe, expect, it} from "vitest";
import {band, drawSample} from "../../src/model/band.js";
import {compile} from "../../src/model/params.js";
import {mulberry32, triangular} from "../../src/model/rng.js";
import {run} from "../../src/model/run.js";
import {SERIES_IDS, type ModelInputs} from "../../src/model/types.js";
import {testInputs} from "../fixtures/model/inputs.js";

let inputs: ModelInputs;
beforeAll(async () => {
  inputs = await testInputs();
});
const baseline = {preset: "ongewijzigd", overrides: {}, measures: []};

/** The first band pays the origin state and the JIT; on a busy shared machine that took over 5 s. */
const BAND_TIMEOUT = 30_000;

describe("band", () => {
  it("band(scenario, inputs, n, seed) gives ordered P10 ≤ P50 ≤ P90 for every series and month", () => {
    const b = band(baseline, inputs, 200, 7);
    expect(b.n).toBe(200);
    expect(b.seed).toBe(7);
    // one assertion over all series-months (15.000 expect calls took seconds on a busy machine)
    const bad: string[] = [];
    for (const id of SERIES_IDS) {
      expect(b.p50[id].length, id).toBe(108);
      for (let t = 0; t < 108; t++) {
        if (!(b.p10[id][t] <= b.p50[id][t] + 1e-9 && b.p50[id][t] <= b.p90[id][t] + 1e-9 && Number.isFinite(b.p10[id][t]) && Number.isFinite(b.p90[id][t]))) bad.push(`${id}[${t}]: ${b.p10[id][t]} ${b.p50[id][t]} ${b.p90[id][t]}`);
      }
    }
    expect(bad).toEqual([]);
  }, BAND_TIMEOUT);

  it("band(same seed) is identical; another seed differs", () => {
    const a = band(baseline, inputs, 100, 1, {series: ["coa_total"]});
    const b = band(baseline, inputs, 100, 1, {series: ["coa_total"]});
    const c = band(baseline, inputs, 100, 2, {series: ["coa_total"]});
    expect(Array.from(a.p50.coa_total)).toEqual(Array.from(b.p50.coa_total));
    expect(Array.from(a.p90.coa_total)).not.toEqual(Array.from(c.p90.coa_total));
  }, BAND_TIMEOUT);

  it("band(...) has a real spread by 2030 around the deterministic run", () => {
    const b = band(baseline, inputs, 300, 3, {series: ["coa_total", "backlog_total"]});
    const det = run(baseline, inputs).series;
    expect(b.p90.coa_total[107] - b.p10.coa_total[107]).toBeGreaterThan(1000);
    expect(det.coa_total[107]).toBeGreaterThan(b.p10.coa_total[107]);
    expect(det.coa_total[107]).toBeLessThan(b.p90.coa_total[107]);
  }, BAND_TIMEOUT);

  it("band(scenario overriding a parameter) does not vary that parameter", () => {
    const c = compile(inputs);
    const sample = new Float64Array(c.parameters.length);
    drawSample(inputs, mulberry32(1), sample);
    const row = c.index.get("grant_rate_mid")!;
    expect(Number.isNaN(sample[row])).toBe(false);
    // with every uncertain parameter overridden, all band runs equal the deterministic run
    const overrides = Object.fromEntries(inputs.parameters.filter((p) => p.uncertain).map((p) => [p.id, typeof p.value === "number" ? p.value : p.value[0].value]));
    const b = band({...baseline, overrides}, inputs, 20, 5, {series: ["coa_total"]});
    const det = run({...baseline, overrides}, inputs).series.coa_total;
    for (let t = 0; t < 108; t++) {
      expect(b.p10.coa_total[t]).toBeCloseTo(det[t], 6);
      expect(b.p90.coa_total[t]).toBeCloseTo(det[t], 6);
    }
  }, BAND_TIMEOUT);

  it("drawSample(...) keeps scalar draws inside [low, high]", () => {
    const c = compile(inputs);
    const sample = new Float64Array(c.parameters.length);
    const rand = mulberry32(99);
    for (let k = 0; k < 200; k++) {
      drawSample(inputs, rand, sample);
      c.parameters.forEach((p, row) => {
        if (typeof p.value !== "number" || Number.isNaN(sample[row])) return;
        expect(sample[row]).toBeGreaterThanOrEqual(p.low);
        expect(sample[row]).toBeLessThanOrEqual(p.high);
      });
    }
  }, BAND_TIMEOUT);

  it("band(n = 0) throws", () => {
    expect(() => band(baseline, inputs, 0, 1)).toThrow(/n must be/);
  }, BAND_TIMEOUT);
});

describe("rng", () => {
  it("mulberry32(seed) is deterministic and uniform-looking", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    let sum = 0;
    for (let i = 0; i < 10000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(sum / 10000).toBeCloseTo(0.5, 1);
  });

  it("triangular(u, low, mode, high) maps 0, the mode quantile and 1 onto low, mode and high", () => {
    expect(triangular(0, 1, 2, 5)).toBe(1);
    expect(triangular(0.25, 1, 2, 5)).toBeCloseTo(2, 9);
    expect(triangular(0.999999999, 1, 2, 5)).toBeCloseTo(5, 3);
    expect(triangular(0.3, 3, 3, 3)).toBe(3);
  });
});

describe("quantile", () => {
  it("quantile(x, from, n, p) equals sorting with linear interpolation, on random data with ties", async () => {
    const {quantile} = await import("../../src/model/band.js");
    const rand = mulberry32(11);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rand() * 60);
      const data = Float64Array.from({length: n}, () => Math.floor(rand() * 10));
      const sorted = Float64Array.from(data).sort();
      for (const p of [0, 0.1, 0.5, 0.9, 1]) {
        const pos = p * (n - 1);
        const k = Math.floor(pos);
        const want = k + 1 < n ? sorted[k] + (sorted[k + 1] - sorted[k]) * (pos - k) : sorted[k];
        const buf = new Float64Array(n + 4);
        buf.set(data, 2);
        expect(quantile(buf, 2, n, p)).toBeCloseTo(want, 12);
      }
    }
  });
});
