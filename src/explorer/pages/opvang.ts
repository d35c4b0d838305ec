/** Page logic of /opvang: key figures, caption values and charts (the page and the unit tests call these). */
import {keyFigure, peakFigure, type KeyFigure, type PeakFigure} from "../../model/key-figures.js";
import {offsetOf, valueAt} from "../../model/timeline.js";
import type {ModelInputs, Scenario, SeriesId} from "../../model/types.js";
import {annualBars} from "../../components/annual-bars.js";
import {formatCount, formatEuro, formatPercent} from "../../components/format.js";
import {scenarioChart} from "../../components/scenario-chart.js";
import {stackedArea} from "../../components/stacked-area.js";
import {BAND_RUNS, type Results} from "../session.js";
import {bandOf, chartRows, lastObservedMonth, lines, observedPoints} from "../series.js";
import {figureText, formatFigure, peakMonthText} from "../figures-ui.js";
import {basisOf, capitalize, datedValues, figurePair, framed, fullYearSums, parameter, REPORT_YEAR, valueInScenario, versusBase} from "./common.js";
import {PAGE_BAND_SERIES} from "../precomputed-band.js";

export const OPVANG_SERIES: readonly SeriesId[] = PAGE_BAND_SERIES.opvang;

export interface OpvangView {
  year: number;
  peak: PeakFigure;
  basePeak: PeakFigure;
  shortage: PeakFigure;
  occupancy: KeyFigure;
  /** "Eind 2025 (stand 31 december)", the date of the stock figures. */
  stockDate: string;
  need: KeyFigure;
  available: KeyFigure;
  cost: KeyFigure;
  /** " (basis: …, +…)" after the peak and the cost; "" when unmodified. */
  peakVsBase: string;
  costVsBase: string;
  /** The occupancy rate in the scenario ("91%"). */
  occupancyRate: string;
  /** Cost per person per year from the register, with dates ("€ 27.100 vanaf januari 2022, …"). */
  costRegular: string;
  costEmergency: string;
  costBasis: string;
}

export function opvangView(results: Results, inputs: ModelInputs, scenario: Scenario, year = REPORT_YEAR): OpvangView {
  const peak = peakFigure(results.scenario, "coa_occupancy");
  const basePeak = peakFigure(results.baseline, "coa_occupancy");
  const cost = figurePair(results, "cost", year);
  const delta = peak.value !== null && basePeak.value !== null ? peak.value - basePeak.value : null;
  const euro = (v: number) => formatEuro(v);
  return {
    year,
    peak,
    basePeak,
    shortage: peakFigure(results.scenario, "capacity_shortage"),
    occupancy: keyFigure(results.scenario, "coa_occupancy", year),
    stockDate: capitalize(keyFigure(results.scenario, "coa_occupancy", year).date),
    need: keyFigure(results.scenario, "capacity_need", year),
    available: keyFigure(results.scenario, "capacity_available", year),
    cost: cost.mine,
    peakVsBase: results.modified ? ` (basis: ${formatFigure(basePeak.value, "personen")}${delta === null ? "" : `, ${delta >= 0 ? "+" : "−"}${formatCount(Math.abs(delta))}`})` : "",
    costVsBase: versusBase(results, cost, false),
    occupancyRate: formatPercent(valueInScenario(inputs, scenario, "occupancy_rate"), 0),
    costRegular: datedValues(parameter(inputs, "cost_regular_per_year"), euro),
    costEmergency: datedValues(parameter(inputs, "cost_emergency_per_year"), euro),
    costBasis: basisOf(parameter(inputs, "cost_regular_per_year"))
  };
}

