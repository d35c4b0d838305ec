/**
 * Seeded Monte Carlo band: `n` runs with every uncertain parameter drawn from a triangular
 * distribution on [low, default, high] (dated series: one common factor drawn from a triangular
 * distribution on [0.85, 1, 1.15], then bounded by [low, high] of the register), and P10/P50/P90 per
 * series per month. Parameters the preset or the scenario override are not drawn.
 */
import {compile} from "./params.js";
import {prepare} from "./prepare.js";
import {createBuffers, runInto} from "./run.js";
import {ColumnQuantiles} from "./quantiles.js";
import {mulberry32, triangular} from "./rng.js";
import {SERIES_IDS, type BandOutput, type ModelInputs, type Scenario, type SeriesId} from "./types.js";

/** Relative spread of the common factor for uncertain dated series. */
export const DATED_FACTOR: [number, number] = [0.85, 1.15];

export interface BandOptions {
  /** Only these series (default: all). Others are absent from the output. */
  series?: readonly SeriesId[];
}

/** The uncertain rows of a register with their triangular distributions, compiled once per register. */
interface Draws {
  rows: Int32Array;
  low: Float64Array;
  mode: Float64Array;
  high: Float64Array;
}
const drawsCache = new WeakMap<object, Draws>();

function drawsOf(inputs: ModelInputs): Draws {
  const c = compile(inputs);
  const hit = drawsCache.get(c);
  if (hit) return hit;
  const rows: number[] = [];
  const low: number[] = [];
  const mode: number[] = [];
  const high: number[] = [];
  c.parameters.forEach((p, row) => {
    if (!p.uncertain) return;
    const lo = p.bandLow ?? p.low;
    const hi = p.bandHigh ?? p.high;
    rows.push(row);
    if (typeof p.value === "number") {
      low.push(lo);
      mode.push(p.value);
      high.push(hi);
    } else {
      // bound the factor so that the series' mean stays inside [low, high]
      let mean = 0;
      for (const d of p.value) mean += d.value;
      mean /= p.value.length;
      const a = Math.max(DATED_FACTOR[0], mean > 0 ? lo / mean : DATED_FACTOR[0]);
      const b = Math.min(DATED_FACTOR[1], mean > 0 ? hi / mean : DATED_FACTOR[1]);
      low.push(Math.min(a, 1));
      mode.push(1);
      high.push(Math.max(b, 1));
    }
  });
  const draws = {rows: Int32Array.from(rows), low: Float64Array.from(low), mode: Float64Array.from(mode), high: Float64Array.from(high)};
  drawsCache.set(c, draws);
  return draws;
}

/** Draws one parameter sample into `sample` (NaN = not drawn). */
export function drawSample(inputs: ModelInputs, rand: () => number, sample: Float64Array): void {
  const d = drawsOf(inputs);
  sample.fill(NaN);
  for (let j = 0; j < d.rows.length; j++) sample[d.rows[j]!] = triangular(rand(), d.low[j]!, d.mode[j]!, d.high[j]!);
}

/** Months per block of the store (see `band`). */
const BLOCK = 16;
/** The store is kept for the next call up to this many values (64 MB); larger ones are left to the GC. */
const KEEP_STORE = 8 << 20;
let keptStore = new Float64Array(0);
let keptColumns = new Float64Array(0);
const trackers = new Map<number, ColumnQuantiles>();

function storeOf(size: number): Float64Array {
  if (keptStore.length >= size) return keptStore;
  const store = new Float64Array(size);
  if (size <= KEEP_STORE) keptStore = store;
  return store;
}

function columnsOf(size: number): Float64Array {
  if (keptColumns.length < size) keptColumns = new Float64Array(size);
  return keptColumns;
}

function trackerOf(n: number): ColumnQuantiles {
  let q = trackers.get(n);
  if (!q) {
    if (trackers.size >= 8) trackers.clear();
    q = new ColumnQuantiles(n, BAND_P);
    trackers.set(n, q);
  }
  return q;
}

