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
  const q = new Float64Array(3);
  for (let s = 0; s < S; s++) {
    const a = new Float64Array(M);
    const b = new Float64Array(M);
    const d = new Float64Array(M);
    for (let t = 0; t < M; t++) {
      quantiles(store, (s * M + t) * n, n, BAND_P, q);
      a[t] = q[0]!;
      b[t] = q[1]!;
      d[t] = q[2]!;
    }
    p10[ids[s]] = a;
    p50[ids[s]] = b;
    p90[ids[s]] = d;
  }
  return {p10, p50, p90, n, seed};
}

const BAND_P = [0.1, 0.5, 0.9] as const;

/**
 * Rearranges x[left … right] (inclusive) so that x[k] holds the value it would hold if the slice were
 * sorted, smaller-or-equal values before it and larger-or-equal after it (Floyd–Rivest selection, as
 * in d3-array's quickselect, on a Float64Array without a comparator).
 */
function select(x: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      // narrow the range around k with a recursive selection on a sample
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      select(x, k, newLeft, newRight);
    }
    const t = x[k]!;
    let i = left;
    let j = right;
    let tmp = x[left]!;
    x[left] = x[k]!;
    x[k] = tmp;
    if (x[right]! > t) {
      tmp = x[left]!;
      x[left] = x[right]!;
      x[right] = tmp;
    }
    while (i < j) {
      tmp = x[i]!;
      x[i] = x[j]!;
      x[j] = tmp;
      ++i;
      --j;
      while (x[i]! < t) ++i;
      while (x[j]! > t) --j;
    }
    if (x[left] === t) {
      tmp = x[left]!;
      x[left] = x[j]!;
      x[j] = tmp;
    } else {
      ++j;
      tmp = x[j]!;
      x[j] = x[right]!;
      x[right] = tmp;
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/** Selects the order statistics ks[lo … hi) inside x[left … right], middle one first (divide and conquer). */
function selectAll(x: Float64Array, ks: Int32Array, lo: number, hi: number, left: number, right: number): void {
  if (hi <= lo) return;
  const mid = (lo + hi) >>> 1;
  const k = ks[mid]!;
  // a statistic equal to one selected before is already in place
  if (k >= left && k <= right) select(x, k, left, right);
  selectAll(x, ks, lo, mid, left, k - 1);
  selectAll(x, ks, mid + 1, hi, k + 1, right);
}

const ksScratch = new Int32Array(16);

/**
 * The p-quantiles (ascending `ps`, at most 16) of x[from … from+n), with linear interpolation between
 * order statistics (type 7, as d3.quantile), into `out`; reorders that slice. Every order statistic
 * is found by selection (no sort); a slice whose values are all equal (the observed past, where the
 * runs do not differ) is answered by one scan.
 */
export function quantiles(x: Float64Array, from: number, n: number, ps: readonly number[], out: Float64Array): void {
  const end = from + n;
  let min = x[from]!;
  let max = min;
  for (let i = from + 1; i < end; i++) {
    const v = x[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  if (min === max) {
    for (let j = 0; j < ps.length; j++) out[j] = min;
    return;
  }
  const J = ps.length;
  const ks = ksScratch;
  for (let j = 0; j < J; j++) ks[j] = from + Math.floor(ps[j]! * (n - 1));
  selectAll(x, ks, 0, J, from, end - 1);
  for (let j = 0; j < J; j++) {
    const pos = ps[j]! * (n - 1);
    const k = Math.floor(pos);
    const lo = x[from + k]!;
    if (k + 1 >= n || pos === k) {
      out[j] = lo;
      continue;
    }
    // the (k+1)-th smallest is the minimum of the part above k, up to the next selected statistic
    let upTo = end - 1;
    for (let j2 = j + 1; j2 < J; j2++) {
      if (ks[j2]! > from + k) {
        upTo = ks[j2]!;
        break;
      }
    }
    let next = Infinity;
    for (let i = from + k + 1; i <= upTo; i++) if (x[i]! < next) next = x[i]!;
    out[j] = lo + (next - lo) * (pos - k);
  }
}

/**
 * The p-quantile of x[from … from+n) with linear interpolation between order statistics
 * (type 7), computed by selection; reorders that slice.
 */
export function quantile(x: Float64Array, from: number, n: number, p: number): number {
  const out = new Float64Array(1);
  quantiles(x, from, n, [p], out);
  return out[0]!;
}
