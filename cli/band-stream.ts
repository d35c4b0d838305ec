/**
 * The Monte Carlo band in bounded memory, for large `--band` counts.
 *
 * `band()` (src/model/band.ts) keeps every draw of every series-month (8 bytes × series × months ×
 * runs: 3,9 GB for 100.000 runs) to take exact quantiles. This version draws the same samples in the
 * same order (same seed, same `drawSample`), but keeps:
 *  - the first `pilot` runs exactly, which fix per series-month a value range (pilot min … max widened
 *    by half its span on each side, so P10 … P90 of the full set lie far inside);
 *  - for every run, a count in one of `bins` equal bins over that range, with the smallest and largest
 *    value seen in each bin (values outside the range fall in a bin below or above it).
 * Quantiles are read from the cumulative counts (type 7 positions, like `band()`), interpolating
 * between the bin's smallest and largest value, so each differs from the exact quantile by at most the
 * value range inside one bin (≤ 2 × pilot span / bins: 0,2% of the pilot span with 1024 bins), and
 * a point mass (many runs with one value, a series held at 0) gives its exact value. Runs are added in
 * batches, cell by cell, so a cell's bins stay in cache (as fast as the exact band). Memory: one batch
 * (pilot × cells × 8 bytes, 19 MB for the default horizon 2022-01 … 2030-12) plus the histograms
 * (cells × bins × 24 bytes, at most HISTOGRAM_BYTES: 1024 bins for the default horizon, fewer for
 * longer ones), whatever the run count.
 */
import {band, drawSample} from "../src/model/band.js";
import {compile} from "../src/model/params.js";
import {monthIndex} from "../src/model/months.js";
import {mulberry32} from "../src/model/rng.js";
import {createBuffers, runInto} from "../src/model/run.js";
import {SERIES_IDS, type BandOutput, type ModelInputs, type Scenario, type SeriesId} from "../src/model/types.js";

/** Up to this many runs the CLI uses the exact band (memory ≤ about 200 MB). */
export const EXACT_BAND_MAX = 5000;

/** Memory budget of the histograms (the rest is one batch of runs and the model's own buffers). */
export const HISTOGRAM_BYTES = 150e6;

export interface StreamOptions {
  bins?: number;
  pilot?: number;
}

/** The band for `n` runs: exact up to {@link EXACT_BAND_MAX}, streamed above. */
export function cliBand(scenario: Scenario, inputs: ModelInputs, n: number, seed: number): BandOutput {
  return n <= EXACT_BAND_MAX ? band(scenario, inputs, n, seed) : streamBand(scenario, inputs, n, seed);
}