export function opvangCharts(view: OpvangView, results: Results, inputs: ModelInputs, {width}: {width: number}): {occupancy: HTMLElement; groups: HTMLElement; capacity: HTMLElement; cost: HTMLElement} {
  const s = results.scenario.series;
  const start = results.scenario.start;
  const lastObserved = lastObservedMonth(inputs);
  const band = bandOf(results, "coa_total");
  const iPeak = view.peak.month ? Math.max(0, offsetOf(start, view.peak.month)) : 0;
  const at = (id: SeriesId, month: string | null) => formatCount(month ? valueAt(s[id], start, month) : null);
  const occupancy = framed(
    scenarioChart(
      {start, lines: lines(results, "coa_total"), band, observed: observedPoints(inputs, "coa_total")},
      {width, yLabel: "personen in de opvang", lastObserved, caption: `Personen met recht op COA-opvang aan het eind van elke maand (gemodelleerd), met de P10–P90-band van ${formatCount(BAND_RUNS)} modelruns over de onzekere aannames. Zwarte punten: waarnemingen (COA, Rijksoverheid, pers; zie Bronnen en methode).`, summary: `Bezetting: piek ${formatFigure(view.peak.value, "personen")} in ${peakMonthText(view.peak)}; band P10–P90 rond dat moment ${formatCount(band.p10[iPeak])} tot ${formatCount(band.p90[iPeak])}.`}
    ),
    {title: "Bezetting COA-opvang", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); waarnemingen COA", rows: () => chartRows(results, "coa_total"), filename: "bezetting-coa"}
  );
  const groups = framed(
    stackedArea(
      [
        {label: "in procedure", color: "#60a5fa", values: s.coa_in_procedure},
        {label: "vergunninghouders wachtend op woning", color: "#f59e0b", values: s.coa_permit_waiting},
        {label: "afgewezen (max. 28 dagen)", color: "#9ca3af", values: s.coa_rejected},
        {label: "nareizigers zonder woning referent", color: "#a78bfa", values: s.coa_nareis}
      ],
      {width, start, yLabel: "personen", caption: "Samenstelling van de bezetting in jouw scenario (gemodelleerd). De verdeling over groepen is niet waargenomen: COA publiceert alleen het aantal vergunninghouders (zie Bronnen en methode).", summary: `Samenstelling in ${peakMonthText(view.peak)}: ${at("coa_in_procedure", view.peak.month)} in procedure, ${at("coa_permit_waiting", view.peak.month)} vergunninghouders.`}
    ),
    {title: "Bezetting naar groep", source: "Asielketen Verkenner, ketenmodel (gemodelleerd)", rows: () => chartRows(results, ["coa_in_procedure", "coa_permit_waiting", "coa_rejected", "coa_nareis"]), filename: "bezetting-groepen"}
  );
  const rate = parameter(inputs, "occupancy_rate");
  const capacity = framed(
    scenarioChart(
      {start, lines: [...lines(results, "capacity_need", "nodig"), {role: "scenario", label: "beschikbaar (jouw scenario)", values: s.capacity_available, color: "#15803d"}], band: bandOf(results, "capacity_need")},
      {width, yLabel: "plekken", lastObserved, caption: `Benodigde plekken = bezetting / bezettingsgraad (${view.occupancyRate}; ${basisOf(rate)}). Beschikbaar = stabiele basis + flexibel + reserve + noodopvang + crisisnoodopvang (${basisOf(parameter(inputs, "capacity_flex"))}). Gemodelleerd.`, summary: `${capitalize(view.need.date)} zijn ${figureText(view.need)} plekken nodig en ${figureText(view.available)} beschikbaar.`}
    ),
    {title: "Capaciteitsbehoefte en beschikbare plekken", source: "Asielketen Verkenner, ketenmodel (gemodelleerd)", rows: () => chartRows(results, ["capacity_need", "capacity_available", "capacity_shortage"]), filename: "capaciteit"}
  );
  const cost = fullYearSums(s.cost_eur, start);
  const baseCost = fullYearSums(results.baseline.series.cost_eur, results.baseline.start);
  const costChart = framed(
    annualBars(
      [...baseCost.map((d) => ({...d, role: "baseline" as const, label: "ongewijzigd beleid"})), ...(results.modified ? cost.map((d) => ({...d, role: "scenario" as const, label: "jouw scenario"})) : [])],
      {width, yLabel: "€ per jaar", format: formatEuro, tickFormat: (v) => formatEuro(v), caption: `Kosten van de opvang per kalenderjaar (gemodelleerd): bezetting × kosten per persoon per jaar, regulier (${view.costRegular}) of nood- en crisisopvang (${view.costEmergency}); bron: ${view.costBasis}.`, summary: `Kosten ${view.cost.date}: ${figureText(view.cost)}.`}
    ),
    {title: "Kosten per jaar", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); kosten per persoon: COA", rows: () => cost.map((d, i) => ({jaar: d.year, scenario_eur: Math.round(d.value), ongewijzigd_eur: Math.round(baseCost[i]?.value ?? NaN)})), filename: "kosten"}
  );
  return {occupancy, groups, capacity, cost: costChart};
}
