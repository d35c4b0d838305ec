/**
 * The band's column tracker (ColumnQuantiles: the runs' order in one month finds the next month's
 * order statistics) equals `quantiles` (the selection the band used before; d3.quantile on finite
 * data) on every column, whatever the columns do from one month to the next: drift, ties,
 * reshuffles, constants, -0, ±Infinity, tiny values, NaN; n from 1 to beyond the window limits.
 */
import fc from "fast-check";
import {quantile as d3quantile} from "d3";
import {describe, expect, test} from "vitest";
import {ColumnQuantiles, quantiles} from "../../src/model/quantiles.js";

const P = [0.1, 0.5, 0.9] as const;
/** -0 and 0 are the same number here (Object.is, which toBe uses, tells them apart). */
const z = (v: number | undefined) => (v === undefined ? v : v + 0);

type Step = "drift" | "noise" | "shuffle" | "constant" | "ties" | "special" | "tiny" | "nan" | "scale";
const stepArb = fc.constantFrom<Step>("drift", "drift", "drift", "noise", "noise", "shuffle", "constant", "ties", "special", "tiny", "nan", "scale");

/** A sequence of columns: each derived from the previous one by a step (deterministic from a seed). */
function columns(n: number, steps: Step[], seed: number): Float64Array[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let col = Float64Array.from({length: n}, () => 1000 * rand());
  const out: Float64Array[] = [];
  for (const step of steps) {
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = Number.isFinite(col[i]!) ? col[i]! : 500;
      switch (step) {
        case "drift":
          next[i] = v * (1 + 0.02 * (rand() - 0.3)) + 3 * rand();
          break;
        case "noise":
          next[i] = v + 40 * (rand() - 0.5);
          break;
        case "shuffle":
          next[i] = 1000 * rand();
          break;
        case "constant":
          next[i] = 7;
          break;
        case "ties":
          next[i] = Math.floor(v / 100) - 3;
          break;
        case "special": {
          const u = rand();
          next[i] = u < 0.05 ? Infinity : u < 0.1 ? -Infinity : u < 0.3 ? -0 : u < 0.5 ? 0 : v;
          break;
        }
        case "tiny":
          next[i] = (v - 500) * 1e-305;
          break;
        case "nan":
          next[i] = rand() < 0.02 ? NaN : v;
          break;
        case "scale":
          next[i] = v * 1e300;
          break;
      }
    }
    out.push(next);
    col = next;
  }
  return out;
}

/** Every column through one tracker (the columns side by side in one array, as in the band). */
function tracked(n: number, cols: Float64Array[]): number[][] {
  const q = new ColumnQuantiles(n, P);
  const all = new Float64Array(n * cols.length + 3).fill(99);
  cols.forEach((c, t) => all.set(c, 1 + t * n));
  const copy = Float64Array.from(all);
  const res = cols.map((_, t) => {
    q.column(all, 1 + t * n);
    return Array.from(q.out);
  });
  // the columns are read, not reordered
  expect(all.every((v, i) => Object.is(v, copy[i]))).toBe(true);
  return res;
}

/** `quantiles` (the selection the band used before) on the column in run order; for finite data also d3.quantile. */
function expected(col: Float64Array): number[] {
  const out = new Float64Array(3);
  quantiles(Float64Array.from(col), 0, col.length, P, out);
  if (col.every((v) => Number.isFinite(v))) expect(Array.from(out, z)).toEqual(P.map((p) => z(d3quantile(col, p))));
  return Array.from(out);
}

describe("ColumnQuantiles", () => {
  test("each column's P10/P50/P90 equal quantiles (d3.quantile on finite data) for any sequence of columns", () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 1300}), fc.array(stepArb, {minLength: 1, maxLength: 14}), fc.integer(), (n, steps, seed) => {
        const cols = columns(n, steps, seed);
        const got = tracked(n, cols);
        cols.forEach((c, t) => {
          const want = expected(c);
          for (let j = 0; j < 3; j++) expect(z(got[t]![j]), `column ${t} (${steps[t]}), p${P[j]}`).toBe(z(want[j]));
        });
      }),
      {numRuns: 150}
    );
  }, 60_000);

  test("a NaN that a tiny product counted twice hid from the pass's total (a counterexample of the property above)", () => {
    // column 3: tiny values with NaN; a window test's product rounds to 0 for a value outside, which
    // made up for the NaN in the pass's total, and the selection then recursed without end
    const n = 95;
    const steps: Step[] = ["constant", "nan", "tiny", "nan", "drift"];
    const cols = columns(n, steps, -321164998);
    const got = tracked(n, cols);
    cols.forEach((c, t) => {
      const want = expected(c);
      for (let j = 0; j < 3; j++) expect(z(got[t]![j]), `column ${t} (${steps[t]}), p${P[j]}`).toBe(z(want[j]));
    });
  });

  test("slowly drifting columns (the band's case) are mostly answered from the window", () => {
    const n = 1000;
    const cols = columns(n, Array<Step>(60).fill("drift"), 5);
    const q = new ColumnQuantiles(n, P);
    for (const c of cols) {
      q.column(c, 0);
      const want = expected(c);
      for (let j = 0; j < 3; j++) expect(z(q.out[j])).toBe(z(want[j]));
    }
    // the first column has no runs to follow; nearly all later statistics come from the window
    expect(q.misses).toBeGreaterThanOrEqual(3);
    expect(q.hits).toBeGreaterThan(0.9 * 3 * 60);
  });

  test("a column of many equal values around a quantile, and n = 1, 2, 31, 32", () => {
    for (const n of [1, 2, 3, 31, 32, 33, 600, 601, 1500]) {
      const cols = [
        Float64Array.from({length: n}, (_, i) => i),
        Float64Array.from({length: n}, (_, i) => (i % 7 === 0 ? 5 : i)),
        Float64Array.from({length: n}, (_, i) => (i < n / 2 ? 1 : 2)),
        Float64Array.from({length: n}, () => 3),
        Float64Array.from({length: n}, (_, i) => n - i)
      ];
      const got = tracked(n, cols);
      cols.forEach((c, t) => expect(got[t]!.map(z), `n=${n}, column ${t}`).toEqual(expected(c).map(z)));
    }
  });
});
