/**
 * The origin records of every dataset in `data/`: each data file must have one, and every record must
 * name an existing file. Used by the sources page and by the build, so a dataset without provenance
 * fails the build.
 */
import {readdirSync} from "node:fs";
import {DATA_DIR, DataError, dataPath, readOrigin, type Origin} from "./read.js";

/** Lists every dataset in data/ with its validated origin record, sorted by file name. */
export function loadSources(): Origin[] {
  const files = readdirSync(DATA_DIR);
  const datasets = files.filter((f) => !f.endsWith(".origin.json") && !f.startsWith(".") && f !== "README.md");
  for (const record of files.filter((f) => f.endsWith(".origin.json"))) {
    const base = record.replace(/\.origin\.json$/, "");
    if (!datasets.some((d) => d.replace(/\.(csv|json)$/, "") === base)) {
      throw new DataError(dataPath(record), null, "file", "origin record without a dataset beside it");
    }
  }
  return datasets.sort().map((file) => readOrigin(file));
}
