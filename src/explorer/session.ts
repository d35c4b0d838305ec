/**
 * The explorer's state and computation, shared by every scenario page:
 *  - reads the scenario from the URL (clamping or dropping bad values, with notices),
 *  - runs the baseline (the chosen preset alone), the changed baseline (assumptions changed, no
 *    measures) and the user's scenario, plus a seeded P10–P90 band for the series a page shows,
 *  - writes the scenario back into the URL so a link reproduces the view.
 * `computePending` + `requestBand` give the point runs first and the band when it is ready
 * (band-client.ts: in a Web Worker); `compute` gives everything at once.
 */
import {band} from "../model/band.js";
import {createBandClient, type BandClient} from "./band-client.js";
import {run} from "../model/run.js";
import {decodeScenarioFromSearch, encodeScenarioToSearch} from "../model/scenario.js";
import type {BandOutput, ModelInputs, RunOutput, Scenario, SeriesId} from "../model/types.js";
import {changedBaseline, isModified, presetOnly} from "../model/scenario-diff.js";
import {installLinkPropagation, replaceSearchSoon} from "./links.js";

export {annualSum, valueAt} from "../model/timeline.js";

import {BAND_RUNS, BAND_SEED} from "./precomputed-band.js";

export {BAND_RUNS, BAND_SEED};

export interface Results {
  baseline: RunOutput;
  changed: RunOutput | null;
  scenario: RunOutput;
  band: BandOutput;
  /** True while the band is being computed (its values are NaN until then: charts draw no band). */
  bandPending: boolean;
  /** True when the user's scenario differs from the preset alone. */
  modified: boolean;
  /** Milliseconds spent computing (runs + band). */
  elapsed: number;
}

/** Reads the scenario from a URL search string. Never throws; bad parts become notices. */
export function readScenario(search: string, inputs: ModelInputs): {scenario: Scenario; notices: string[]} {
  try {
    return decodeScenarioFromSearch(search, inputs);
  } catch (error) {
    return {scenario: {preset: "ongewijzigd", overrides: {}, measures: []}, notices: [`De link kon niet worden gelezen (${(error as Error).message}); de basis wordt getoond.`]};
  }
}

const baselineCache = new Map<string, RunOutput>();

/** The point runs a page shows: baseline (cached per preset), changed baseline and scenario. */
function pointRuns(inputs: ModelInputs, scenario: Scenario): Pick<Results, "baseline" | "changed" | "scenario" | "modified"> {
  const base = presetOnly(scenario);
  const key = JSON.stringify(base);
  let baseline = baselineCache.get(key);
  if (!baseline) baselineCache.set(key, (baseline = run(base, inputs)));
  const modified = isModified(scenario);
  const changedScenario = changedBaseline(scenario, inputs);
  const changed = changedScenario ? run(changedScenario, inputs) : null;
  const result = modified ? run(scenario, inputs) : baseline;
  return {baseline, changed, scenario: result, modified};
}

/** Runs everything a page shows. `series` limits the band to the series on the page. */
export function compute(inputs: ModelInputs, scenario: Scenario, series: readonly SeriesId[]): Results {
  const t0 = performance.now();
  const runs = pointRuns(inputs, scenario);
  const bandOutput = band(scenario, inputs, BAND_RUNS, BAND_SEED, {series});
  const elapsed = performance.now() - t0;
  // A User Timing entry, read by bench/ui.bench.ts to split model time from rendering time.
  performance.measure?.("asielketen:compute", {start: t0, duration: elapsed});
  return {...runs, band: bandOutput, bandPending: false, elapsed};
}

/** A band of NaN values (no band drawn) for the series while the real one is computed. */
export function pendingBand(series: readonly SeriesId[], months: number): BandOutput {
  const empty = () => Object.fromEntries(series.map((id) => [id, new Float64Array(months).fill(NaN)])) as Record<SeriesId, Float64Array>;
  return {p10: empty(), p50: empty(), p90: empty(), n: BAND_RUNS, seed: BAND_SEED};
}

/** Point runs now, band pending: what a page shows at once after a slider move. */
export function computePending(inputs: ModelInputs, scenario: Scenario, series: readonly SeriesId[]): Results {
  const t0 = performance.now();
  const runs = pointRuns(inputs, scenario);
  const elapsed = performance.now() - t0;
  performance.measure?.("asielketen:compute", {start: t0, duration: elapsed});
  return {...runs, band: pendingBand(series, runs.scenario.months), bandPending: true, elapsed};
}

/** The same results with their band. */
export function withBand(results: Results, bandOutput: BandOutput): Results {
  return {...results, band: bandOutput, bandPending: false};
}

const clients = new WeakMap<ModelInputs, BandClient>();

/**
 * The band of `scenario` (BAND_RUNS runs, BAND_SEED) for `series`, computed in a Web Worker where one
 * starts; null when a newer request superseded this one (band-client.ts).
 */
export function requestBand(inputs: ModelInputs, scenario: Scenario, series: readonly SeriesId[]): Promise<BandOutput | null> {
  let client = clients.get(inputs);
  if (!client) clients.set(inputs, (client = createBandClient(inputs)));
  return client.request(scenario, series, BAND_RUNS, BAND_SEED);
}

/** The search string that reproduces `scenario`. */
export function searchFor(scenario: Scenario, inputs: ModelInputs): string {
  return encodeScenarioToSearch(scenario, inputs);
}

/**
 * Replaces the page URL's search with the scenario (no navigation, no history entry), and the page's
 * links with it, once the input rests (links.ts replaceSearchSoon): a click writes it at once and
 * rewrites its link, so a link followed right after a move still carries the new scenario.
 */
export function writeUrl(scenario: Scenario, inputs: ModelInputs): void {
  replaceSearchSoon(searchFor(scenario, inputs));
  installLinkPropagation();
}

