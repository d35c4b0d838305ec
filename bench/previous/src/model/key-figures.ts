/**
 * The key figures of the site, each computed by exactly one function with one definition and date.
 * Every page that shows, say, "IND-voorraad eind 2025" calls {@link keyFigure} with the same id and
 * year, so the same quantity can never differ between pages. Stocks are read at the end of December
 * (= the stand on 1 January of the next year); flows are calendar-year sums. A year outside the model
 * horizon gives `value: null` (shown as "n.v.t."), never a clamped or partial number.
 */
import {endOfYear, peakOf, yearSum} from "./timeline.js";
import type {RunOutput, SeriesId} from "./types.js";

export type FigureUnit = "personen" | "zaken" | "maanden" | "euro" | "beslissingen";

export interface KeyFigureDefinition {
  /** Dutch name without the date ("IND-voorraad asiel eerste aanleg"). */
  name: string;
  /** "stock": value at the end of December; "flow": sum over the calendar year. */
  measure: "stock" | "flow";
  /** Series summed to make the figure. */
  series: readonly SeriesId[];
  unit: FigureUnit;
}

export const KEY_FIGURES = {
  inflow_total: {name: "instroom (MPP-definitie)", measure: "flow", series: ["inflow_total"], unit: "personen"},
  inflow_amv: {name: "eerste aanvragen van alleenstaande minderjarigen", measure: "flow", series: ["inflow_amv"], unit: "personen"},
  nidos_caseload: {name: "caseload Nidos (amv onder voogdij)", measure: "stock", series: ["nidos_caseload"], unit: "personen"},
  inflow_nareis: {name: "instroom via nareis", measure: "flow", series: ["inflow_nareis"], unit: "personen"},
  ind_backlog: {name: "IND-voorraad asiel eerste aanleg", measure: "stock", series: ["backlog_total"], unit: "zaken"},
  lead_time: {name: "doorlooptijd IND (voorraad / beslissingen per maand)", measure: "stock", series: ["lead_time_months"], unit: "maanden"},
  decisions: {name: "beslissingen IND eerste aanleg", measure: "flow", series: ["decisions"], unit: "beslissingen"},
  cases_past_term: {name: "zaken buiten de wettelijke beslistermijn", measure: "stock", series: ["cases_past_term"], unit: "zaken"},
  dwangsom: {name: "dwangsommen", measure: "flow", series: ["dwangsom_eur"], unit: "euro"},
  coa_occupancy: {name: "bezetting COA-opvang", measure: "stock", series: ["coa_total"], unit: "personen"},
  capacity_need: {name: "benodigde opvangplekken", measure: "stock", series: ["capacity_need"], unit: "personen"},
  capacity_available: {name: "beschikbare opvangplekken", measure: "stock", series: ["capacity_available"], unit: "personen"},
  permit_waiting: {name: "vergunninghouders in de opvang wachtend op een woning", measure: "stock", series: ["coa_permit_waiting"], unit: "personen"},
  housed: {name: "gehuisveste vergunninghouders en nareizigers", measure: "flow", series: ["housed"], unit: "personen"},
  departed: {name: "aantoonbaar vertrokken afgewezen asielzoekers (zelfstandig + gedwongen)", measure: "flow", series: ["departed_independent", "departed_forced"], unit: "personen"},
  departed_independent: {name: "zelfstandig vertrek (aantoonbaar)", measure: "flow", series: ["departed_independent"], unit: "personen"},
  departed_forced: {name: "gedwongen vertrek", measure: "flow", series: ["departed_forced"], unit: "personen"},
  departed_unknown: {name: "vertrek met onbekende bestemming", measure: "flow", series: ["departed_unknown"], unit: "personen"},
  departed_unregistered: {name: "vertrek uit de opvang zonder geregistreerd vertrek", measure: "flow", series: ["departed_unregistered"], unit: "personen"},
  dublin_transfers: {name: "Dublinoverdrachten", measure: "flow", series: ["dublin_transfers"], unit: "personen"},
  nareis_requests: {name: "gezinsleden in nieuwe nareisverzoeken", measure: "flow", series: ["nareis_requests"], unit: "personen"},
  nareis_backlog: {name: "nareisvoorraad IND", measure: "stock", series: ["nareis_backlog"], unit: "personen"},
  nareis_grants: {name: "ingewilligde nareisverzoeken", measure: "flow", series: ["nareis_grants"], unit: "personen"},
  nareis_arrivals: {name: "aankomende nareizigers", measure: "flow", series: ["nareis_arrivals"], unit: "personen"},
  cost: {name: "kosten van de opvang", measure: "flow", series: ["cost_eur"], unit: "euro"}
} as const satisfies Record<string, KeyFigureDefinition>;

