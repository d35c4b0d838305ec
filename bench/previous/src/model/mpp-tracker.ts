/**
 * The MPP vintage tracker: every MPP edition's scenarios against the total inflow realised in the
 * years it forecast, beside the model's forecast from the same origin (the month before the edition's
 * publication, with only what was public then). Pure.
 */
import {MODEL_START} from "./constants.js";
import {monthIndex} from "./months.js";
import {run} from "./run.js";
import type {ModelInputs} from "./types.js";

export interface MppTrack {
  preset: string;
  edition: string;
  scenario: string;
  origin: string;
  year: number;
  mpp: number;
  /** Realised total inflow (observations of inflow_total), null when the year is not complete in this vintage. */
  realised: number | null;
  realisedSource: string | null;
  mppError: number | null;
  /** The model's total inflow for the year, from the edition's origin, under unchanged policy (backtest mode). */
  model: number;
  modelError: number | null;
}

/** Tracks every MPP preset (built from data/mpp_forecasts.csv by loaders/mpp-presets.ts). */
export function mppTracker(inputs: ModelInputs): MppTrack[] {
  const out: MppTrack[] = [];
  const start = monthIndex(MODEL_START);
  const modelCache = new Map<string, Float64Array>();
  for (const preset of inputs.presets) {
    const dated = preset.dated?.inflow_mpp_total_per_year;
    if (!dated || !preset.origin) continue;
    const m = /^mpp-(.+)-(min|medio|max)$/.exec(preset.id);
    const edition = m ? m[1]!.toUpperCase() : preset.id;
    const scenario = m ? ({min: "minimum", medio: "medio", max: "maximum"} as const)[m[2] as "min" | "medio" | "max"] : "";
    let total = modelCache.get(preset.origin);
    if (!total) {
      total = run({preset: "ongewijzigd", overrides: {}, measures: [], origin: preset.origin, backtest: true}, inputs).series.inflow_total;
      modelCache.set(preset.origin, total);
    }
    for (const step of dated) {
      const year = Number(step.from.slice(0, 4));
      const t0 = year * 12 - start;
      let model = 0;
      for (let t = t0; t < t0 + 12 && t < total.length; t++) model += total[t]!;
      const obs = inputs.observations.filter((o) => o.series === "inflow_total" && o.kind === "flow_year" && o.date === String(year));
      const realisedObs = obs[0] ?? null;
      const realised = realisedObs ? realisedObs.value : null;
      out.push({
        preset: preset.id,
        edition: edition.replace(/^(\d{4})-/, "$1-"),
        scenario,
        origin: preset.origin,
        year,
        mpp: step.value,
        realised,
        realisedSource: realisedObs ? realisedObs.source : null,
        mppError: realised ? (step.value - realised) / realised : null,
        model,
        modelError: realised ? (model - realised) / realised : null
      });
    }
  }
  return out.sort((a, b) => a.origin.localeCompare(b.origin) || a.year - b.year || a.scenario.localeCompare(b.scenario));
}
