/**
 * The forecast scoreboard: for several origins, run the model with only what was public at each
 * origin (observations published by its information date, dated parameter steps held at their value
 * at the origin, baseline measures that started later left out), forecast 3, 6 and 12 months ahead,
 * and compare with what was realised: the error and whether the realised value fell inside the
 * P10–P90 band. Pure and deterministic (seeded).
 */
import {drawSample} from "./band.js";
import {MODEL_START} from "./constants.js";
import {addMonths, monthIndex} from "./months.js";
import {defaultOrigin, originState, type OriginState} from "./origin.js";
import {compile} from "./params.js";
import {prepare} from "./prepare.js";
import {mulberry32} from "./rng.js";
import {createBuffers, run, runInto} from "./run.js";
import {SERIES_IDS, type ModelInputs, type Scenario, type SeriesId} from "./types.js";

/** Origins scored (the four: 2023-04, 2024-01, 2024-10, 2025-04, plus the quarters between). */
export const BACKTEST_ORIGINS = ["2023-04", "2023-07", "2023-10", "2024-01", "2024-04", "2024-07", "2024-10", "2025-01", "2025-04"] as const;
export const HORIZONS = [3, 6, 12] as const;
/** Flows are scored as three-month sums ending at the target month; stocks at a reading near it. */
export const SCORED_SERIES = ["inflow_first", "inflow_nareis", "coa_total", "coa_permit_waiting", "backlog_total"] as const satisfies readonly SeriesId[];
export type ScoredSeries = (typeof SCORED_SERIES)[number];
const FLOWS = new Set<ScoredSeries>(["inflow_first", "inflow_nareis"]);

export interface ScoreRow {
  origin: string;
  series: ScoredSeries;
  horizon: number;
  /** Month of the realised value (stocks: the reading's month; flows: the last of the three months). */
  month: string;
  realised: number;
  /** "observed", or "derived" when the realised value rests on a derived quarter (origin.ts rules). */
  realisedKind: "observed" | "derived";
  model: number;
  p10: number;
  p90: number;
  /** (model − realised) / realised. */
  error: number;
  inside: boolean;
}

export interface Fan {
  origin: string;
  series: ScoredSeries;
  /** Months origin+1 … origin+12 ("YYYY-MM"), and the monthly point forecast and band. */
  months: string[];
  point: number[];
  p10: number[];
  p90: number[];
}

export interface Scoreboard {
  origins: string[];
  horizons: number[];
  runs: number;
  seed: number;
  rows: ScoreRow[];
  fans: Fan[];
  coverage: {overall: number; n: number; bySeries: {series: ScoredSeries; coverage: number; n: number}[]; byHorizon: {horizon: number; coverage: number; n: number}[]};
  /** Mean absolute relative error per series and horizon. */
  errors: {series: ScoredSeries; horizon: number; meanAbsError: number; n: number}[];
  /** Plain statements of which inputs carry information from after an origin. */
  carriedInformation: string[];
  /** What was realised, for the charts: flows per month (a third of the quarter), stocks per reading. */
  observed: {series: ScoredSeries; month: string; value: number; kind: "observed" | "derived"}[];
}

function quantileSorted(sorted: Float64Array, p: number): number {
  const pos = p * (sorted.length - 1);
  const k = Math.floor(pos);
  const next = sorted[Math.min(k + 1, sorted.length - 1)]!;
  return sorted[k]! + (next - sorted[k]!) * (pos - k);
}

interface Target {
  series: ScoredSeries;
  horizon: number;
  month: string;
  /** Offsets (from MODEL_START) summed for the model value. */
  offsets: number[];
  realised: number;
  realisedKind: "observed" | "derived";
}

