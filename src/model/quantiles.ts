/**
 * Exact type-7 quantiles (linear interpolation between order statistics, as d3.quantile) for the
 * Monte Carlo band: `quantiles` for one slice by selection, and `ColumnQuantiles` for a sequence of
 * columns (the same runs, month after month) that uses the runs' order in one month to find the
 * next month's order statistics in a single counting pass.
 */

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

/** Below this many runs a column is answered by `quantiles` directly. */
const TRACK_MIN_N = 32;
/** Half-width (in ranks) of the window around a tracked statistic: 1.2% of the runs, at least 4. */
const W_PER_RUN = 0.012;
const W_MIN = 4;
/** Runs per threshold group (the threshold is the median of their values). */
const G = 9;
/** A window larger than this is given up (many ties): that statistic is found by sorting instead. */
const WINDOW_MAX = 512;

/**
 * Type-7 quantiles (three ascending probabilities) of a sequence of columns col[off … off+n) that hold
 * the same n runs in the same order (one column per month of a series), taken in month order. Exact:
 * the results equal `quantiles` on each column (up to the sign of a zero).
 *
 * The order of the runs changes little from one month to the next. For each statistic k (and k + 1)
 * the tracker keeps two runs that lay just below and just above it in the previous column (ranks
 * k − w and k + 1 + w); their values in this column are thresholds lo and hi. One pass counts the
 * values below lo and up to hi and collects the runs in [lo, hi] (about 2w + 2 of them). When at most
 * k values lie below lo and at least k + 2 up to hi, ranks k and k + 1 are in that window, which is
 * sorted (it is small) to read them and to pick the two runs for the next column. Otherwise (the first
 * column, a reordering, many ties) the statistic comes from a sorted copy of the column and w grows;
 * w shrinks again while the window has room to spare. A column with NaN goes to `quantiles` as is.
 */
export class ColumnQuantiles {
  readonly n: number;
  /** The quantiles of the last column. */
  readonly out = new Float64Array(3);
  /** Statistics answered by the window pass / by sorting (for tests and tuning). */
  hits = 0;
  misses = 0;
  private readonly ps: readonly number[];
  private readonly ks: Int32Array;
  private readonly pos: Float64Array;
  /** Run index of the lower / upper threshold per statistic (−1: unknown). */
  private readonly groups = new Int32Array(6 * G);
  /** Runs in group 2j (below statistic j) and 2j + 1 (above); 0: unknown. */
  private readonly groupSize = new Int32Array(6);
  private readonly gv = new Float64Array(G);
  private readonly w: number;
  private readonly windows: Int32Array[];
  private readonly wv: Float64Array;
  private readonly wi: Int32Array;
  private readonly sorted: Float64Array;
  private readonly counts = new Int32Array(3);
  private readonly below = new Int32Array(3);
  private readonly upTo = new Int32Array(3);
  /** The pass's thresholds as cuts: value, count of values below (< value, cutLe 0) or up to it (≤, 1). */
  private readonly cutValue = new Float64Array(6);
  private readonly cutCount = new Int32Array(6);
  private readonly cutLe = new Uint8Array(6);
  private nCuts = 0;
  private readonly selKs = new Int32Array(4);
  /** Per statistic the runs of its last sorted window, in order (prevLength 0: none). */
  private readonly prevWindow: Int32Array[];
  private readonly prevLength = new Int32Array(3);
  private readonly order: Int32Array;
  private readonly mark: Int32Array;
  private stamp = 0;
  /** This column's thresholds (lo, hi per statistic). */
  private readonly thr = new Float64Array(6);

  constructor(n: number, ps: readonly [number, number, number]) {
    this.n = n;
    this.ps = ps;
    this.ks = Int32Array.from(ps, (p) => Math.floor(p * (n - 1)));
    this.pos = Float64Array.from(ps, (p) => p * (n - 1));
    this.w = Math.max(W_MIN, Math.round(n * W_PER_RUN));
    this.windows = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
    this.wv = new Float64Array(Math.min(n, WINDOW_MAX));
    this.wi = new Int32Array(Math.min(n, WINDOW_MAX));
    this.sorted = new Float64Array(n);
    this.prevWindow = [new Int32Array(Math.min(n, WINDOW_MAX)), new Int32Array(Math.min(n, WINDOW_MAX)), new Int32Array(Math.min(n, WINDOW_MAX))];
    this.order = new Int32Array(Math.min(n, WINDOW_MAX));
    this.mark = new Int32Array(n);
  }

