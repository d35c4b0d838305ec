/**
 * Model vs observed: maps each observation onto the model's monthly output (stocks at month end,
 * flows summed over the quarter or year, means over the year) and reports the error. Backtests from a
 * forecast origin live in backtest.ts. Pure; used by loaders/calibration.ts, the CLI and the tests.
 */
import {monthIndex, monthString} from "./months.js";
import type {Observation, RunOutput, SeriesId} from "./types.js";

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

/** "YYYY-MM" of month offset t of a run. */
export function runMonth(out: RunOutput, t: number): string {
  return monthString(monthIndex(out.start) + t);
}
