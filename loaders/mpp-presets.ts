/**
 * One preset per MPP edition and scenario (minimum / medio / maximum), generated from
 * `data/mpp_forecasts.csv`: the edition's total inflow per forecast year as a dated series, applied
 * after the edition's own origin (the month before its publication), so that each preset follows the
 * observations that were public when the MPP appeared and the MPP's forecast after that.
 */
import {readCsv, readOrigin} from "./read.js";
import {FILES, SPECS} from "./inflow.js";
import {addMonths} from "../src/model/months.js";
import type {Parameter, Preset} from "../src/model/types.js";

const SCENARIO_LABEL: Record<string, string> = {minimum: "minimum", medio: "medio", maximum: "maximum"};

/** Dutch month name of "YYYY-MM" (for preset names). */
function monthName(month: string): string {
  const names = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
  return `${names[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

function fmt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** Stable preset id of an edition's scenario: "mpp-2025-ii-min". */
export function mppPresetId(edition: string, scenario: string): string {
  const short = scenario === "minimum" ? "min" : scenario === "maximum" ? "max" : scenario;
  return `mpp-${edition.toLowerCase()}-${short}`;
}

/** The MPP presets (validated against the register's ranges). */
export function mppPresets(parameters: readonly Parameter[]): Preset[] {
  readOrigin(FILES.mpp);
  const rows = readCsv(FILES.mpp, SPECS.mpp).filter((r) => (r.scenario as string) in SCENARIO_LABEL);
  const total = parameters.find((p) => p.id === "inflow_mpp_total_per_year");
  if (!total) throw new Error("parameter register: inflow_mpp_total_per_year is missing (needed by the MPP presets)");
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.edition}|${r.scenario}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((list): Preset => {
    const first = list[0]!;
    const edition = first.edition as string;
    const scenario = first.scenario as string;
    const published = first.published_month as string;
    const years = list.map((r) => ({year: r.target_year as number, count: r.count as number})).sort((a, b) => a.year - b.year);
    for (const y of years) {
      if (y.count < total.low || y.count > total.high) throw new Error(`${FILES.mpp}: ${edition} ${scenario} ${y.year}: ${y.count} is outside ${total.low} … ${total.high}`);
    }
    const lastYear = years[years.length - 1]!.year;
    const figures = years.map((y) => `${fmt(y.count)} in ${y.year}`).join(", ");
    return {
      id: mppPresetId(edition, scenario),
      name: `MPP ${monthName(published)} — ${SCENARIO_LABEL[scenario]} (${figures})`,
      description: `Meerjaren Productie Prognose ${edition} (${monthName(published)}), ${SCENARIO_LABEL[scenario]}scenario: totale asielinstroom ${figures} (eerste aanvragen, herhaalde aanvragen, hervestiging en nareis samen). Tot de publicatie volgt het model de waarnemingen die toen bekend waren; daarna de MPP-totalen, en na ${lastYear} het niveau van ${lastYear}. Het model rekent nareis, herhaalde aanvragen en hervestiging zelf uit; eerste aanvragen zijn het MPP-totaal min die delen.`,
      basis: list.map((r) => ({document: r.document as string, date: published, grade: (r.source_grade as "P" | "S" | "seed") ?? "S"})).slice(0, 1),
      overrides: {inflow_path_mpp: 1, mpp_last_year: lastYear},
      dated: {inflow_mpp_total_per_year: years.map((y) => ({from: `${y.year}-01`, value: y.count}))},
      measures: [],
      origin: addMonths(published, -1)
    };
  });
}
