/**
 * Precomputed bands: the P10–P90 band of every preset as it stands (no lever moved, no measure added),
 * for the series of each scenario page, computed at build time (loaders/bands.ts, one file per page
 * and preset under data/bands/) over the whole range a URL may ask for (MODEL_START … LATEST_END).
 *
 * A page opened on such a scenario — the default view, a preset chosen on the Overzicht, any horizon —
 * shows its band with the first charts instead of starting the band worker: the band of a window is
 * the same slice of the full band, because the model always simulates from MODEL_START and a run's
 * months do not depend on where the output ends (test/unit/precomputed-band.test.ts checks both).
 *
 * Pure: no DOM, no Framework; used by the loader, the config (dynamicPaths), the pages and the tests.
 */
import {LATEST_END, MODEL_START} from "../model/constants.js";
import {isMonth, monthIndex} from "../model/months.js";
import type {BandOutput, ModelInputs, Scenario, SeriesId} from "../model/types.js";

/** Number of Monte Carlo runs behind every band on the site, and its fixed seed. */
export const BAND_RUNS = 1000;
export const BAND_SEED = 20230414;

/** The series each scenario page asks a band for (its key is the page's file name, "index" = Overzicht). */
export const PAGE_BAND_SERIES = {
  index: ["coa_total"],
  instroom: ["inflow_total", "nidos_caseload"],
  ind: ["backlog_total", "decisions", "lead_time_months", "cases_past_term", "dwangsom_eur"],
  opvang: ["coa_total", "capacity_need", "capacity_shortage", "cost_eur"],
  uitstroom: ["coa_permit_waiting", "housed", "departed_independent", "departed_forced", "departed_unknown", "dublin_transfers"],
  nareis: ["grants", "nareis_requests", "nareis_backlog", "nareis_grants", "nareis_arrivals"],
  maatregelen: ["coa_total"]
} as const satisfies Record<string, readonly SeriesId[]>;

export type BandPage = keyof typeof PAGE_BAND_SERIES;

/** What a file under data/bands/ holds: one preset's band for one page's series, MODEL_START … LATEST_END. */
export interface BandFile {
  /** The model inputs' fingerprint (ModelInputs.fingerprint): a file from another build is not used. */
  fingerprint: string;
  preset: string;
  start: string;
  end: string;
  n: number;
  seed: number;
  /** Series id → the three quantiles, one value per month. */
  series: Record<string, {p10: number[]; p50: number[]; p90: number[]}>;
}

/** The site path of a page's band file for a preset (relative to the site root). */
export function bandFilePath(page: BandPage, preset: string): string {
  return `data/bands/${page}/${preset}.json`;
}

/** Every band file the build writes: one per scenario page and preset. */
export function bandFilePaths(presets: readonly string[]): string[] {
  return (Object.keys(PAGE_BAND_SERIES) as BandPage[]).flatMap((page) => presets.map((preset) => bandFilePath(page, preset)));
}

/**
 * True when `scenario` is a preset as it stands (no override, measure, switched-off baseline
 * measure, own inputs, origin or run mode), inside the range the files cover: its band is a slice of
 * a precomputed one.
 */
export function isPrecomputable(scenario: Scenario): boolean {
  if (Object.keys(scenario.overrides).length > 0 || scenario.measures.length > 0 || (scenario.off?.length ?? 0) > 0) return false;
  if (scenario.observed !== undefined || scenario.origin !== undefined || scenario.backtest || scenario.freeRun) return false;
  const start = scenario.start ?? MODEL_START;
  return start >= MODEL_START && (scenario.end === undefined || (scenario.end <= LATEST_END && scenario.end >= start));
}

/**
 * The band of `scenario` for `series` taken from a band file, or null when the file does not fit:
 * another build's inputs, another preset, runs or seed, a series missing, or values that are not
 * numbers of the right length. `months` is the length of the scenario's output (its point run's).
 */
export function bandFromFile(file: unknown, inputs: ModelInputs, scenario: Scenario, series: readonly SeriesId[], months: number): BandOutput | null {
  if (!isBandFile(file) || !inputs.fingerprint || file.fingerprint !== inputs.fingerprint) return null;
  if (file.preset !== scenario.preset || file.n !== BAND_RUNS || file.seed !== BAND_SEED || !isPrecomputable(scenario)) return null;
  const total = monthIndex(file.end) - monthIndex(file.start) + 1;
  const from = monthIndex(scenario.start ?? MODEL_START) - monthIndex(file.start);
  if (from < 0 || from + months > total) return null;
  const out: BandOutput = {p10: {} as BandOutput["p10"], p50: {} as BandOutput["p50"], p90: {} as BandOutput["p90"], n: file.n, seed: file.seed};
  for (const id of series) {
    const q = file.series[id];
    if (!q) return null;
    for (const k of ["p10", "p50", "p90"] as const) {
      const values = q[k];
      if (values.length !== total) return null;
      const row = values.slice(from, from + months);
      if (!row.every((v) => typeof v === "number" && Number.isFinite(v))) return null;
      out[k][id] = Float64Array.from(row);
    }
  }
  return out;
}

function isBandFile(x: unknown): x is BandFile {
  if (typeof x !== "object" || x === null) return false;
  const f = x as Partial<BandFile>;
  const arrays = (q: unknown) => typeof q === "object" && q !== null && ["p10", "p50", "p90"].every((k) => Array.isArray((q as Record<string, unknown>)[k]));
  return (
    typeof f.fingerprint === "string" &&
    typeof f.preset === "string" &&
    isMonth(f.start) &&
    isMonth(f.end) &&
    typeof f.n === "number" &&
    typeof f.seed === "number" &&
    typeof f.series === "object" &&
    f.series !== null &&
    Object.values(f.series).every(arrays)
  );
}
