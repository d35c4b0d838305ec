/**
 * Writes test/fixtures/golden-outputs.json (`npm run golden`): the outputs of the model for a fixed
 * set of scenarios (every series, every month) and a seeded 50-run band (P10/P50/P90 of every
 * series), so that test/unit/golden.test.ts can check that speed work changes no number.
 *
 * The fixture holds the scenarios themselves, so the test reruns exactly what was recorded. The
 * scenarios are chosen from the catalogue and the presets at generation time (measures with effects,
 * baseline measures, one preset per MPP edition), so the script keeps working when those change:
 * regenerate the fixture whenever the model's numbers are meant to change (data, parameters,
 * equations), never to make a speed change pass.
 */
import {mkdirSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {loadModelInputs} from "../loaders/model-inputs.js";
import {band} from "../src/model/band.js";
import {run} from "../src/model/run.js";
import {addMonths} from "../src/model/months.js";
import {defaultOrigin} from "../src/model/origin.js";
import type {ModelInputs, Scenario} from "../src/model/types.js";

export const GOLDEN_FILE = join(import.meta.dirname, "..", "test", "fixtures", "golden-outputs.json");
/** Significant digits kept (the test compares to 1e-9 relative). */
const DIGITS = 14;

export interface GoldenCase {
  name: string;
  scenario: Scenario;
  /** A band instead of a single run. */
  band?: {n: number; seed: number};
  /** series id → values per month (single run) or {p10, p50, p90} (band). */
  series: Record<string, number[] | {p10: number[]; p50: number[]; p90: number[]}>;
}

/** The scenarios of the fixture. */
export function goldenScenarios(inputs: ModelInputs): {name: string; scenario: Scenario; band?: {n: number; seed: number}}[] {
  const after = addMonths(defaultOrigin(inputs), 1);
  const effective = inputs.measures.filter((m) => m.effects && m.effects.length > 0 && !m.inBaseline);
  const baseline = inputs.measures.filter((m) => m.inBaseline && m.effects && m.effects.length > 0);
  const none = (preset: string): Scenario => ({preset, overrides: {}, measures: []});
  const out: {name: string; scenario: Scenario; band?: {n: number; seed: number}}[] = [{name: "baseline", scenario: none("ongewijzigd")}];
  // one preset per MPP edition (family), the first of each
  const editions = new Map<string, string>();
  for (const p of inputs.presets) {
    const m = /^(mpp-\d{4}-[iv]+)-/.exec(p.id);
    if (m && !editions.has(m[1]!)) editions.set(m[1]!, p.id);
  }
  for (const id of editions.values()) out.push({name: `preset ${id}`, scenario: none(id)});
  const mpp = [...editions.values()][0] ?? "ongewijzigd";
  out.push({
    name: "overrides from the month after the origin",
    scenario: {preset: "ongewijzigd", overrides: {grant_rate_mid: 0.45, housing_realisation: 0.8, capacity_emergency: 20000, ind_decisions_per_month: 4000}, measures: [], overridesFrom: after}
  });
  out.push({name: "overrides on an MPP preset, all months", scenario: {preset: mpp, overrides: {nareis_request_share: 0.6, legal_term_months: 9, inflow_growth_after_mpp: -0.05}, measures: []}});
  out.push({
    name: "measures with ramps, ends and strengths",
    scenario: {
      preset: "ongewijzigd",
      overrides: {housing_realisation: 0.9},
      overridesFrom: after,
      measures: effective.slice(0, 4).map((m, i) => ({
        id: m.id,
        start: addMonths(after, i * 3),
        strength: [1, 0.5, 1.5, 2][i]!,
        rampMonths: [6, 0, 12, 3][i]!,
        ...(i % 2 === 1 ? {end: addMonths(after, 30 + i)} : {})
      }))
    }
  });
  out.push({name: "catalogue defaults of every measure with effects", scenario: {preset: mpp, overrides: {}, measures: effective.map((m) => ({id: m.id, start: m.defaultStart ?? after, strength: 1}))}});
  if (baseline.length > 0) {
    out.push({name: "a baseline measure switched off", scenario: {preset: "ongewijzigd", overrides: {}, measures: [], off: [baseline[0]!.id]}});
    out.push({name: "every baseline measure switched off, overrides from the origin", scenario: {preset: "ongewijzigd", overrides: {grant_rate_high: 0.9}, measures: [], off: baseline.map((m) => m.id), overridesFrom: after}});
  }
  out.push({name: "backtest from an earlier origin", scenario: {...none("ongewijzigd"), origin: addMonths(defaultOrigin(inputs), -12), backtest: true}});
  out.push({name: "free run", scenario: {...none("ongewijzigd"), freeRun: true}});
  out.push({name: "user-supplied inputs, output window", scenario: {...none("ongewijzigd"), start: after, end: addMonths(after, 47), observed: {inflow_first: [3000, 2500, 2000, 4000], decisions: [2500, 2500]}}});
  out.push({name: "band of 50 runs", scenario: {preset: mpp, overrides: {grant_rate_mid: 0.45}, measures: effective.slice(0, 2).map((m) => ({id: m.id, start: after, strength: 1})), overridesFrom: after}, band: {n: 50, seed: 12345}});
  out.push({name: "band of 50 runs, baseline with a measure off", scenario: {...none("ongewijzigd"), off: baseline.slice(0, 1).map((m) => m.id)}, band: {n: 50, seed: 7}});
  return out;
}

const round = (x: number): number => (Number.isFinite(x) ? Number(x.toPrecision(DIGITS)) : x);

/** Runs one case with the current model (used by the script and by the test). */
export function goldenOutputs(c: {scenario: Scenario; band?: {n: number; seed: number}}, inputs: ModelInputs): GoldenCase["series"] {
  const series: GoldenCase["series"] = {};
  if (c.band) {
    const b = band(c.scenario, inputs, c.band.n, c.band.seed);
    for (const id of Object.keys(b.p10) as (keyof typeof b.p10)[]) series[id] = {p10: Array.from(b.p10[id], round), p50: Array.from(b.p50[id], round), p90: Array.from(b.p90[id], round)};
  } else {
    const r = run(c.scenario, inputs);
    for (const id of Object.keys(r.series) as (keyof typeof r.series)[]) series[id] = Array.from(r.series[id], round);
  }
  return series;
}

async function main(): Promise<void> {
  const inputs = await loadModelInputs();
  const cases: GoldenCase[] = goldenScenarios(inputs).map((c) => ({...c, series: goldenOutputs(c, inputs)}));
  mkdirSync(dirname(GOLDEN_FILE), {recursive: true});
  writeFileSync(GOLDEN_FILE, JSON.stringify({modelVersion: inputs.modelVersion, dataVintage: inputs.dataVintage, digits: DIGITS, cases}) + "\n");
  console.log(`wrote ${GOLDEN_FILE}: ${cases.length} cases`);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main();
