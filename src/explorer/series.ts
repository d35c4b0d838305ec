/**
 * Turns model results into what the charts take: the baseline / changed-baseline / scenario lines of
 * one series, its band, the observations of that series, and the rows behind a chart's CSV download.
 */
import type {ModelInputs, SeriesId} from "../model/types.js";
import {defaultOrigin} from "../model/origin.js";
import {addMonths} from "../model/months.js";
import type {ScenarioLine} from "../components/scenario-chart.js";
import {formatCount} from "../components/format.js";
import {BAND_RUNS, type Results} from "./session.js";

/**
 * The last month of the observed past: the default forecast origin (the end of the latest quarter of
 * observed first applications public by the data vintage; see src/model/origin.ts).
 */
export function lastObservedMonth(inputs: ModelInputs): string {
  return defaultOrigin(inputs);
}

/** The month from which slider changes apply: the month after the forecast origin. */
export function changesFrom(inputs: ModelInputs): string {
  return addMonths(defaultOrigin(inputs), 1);
}

/** Baseline, changed baseline (when assumptions changed) and scenario (when modified) lines of one series. */
export function lines(results: Results, id: SeriesId, suffix?: string): ScenarioLine[] {
  const tag = suffix ? ` — ${suffix}` : "";
  const out: ScenarioLine[] = [{role: "baseline", label: `basis${tag}`, values: results.baseline.series[id]}];
  if (results.changed) out.push({role: "changed", label: `gewijzigde basis (alleen aannames)${tag}`, values: results.changed.series[id]});
  if (results.modified) out.push({role: "scenario", label: `jouw scenario${tag}`, values: results.scenario.series[id]});
  return out;
}

/** The P10–P90 band of one series (recomputed for the current scenario). */
export function bandOf(results: Results, id: SeriesId): {p10: Float64Array; p90: Float64Array; label: string} {
  return {p10: results.band.p10[id], p90: results.band.p90[id], label: `P10–P90 (${formatCount(BAND_RUNS)} modelruns)`};
}

/** Observed stock readings of one series as dated points (flows are compared per year elsewhere). */
export function observedPoints(inputs: ModelInputs, id: SeriesId): {date: Date; value: number; label: string}[] {
  return inputs.observations
    .filter((o) => o.series === id && o.kind === "stock")
    .map((o) => ({date: new Date(`${o.date}T00:00:00Z`), value: o.value, label: o.source}));
}

/** Rows for a chart's CSV: one row per month with baseline, changed baseline, scenario and band. */
export function chartRows(results: Results, ids: SeriesId | SeriesId[]): Record<string, string | number>[] {
  const list = Array.isArray(ids) ? ids : [ids];
  const start = results.scenario.start;
  const y0 = Number(start.slice(0, 4));
  const m0 = Number(start.slice(5, 7)) - 1;
  return Array.from({length: results.scenario.months}, (_, i) => {
    const row: Record<string, string | number> = {maand: `${y0 + Math.floor((m0 + i) / 12)}-${String(((m0 + i) % 12) + 1).padStart(2, "0")}`};
    for (const id of list) {
      row[`${id}_basis`] = round(results.baseline.series[id][i]);
      if (results.changed) row[`${id}_gewijzigde_basis`] = round(results.changed.series[id][i]);
      row[`${id}_scenario`] = round(results.scenario.series[id][i]);
      if (results.band.p10[id]) {
        // while the band is computed its columns stay, empty
        row[`${id}_p10`] = results.bandPending ? "" : round(results.band.p10[id][i]);
        row[`${id}_p90`] = results.bandPending ? "" : round(results.band.p90[id][i]);
      }
    }
    return row;
  });
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