/** What was realised for a series at origin + horizon, from the full-information state; null if nothing. */
function realisedAt(full: OriginState, series: ScoredSeries, origin: string, horizon: number): Omit<Target, "series" | "horizon"> | null {
  const start = monthIndex(MODEL_START);
  const target = monthIndex(origin) + horizon - start;
  if (FLOWS.has(series)) {
    const monthly = series === "inflow_first" ? full.inflowFirst : full.inflowNareis;
    const offsets = [target - 2, target - 1, target];
    if (offsets.some((t) => t < 0 || t >= monthly.length || !(monthly[t]! === monthly[t]!))) return null;
    const quarters = full.quarters[series as "inflow_first" | "inflow_nareis"];
    const derived = offsets.some((t) => {
      const m = start + t;
      const period = `${Math.floor(m / 12)}-Q${Math.floor((m % 12) / 3) + 1}`;
      return quarters.find((q) => q.period === period)?.kind === "derived";
    });
    return {month: addMonths(MODEL_START, target), offsets, realised: offsets.reduce((s, t) => s + monthly[t]!, 0), realisedKind: derived ? "derived" : "observed"};
  }
  // stocks: the reading nearest to the target month, at most one month away
  let best: {value: number; t: number} | null = null;
  for (const r of full.readings) {
    if (r.series !== series) continue;
    const t = monthIndex(r.month) - start;
    if (Math.abs(t - target) > 1) continue;
    if (!best || Math.abs(t - target) < Math.abs(best.t - target)) best = {value: r.value, t};
  }
  if (!best) return null;
  return {month: addMonths(MODEL_START, best.t), offsets: [best.t], realised: best.value, realisedKind: "observed"};
}