  /** Forgets the runs' order (the next column does not follow the previous one). */
  reset(): void {
    this.groupSize.fill(0);
    this.prevLength.fill(0);
  }

  /** The quantiles of col[off … off+n) into `this.out`. Does not modify the column. */
  column(col: Float64Array, off: number): void {
    const n = this.n;
    if (n < TRACK_MIN_N) {
      this.direct(col, off);
      return;
    }
    const gs = this.groupSize;
    let missed: number;
    if (gs[0] === 0 || gs[1] === 0 || gs[2] === 0 || gs[3] === 0 || gs[4] === 0 || gs[5] === 0) {
      // no runs to follow yet: every statistic by selection on the whole column
      for (let i = 0; i < n; i++) {
        const v = col[off + i]!;
        if (v !== v) {
          this.direct(col, off);
          return;
        }
      }
      this.nCuts = 0;
      missed = 7;
    } else {
      missed = this.pass(col, off);
      if (missed === 8) {
        this.direct(col, off);
        return;
      }
    }
    // windows first: one found wrong (see fastPass) makes the pass's cuts unusable for the others
    let wrong = false;
    for (let j = 0; j < 3; j++) {
      if ((missed & (1 << j)) === 0 && !this.fromWindow(j, col, off)) {
        missed |= 1 << j;
        this.nCuts = 0;
        wrong = true;
      }
    }
    // A window found wrong means a product in fastPass rounded to 0 and a value was counted twice,
    // which can also hide a NaN from the pass's total: such a column goes to `quantiles` as a whole.
    if (wrong && hasNaN(col, off, n)) {
      this.direct(col, off);
      return;
    }
    for (let j = 0; j < 3; j++) if ((missed & (1 << j)) !== 0 && !this.bySelection(j, col, off)) return;
  }

  /** `quantiles` on a copy of the column (forgets the runs' order). */
  private direct(col: Float64Array, off: number): void {
    const s = this.sorted;
    s.set(col.subarray(off, off + this.n));
    quantiles(s, 0, this.n, this.ps, this.out);
    this.misses += 3;
    this.reset();
  }

