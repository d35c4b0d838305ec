/**
 * Page logic of /spreiding: the COA capacity need of the default scenario (unchanged policy) at a chosen
 * month, allocated over the provinces by their share in the Spreidingswet cycle-1 target, next to the
 * published targets and offers. The pure functions turn the data into texts and rows; the page lays them out.
 */
import * as Inputs from "@observablehq/inputs";
import {run} from "../../model/run.js";
import type {ModelInputs} from "../../model/types.js";
import {chartFrame} from "../../components/chart-frame.js";
import {permalinkButton, urlNotices} from "../../components/europe-permalink.js";
import {formatCount, formatMonth, formatPercent} from "../../components/format.js";
import {provinceMap} from "../../components/province-map.js";
import {plainTable} from "../../components/province-table.js";
import {allocate, readMonth, runMonths, valueAtMonth, type AllocationRow} from "../../spreiding/allocate.js";
import type {SpreidingData} from "../../spreiding/types.js";
import {installLinkPropagation} from "../links.js";

export const SPREIDING_SOURCE = "COA (provinciale opgaven); ANP, NOS en regionale media (afzonderlijke cijfers); CBS via PDOK (provinciegrenzen); Asielketen Verkenner, ketenmodel (gemodelleerde behoefte)";

/** "2025-07" → July 2025 (UTC). */
export const monthDate = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1));

/** "2025-07" → "juli 2025". */
export const monthText = (m: string) => formatMonth(monthDate(m));

/** `search` with sp_m set to `month`, other keys (a scenario) kept. */
export function spreidingSearch(search: string, month: string): string {
  const params = new URLSearchParams(search);
  params.set("sp_m", month);
  return `?${params.toString()}`;
}

/** The fixed texts of the page: totals, the provinces not re-checked, the offers and the pre-law split. */
export function spreidingTexts(sp: SpreidingData) {
  const T = sp.totals;
  return {
    keyText: sp.keyText,
    cycle1Published: formatCount(T.cycle1Published),
    cycle1Amv: formatCount(T.cycle1Amv),
    cycle1Sum: formatCount(T.cycle1Sum),
    cycle2Published: formatCount(T.cycle2Published),
    verdeelbesluitFound: formatCount(T.verdeelbesluitFound),
    unchecked: sp.provinces.filter((p) => !p.cycle1Checked).map((p) => p.name).join(", "),
    offered: sp.provinces.flatMap((p) => p.offered.map((o) => `${p.name} ${formatCount(o.value)} ${o.label}`)).join("; "),
    preLaw: sp.provinces.map((p) => `${p.name} ${formatCount(p.preLawTarget)}`).join(", ")
  };
}

export interface SpreidingMonth {
  month: string;
  /** "juli 2025". */
  when: string;
  need: number;
  /** The need in whole places, "52.345". */
  needText: string;
  rows: AllocationRow[];
  /** The province with the largest modelled need. */
  biggest: AllocationRow;
  /** Its modelled places and its share, "9.876" and "18,9%". */
  biggestPlaces: string;
  biggestShare: string;
}

/** The allocation of the modelled need at `month` ("YYYY-MM", a month of the run). */
export function spreidingMonth(sp: SpreidingData, capacityNeed: ArrayLike<number>, start: string, month: string): SpreidingMonth {
  const need = valueAtMonth(capacityNeed, start, month);
  if (need == null) throw new Error(`spreidingMonth: ${month} is outside the model run`);
  const rows = allocate(need, sp.provinces, sp.totals.cycle2Published);
  const biggest = rows.reduce((a, b) => (b.modelled > a.modelled ? b : a));
  return {month, when: monthText(month), need, needText: formatCount(Math.round(need)), rows, biggest, biggestPlaces: formatCount(Math.round(biggest.modelled)), biggestShare: formatPercent(biggest.share)};
}

/** The CSV rows behind the map. */
export function downloadRows(rows: readonly AllocationRow[]): Record<string, string | number>[] {
  return rows.map((r) => ({provincie: r.name, aandeel_cyclus_1: Math.round(r.share * 10000) / 10000, behoefte_model: Math.round(r.modelled), opgave_cyclus_1: r.cycle1Target, cyclus_2_met_sleutel_cyclus_1: Math.round(r.cycle2AtCycle1Share), aangeboden: r.offered ?? "", aangeboden_wat: r.offeredLabel ?? "", voorwettelijk_2024: r.preLawTarget ?? ""}));
}

const dash = (v: number | null) => (v == null ? "–" : formatCount(Math.round(v)));

/** The table under the map: header and cell texts. */
export const TABLE_COLUMNS = [
  {header: "Provincie", value: (r: AllocationRow) => r.name},
  {header: "Sleutel", value: (r: AllocationRow) => formatPercent(r.share)},
  {header: "Model", value: (r: AllocationRow) => dash(r.modelled)},
  {header: "Cyclus 1", value: (r: AllocationRow) => dash(r.cycle1Target)},
  {header: "Cyclus 2 (afgeleid)", value: (r: AllocationRow) => dash(r.cycle2AtCycle1Share)},
  {header: "Aangeboden", value: (r: AllocationRow) => dash(r.offered)}
];

/** The page's setup: the default run, the month from the URL (or July 2025) and the texts. */
export function spreidingPage(sp: SpreidingData, inputs: ModelInputs, search: string) {
  installLinkPropagation();
  // The default scenario (unchanged policy) of the chain model; its COA capacity need is allocated below.
  const result = run({preset: "ongewijzigd", overrides: {}, measures: []}, inputs);
  const months = runMonths(result.start, result.months);
  const initial = readMonth(search, months, months.includes("2025-07") ? "2025-07" : months[0]);
  return {
    t: spreidingTexts(sp),
    notices: urlNotices(initial.notice ? [initial.notice] : []),
    monthSelect: () => Inputs.select(months.filter((m) => m >= "2024-01"), {label: "Behoefte volgens het model in", value: initial.month, format: monthText}),
    /** The allocation at `month`; also writes sp_m into the address bar. */
    at(month: string): SpreidingMonth {
      history.replaceState(null, "", location.pathname + spreidingSearch(location.search, month) + location.hash);
      return spreidingMonth(sp, result.series.capacity_need, result.start, month);
    },
    map: (m: SpreidingMonth, width: number) =>
      chartFrame(
        provinceMap(sp.geometry, m.rows.map((r) => ({code: r.code, name: r.name, value: Math.round(r.modelled)})), {
          width: Math.min(width, 640),
          label: "opvangplekken (gemodelleerd)",
          caption: `Gemodelleerde opvangbehoefte van het COA in ${m.when} (standaardscenario, ${m.needText} plekken) verdeeld naar het aandeel van elke provincie in de opgave van cyclus 1. Provinciegrenzen: CBS Gebiedsindelingen 2024 via PDOK (CC BY 4.0), vereenvoudigd. Bron: ${SPREIDING_SOURCE}.`
        }),
        {title: `Opvangbehoefte per provincie, ${m.when}`, source: SPREIDING_SOURCE, permalink: () => location.href, rows: () => downloadRows(m.rows), filename: `spreidingswet-${m.month}`, kind: "gemodelleerd"}
      ),
    table: (m: SpreidingMonth) => plainTable(m.rows, TABLE_COLUMNS, `Opvangplekken per provincie; model: ${m.when}, standaardscenario.`),
    permalinkButton: (month: string) => permalinkButton(() => location.origin + location.pathname + spreidingSearch(location.search, month))
  };
}
