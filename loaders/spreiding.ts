/**
 * The Spreidingswet allocation: provincial targets of cycle 1 (96.000 places) and cycle 2 (88.000),
 * the pre-law split, what provinces offered, and the CBS province boundaries for the map.
 * Validates the COA/press table and the GeoJSON; the page applies the provincial shares to the
 * national capacity need of the chain model (`src/spreiding/allocate.ts`).
 */
import {readFileSync} from "node:fs";
import {DataError, dataPath, readCsv, readOrigin, type Row, type TableSpec} from "./read.js";
import type {ProvinceFigure, ProvinceRow, SpreidingData} from "../src/spreiding/types.js";

export const TARGETS_FILE = "spreidingswet_targets_by_province.csv";
export const GEOMETRY_FILE = "cbs_provinces_2024.json";

/** The 12 provinces with their CBS codes; COA writes Friesland where CBS writes Fryslân. */
export const PROVINCES: {code: string; name: string; cbsName: string}[] = [
  {code: "PV20", name: "Groningen", cbsName: "Groningen"},
  {code: "PV21", name: "Friesland", cbsName: "Fryslân"},
  {code: "PV22", name: "Drenthe", cbsName: "Drenthe"},
  {code: "PV23", name: "Overijssel", cbsName: "Overijssel"},
  {code: "PV24", name: "Flevoland", cbsName: "Flevoland"},
  {code: "PV25", name: "Gelderland", cbsName: "Gelderland"},
  {code: "PV26", name: "Utrecht", cbsName: "Utrecht"},
  {code: "PV27", name: "Noord-Holland", cbsName: "Noord-Holland"},
  {code: "PV28", name: "Zuid-Holland", cbsName: "Zuid-Holland"},
  {code: "PV29", name: "Zeeland", cbsName: "Zeeland"},
  {code: "PV30", name: "Noord-Brabant", cbsName: "Noord-Brabant"},
  {code: "PV31", name: "Limburg", cbsName: "Limburg"}
];

export const TARGETS_SPEC: TableSpec = {
  columns: [
    {name: "cycle", type: "string"},
    {name: "reference", type: "string"},
    {name: "province", type: "string"},
    {name: "measure", type: "string"},
    {name: "value", type: "integer", min: 0, max: 200000},
    {name: "checked_against_source", type: "string", codes: ["yes", "no"]},
    {name: "source", type: "string"},
    {name: "url", type: "string", optional: true},
    {name: "quote_or_note", type: "string", optional: true}
  ],
  key: ["cycle", "reference", "province", "measure", "source"]
};

const OFFER_LABELS: Record<string, string> = {
  "places_in_plan_by_2025-07-01": "plekken in het plan, beschikbaar per 1 juli 2025",
  "places_in_plan_by_2026-02-01": "plekken in het plan, beschikbaar per 1 februari 2026",
  places_found: "gevonden plekken (plan november 2024)",
  places_in_plan: "plekken in het plan (later bericht)",
  places_arranged: "geregelde plekken (plan november 2024)"
};

const isCycle1 = (r: Row) => String(r.cycle).startsWith("Spreidingswet cycle 1");
const isCycle2 = (r: Row) => String(r.cycle).startsWith("Spreidingswet cycle 2");

/** Line number of a row (header = 1) for error messages. */
function lineOf(rows: readonly Row[], row: Row): number {
  return rows.indexOf(row) + 2;
}

/** One value, or a DataError naming the file and what is missing or doubled. */
function single(rows: readonly Row[], predicate: (r: Row) => boolean, what: string): Row {
  const found = rows.filter(predicate);
  if (found.length === 0) throw new DataError(TARGETS_FILE, null, "value", `no row for ${what}`);
  if (found.length > 1) throw new DataError(TARGETS_FILE, lineOf(rows, found[1]), "value", `more than one row for ${what}`);
  return found[0];
}

/** Builds the province table from the validated target rows. */
export function provinceRows(rows: readonly Row[]): {provinces: ProvinceRow[]; totals: SpreidingData["totals"]} {
  const cycle1Published = single(rows, (r) => isCycle1(r) && r.province === "NL (total)" && r.measure === "target_places_incl_amv", "cycle 1 national total").value as number;
  const cycle1Amv = single(rows, (r) => isCycle1(r) && r.province === "NL (total)" && r.measure === "target_places_amv", "cycle 1 amv total").value as number;
  const cycle2Published = single(rows, (r) => isCycle2(r) && r.province === "NL (total)" && r.measure === "target_places", "cycle 2 national total").value as number;
  const verdeel = rows.find((r) => isCycle1(r) && r.province === "NL (total)" && r.measure === "places_found");
  const preLaw = (r: Row) => String(r.cycle).startsWith("pre-law (letter 24 May 2023)") && r.measure === "target_places_incl_amv";
  const targets = PROVINCES.map((p) => single(rows, (r) => isCycle1(r) && r.reference === "to be available by 1 Jul 2025" && r.province === p.name && r.measure === "target_places", `the cycle 1 target of ${p.name}`));
  const cycle1Sum = targets.reduce((s, r) => s + (r.value as number), 0);
  // The 12 targets must add up to the published total (within rounding: 96.002 against 96.000).
  if (Math.abs(cycle1Sum - cycle1Published) > 12) {
    throw new DataError(TARGETS_FILE, null, "value", `the 12 cycle 1 targets add up to ${cycle1Sum}, not to the published ${cycle1Published}`);
  }
  const provinces = PROVINCES.map((p, i): ProvinceRow => {
    const t = targets[i];
    const pre = rows.find((r) => preLaw(r) && r.province === p.name);
    const offered: ProvinceFigure[] = rows
      .filter((r) => isCycle1(r) && r.reference === "provincial plans 1 Nov 2024" && r.province === p.name)
      .map((r) => {
        const label = OFFER_LABELS[r.measure as string];
        if (!label) throw new DataError(TARGETS_FILE, lineOf(rows, r), "measure", `unknown plan measure "${r.measure}"`);
        return {measure: r.measure as string, label, value: r.value as number, source: r.source as string, url: (r.url as string | null) ?? null, checked: r.checked_against_source === "yes"};
      });
    const remaining = rows.find((r) => isCycle2(r) && r.province === p.name && r.measure === "remaining_places_needed");
    return {
      code: p.code,
      name: p.name,
      cycle1Target: t.value as number,
      cycle1Checked: t.checked_against_source === "yes",
      cycle1Source: t.source as string,
      share: (t.value as number) / cycle1Sum,
      preLawTarget: pre ? (pre.value as number) : null,
      offered,
      cycle2Remaining: remaining ? (remaining.value as number) : null
    };
  });
  const preLawSum = provinces.reduce((s, p) => s + (p.preLawTarget ?? 0), 0);
  return {
    provinces,
    totals: {cycle1Published, cycle1Sum, cycle1Amv, cycle2Published, cycle2PublishedOn: "2026-02-27", verdeelbesluitFound: verdeel ? (verdeel.value as number) : null, preLawSum}
  };
}