  /**
   * Statistic j when its window missed: between the tightest known cuts around ranks k − w … k + 1 + w
   * (thresholds of this column's pass with their counts, or the column's ends), the values are
   * collected and ranks k − w, k, k + 1, k + 1 + w selected among them (Floyd–Rivest). Returns false
   * when the column turned out to hold NaN and went to `direct` (every statistic answered).
   */
  private bySelection(j: number, col: Float64Array, off: number): boolean {
    const n = this.n;
    const k = this.ks[j]!;
    const w = this.w;
    this.misses++;
    this.prevLength[j] = 0;
    // lower cut: most values below it while at most k − w (else at most k); upper: the reverse
    let lo = -1;
    let loCount = 0;
    let hi = -1;
    let hiCount = n;
    const cuts = this.nCuts;
    for (let pass = 0; pass < 2; pass++) {
      const want = pass === 0 ? k - w : k;
      for (let c = 0; c < cuts; c++) {
        const m = this.cutCount[c]!;
        if (m <= want && m > loCount) {
          lo = c;
          loCount = m;
        }
      }
      if (lo >= 0) break;
    }
    for (let pass = 0; pass < 2; pass++) {
      const want = pass === 0 ? k + 2 + w : Math.min(k + 2, n);
      for (let c = 0; c < cuts; c++) {
        const m = this.cutCount[c]!;
        if (m >= want && m < hiCount) {
          hi = c;
          hiCount = m;
        }
      }
      if (hi >= 0) break;
    }
    // collect ranks loCount … hiCount − 1: v ≥ x for a "< x" cut, v > y for a "≤ y" cut (and mirrored above)
    const x = this.sorted;
    let size = 0;
    const lv = lo >= 0 ? this.cutValue[lo]! : -Infinity;
    const hv = hi >= 0 ? this.cutValue[hi]! : Infinity;
    const loStrict = lo >= 0 && this.cutLe[lo] === 1;
    const hiStrict = hi >= 0 && this.cutLe[hi] === 0;
    for (let i = 0; i < n; i++) {
      const v = col[off + i]!;
      if ((loStrict ? v > lv : v >= lv) && (hiStrict ? v < hv : v <= hv)) x[size++] = v;
    }
    if (size !== hiCount - loCount) {
      // A cut's count was off (see fastPass): the whole column. With no cuts left the count can only
      // be off by a NaN the pass's total missed (a value counted twice made up for it): the column
      // goes to `quantiles` as a whole (before, this recursed without end).
      if (cuts === 0) {
        this.misses--;
        this.direct(col, off);
        return false;
      }
      this.nCuts = 0;
      this.misses--;
      return this.bySelection(j, col, off);
    }
    const ks = this.selKs;
    const r0 = Math.max(k - w, loCount) - loCount;
    const r1 = k - loCount;
    const r2 = Math.min(k + 1, n - 1) - loCount;
    const r3 = Math.min(k + 1 + w, hiCount - 1) - loCount;
    ks[0] = r0;
    ks[1] = r1;
    ks[2] = r2;
    ks[3] = r3;
    selectAll(x, ks, 0, 4, 0, size - 1);
    const v0 = x[r1]!;
    const constant = size === n && x[r0] === x[r3] && minMaxEqual(x, size);
    this.out[j] = constant ? v0 : interpolate(v0, x[r2]!, this.pos[j]!, k, n);
    this.groups[2 * j * G] = find(col, off, n, x[r0]!);
    this.groupSize[2 * j] = 1;
    this.groups[(2 * j + 1) * G] = find(col, off, n, x[r3]!);
    this.groupSize[2 * j + 1] = 1;
    return true;
  }

  /**
   * The counting pass with the tracked runs' values as thresholds. Returns a bit mask of the
   * statistics whose ranks k, k + 1 are not inside their window (bit j), or 8 when the column holds NaN.
   */
  private pass(col: Float64Array, off: number): number {
    const n = this.n;
    // a group's threshold may have crossed the other's (runs reordered): any two values bound a
    // window, the lower one is lo
    let l0 = this.threshold(0, col, off);
    let h0 = this.threshold(1, col, off);
    let l1 = this.threshold(2, col, off);
    let h1 = this.threshold(3, col, off);
    let l2 = this.threshold(4, col, off);
    let h2 = this.threshold(5, col, off);
    let x: number;
    if (h0 < l0) {
      x = l0;
      l0 = h0;
      h0 = x;
    }
    if (h1 < l1) {
      x = l1;
      l1 = h1;
      h1 = x;
    }
    if (h2 < l2) {
      x = l2;
      l2 = h2;
      h2 = x;
    }
    const thr = this.thr;
    thr[0] = l0;
    thr[1] = h0;
    thr[2] = l1;
    thr[3] = h1;
    thr[4] = l2;
    thr[5] = h2;
    // (h − l finite also rules out NaN and infinite thresholds)
    if (l0 <= h0 && l1 <= h1 && l2 <= h2 && Number.isFinite(h0 - l0) && Number.isFinite(h1 - l1) && Number.isFinite(h2 - l2)) return this.fastPass(col, off, l0, h0, l1, h1, l2, h2);
    const w0 = this.windows[0]!;
    const w1 = this.windows[1]!;
    const w2 = this.windows[2]!;
    const cap = w0.length;
    let b0 = 0;
    let a0 = 0;
    let b1 = 0;
    let a1 = 0;
    let b2 = 0;
    let a2 = 0;
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    let nan = 0;
    for (let i = 0; i < n; i++) {
      const v = col[off + i]!;
      if (v < l0) b0++;
      if (v <= h0) a0++;
      if (v < l1) b1++;
      if (v <= h1) a1++;
      if (v < l2) b2++;
      if (v <= h2) a2++;
      if (v !== v) nan++;
      if (v >= l0 && v <= h0 && c0 < cap) w0[c0++] = i;
      if (v >= l1 && v <= h1 && c1 < cap) w1[c1++] = i;
      if (v >= l2 && v <= h2 && c2 < cap) w2[c2++] = i;
    }
    if (nan !== 0) return 8;
    return this.check(b0, a0, c0, b1, a1, c1, b2, a2, c2);
  }

