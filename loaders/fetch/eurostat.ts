/**
 * Fetches Eurostat `migr_asydcfsta` (first-instance decisions) and `migr_asyappctza` (applicants)
 * for the six countries from the Eurostat dissemination API (JSON-stat 2.0) and writes tidy CSVs
 * plus origin records to `data/`. Run by hand with `npm run fetch:eurostat` when a network is there;
 * the site build never calls it and uses the committed data.
 */
import {writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {dataPath} from "../read.js";

export const API = "https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data";
export const GEOS = ["NL", "BE", "DE", "FR", "AT", "SE"] as const;

/** The subset of JSON-stat 2.0 that Eurostat's API returns and this parser reads. */
export interface JsonStatDataset {
  version: string;
  class: "dataset";
  label?: string;
  updated?: string;
  id: string[];
  size: number[];
  dimension: Record<string, {label?: string; category: {index: Record<string, number> | string[]; label?: Record<string, string>}}>;
  /** Dense array or sparse object keyed by the flat index. */
  value: (number | null)[] | Record<string, number>;
  status?: Record<string, string> | string[];
}

/** One observation with every dimension's code. */
export type Observation = Record<string, string> & {value: string};

/** A tidy row: the dimensions kept plus the year and the count. */
export interface TidyRow {
  dataset: string;
  geo: string;
  citizen: string;
  year: number;
  measure: string;
  count: number;
  flag: string;
}

function categoryCodes(index: Record<string, number> | string[]): string[] {
  if (Array.isArray(index)) return index;
  const codes: string[] = [];
  for (const [code, position] of Object.entries(index)) codes[position] = code;
  return codes;
}

/** Reads every non-missing observation of a JSON-stat 2.0 dataset (row-major order, last dimension fastest). */
export function observations(ds: JsonStatDataset): {codes: Record<string, string>; value: number; status: string}[] {
  if (ds.class !== "dataset" || !Array.isArray(ds.id) || !Array.isArray(ds.size) || ds.id.length !== ds.size.length) {
    throw new Error("not a JSON-stat 2.0 dataset (class, id and size are required and must agree)");
  }
  const codes = ds.id.map((id) => {
    const dim = ds.dimension[id];
    if (!dim) throw new Error(`dimension "${id}" is listed in id but missing from dimension`);
    const list = categoryCodes(dim.category.index);
    if (list.length !== ds.size[ds.id.indexOf(id)]) throw new Error(`dimension "${id}" has ${list.length} categories but size says ${ds.size[ds.id.indexOf(id)]}`);
    return list;
  });
  const total = ds.size.reduce((a, b) => a * b, 1);
  const entries: [number, number][] = Array.isArray(ds.value)
    ? ds.value.flatMap((v, i) => (v == null ? [] : [[i, v] as [number, number]]))
    : Object.entries(ds.value).map(([k, v]) => [Number(k), v]);
  const status = (i: number) => (ds.status == null ? "" : Array.isArray(ds.status) ? (ds.status[i] ?? "") : (ds.status[String(i)] ?? ""));
  return entries.map(([flat, value]) => {
    if (!Number.isInteger(flat) || flat < 0 || flat >= total) throw new Error(`value index ${flat} is outside the cube (size ${total})`);
    const row: Record<string, string> = {};
    let rest = flat;
    for (let d = ds.id.length - 1; d >= 0; d--) {
      row[ds.id[d]] = codes[d][rest % ds.size[d]];
      rest = Math.floor(rest / ds.size[d]);
    }
    return {codes: row, value, status: status(flat)};
  });
}

/** Eurostat decision codes kept from `migr_asydcfsta`, mapped to this project's measure names. */
const DECISIONS: Record<string, string> = {TOTAL: "total_decisions", TOTAL_POS: "total_positive", REJECTED: "rejected", GENCONV: "geneva_convention_status", SUB_PROT: "subsidiary_protection", HUMSTAT: "humanitarian_status"};
/** Applicant types kept from `migr_asyappctza`. */
const APPLICANTS: Record<string, string> = {ASY_APP: "applicants_total_first_and_subsequent", NASY_APP: "applicants_first_time"};

/** Parses a `migr_asydcfsta` or `migr_asyappctza` response into tidy rows (sex = T, age = TOTAL, unit = PER). */
export function tidy(dataset: "migr_asydcfsta" | "migr_asyappctza", ds: JsonStatDataset): TidyRow[] {
  const measureDim = dataset === "migr_asydcfsta" ? "decision" : "asyl_app";
  const measures = dataset === "migr_asydcfsta" ? DECISIONS : APPLICANTS;
  for (const dim of ["geo", "citizen", "time", measureDim]) {
    if (!ds.id.includes(dim)) throw new Error(`${dataset}: dimension "${dim}" is missing (found ${ds.id.join(", ")})`);
  }
  return observations(ds)
    .filter((o) => (o.codes.sex ?? "T") === "T" && (o.codes.age ?? "TOTAL") === "TOTAL" && (o.codes.unit ?? "PER") === "PER" && o.codes[measureDim] in measures)
    .map((o) => {
      const year = Number(o.codes.time);
      if (!Number.isInteger(year)) throw new Error(`${dataset}: time "${o.codes.time}" is not a year`);
      return {dataset, geo: o.codes.geo, citizen: o.codes.citizen, year, measure: measures[o.codes[measureDim]], count: o.value, flag: o.status};
    })
    .sort((a, b) => a.geo.localeCompare(b.geo) || a.citizen.localeCompare(b.citizen) || a.year - b.year || a.measure.localeCompare(b.measure));
}

/** Builds the API URL for one dataset, the six countries and the years from `since`. */
export function requestUrl(dataset: "migr_asydcfsta" | "migr_asyappctza", since = 2014): string {
  const params = new URLSearchParams({format: "JSON", lang: "EN", sex: "T", age: "TOTAL", unit: "PER", sinceTimePeriod: String(since)});
  for (const geo of GEOS) params.append("geo", geo);
  const codes = dataset === "migr_asydcfsta" ? Object.keys(DECISIONS) : Object.keys(APPLICANTS);
  for (const code of codes) params.append(dataset === "migr_asydcfsta" ? "decision" : "asyl_app", code);
  return `${API}/${dataset}?${params}`;
}

/** Formats tidy rows as CSV. */
export function toCsv(rows: readonly TidyRow[]): string {
  const header = "dataset,geo,citizen,year,measure,count,flag";
  return [header, ...rows.map((r) => [r.dataset, r.geo, r.citizen, r.year, r.measure, r.count, r.flag].join(","))].join("\n") + "\n";
}

async function main(): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  for (const dataset of ["migr_asydcfsta", "migr_asyappctza"] as const) {
    const url = requestUrl(dataset);
    process.stderr.write(`fetch ${url}\n`);
    const response = await fetch(url, {signal: AbortSignal.timeout(120_000)});
    if (!response.ok) throw new Error(`${dataset}: HTTP ${response.status} from ${url}`);
    const ds = (await response.json()) as JsonStatDataset;
    const rows = tidy(dataset, ds);
    const file = `eurostat_${dataset}_6countries.csv`;
    writeFileSync(dataPath(file), toCsv(rows));
    const origin = {
      file,
      producer: "Eurostat",
      title: ds.label ?? dataset,
      url: `https://ec.europa.eu/eurostat/databrowser/view/${dataset}/default/table`,
      downloadUrl: url,
      retrieved: today,
      published: ds.updated?.slice(0, 10),
      licence: "Eurostat: reuse allowed with acknowledgement of the source (Commission Decision 2011/833/EU)",
      processing: `Fetched from the Eurostat dissemination API (JSON-stat 2.0) by loaders/fetch/eurostat.ts; sex = T, age = TOTAL, unit = PER, geo in ${GEOS.join(", ")}, years from 2014; reshaped to one row per geo × citizen × year × measure; Eurostat status flags kept in 'flag'.`
    };
    writeFileSync(dataPath(file.replace(/\.csv$/, ".origin.json")), JSON.stringify(origin, null, 2) + "\n");
    process.stderr.write(`wrote data/${file} (${rows.length} rows)\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    process.stderr.write(`fetch:eurostat failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