export type KeyFigureId = keyof typeof KEY_FIGURES;
export const KEY_FIGURE_IDS = Object.keys(KEY_FIGURES) as KeyFigureId[];

export interface KeyFigure {
  id: KeyFigureId;
  year: number;
  /** Null when the year lies (partly) outside the model horizon. */
  value: number | null;
  /** Dutch date phrase: "eind 2025 (stand 31 december)" or "in 2025 (kalenderjaar)". */
  date: string;
  /** Dutch name with the date: the label a page shows next to the number. */
  label: string;
  unit: FigureUnit;
  /** Every key figure is a model outcome, never an observation. */
  kind: "gemodelleerd";
  /** Stable key for tests and data attributes: "ind_backlog@2025". */
  key: string;
}

/** The date phrase of a figure kind in `year`. */
export function dateOf(measure: "stock" | "flow", year: number): string {
  return measure === "stock" ? `eind ${year} (stand 31 december)` : `in ${year} (kalenderjaar)`;
}

/** One key figure of one run in one year. */
export function keyFigure(run: RunOutput, id: KeyFigureId, year: number): KeyFigure {
  const def: KeyFigureDefinition = KEY_FIGURES[id];
  let value: number | null = 0;
  for (const series of def.series) {
    const values = run.series[series];
    const part = def.measure === "stock" ? endOfYear(values, run.start, year) : yearSum(values, run.start, year);
    if (part === null || value === null) value = null;
    else value += part;
  }
  const date = dateOf(def.measure, year);
  return {id, year, value, date, label: `${def.name} ${date}`, unit: def.unit, kind: "gemodelleerd", key: `${id}@${year}`};
}

/** All key figures of one run in one year. */
export function keyFigures(run: RunOutput, year: number): Record<KeyFigureId, KeyFigure> {
  return Object.fromEntries(KEY_FIGURE_IDS.map((id) => [id, keyFigure(run, id, year)])) as Record<KeyFigureId, KeyFigure>;
}

export type PeakId = "coa_occupancy" | "nareis_arrivals" | "capacity_shortage";
const PEAK_SERIES: Record<PeakId, {series: SeriesId; name: string}> = {
  coa_occupancy: {series: "coa_total", name: "hoogste bezetting COA-opvang (maandeinde)"},
  nareis_arrivals: {series: "nareis_arrivals", name: "hoogste aantal aankomende nareizigers in één maand"},
  capacity_shortage: {series: "capacity_shortage", name: "grootste tekort aan opvangplekken (maandeinde)"}
};

export interface PeakFigure {
  id: PeakId;
  value: number | null;
  /** "YYYY-MM" of the peak, null for an empty run. */
  month: string | null;
  /** Dutch label with the period searched: "… in 2022–2030". */
  label: string;
  key: string;
}

/** The highest monthly value of a series over the whole model horizon, with its month. */
export function peakFigure(run: RunOutput, id: PeakId): PeakFigure {
  const {series, name} = PEAK_SERIES[id];
  const peak = peakOf(run.series[series], run.start);
  const y0 = run.start.slice(0, 4);
  const y1 = String(Math.floor((Number(y0) * 12 + Number(run.start.slice(5, 7)) - 1 + run.months - 1) / 12));
  return {id, value: peak?.value ?? null, month: peak?.month ?? null, label: `${name} in ${y0 === y1 ? y0 : `${y0}–${y1}`}`, key: `peak:${id}`};
}

/** The outcomes compared on "Vergelijken", in table order. */
export const COMPARE_FIGURES: readonly KeyFigureId[] = ["inflow_total", "ind_backlog", "lead_time", "coa_occupancy", "capacity_need", "permit_waiting", "housed", "departed", "nareis_arrivals", "cost"];