  /**
   * The pass when each window's thresholds are finite with lo ≤ hi (the usual case): four counts and
   * three range tests per value. v lies in [lo, hi] iff (v − lo)(v − hi) ≤ 0, except that the
   * product of two tiny differences may round to 0 for a v just outside; `fromWindow` then finds a
   * value outside [lo, hi] in the sorted window and gives the statistic up. (With hi − lo finite no
   * difference overflows for v inside; NaN fails every test.) The values above the last window make
   * the total: one short means NaN.
   */
  private fastPass(col: Float64Array, off: number, l0: number, h0: number, l1: number, h1: number, l2: number, h2: number): number {
    const n = this.n;
    const w0 = this.windows[0]!;
    const w1 = this.windows[1]!;
    const w2 = this.windows[2]!;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let d2 = 0;
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    for (let i = 0; i < n; i++) {
      const v = col[off + i]!;
      // counts as arithmetic, not branches: a branch mispredicts on every value near a threshold (the
      // median's test is a coin toss), which cost more than the add (7% of the band's quantile time)
      b0 += +(v < l0);
      b1 += +(v < l1);
      b2 += +(v < l2);
      d2 += +(v > h2);
      if ((v - l0) * (v - h0) <= 0) w0[c0++] = i;
      if ((v - l1) * (v - h1) <= 0) w1[c1++] = i;
      if ((v - l2) * (v - h2) <= 0) w2[c2++] = i;
    }
    if (b2 + c2 + d2 !== n) return 8;
    return this.check(b0, b0 + c0, c0, b1, b1 + c1, c1, b2, b2 + c2, c2);
  }

  /** Records the pass's counts and cuts; the bit mask of statistics whose window misses ranks k, k + 1. */
  private check(b0: number, a0: number, c0: number, b1: number, a1: number, c1: number, b2: number, a2: number, c2: number): number {
    const n = this.n;
    const thr = this.thr;
    const cv = this.cutValue;
    const cc = this.cutCount;
    const cl = this.cutLe;
    for (let g = 0; g < 6; g++) {
      cv[g] = thr[g]!;
      cl[g] = g & 1;
    }
    cc[0] = b0;
    cc[1] = a0;
    cc[2] = b1;
    cc[3] = a1;
    cc[4] = b2;
    cc[5] = a2;
    this.nCuts = 6;
    const counts = this.counts;
    const below = this.below;
    const upTo = this.upTo;
    counts[0] = c0;
    counts[1] = c1;
    counts[2] = c2;
    below[0] = b0;
    below[1] = b1;
    below[2] = b2;
    upTo[0] = a0;
    upTo[1] = a1;
    upTo[2] = a2;
    let missed = 0;
    for (let j = 0; j < 3; j++) {
      const k = this.ks[j]!;
      // the window holds ranks below … upTo − 1, all of them (not cut at the cap), k and k + 1 among them
      if (below[j]! > k || upTo[j]! < Math.min(k + 2, n) || counts[j] !== upTo[j]! - below[j]! || counts[j]! > WINDOW_MAX) {
        missed |= 1 << j;
      }
    }
    return missed;
  }

  /**
   * The threshold of group g in this column: for a group below a statistic the second smallest of
   * its runs' values, above it the second largest (one run that jumped away does not move it, and
   * the spread of the group widens the window rather than missing the statistic).
   */
  private threshold(g: number, col: Float64Array, off: number): number {
    const size = this.groupSize[g]!;
    const runs = this.groups;
    const at = g * G;
    if (size === 1) return col[off + runs[at]!]!;
    let m1 = col[off + runs[at]!]!;
    let m2 = col[off + runs[at + 1]!]!;
    if ((g & 1) === 0) {
      // the two smallest
      if (m2 < m1) {
        const x = m1;
        m1 = m2;
        m2 = x;
      }
      for (let a = 2; a < size; a++) {
        const v = col[off + runs[at + a]!]!;
        if (v < m2) {
          if (v < m1) {
            m2 = m1;
            m1 = v;
          } else m2 = v;
        }
      }
    } else {
      if (m2 > m1) {
        const x = m1;
        m1 = m2;
        m2 = x;
      }
      for (let a = 2; a < size; a++) {
        const v = col[off + runs[at + a]!]!;
        if (v > m2) {
          if (v > m1) {
            m2 = m1;
            m1 = v;
          } else m2 = v;
        }
      }
    }
    // NaN anywhere: NaN (the pass then sees the NaN in the column)
    return m1 !== m1 ? m1 : m2;
  }