type Ring = [number, number][];

/** Twice the signed planar area of a ring in lon/lat (positive = counter-clockwise). */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return sum;
}

/**
 * Rewinds polygon rings for d3-geo (which Plot's geo mark uses): exterior rings clockwise, holes
 * counter-clockwise. RFC 7946 GeoJSON (as written by mapshaper) winds the other way, which d3-geo reads
 * as "the whole globe except this province".
 */
export function rewindForD3(geometry: {type: string; coordinates: unknown}): {type: string; coordinates: unknown} {
  const fix = (rings: Ring[]) => rings.map((ring, k) => {
    const ccw = signedArea(ring) > 0;
    // exterior (k = 0) must be clockwise; holes counter-clockwise
    return (k === 0 ? ccw : !ccw) ? [...ring].reverse() : ring;
  });
  if (geometry.type === "Polygon") return {type: "Polygon", coordinates: fix(geometry.coordinates as Ring[])};
  return {type: "MultiPolygon", coordinates: (geometry.coordinates as Ring[][]).map(fix)};
}

/** Validates the province GeoJSON: a FeatureCollection with exactly the 12 CBS provinces. */
export function provinceGeometry(text: string, file = GEOMETRY_FILE): SpreidingData["geometry"] {
  let parsed: {type?: string; features?: {id?: string; properties?: {statcode?: string; statnaam?: string}; geometry?: {type?: string; coordinates?: unknown}}[]};
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DataError(file, null, null, `is not valid JSON (${(error as Error).message})`);
  }
  if (parsed.type !== "FeatureCollection" || !Array.isArray(parsed.features)) throw new DataError(file, null, "type", "is not a GeoJSON FeatureCollection");
  const features = parsed.features.map((f, i) => {
    const code = f.properties?.statcode;
    const p = PROVINCES.find((x) => x.code === code);
    if (!p) throw new DataError(file, null, `features[${i}].properties.statcode`, `unknown province code "${code}"`);
    if (f.properties?.statnaam !== p.cbsName) throw new DataError(file, null, `features[${i}].properties.statnaam`, `"${f.properties?.statnaam}" is not the CBS name of ${code} (${p.cbsName})`);
    const type = f.geometry?.type;
    if (type !== "Polygon" && type !== "MultiPolygon") throw new DataError(file, null, `features[${i}].geometry.type`, `"${type}" is not a (Multi)Polygon`);
    return {type: "Feature" as const, id: p.code, properties: {code: p.code, name: p.name}, geometry: rewindForD3(f.geometry as {type: string; coordinates: unknown})};
  });
  const missing = PROVINCES.filter((p) => !features.some((f) => f.id === p.code));
  if (missing.length || features.length !== PROVINCES.length) {
    throw new DataError(file, null, "features", `must hold the 12 provinces once each (missing: ${missing.map((p) => p.name).join(", ") || "none"}; features: ${features.length})`);
  }
  return {type: "FeatureCollection", features};
}

export const KEY_TEXT =
  "COA: ‘De verdeling van opvangplekken gebeurt op basis van het aantal inwoners en de sociaaleconomische statusscore, rekeninghoudend met financiële welvaart, het opleidingsniveau en het recente arbeidsverleden.’ De formule en de gewichten (Stb. 2024, 13) zitten niet in de beschikbare gegevens.";

export function loadSpreiding(): SpreidingData {
  const {provinces, totals} = provinceRows(readCsv(TARGETS_FILE, TARGETS_SPEC));
  const geometry = provinceGeometry(readFileSync(dataPath(GEOMETRY_FILE), "utf8"), dataPath(GEOMETRY_FILE));
  const sources = [TARGETS_FILE, GEOMETRY_FILE].map((name) => {
    const o = readOrigin(name);
    return {file: o.file, producer: o.producer, title: o.title, url: o.url, retrieved: o.retrieved, licence: o.licence};
  });
  return {provinces, totals, geometry, keyText: KEY_TEXT, sources};
}
