/** Page logic of /maatregelen: catalogue counts, the effect table (basis vs scenario) and its chart. */
import {keyFigure, peakFigure, type FigureUnit, type KeyFigureId, type PeakId} from "../../model/key-figures.js";
import type {Measure, ModelInputs, RunOutput, SeriesId} from "../../model/types.js";
import {formatCount} from "../../components/format.js";
import {STATUS_LABELS} from "../../components/measure-catalogue.js";
import {scenarioChart} from "../../components/scenario-chart.js";
import type {Results} from "../session.js";
import {bandOf, chartRows, lastObservedMonth, lines, observedPoints} from "../series.js";
import {formatFigure} from "../figures-ui.js";
import {framed, REPORT_YEAR} from "./common.js";
import {activeText} from "./measure-cards.js";
import {documentGroup, isQuantified} from "./measure-filters.js";
import {PAGE_BAND_SERIES} from "../precomputed-band.js";

export {catalogueView, type CatalogueView} from "./measure-catalogue-view.js";

export const MAATREGELEN_SERIES: readonly SeriesId[] = PAGE_BAND_SERIES.maatregelen;

export interface EffectRow {
  /** The figure's stable key ("ind_backlog@2025", "peak:coa_occupancy"). */
  key: string;
  /** Short row id ("piek", "voorraad"). */
  short: string;
  label: string;
  unit: FigureUnit;
  base: number | null;
  mine: number | null;
  /** Dutch text of each cell. */
  cells: [string, string, string, string];
}

type RowSpec = ({kind: "peak"; id: PeakId} | {kind: "figure"; id: KeyFigureId}) & {label: string; short: string};

function rowSpecs(year: number): RowSpec[] {
  return [
    {kind: "peak", id: "coa_occupancy", short: "piek", label: "Piekbezetting opvang (personen, hoogste maandeinde)"},
    {kind: "peak", id: "capacity_shortage", short: "tekort", label: "Grootste tekort aan opvangplekken (maandeinde)"},
    {kind: "figure", id: "permit_waiting", short: "wachtend", label: `Vergunninghouders wachtend op een woning, eind ${year}`},
    {kind: "figure", id: "ind_backlog", short: "voorraad", label: `IND-voorraad, eind ${year}`},
    {kind: "figure", id: "cost", short: "kosten", label: `Kosten opvang ${year}`},
    {kind: "peak", id: "nareis_arrivals", short: "nareis", label: "Piek nareizigers per maand"}
  ];
}

function valueOf(run: RunOutput, spec: RowSpec, year: number): number | null {
  return spec.kind === "peak" ? peakFigure(run, spec.id).value : keyFigure(run, spec.id, year).value;
}

/** The effect of the scenario on the key outcomes, against its preset alone. */
export function effectRows(results: Results, year = REPORT_YEAR): EffectRow[] {
  return rowSpecs(year).map((spec) => {
    const unit: FigureUnit = spec.kind === "figure" && spec.id === "cost" ? "euro" : "personen";
    const base = valueOf(results.baseline, spec, year);
    const mine = valueOf(results.scenario, spec, year);
    const d = base === null || mine === null ? null : mine - base;
    const delta = d === null ? formatFigure(null, unit) : `${d >= 0 ? "+" : "−"}${formatFigure(Math.abs(d), unit)}`;
    return {key: spec.kind === "peak" ? `peak:${spec.id}` : `${spec.id}@${year}`, short: spec.short, label: spec.label, unit, base, mine, cells: [spec.label, formatFigure(base, unit), formatFigure(mine, unit), delta]};
  });
}

export interface MaatregelenView {
  total: number;
  quantified: number;
  /** Measures in the baseline (in force), Dutch-formatted. */
  inBaseline: string;
  /** "67 uit de vijf brieven waarop deze verkenner rust en 6 uit latere wetten en besluiten" */
  originText: string;
  /** "40 vastgesteld, 2 aangenomen door de Tweede Kamer, 12 voorgenomen en 19 concept (niet vastgesteld)" */
  statusText: string;
  /** The number of measures without a modelled effect, Dutch-formatted. */
  unquantified: string;
}

export function maatregelenView(inputs: ModelInputs): MaatregelenView {
  const ms = inputs.measures;
  const count = (status: Measure["status"]) => ms.filter((m) => m.status === status).length;
  const quantified = ms.filter(isQuantified).length;
  const later = ms.filter((m) => documentGroup(m.source.document) === "later").length;
  const statuses = (["adopted", "passed_house", "proposed", "draft"] as const).filter((s) => count(s) > 0).map((s) => `${formatCount(count(s))} ${STATUS_LABELS[s]}`);
  const statusText = statuses.length > 1 ? `${statuses.slice(0, -1).join(", ")} en ${statuses.at(-1)}` : (statuses[0] ?? "");
  return {
    total: ms.length,
    quantified,
    inBaseline: formatCount(ms.filter((m) => m.inBaseline && isQuantified(m)).length),
    originText: `${formatCount(ms.length - later)} uit de vijf brieven waarop deze verkenner rust${later ? ` en ${formatCount(later)} uit latere wetten en besluiten` : ""}`,
    unquantified: formatCount(ms.length - quantified),
    statusText
  };
}

export {activeText};

export function effectTable(rows: EffectRow[]): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "effects";
  table.id = "effecten";
  const head = table.createTHead().insertRow();
  for (const h of ["Uitkomst (gemodelleerd)", "Basis", "Jouw scenario", "Verschil"]) head.append(Object.assign(document.createElement("th"), {textContent: h}));
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    tr.dataset.key = r.short;
    r.cells.forEach((text, i) => {
      const cell = tr.insertCell();
      cell.textContent = text;
      if (i === 2) cell.dataset.figure = r.key;
    });
  }
  return table;
}

export function maatregelenChart(rows: EffectRow[], results: Results, inputs: ModelInputs, {width}: {width: number}): HTMLElement {
  const peak = rows[0];
  return framed(
    scenarioChart(
      {start: results.scenario.start, lines: lines(results, "coa_total"), band: bandOf(results, "coa_total"), observed: observedPoints(inputs, "coa_total")},
      {width, yLabel: "personen in de opvang", lastObserved: lastObservedMonth(inputs), caption: "Bezetting van de opvang met en zonder de gekozen maatregelen (gemodelleerd), met P10–P90-band van jouw scenario.", summary: `Piekbezetting: basis ${peak?.cells[1] ?? ""}, jouw scenario ${peak?.cells[2] ?? ""}.`}
    ),
    {title: "Effect op de bezetting van de opvang", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); maatregelen uit de vijf brieven", rows: () => chartRows(results, "coa_total"), filename: "maatregelen-bezetting"}
  );
}