/**
 * Runs the band. Deterministic for a given (scenario, inputs, n, seed).
 *
 * Layout: the months of a series are cut in blocks of BLOCK; block (s, t0) of width w holds its n × w
 * values run-major, store[(s·M + t0)·n + i·w + (t − t0)], so that a run writes w consecutive values
 * per block and a block is one contiguous region, transposed into n-long columns (month-major, in
 * cache) just before its quantiles. Leading months in which every run so far equals run 0 (the
 * observed past up to the forecast origin; a series no draw affects) are not stored: `fixed[s]` is
 * their count; when a run differs inside it, the runs before are filled in with run 0's values and
 * `fixed[s]` drops to that month. Their quantiles are run 0's values (as `quantiles` answers a
 * constant slice). The store is reused between calls.
 */
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
  const store = storeOf(S * M * n);
  // run 0's rows, and per series the number of leading months equal in every run so far
  const ref = new Float64Array(S * M);
  const fixed = new Int32Array(S).fill(M);
  const rand = mulberry32(seed);
  // run 0's base matrix and the month offset before which its parameters equal it
  let base0: Float64Array | undefined;
  let changed0 = 0;
  for (let i = 0; i < n; i++) {
    drawSample(inputs, rand, sample);
    const ps = runInto(scenario, inputs, buffers, sample, prepared);
    // Up to the month before both runs' parameters first differ from the base matrix (the observed
    // past: draws apply after the origin), run i equals run 0 by construction (the same parameters,
    // inputs and readings): those months are not compared (45 of them per series in the explorer's
    // scenario).
    const changed = ps.changedFrom ?? 0;
    if (i === 0) {
      base0 = ps.base;
      changed0 = changed;
    }
    const equal = ps.base !== undefined && ps.base === base0 ? Math.max(0, Math.min(changed0, changed) - from) : 0;
    const out = buffers.out;
    for (let s = 0; s < S; s++) {
      const src = index[s]! * R + from;
      const row = s * M;
      if (i === 0) {
        for (let t = 0; t < M; t++) ref[row + t] = out[src + t]!;
        continue;
      }
      let f = fixed[s]!;
      let t = equal < f ? equal : f;
      while (t < f && out[src + t] === ref[row + t]) t++;
      if (t < f) {
        // runs 0 … i−1 had run 0's values in months t … f−1: store them now
        for (let r = 0; r < i; r++) storeRun(store, ref, row, t, f, M, n, r, row);
        fixed[s] = f = t;
      }
      storeRun(store, out, src, f, M, M, n, i, row);
    }
  }
  const p10 = {} as Record<SeriesId, Float64Array>;
  const p50 = {} as Record<SeriesId, Float64Array>;
  const p90 = {} as Record<SeriesId, Float64Array>;
  const columns = columnsOf(BLOCK * n);
  const q = trackerOf(n);
  const qo = q.out;
  for (let s = 0; s < S; s++) {
    const a = new Float64Array(M);
    const b = new Float64Array(M);
    const d = new Float64Array(M);
    const row = s * M;
    const f = fixed[s]!;
    for (let t = 0; t < f; t++) a[t] = b[t] = d[t] = ref[row + t]!;
    q.reset();
    for (let t0 = f - (f % BLOCK); t0 < M; t0 += BLOCK) {
      const w = Math.min(BLOCK, M - t0);
      const first = Math.max(f, t0) - t0;
      // transpose block (s, t0): run-major n × w → month-major columns
      const base = (row + t0) * n;
      if (w === 16 && first === 0) transposeFull(store, base, columns, n);
      else {
        for (let i = 0; i < n; i++) {
          const o = base + i * w;
          for (let k = first; k < w; k++) columns[k * n + i] = store[o + k]!;
        }
      }
      for (let k = first; k < w; k++) {
        q.column(columns, k * n);
        a[t0 + k] = qo[0]!;
        b[t0 + k] = qo[1]!;
        d[t0 + k] = qo[2]!;
      }
    }
    p10[ids[s]] = a;
    p50[ids[s]] = b;
    p90[ids[s]] = d;
  }
  return {p10, p50, p90, n, seed};
}

/** Transposes a block 16 months wide (n runs × 16, run-major at `base`) into columns[k·n + i]. */
function transposeFull(store: Float64Array, base: number, columns: Float64Array, n: number): void {
  for (let i = 0, o = base; i < n; i++, o += 16) {
    columns[i] = store[o]!;
    columns[n + i] = store[o + 1]!;
    columns[2 * n + i] = store[o + 2]!;
    columns[3 * n + i] = store[o + 3]!;
    columns[4 * n + i] = store[o + 4]!;
    columns[5 * n + i] = store[o + 5]!;
    columns[6 * n + i] = store[o + 6]!;
    columns[7 * n + i] = store[o + 7]!;
    columns[8 * n + i] = store[o + 8]!;
    columns[9 * n + i] = store[o + 9]!;
    columns[10 * n + i] = store[o + 10]!;
    columns[11 * n + i] = store[o + 11]!;
    columns[12 * n + i] = store[o + 12]!;
    columns[13 * n + i] = store[o + 13]!;
    columns[14 * n + i] = store[o + 14]!;
    columns[15 * n + i] = store[o + 15]!;
  }
}

/** Stores months t … end−1 of run i (values src[at + t]) into the blocked store of the series at row `row`. */
function storeRun(store: Float64Array, src: Float64Array, at: number, t: number, end: number, M: number, n: number, i: number, row: number): void {
  while (t < end) {
    const t0 = t - (t % BLOCK);
    const w = Math.min(BLOCK, M - t0);
    const stop = Math.min(t0 + w, end);
    const o = (row + t0) * n + i * w - t0;
    if (w === 16 && t === t0 && stop === t0 + 16) {
      const d = o + t;
      const a = at + t;
      store[d] = src[a]!;
      store[d + 1] = src[a + 1]!;
      store[d + 2] = src[a + 2]!;
      store[d + 3] = src[a + 3]!;
      store[d + 4] = src[a + 4]!;
      store[d + 5] = src[a + 5]!;
      store[d + 6] = src[a + 6]!;
      store[d + 7] = src[a + 7]!;
      store[d + 8] = src[a + 8]!;
      store[d + 9] = src[a + 9]!;
      store[d + 10] = src[a + 10]!;
      store[d + 11] = src[a + 11]!;
      store[d + 12] = src[a + 12]!;
      store[d + 13] = src[a + 13]!;
      store[d + 14] = src[a + 14]!;
      store[d + 15] = src[a + 15]!;
      t = stop;
      continue;
    }
    for (; t < stop; t++) store[o + t] = src[at + t]!;
  }
}

const BAND_P = [0.1, 0.5, 0.9] as const;

export {quantile, quantiles} from "./quantiles.js";
