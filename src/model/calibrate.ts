/**
 * Model vs observed: maps each observation onto the model's monthly output (stocks at month end,
 * flows summed over the quarter or year, means over the year) and reports the error. Also builds
 * backtest scenarios that start from an observed state at a date and run with observed inputs.
 * Pure; used by loaders/calibration.ts, the CLI and the tests.
 */
import {monthIndex, monthString} from "./months.js";
import type {ModelInputs, Observation, RunOutput, Scenario, SeriesId} from "./types.js";

export interface ComparisonRow {
  series: SeriesId;
  date: string;
  kind: Observation["kind"];
  observed: number;
  model: number;
  /** model - observed. */
  error: number;
  /** (model - observed) / observed, as a fraction. */
  relativeError: number;
  source: string;
  grade: string;
  note?: string;
}

/**
 * Month offsets (inclusive range) an observation covers in a run starting at `startIndex`, or null
 * when it falls outside. A stock read on day ≤ 15 is compared with the previous month's end.
 */
export function observationWindow(o: Observation, startIndex: number, months: number): [number, number] | null {
  let from: number;
  let to: number;
  switch (o.kind) {
    case "stock": {
      const [y, m, d] = o.date.split("-").map(Number);
      const end = y * 12 + m - 1 - (d <= 15 ? 1 : 0);
      from = to = end;
      break;
    }
    case "flow_month":
      from = to = monthIndex(o.date);
      break;
    case "flow_quarter": {
      const y = Number(o.date.slice(0, 4));
      const q = Number(o.date.slice(6));
      from = y * 12 + (q - 1) * 3;
      to = from + 2;
      break;
    }
    case "flow_year":
    case "mean_year": {
      const y = Number(o.date);
      from = y * 12;
      to = from + 11;
      break;
    }
  }
  const a = from - startIndex;
  const b = to - startIndex;
  if (a < 0 || b >= months) return null;
  return [a, b];
}

/** The model's value for one observation, or null when the run does not cover it. */
export function modelValue(o: Observation, out: RunOutput): number | null {
  const w = observationWindow(o, monthIndex(out.start), out.months);
  if (!w) return null;
  const x = out.series[o.series];
  if (o.kind === "stock" || o.kind === "flow_month") return x[w[0]];
  let s = 0;
  for (let t = w[0]; t <= w[1]; t++) s += x[t];
  return o.kind === "mean_year" ? s / (w[1] - w[0] + 1) : s;
}

/** Compares a run with every observation it covers (optionally only those dated in [from, to] years). */
export function compareWithObservations(out: RunOutput, observations: readonly Observation[], years?: [number, number]): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const o of observations) {
    const year = Number(o.date.slice(0, 4));
    if (years && (year < years[0] || year > years[1])) continue;
    const model = modelValue(o, out);
    if (model == null) continue;
    const error = model - o.value;
    const row: ComparisonRow = {
      series: o.series,
      date: o.date,
      kind: o.kind,
      observed: o.value,
      model,
      error,
      relativeError: o.value !== 0 ? error / o.value : 0,
      source: o.source,
      grade: o.grade
    };
    if (o.note) row.note = o.note;
    rows.push(row);
  }
  return rows;
}

/** Mean absolute relative error per series. */
export function errorBySeries(rows: readonly ComparisonRow[]): {series: SeriesId; n: number; meanAbsRelativeError: number}[] {
  const acc = new Map<SeriesId, {n: number; s: number}>();
  for (const r of rows) {
    const a = acc.get(r.series) ?? {n: 0, s: 0};
    a.n++;
    a.s += Math.abs(r.relativeError);
    acc.set(r.series, a);
  }
  return [...acc].map(([series, a]) => ({series, n: a.n, meanAbsRelativeError: a.s / a.n}));
}

/** A stock observation at (or up to `maxAgeMonths` before) the first day of month `start`. */
export function stockAt(observations: readonly Observation[], series: SeriesId, start: string, maxAgeMonths = 4): Observation | null {
  const target = monthIndex(start);
  let best: Observation | null = null;
  let bestAge = Infinity;
  for (const o of observations) {
    if (o.series !== series || o.kind !== "stock") continue;
    const [y, m, d] = o.date.split("-").map(Number);
    // a reading on day d of month m stands for the state at the end of month m (d > 15) or m - 1
    const stateMonth = y * 12 + m - 1 - (d <= 15 ? 1 : 0);
    const age = target - 1 - stateMonth;
    if (age >= 0 && age <= maxAgeMonths && age < bestAge) {
      best = o;
      bestAge = age;
    }
  }
  return best;
}

