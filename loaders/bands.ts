/**
 * The precomputed bands (src/explorer/precomputed-band.ts): for every preset, the band of the preset
 * as it stands over MODEL_START … LATEST_END, split into one file per scenario page with that page's
 * series. Behind src/data/bands.zip.ts; Node only.
 */
import JSZip from "jszip";
import {band} from "../src/model/band.js";
import {LATEST_END, MODEL_START} from "../src/model/constants.js";
import type {ModelInputs, Scenario, SeriesId} from "../src/model/types.js";
import {BAND_RUNS, BAND_SEED, bandFilePath, PAGE_BAND_SERIES, type BandFile, type BandPage} from "../src/explorer/precomputed-band.js";

/** The scenario a band file holds: the preset alone, over the whole range a URL may ask for. */
export function fullRange(preset: string): Scenario {
  return {preset, overrides: {}, measures: [], start: MODEL_START, end: LATEST_END};
}

/** Every band file, keyed by its path under data/bands/ ("ind/ongewijzigd.json"). */
export function bandFiles(inputs: ModelInputs): Map<string, BandFile> {
  if (!inputs.fingerprint) throw new Error("bands: the model inputs have no fingerprint (loaders/model-inputs.ts sets it)");
  const pages = Object.keys(PAGE_BAND_SERIES) as BandPage[];
  const all = [...new Set(pages.flatMap((page) => PAGE_BAND_SERIES[page] as readonly SeriesId[]))];
  const files = new Map<string, BandFile>();
  for (const {id: preset} of inputs.presets) {
    const out = band(fullRange(preset), inputs, BAND_RUNS, BAND_SEED, {series: all});
    for (const page of pages) {
      const series = Object.fromEntries(
        (PAGE_BAND_SERIES[page] as readonly SeriesId[]).map((id) => [id, {p10: Array.from(out.p10[id]), p50: Array.from(out.p50[id]), p90: Array.from(out.p90[id])}])
      );
      const file: BandFile = {fingerprint: inputs.fingerprint, preset, start: MODEL_START, end: LATEST_END, n: BAND_RUNS, seed: BAND_SEED, series};
      files.set(bandFilePath(page, preset).slice("data/bands/".length), file);
    }
  }
  return files;
}

/** The band files as a zip archive (Framework extracts data/bands/<page>/<preset>.json from it). */
export async function bandArchive(inputs: ModelInputs): Promise<Buffer> {
  const zip = new JSZip();
  // a fixed date, so that two builds write the same archive
  const date = new Date(Date.UTC(2000, 0, 1));
  for (const [path, file] of bandFiles(inputs)) zip.file(path, JSON.stringify(file), {date, createFolders: false});
  return zip.generateAsync({type: "nodebuffer", compression: "DEFLATE", compressionOptions: {level: 6}});
}
