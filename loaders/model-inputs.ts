/**
 * Builds the validated `ModelInputs` (register, catalogue, presets, observations, versions) for the
 * loader shims, the CLI and the tests. Node only.
 */
import {existsSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {readOrigin} from "./read.js";
import {loadParameters, loadPresets} from "./params.js";
import {loadObservations} from "./observations.js";
import {compile} from "../src/model/params.js";
import {computeDataVintage, MODEL_VERSION} from "../src/model/version.js";
import type {Measure, ModelInputs} from "../src/model/types.js";

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * The measures catalogue, from `loaders/measures.ts` (written in parallel by the catalogue issue).
 * Until that file is on this branch, the catalogue is empty and `measuresAvailable` is false.
 */
async function loadCatalogue(parameterIds: ReadonlySet<string>): Promise<{measures: Measure[]; available: boolean}> {
  const file = join(HERE, "measures.ts");
  if (!existsSync(file)) return {measures: [], available: false};
  const mod = (await import(pathToFileURL(file).href)) as {loadMeasures: (ids: ReadonlySet<string>) => Measure[] | Promise<Measure[]>};
  return {measures: await mod.loadMeasures(parameterIds), available: true};
}

/** Loads and cross-checks every model input. Throws a DataError (or Error) naming the problem. */
export async function loadModelInputs(): Promise<ModelInputs> {
  const parameters = loadParameters();
  const presets = loadPresets(parameters);
  const observations = loadObservations();
  const {measures, available} = await loadCatalogue(new Set(parameters.map((p) => p.id)));
  const origins = ["parameters.json", "scenarios.json", "chain-observations.csv"];
  if (available) origins.push("measures.json");
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
