/**
 * The key outcomes on which measures are compared (effect per measure, Shapley decomposition,
 * sensitivity ranking). Defined once, here; every page and test reads them from this module.
 *
 * - peak COA occupancy after the forecast origin (the past cannot change, so the peak is searched in
 *   the projected months only), month-end stock;
 * - COA occupancy on 1 January 2027 (stock at the end of December 2026);
 * - nareis arrivals in 2026 (calendar-year sum);
 * - IND first-instance backlog on 1 January 2027;
 * - reception cost in 2026 (calendar-year sum, euro).
 *
 * `outcomesOf` works on a RunOutput; `outcomesFromBuffer` on the raw series-major buffer of
 * `runInto` (no allocation), for the many runs of a decomposition.
 */
import {monthIndex} from "./months.js";
import {SERIES_IDS, type RunOutput, type SeriesId} from "./types.js";

export const OUTCOME_IDS = ["coa_peak", "coa_2027", "nareis_2026", "backlog_2027", "cost_2026"] as const;
export type OutcomeId = (typeof OUTCOME_IDS)[number];

export interface OutcomeDefinition {
  /** Dutch label with its date. */
  name: string;
  /** Short Dutch label (tables, waterfall axis). */
  short: string;
  unit: "personen" | "zaken" | "euro";
  series: SeriesId;
  /** "peak": highest month after the origin; "stock": value in `month`; "flow": sum over `year`. */
  measure: "peak" | "stock" | "flow";
  month?: string;
  year?: number;
}

export const OUTCOMES: Readonly<Record<OutcomeId, OutcomeDefinition>> = {
  coa_peak: {name: "hoogste bezetting COA-opvang na het startpunt (maandeinde)", short: "piek COA-bezetting", unit: "personen", series: "coa_total", measure: "peak"},
  coa_2027: {name: "bezetting COA-opvang op 1 januari 2027", short: "COA 1-1-2027", unit: "personen", series: "coa_total", measure: "stock", month: "2026-12"},
  nareis_2026: {name: "aankomende nareizigers in 2026", short: "nareis 2026", unit: "personen", series: "nareis_arrivals", measure: "flow", year: 2026},
  backlog_2027: {name: "IND-voorraad asiel eerste aanleg op 1 januari 2027", short: "IND-voorraad 1-1-2027", unit: "zaken", series: "backlog_total", measure: "stock", month: "2026-12"},
  cost_2026: {name: "kosten van de opvang in 2026", short: "opvangkosten 2026", unit: "euro", series: "cost_eur", measure: "flow", year: 2026}
};

export type Outcomes = Record<OutcomeId, number>;

const SI = Object.fromEntries(SERIES_IDS.map((id, i) => [id, i])) as Record<SeriesId, number>;

/**
 * Outcomes from one series read by `at(series, offset)` over months `startIndex … startIndex + months − 1`
 * (absolute month numbers); `originIndex` is the absolute month of the forecast origin. A date outside
 * the run gives NaN, which callers report as "n.v.t.", never as a number.
 */
function compute(at: (series: SeriesId, i: number) => number, startIndex: number, months: number, originIndex: number): Outcomes {
  const out = {} as Outcomes;
  for (const id of OUTCOME_IDS) {
    const d = OUTCOMES[id];
    if (d.measure === "peak") {
      let best = NaN;
      for (let i = Math.max(0, originIndex + 1 - startIndex); i < months; i++) {
        const x = at(d.series, i);
        if (!(x <= best)) best = x;
      }
      out[id] = best;
    } else if (d.measure === "stock") {
      const i = monthIndex(d.month!) - startIndex;
      out[id] = i >= 0 && i < months ? at(d.series, i) : NaN;
    } else {
      const i0 = monthIndex(`${d.year}-01`) - startIndex;
      if (i0 < 0 || i0 + 12 > months) out[id] = NaN;
      else {
        let s = 0;
        for (let i = i0; i < i0 + 12; i++) s += at(d.series, i);
        out[id] = s;
      }
    }
  }
  return out;
}

/** The key outcomes of a run. */
export function outcomesOf(run: RunOutput): Outcomes {
  return compute((s, i) => run.series[s][i]!, monthIndex(run.start), run.months, monthIndex(run.origin));
}

/** The key outcomes from a `runInto` buffer (`out[series * months + t]`, t = 0 at `startIndex`). */
export function outcomesFromBuffer(out: Float64Array, months: number, startIndex: number, originIndex: number): Outcomes {
  return compute((s, i) => out[SI[s] * months + i]!, startIndex, months, originIndex);
}

/** Outcome-wise difference a − b. */
export function outcomeDelta(a: Outcomes, b: Outcomes): Outcomes {
  const out = {} as Outcomes;
  for (const id of OUTCOME_IDS) out[id] = a[id] - b[id];
  return out;
}
