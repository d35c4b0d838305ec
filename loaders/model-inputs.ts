/**
 * Builds the validated `ModelInputs` (register, catalogue, presets, observations, versions) for the
 * loader shims, the CLI and the tests. Node only.
 */
import {createHash} from "node:crypto";
import {DataError, dataPath, parseJson, readCsv, readOrigin, readText} from "./read.js";
import {loadParameters, loadPresets} from "./params.js";
import {loadObservations} from "./observations.js";
import {loadMeasures} from "./measures.js";
import {FILES, newestQuarters, SPECS} from "./inflow.js";
import {chainObservations, loadChainRows} from "./chain-2025.js";
import {mppPresets} from "./mpp-presets.js";
import {compile} from "../src/model/params.js";
import {availableFrom} from "../src/model/origin.js";
import {MODEL_VERSION} from "../src/model/version.js";
import type {QuarterValue} from "../src/model/baseline.js";
import type {ModelInputs, Observation} from "../src/model/types.js";

/** First year of the CBS quarters used as observations (the seasonal fit uses all of them). */
export const OBSERVED_FROM_YEAR = 2013;

/** The release's data vintage ("YYYY-MM-DD") from data/release.json. */
export function loadDataVintage(): string {
  readOrigin("release.json");
  const file = dataPath("release.json");
  return parseRelease(readText(file), file);
}

/** Validates the text of data/release.json and returns its data vintage (exported for the corrupt-fixture test). */
export function parseRelease(text: string, file: string): string {
  const v = (parseJson(file, text) as {dataVintage?: unknown}).dataVintage;
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new DataError(file, null, "dataVintage", "must be a date like 2025-11-03");
  return v;
}

/** CBS quarterly national totals (newest vintage) of first asylum requests and nareizigers. */
export function loadCbsQuarters(): {first: QuarterValue[]; nareis: QuarterValue[]} {
  const quarters = newestQuarters(readCsv(FILES.cbsQuarterly, SPECS.cbsQuarterly));
  const pick = (measure: string) => quarters.filter((q) => q.measure === measure).map((q) => ({period: q.period, value: q.count}));
  return {first: pick("eerste_asielverzoeken"), nareis: pick("nareizigers")};
}

/**
 * The CBS quarters from OBSERVED_FROM_YEAR on as Observation rows: the newest vintage's value (revisions
 * between releases are under 1%). CBS publishes each quarter about five weeks after it ends (Q3 2024 on
 * 30 Oct 2024); the releases in data/ are not every release, so a quarter counts as public from the
 * end of the month after it (the rule in src/model/origin.ts), not from the release it was copied from.
 */
export function cbsObservations(): Observation[] {
  const origin = readOrigin(FILES.cbsQuarterly);
  const source = `${origin.producer}, ${origin.title}; ${origin.url}`;
  const all = readCsv(FILES.cbsQuarterly, SPECS.cbsQuarterly).filter((r) => r.citizen === "TOTAL");
  return newestQuarters(all)
    .filter((q) => q.year >= OBSERVED_FROM_YEAR)
    .map((q): Observation => ({
      series: q.measure === "eerste_asielverzoeken" ? "inflow_first" : "inflow_nareis",
      date: q.period,
      value: q.count,
      kind: "flow_quarter",
      source,
      grade: "P"
    }));
}

/** Loads and cross-checks every model input. Throws a DataError (or Error) naming the problem. */
export async function loadModelInputs(): Promise<ModelInputs> {
  const parameters = loadParameters();
  const dataVintage = loadDataVintage();
  const presets = [...loadPresets(parameters), ...mppPresets(parameters)];
  // every observation the release may use: public by the data vintage
  const observations = [...cbsObservations(), ...loadObservations(), ...chainObservations(loadChainRows(dataVintage))].filter(
    (o) => availableFrom(o) <= dataVintage
  );
  const measures = loadMeasures(new Set(parameters.map((p) => p.id)));
  const inputs: ModelInputs = {parameters, measures, presets, observations, modelVersion: MODEL_VERSION, dataVintage};
  compile(inputs); // throws when the register lacks a parameter the model reads
  for (const preset of presets) {
    for (const m of preset.measures) {
      if (!measures.some((x) => x.id === m.id)) throw new Error(`scenarios.json: preset "${preset.id}" uses unknown measure "${m.id}"`);
    }
  }
  inputs.fingerprint = fingerprintOf(inputs);
  return inputs;
}

/** SHA-256 (first 16 hex digits) of the inputs' JSON without their fingerprint (ModelInputs.fingerprint). */
export function fingerprintOf(inputs: ModelInputs): string {
  const {fingerprint: _ignored, ...rest} = inputs;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex").slice(0, 16);
}