export interface BacktestPlan {
  scenario: Scenario;
  /** Which start-state values came from observations (series, date, value, parameter). */
  startState: {parameter: string; series: SeriesId; date: string; value: number}[];
  /** Which inputs were observed, and for how many months. */
  observedInputs: {series: string; months: number}[];
}

/**
 * Builds a backtest scenario: start at `start`, start stocks from the nearest observed readings
 * (at most four months old), observed monthly first applications and nareis arrivals (quarterly
 * CBS values spread evenly over the quarter's months) for as long as they exist, defaults otherwise.
 */
export function planBacktest(inputs: ModelInputs, start: string, end: string): BacktestPlan {
  const obs = inputs.observations;
  const overrides: Record<string, number> = {};
  const startState: BacktestPlan["startState"] = [];
  const take = (series: SeriesId, parameter: string) => {
    const o = stockAt(obs, series, start);
    if (o) {
      overrides[parameter] = o.value;
      startState.push({parameter, series, date: o.date, value: o.value});
    }
    return o;
  };
  const backlog = take("backlog_total", "init_backlog");
  const track3 = stockAt(obs, "backlog_track3", start);
  if (backlog && track3) {
    overrides.init_backlog_track3_share = track3.value / backlog.value;
    startState.push({parameter: "init_backlog_track3_share", series: "backlog_track3", date: track3.date, value: track3.value});
  }
  take("nareis_backlog", "init_nareis_backlog");
  take("coa_total", "init_coa_total");
  take("coa_permit_waiting", "init_permit_waiting");
  const s = monthIndex(start);
  const M = monthIndex(end) - s + 1;
  const observed: Record<string, number[]> = {};
  const observedInputs: BacktestPlan["observedInputs"] = [];
  for (const series of ["inflow_first", "inflow_nareis"] as const) {
    const byQuarter = new Map<number, number>();
    for (const o of obs) if (o.series === series && o.kind === "flow_quarter") byQuarter.set(Number(o.date.slice(0, 4)) * 4 + Number(o.date.slice(6)) - 1, o.value);
    const values: number[] = [];
    for (let t = 0; t < M; t++) {
      const m = s + t;
      const q = Math.floor(m / 3);
      const v = byQuarter.get(q);
      if (v == null) break;
      values.push(v / 3);
    }
    if (values.length > 0) {
      observed[series] = values;
      observedInputs.push({series, months: values.length});
    }
  }
  return {scenario: {preset: "ongewijzigd", overrides, measures: [], observed, start, end}, startState, observedInputs};
}

/** "YYYY-MM" of month offset t of a run. */
export function runMonth(out: RunOutput, t: number): string {
  return monthString(monthIndex(out.start) + t);
}

/** Sum of months [t0, t0 + 12) of a series. */
function sum12(x: Float64Array, t0: number): number {
  let s = 0;
  for (let t = t0; t < t0 + 12 && t < x.length; t++) s += x[t];
  return s;
}

/**
 * Solves `mpp_first_share` for an MPP preset so that the modelled 2023 inflow in the MPP definition
 * (first + repeat + resettlement + nareis, series `inflow_total`) equals the preset's
 * `inflow_mpp_2023_total`. Fixed-point iteration: share = (target − (total − first)) / target; the
 * model's own nareis in 2023 depends only weakly on the 2023 first applications (nareis lags grants
 * by more than a year), so a few steps converge. Pure; the result is stored in data/scenarios.json.
 */
export function solveMppFirstShare(
  inputs: ModelInputs,
  presetId: string,
  runScenario: (scenario: Scenario) => RunOutput,
  iterations = 8
): {share: number; target: number; modelTotal2023: number} {
  const preset = inputs.presets.find((p) => p.id === presetId);
  if (!preset) throw new Error(`solveMppFirstShare: unknown preset "${presetId}"`);
  const target = preset.overrides.inflow_mpp_2023_total;
  if (!(target > 0)) throw new Error(`solveMppFirstShare: preset "${presetId}" has no inflow_mpp_2023_total`);
  const t0 = 2023 * 12 - monthIndex("2022-01");
  let share = preset.overrides.mpp_first_share ?? 0.74;
  let total = NaN;
  for (let i = 0; i < iterations; i++) {
    const s = runScenario({preset: presetId, overrides: {mpp_first_share: share}, measures: []}).series;
    total = sum12(s.inflow_total, t0);
    const rest = total - sum12(s.inflow_first, t0);
    share = (target - rest) / target;
  }
  const s = runScenario({preset: presetId, overrides: {mpp_first_share: share}, measures: []}).series;
  total = sum12(s.inflow_total, t0);
  return {share, target, modelTotal2023: total};
}