/** The streamed band (see the file comment). Deterministic for (scenario, inputs, n, seed, options). */
export function streamBand(scenario: Scenario, inputs: ModelInputs, n: number, seed: number, options: StreamOptions = {}): BandOutput {
  if (!Number.isInteger(n) || n < 1) throw new Error(`band: n must be a positive integer, got ${n}`);
  const pilot = Math.min(n, options.pilot ?? 500);
  const c = compile(inputs);
  const M = monthIndex(scenario.end ?? "2030-12") - monthIndex(scenario.start ?? "2022-01") + 1;
  const S = SERIES_IDS.length;
  const cells = S * M;
  // 1024 bins, fewer when the horizon is long, so the histograms stay within HISTOGRAM_BYTES
  const bins = options.bins ?? Math.max(64, Math.min(1024, Math.floor(HISTOGRAM_BYTES / (cells * 24)) - 2));
  const buffers = createBuffers(M, c.parameters.length);
  const sample = new Float64Array(c.parameters.length);
  const rand = mulberry32(seed);

  // Runs are collected in batches of `pilot` (run-major, one memcpy per run) and then added to the
  // histograms cell by cell, so the bins of one cell stay in cache while its values are added.
  // The first batch is the pilot that fixes the ranges.
  const batch = new Float64Array(cells * pilot);
  let filled = 0;
  const collect = () => {
    drawSample(inputs, rand, sample);
    runInto(scenario, inputs, buffers, sample);
    batch.set(buffers.out.subarray(0, cells), filled * cells);
    filled++;
  };
  while (filled < pilot) collect();
  const lo = new Float64Array(cells);
  const inverse = new Float64Array(cells);
  const min = new Float64Array(cells).fill(Infinity);
  const max = new Float64Array(cells).fill(-Infinity);
  for (let k = 0; k < cells; k++) {
    let a = Infinity;
    let b = -Infinity;
    for (let i = 0; i < pilot; i++) {
      const v = batch[i * cells + k];
      if (v < a) a = v;
      if (v > b) b = v;
    }
    // a pilot with one value: a narrow range around it, so later other values fall below or above
    const span = b > a ? b - a : Math.max(Math.abs(a), 1) * 1e-6;
    lo[k] = a - span / 2;
    inverse[k] = bins / (2 * span);
  }
  // per cell and bin [count, smallest, largest]; bin 0 is below the range, bin bins + 1 above it.
  // Quantiles interpolate between a bin's smallest and largest value, so a point mass inside a bin
  // (many runs with one value) gives that value exactly.
  const stride = bins + 2;
  const hist = new Float64Array(cells * stride * 3);
  for (let at = 0; at < hist.length; at += 3) {
    hist[at + 1] = Infinity;
    hist[at + 2] = -Infinity;
  }
  // runs at exactly the minimum / maximum (a series held at 0 or at a capacity)
  const atMin = new Float64Array(cells);
  const atMax = new Float64Array(cells);
  const flush = () => {
    for (let k = 0; k < cells; k++) {
      const base = k * stride * 3;
      const from = lo[k];
      const scale = inverse[k];
      let mn = min[k];
      let mx = max[k];
      let cmn = atMin[k];
      let cmx = atMax[k];
      for (let i = 0; i < filled; i++) {
        const v = batch[i * cells + k];
        if (v <= mn) {
          if (v < mn) {
            mn = v;
            cmn = 1;
          } else cmn++;
        }
        if (v >= mx) {
          if (v > mx) {
            mx = v;
            cmx = 1;
          } else cmx++;
        }
        let b = Math.floor((v - from) * scale) + 1;
        if (!(b >= 0)) b = 0; // also NaN
        else if (b > bins) b = bins + 1;
        const at = base + b * 3;
        hist[at]++;
        if (v < hist[at + 1]) hist[at + 1] = v;
        if (v > hist[at + 2]) hist[at + 2] = v;
      }
      min[k] = mn;
      max[k] = mx;
      atMin[k] = cmn;
      atMax[k] = cmx;
    }
    filled = 0;
  };
  flush();
  for (let i = pilot; i < n; i++) {
    collect();
    if (filled === pilot) flush();
  }
  flush();

  /** Estimate of the j-th smallest value (0-based) in cell k, from the counts. */
  const orderStat = (k: number, j: number): number => {
    if (j < atMin[k]) return min[k];
    if (j > n - 1 - atMax[k]) return max[k];
    const base = k * stride * 3;
    let seen = 0;
    for (let b = 0; b < stride; b++) {
      const m = hist[base + b * 3];
      if (m > 0 && j < seen + m) {
        const a = hist[base + b * 3 + 1];
        const z = hist[base + b * 3 + 2];
        if (m === 1 || a === z) return a;
        return a + ((j - seen) / (m - 1)) * (z - a);
      }
      seen += m;
    }
    return max[k];
  };
  /** Type 7 quantile: linear between the order statistics around p × (n − 1), like `band()`. */
  const quantile = (k: number, p: number) => {
    const pos = p * (n - 1);
    const j = Math.floor(pos);
    const low = orderStat(k, j);
    return j + 1 < n && pos > j ? low + (orderStat(k, j + 1) - low) * (pos - j) : low;
  };
  const p10 = {} as Record<SeriesId, Float64Array>;
  const p50 = {} as Record<SeriesId, Float64Array>;
  const p90 = {} as Record<SeriesId, Float64Array>;
  SERIES_IDS.forEach((id, s) => {
    const a = new Float64Array(M);
    const b = new Float64Array(M);
    const d = new Float64Array(M);
    for (let t = 0; t < M; t++) {
      const k = s * M + t;
      a[t] = quantile(k, 0.1);
      b[t] = quantile(k, 0.5);
      d[t] = quantile(k, 0.9);
    }
    p10[id] = a;
    p50[id] = b;
    p90[id] = d;
  });
  return {p10, p50, p90, n, seed};
}
