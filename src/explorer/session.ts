/**
 * The explorer's state and computation, shared by every scenario page:
 *  - reads the scenario from the URL (clamping or dropping bad values, with notices),
 *  - runs the baseline (the chosen preset alone), the changed baseline (assumptions changed, no
 *    measures) and the user's scenario, plus a seeded P10–P90 band for the series a page shows,
 *  - writes the scenario back into the URL so a link reproduces the view.
 */
import {band} from "../model/band.js";
import {run} from "../model/run.js";
import {decodeScenarioFromSearch, encodeScenarioToSearch} from "../model/scenario.js";
import type {BandOutput, ModelInputs, RunOutput, Scenario, SeriesId} from "../model/types.js";
import {changedBaseline, isModified, presetOnly} from "../model/scenario-diff.js";
import {installLinkPropagation, propagateLinks} from "./links.js";

export {annualSum, valueAt} from "../model/timeline.js";

/** Number of Monte Carlo runs behind every band on the site, and its fixed seed. */
export const BAND_RUNS = 200;
export const BAND_SEED = 20230414;

export interface Results {
  baseline: RunOutput;
  changed: RunOutput | null;
  scenario: RunOutput;
  band: BandOutput;
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

/** Runs everything a page shows. `series` limits the band to the series on the page. */
export function compute(inputs: ModelInputs, scenario: Scenario, series: readonly SeriesId[]): Results {
  const t0 = performance.now();
  const base = presetOnly(scenario);
  const key = JSON.stringify(base);
  let baseline = baselineCache.get(key);
  if (!baseline) baselineCache.set(key, (baseline = run(base, inputs)));
  const modified = isModified(scenario);
  const changedScenario = changedBaseline(scenario, inputs);
  const changed = changedScenario ? run(changedScenario, inputs) : null;
  const result = modified ? run(scenario, inputs) : baseline;
  const bandOutput = band(scenario, inputs, BAND_RUNS, BAND_SEED, {series});
  const elapsed = performance.now() - t0;
  // A User Timing entry, read by bench/ui.bench.ts to split model time from rendering time.
  performance.measure?.("asielketen:compute", {start: t0, duration: elapsed});
  return {baseline, changed, scenario: result, band: bandOutput, modified, elapsed};
}

/** The search string that reproduces `scenario`. */
export function searchFor(scenario: Scenario, inputs: ModelInputs): string {
  return encodeScenarioToSearch(scenario, inputs);
}

/** Replaces the page URL's search with the scenario (no navigation, no history entry). */
export function writeUrl(scenario: Scenario, inputs: ModelInputs): void {
  const search = searchFor(scenario, inputs);
  if (search !== window.location.search) window.history.replaceState(null, "", window.location.pathname + search + window.location.hash);
  installLinkPropagation();
  propagateLinks();
}