  /**
   * Group g from the sorted window (this.wi, c runs): below statistic j the G runs from position
   * `edge` up, above it the G runs down to `edge`, clamped to the window (inside it).
   */
  private group(g: number, edge: number, c: number): void {
    const size = Math.min(G, c);
    let first = (g & 1) === 0 ? edge : edge - size + 1;
    if (first + size > c) first = c - size;
    if (first < 0) first = 0;
    const runs = this.groups;
    const at = g * G;
    for (let a = 0; a < size; a++) runs[at + a] = this.wi[first + a]!;
    this.groupSize[g] = size;
  }

  /** Statistic j from its window: sort the window, read ranks k and k + 1, pick the next column's runs. */
  private fromWindow(j: number, col: Float64Array, off: number): boolean {
    const n = this.n;
    const win = this.windows[j]!;
    const c = this.counts[j]!;
    const b = this.below[j]!;
    const k = this.ks[j]!;
    const wv = this.wv;
    const wi = this.wi;
    this.hits++;
    // the window in the previous column's order (its runs that are still in, then the newcomers in
    // run order): nearly sorted, so the insertion sort by value moves little
    const order = this.order;
    const mark = this.mark;
    const st = (this.stamp += 2);
    for (let a = 0; a < c; a++) mark[win[a]!] = st;
    const prev = this.prevWindow[j]!;
    const prevLen = this.prevLength[j]!;
    let m = 0;
    for (let a = 0; a < prevLen; a++) {
      const r = prev[a]!;
      if (mark[r] === st) {
        order[m++] = r;
        mark[r] = st + 1;
      }
    }
    for (let a = 0; a < c; a++) {
      const r = win[a]!;
      if (mark[r] === st) order[m++] = r;
    }
    for (let a = 0; a < c; a++) {
      const r = order[a]!;
      const v = col[off + r]!;
      let p = a - 1;
      while (p >= 0 && wv[p]! > v) {
        wv[p + 1] = wv[p]!;
        wi[p + 1] = wi[p]!;
        p--;
      }
      wv[p + 1] = v;
      wi[p + 1] = r;
    }
    for (let a = 0; a < c; a++) prev[a] = wi[a]!;
    this.prevLength[j] = c;
    if (wv[0]! < this.thr[2 * j]! || wv[c - 1]! > this.thr[2 * j + 1]!) return false;
    const constant = b === 0 && c === n && wv[0] === wv[c - 1];
    this.out[j] = constant ? wv[0]! : interpolate(wv[k - b]!, k + 1 < n ? wv[k + 1 - b]! : 0, this.pos[j]!, k, n);
    // next thresholds: the runs at ranks k − w and k + 1 + w, or the window's ends
    this.group(2 * j, k - this.w - b, c);
    this.group(2 * j + 1, k + 1 + this.w - b, c);
    return true;
  }
}

/** Type 7 between the order statistics x(k) = lo and x(k+1) = next, exactly as `quantiles` computes it. */
function interpolate(lo: number, next: number, pos: number, k: number, n: number): number {
  if (k + 1 >= n || pos === k) return lo;
  return lo + (next - lo) * (pos - k);
}

function minMaxEqual(x: Float64Array, size: number): boolean {
  const v = x[0]!;
  for (let i = 1; i < size; i++) if (x[i] !== v) return false;
  return true;
}

function hasNaN(col: Float64Array, off: number, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const v = col[off + i]!;
    if (v !== v) return true;
  }
  return false;
}

/** The first run whose value is v (a value of the column). */
function find(col: Float64Array, off: number, n: number, v: number): number {
  for (let i = 0; i < n; i++) if (col[off + i] === v) return i;
  return 0;
}
