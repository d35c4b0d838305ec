/**
 * Builds the validated `ModelInputs` (register, catalogue, presets, observations, versions) for the
 * loader shims, the CLI and the tests. Node only.
 */
import {readCsv, readOrigin} from "./read.js";
import {loadParameters, loadPresets} from "./params.js";
import {loadObservations} from "./observations.js";
import {loadMeasures} from "./measures.js";
import {FILES, newestQuarters, SPECS} from "./inflow.js";
import {compile} from "../src/model/params.js";
import {computeDataVintage, MODEL_VERSION} from "../src/model/version.js";
import type {QuarterValue} from "../src/model/baseline.js";
import type {ModelInputs, Observation} from "../src/model/types.js";

/** First year of the CBS quarters used as observations (calibration targets and backtest inputs). */
export const OBSERVED_FROM_YEAR = 2022;

/** CBS quarterly national totals (newest vintage) of first asylum requests and nareizigers. */
export function loadCbsQuarters(): {first: QuarterValue[]; nareis: QuarterValue[]} {
  const quarters = newestQuarters(readCsv(FILES.cbsQuarterly, SPECS.cbsQuarterly));
  const pick = (measure: string) => quarters.filter((q) => q.measure === measure).map((q) => ({period: q.period, value: q.count}));
  return {first: pick("eerste_asielverzoeken"), nareis: pick("nareizigers")};
}

/** The CBS quarters from OBSERVED_FROM_YEAR on as Observation rows. */
export function cbsObservations(): Observation[] {
  const origin = readOrigin(FILES.cbsQuarterly);
  const source = `${origin.producer}, ${origin.title}; ${origin.url}`;
  const {first, nareis} = loadCbsQuarters();
  const rows = (series: Observation["series"], list: QuarterValue[]) =>
    list
      .filter((q) => Number(q.period.slice(0, 4)) >= OBSERVED_FROM_YEAR)
      .map((q): Observation => ({series, date: q.period, value: q.value, kind: "flow_quarter", source, grade: "P"}));
  return [...rows("inflow_first", first), ...rows("inflow_nareis", nareis)];
}

/** Loads and cross-checks every model input. Throws a DataError (or Error) naming the problem. */
export async function loadModelInputs(): Promise<ModelInputs> {
  const parameters = loadParameters();
  const presets = loadPresets(parameters);
  const observations = [...cbsObservations(), ...loadObservations()];
  const measures = loadMeasures(new Set(parameters.map((p) => p.id)));
  const origins = ["parameters.json", "scenarios.json", "chain-observations.csv", "measures.json", FILES.cbsQuarterly];
  const dataVintage = computeDataVintage(origins.map((name) => readOrigin(name).retrieved));
  const inputs: ModelInputs = {parameters, measures, presets, observations, modelVersion: MODEL_VERSION, dataVintage};
  compile(inputs); // throws when the register lacks a parameter the model reads
  for (const preset of presets) {
    for (const m of preset.measures) {
      if (!measures.some((x) => x.id === m.id)) throw new Error(`scenarios.json: preset "${preset.id}" uses unknown measure "${m.id}"`);
    }
  }
  return inputs;
}
