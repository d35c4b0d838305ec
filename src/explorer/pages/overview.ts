/** Page logic of the home page (Overzicht): the chain's key figures, the diagram and the occupancy chart. */
import {dateOf, keyFigures, peakFigure, type KeyFigure, type KeyFigureId, type PeakFigure} from "../../model/key-figures.js";
import type {ModelInputs, Scenario, SeriesId, Summary} from "../../model/types.js";
import {chainDiagram} from "../../components/chain-diagram.js";
import {scenarioChart} from "../../components/scenario-chart.js";
import type {Results} from "../session.js";
import {bandOf, chartRows, lastObservedMonth, lines, observedPoints} from "../series.js";
import {figureText, formatFigure, peakMonthText} from "../figures-ui.js";
import {capitalize, framed, REPORT_YEAR} from "./common.js";
import {PAGE_BAND_SERIES} from "../precomputed-band.js";

export const OVERVIEW_SERIES: readonly SeriesId[] = PAGE_BAND_SERIES.index;

export const BOTTLENECK_TEXT: Record<Summary["bottleneck"], string> = {
  ind: "de IND: de voorraad blijft groeien omdat er minder beslissingen zijn dan aanvragen",
  opvang: "de opvang: er zijn meer plekken nodig dan er beschikbaar zijn",
  huisvesting: "de huisvesting: vergunninghouders stromen trager uit dan er bijkomen",
  geen: "geen enkele schakel: de keten houdt de instroom bij"
};

export interface OverviewView {
  year: number;
  presetName: string;
  f: Record<KeyFigureId, KeyFigure>;
  peak: PeakFigure;
  shortage: PeakFigure;
  nareisPeak: PeakFigure;
  bottleneck: string;
  /** "Eind 2025 (stand 31 december)". */
  stockDate: string;
  /** The chain stage to highlight. */
  bottleneckStage: "instroom" | "ind" | "opvang" | "uitstroom" | "geen";
}

export function overviewView(results: Results, inputs: ModelInputs, scenario: Scenario, year = REPORT_YEAR): OverviewView {
  return {
    year,
    presetName: inputs.presets.find((p) => p.id === scenario.preset)?.name ?? scenario.preset,
    f: keyFigures(results.scenario, year),
    peak: peakFigure(results.scenario, "coa_occupancy"),
    shortage: peakFigure(results.scenario, "capacity_shortage"),
    nareisPeak: peakFigure(results.scenario, "nareis_arrivals"),
    bottleneck: BOTTLENECK_TEXT[results.scenario.summary.bottleneck],
    stockDate: capitalize(dateOf("stock", year)),
    bottleneckStage: results.scenario.summary.bottleneck === "huisvesting" ? "uitstroom" : results.scenario.summary.bottleneck
  };
}

/** The chain diagram; its links carry the scenario (the page's link propagation keeps them current). */
export function overviewDiagram(v: OverviewView, {width, search}: {width: number; search: string}): HTMLElement {
  const line = (label: string, f: KeyFigure) => ({label, value: figureText(f), figure: f.key});
  const y = v.year;
  return chainDiagram(
    {
      stages: [
        {id: "instroom", title: "Instroom", href: "./instroom" + search, lines: [line(`totaal ${y} (MPP-definitie)`, v.f.inflow_total)]},
        {id: "ind", title: "IND", href: "./ind" + search, lines: [line(`voorraad eind ${y}`, v.f.ind_backlog), {...line(`doorlooptijd eind ${y}`, v.f.lead_time), value: `${figureText(v.f.lead_time)} mnd`}]},
        {id: "opvang", title: "Opvang (COA)", href: "./opvang" + search, lines: [{label: "piekbezetting", value: formatFigure(v.peak.value, "personen"), figure: v.peak.key}, {label: "grootste tekort", value: formatFigure(v.shortage.value, "personen"), figure: v.shortage.key}]},
        {id: "uitstroom", title: "Uitstroom", href: "./uitstroom" + search, lines: [line(`wachtend op woning eind ${y}`, v.f.permit_waiting), line(`gehuisvest ${y}`, v.f.housed)]}
      ],
      nareis: {label: `piek ${peakMonthText(v.nareisPeak)}:`, value: `${formatFigure(v.nareisPeak.value, "personen")} per maand`, href: "./nareis" + search},
      bottleneck: v.bottleneckStage
    },
    {width}
  );
}

export function overviewChart(v: OverviewView, results: Results, inputs: ModelInputs, {width}: {width: number}): HTMLElement {
  return framed(
    scenarioChart(
      {start: results.scenario.start, lines: lines(results, "coa_total"), band: bandOf(results, "coa_total"), observed: observedPoints(inputs, "coa_total")},
      {width, yLabel: "personen in de opvang", lastObserved: lastObservedMonth(inputs), caption: "Personen in de COA-opvang per maand (gemodelleerd) met P10–P90-band; zwarte punten zijn waarnemingen. Zie de pagina Opvang voor capaciteit en kosten.", summary: `Piekbezetting ${formatFigure(v.peak.value, "personen")} in ${peakMonthText(v.peak)}.`}
    ),
    {title: "Bezetting van de opvang", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); waarnemingen COA", rows: () => chartRows(results, "coa_total"), filename: "overzicht-bezetting"}
  );
}