/** Runs the scoreboard. `n` band runs per origin (seeded). */
export function backtest(inputs: ModelInputs, options: {origins?: readonly string[]; n?: number; seed?: number} = {}): Scoreboard {
  const origins = [...(options.origins ?? BACKTEST_ORIGINS)];
  const n = options.n ?? 200;
  const seed = options.seed ?? 20251103;
  const c = compile(inputs);
  const latest = defaultOrigin(inputs);
  const rows: ScoreRow[] = [];
  const fans: Fan[] = [];
  const start = monthIndex(MODEL_START);
  for (const origin of origins) {
    const scenario: Scenario = {preset: "ongewijzigd", overrides: {}, measures: [], origin, backtest: true};
    const prepared = prepare(scenario, inputs);
    const M = prepared.months;
    const full = originState(inputs, latest, M);
    const targets: Target[] = [];
    for (const series of SCORED_SERIES) {
      for (const horizon of HORIZONS) {
        const r = realisedAt(full, series, origin, horizon);
        if (r) targets.push({series, horizon, ...r});
      }
    }
    const point = run(scenario, inputs).series;
    const o0 = monthIndex(origin) - start;
    // band: every draw records each target's value and the fan months
    const buffers = createBuffers(M, c.parameters.length);
    const sample = new Float64Array(c.parameters.length);
    const rand = mulberry32(seed + monthIndex(origin));
    const draws = targets.map(() => new Float64Array(n));
    const fanDraws = SCORED_SERIES.map(() => Array.from({length: 12}, () => new Float64Array(n)));
    const index = SCORED_SERIES.map((id) => SERIES_IDS.indexOf(id));
    for (let i = 0; i < n; i++) {
      drawSample(inputs, rand, sample);
      runInto(scenario, inputs, buffers, sample, prepared);
      const out = buffers.out;
      targets.forEach((tg, k) => {
        const row = SERIES_IDS.indexOf(tg.series) * M;
        let v = 0;
        for (const t of tg.offsets) v += out[row + t]!;
        draws[k]![i] = v;
      });
      SCORED_SERIES.forEach((_, s) => {
        const row = index[s]! * M;
        for (let h = 1; h <= 12; h++) if (o0 + h < M) fanDraws[s]![h - 1]![i] = out[row + o0 + h]!;
      });
    }
    targets.forEach((tg, k) => {
      const sorted = draws[k]!.sort();
      const model = tg.offsets.reduce((s, t) => s + point[tg.series][t]!, 0);
      const p10 = quantileSorted(sorted, 0.1);
      const p90 = quantileSorted(sorted, 0.9);
      rows.push({
        origin,
        series: tg.series,
        horizon: tg.horizon,
        month: tg.month,
        realised: tg.realised,
        realisedKind: tg.realisedKind,
        model,
        p10,
        p90,
        error: (model - tg.realised) / tg.realised,
        inside: tg.realised >= p10 && tg.realised <= p90
      });
    });
    SCORED_SERIES.forEach((series, s) => {
      const months: string[] = [];
      const pt: number[] = [];
      const lo: number[] = [];
      const hi: number[] = [];
      for (let h = 1; h <= 12; h++) {
        if (o0 + h >= M) break;
        const sorted = fanDraws[s]![h - 1]!.sort();
        months.push(addMonths(origin, h));
        pt.push(point[series][o0 + h]!);
        lo.push(quantileSorted(sorted, 0.1));
        hi.push(quantileSorted(sorted, 0.9));
      }
      fans.push({origin, series, months, point: pt, p10: lo, p90: hi});
    });
  }
  const share = (list: ScoreRow[]) => (list.length ? list.filter((r) => r.inside).length / list.length : NaN);
  const coverage = {
    overall: share(rows),
    n: rows.length,
    bySeries: SCORED_SERIES.map((series) => {
      const list = rows.filter((r) => r.series === series);
      return {series, coverage: share(list), n: list.length};
    }),
    byHorizon: HORIZONS.map((horizon) => {
      const list = rows.filter((r) => r.horizon === horizon);
      return {horizon, coverage: share(list), n: list.length};
    })
  };
  const errors: Scoreboard["errors"] = [];
  for (const series of SCORED_SERIES) {
    for (const horizon of HORIZONS) {
      const list = rows.filter((r) => r.series === series && r.horizon === horizon);
      if (list.length) errors.push({series, horizon, meanAbsError: list.reduce((s, r) => s + Math.abs(r.error), 0) / list.length, n: list.length});
    }
  }
  const full = originState(inputs, latest, monthIndex("2030-12") - start + 1);
  const observed: Scoreboard["observed"] = [];
  for (const series of ["inflow_first", "inflow_nareis"] as const) {
    const monthly = series === "inflow_first" ? full.inflowFirst : full.inflowNareis;
    const derived = new Set(full.quarters[series].filter((q) => q.kind === "derived").map((q) => q.period));
    for (let t = 0; t <= full.originOffset; t++) {
      const v = monthly[t]!;
      if (!(v === v)) continue;
      const m = start + t;
      const period = `${Math.floor(m / 12)}-Q${Math.floor((m % 12) / 3) + 1}`;
      observed.push({series, month: addMonths(MODEL_START, t), value: v, kind: derived.has(period) ? "derived" : "observed"});
    }
  }
  for (const r of full.readings) {
    if ((SCORED_SERIES as readonly string[]).includes(r.series)) observed.push({series: r.series as ScoredSeries, month: r.month, value: r.value, kind: "observed"});
  }
  return {origins, horizons: [...HORIZONS], runs: n, seed, rows, fans, coverage, errors, carriedInformation: carriedInformation(inputs), observed};
}

/** Which inputs of a backtest carry information from after its origin (stated, not hidden). */
export function carriedInformation(inputs: ModelInputs): string[] {
  const dated = inputs.parameters.filter((p) => typeof p.value !== "number").map((p) => p.id);
  return [
    `Dated parameter steps after the origin are held at their value at the origin (${dated.length} dated parameters: ${dated.join(", ")}), except steps marked as announced before the origin's information date.`,
    "Measures in the baseline that started after the origin (the Syria decision pause, the 2025 country policy) are left out of the backtest.",
    "Scalar parameters (shares, delays, grant rates per group, nareis persons per sponsor, departure shares, costs) were calibrated on 2022–2023 and checked on 2024: for origins in 2023 they carry information from after the origin.",
    "The seasonal factors and the level of first applications are re-fitted at each origin on the quarters public then (a CBS quarter counts as public from the end of the month after it); the values are the newest revisions (revisions under 1%).",
    "Stock readings used to reset the model are only those public at the origin's information date (end of origin month + 2)."
  ];
}
