/**
 * Seeded Monte Carlo band: `n` runs with every uncertain parameter drawn from a triangular
 * distribution on [low, default, high] (dated series: one common factor drawn from a triangular
 * distribution on [0.85, 1, 1.15], then bounded by [low, high] of the register), and P10/P50/P90 per
 * series per month. Parameters the preset or the scenario override are not drawn.
 */
import {compile} from "./params.js";
import {prepare} from "./prepare.js";
import {createBuffers, runInto} from "./run.js";
import {mulberry32, triangular} from "./rng.js";
import {SERIES_IDS, type BandOutput, type ModelInputs, type Scenario, type SeriesId} from "./types.js";

/** Relative spread of the common factor for uncertain dated series. */
export const DATED_FACTOR: [number, number] = [0.85, 1.15];

export interface BandOptions {
  /** Only these series (default: all). Others are absent from the output. */
  series?: readonly SeriesId[];
}

/** Draws one parameter sample into `sample` (NaN = not drawn). */
export function drawSample(inputs: ModelInputs, rand: () => number, sample: Float64Array): void {
  const c = compile(inputs);
  sample.fill(NaN);
  c.parameters.forEach((p, row) => {
    if (!p.uncertain) return;
    const u = rand();
    const low = p.bandLow ?? p.low;
    const high = p.bandHigh ?? p.high;
    if (typeof p.value === "number") sample[row] = triangular(u, low, p.value, high);
    else {
      // bound the factor so that the series' mean stays inside [low, high]
      let mean = 0;
      for (const d of p.value) mean += d.value;
      mean /= p.value.length;
      const lo = Math.max(DATED_FACTOR[0], mean > 0 ? low / mean : DATED_FACTOR[0]);
      const hi = Math.min(DATED_FACTOR[1], mean > 0 ? high / mean : DATED_FACTOR[1]);
      sample[row] = triangular(u, Math.min(lo, 1), 1, Math.max(hi, 1));
    }
  });
}

/** Runs the band. Deterministic for a given (scenario, inputs, n, seed). */
export function band(scenario: Scenario, inputs: ModelInputs, n: number, seed: number, options: BandOptions = {}): BandOutput {
  if (!Number.isInteger(n) || n < 1) throw new Error(`band: n must be a positive integer, got ${n}`);
  const c = compile(inputs);
  const prepared = prepare(scenario, inputs);
  const R = prepared.months;
  const from = prepared.outputOffset;
  // output window: the scenario's start … end
  const M = R - from;
  const ids = options.series ?? SERIES_IDS;
  const index = ids.map((id) => SERIES_IDS.indexOf(id));
  const S = ids.length;
  const buffers = createBuffers(R, c.parameters.length);
  const sample = new Float64Array(c.parameters.length);
  // store[(s * M + t) * n + i]: the n draws of one series-month are contiguous, ready to sort
  const store = new Float64Array(S * M * n);
  const rand = mulberry32(seed);
  for (let i = 0; i < n; i++) {
    drawSample(inputs, rand, sample);
    runInto(scenario, inputs, buffers, sample, prepared);
    const out = buffers.out;
    for (let s = 0; s < S; s++) {
      const src = index[s]! * R + from;
      let dst = s * M * n + i;
      for (let t = 0; t < M; t++, dst += n) store[dst] = out[src + t];
    }
  }
  const p10 = {} as Record<SeriesId, Float64Array>;
  const p50 = {} as Record<SeriesId, Float64Array>;
  const p90 = {} as Record<SeriesId, Float64Array>;
  for (let s = 0; s < S; s++) {
    const a = new Float64Array(M);
    const b = new Float64Array(M);
    const d = new Float64Array(M);
    for (let t = 0; t < M; t++) {
      const at = (s * M + t) * n;
      a[t] = quantile(store, at, n, 0.1);
      b[t] = quantile(store, at, n, 0.5);
      d[t] = quantile(store, at, n, 0.9);
    }
    p10[ids[s]] = a;
    p50[ids[s]] = b;
    p90[ids[s]] = d;
  }
  return {p10, p50, p90, n, seed};
}

/** Rearranges x[from … from+n) so that x[from + k] holds the k-th smallest value (Hoare quickselect). */
function select(x: Float64Array, from: number, n: number, k: number): void {
  let lo = from;
  let hi = from + n - 1;
  const target = from + k;
  while (hi > lo) {
    // median of three as pivot
    const mid = (lo + hi) >>> 1;
    let a = x[lo];
    let b = x[mid];
    let c = x[hi];
    if (a > b) [a, b] = [b, a];
    if (b > c) [b, c] = [c, b];
    if (a > b) [a, b] = [b, a];
    const pivot = b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (x[i] < pivot) i++;
      while (x[j] > pivot) j--;
      if (i <= j) {
        const tmp = x[i];
        x[i] = x[j];
        x[j] = tmp;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}

/**
 * The p-quantile of x[from … from+n) with linear interpolation between order statistics
 * (type 7), computed by selection; reorders that slice.
 */
export function quantile(x: Float64Array, from: number, n: number, p: number): number {
  const pos = p * (n - 1);
  const k = Math.floor(pos);
  select(x, from, n, k);
  const lo = x[from + k];
  if (k + 1 >= n || pos === k) return lo;
  // the (k+1)-th smallest is the minimum of the part above k
  let next = Infinity;
  for (let i = from + k + 1; i < from + n; i++) if (x[i] < next) next = x[i];
  return lo + (next - lo) * (pos - k);
}
