/** Page logic of /instroom: history figures from the inflow loader, MPP 2023 against realised, projections per preset. */
import {keyFigure, type KeyFigure} from "../../model/key-figures.js";
import {run} from "../../model/run.js";
import type {ModelInputs, RunOutput, SeriesId} from "../../model/types.js";
import type {AnnualRow, InflowComponent, InflowData, QuarterRow, ScenarioRow, TotalRow} from "../../types/inflow.js";
import {annualProjection, type AnnualPoint} from "../../components/annual-projection.js";
import {formatCount, formatDelta, formatPercent} from "../../components/format.js";
import {projectionChart} from "../../components/projection-chart.js";
import {scenarioChart} from "../../components/scenario-chart.js";
import {seriesChart, type SeriesPoint} from "../../components/series-chart.js";
import type {Results} from "../session.js";
import {bandOf, chartRows, lastObservedMonth, lines} from "../series.js";
import {figureText} from "../figures-ui.js";
import {capitalize, framed, fullYearSums, REPORT_YEAR} from "./common.js";
import {PAGE_BAND_SERIES} from "../precomputed-band.js";

export const INSTROOM_SERIES: readonly SeriesId[] = PAGE_BAND_SERIES.instroom;

/** Colours per source series, shared by every history chart. */
export const SERIES_COLORS: Record<string, string> = {
  unhcr_new: "#1f77b4", ind_first: "#ff7f0e", cbs_first: "#2ca02c",
  unhcr_repeat: "#1f77b4", ind_repeat: "#ff7f0e",
  ind_nareis: "#ff7f0e", cbs_nareis: "#2ca02c",
  jenv_resettlement: "#9467bd"
};

const HISTORY_SOURCE = "CBS; IND; UNHCR; Ministerie van JenV (zie Bronnen en methode)";

function need<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw new Error(`inflow data has no ${what}`);
  return row;
}

export interface InstroomHistory {
  lastUnhcr: number;
  firstLast: string;
  first2022: string;
  first2023: string;
  growth2023: string;
  peakQuarter: QuarterRow;
  peakQuarterCount: string;
  nareis2022: string;
  nareis2023: string;
  lastQuarter: QuarterRow;
  lastQuarterFirst: string;
  lastQuarterNareis: string;
  mppMin: string;
  mppMedio: string;
  mppMax: string;
  mppLikely: string;
  realised2022: string;
  realised2023: string;
  vsMedio: string;
  vsMin: string;
  /** 2022 plus the letter's "circa 17.500 personen hoger". */
  medioFromLetter: string;
  /** The producers of the inflow datasets, for the page's source line. */
  producers: string;
}

/** The letter of April 2023 (TK 19 637 nr. 3100) puts the medio scenario "circa 17.500 personen hoger" than 2022. */
export const MEDIO_ABOVE_2022_IN_LETTER = 17500;

export function instroomHistory(inflow: InflowData): InstroomHistory {
  const annual = (series: string, year: number) => need(inflow.annual.find((d) => d.series === series && d.year === year), `${series} ${year}`);
  const total = (series: string, year: number) => need(inflow.totals.find((d) => d.series === series && d.year === year), `total ${series} ${year}`);
  const mpp = (name: ScenarioRow["scenario"]) => need(inflow.scenarios.find((d) => d.edition === "2023-I" && d.scenario === name), `MPP ${name}`);
  const lastUnhcr = Math.max(...inflow.annual.filter((d) => d.series === "unhcr_new").map((d) => d.year));
  const first = inflow.quarterly.filter((d) => d.measure === "eerste_asielverzoeken");
  const nareis = inflow.quarterly.filter((d) => d.measure === "nareizigers");
  const since2016 = first.filter((d) => d.year >= 2016);
  const peakQuarter = need(since2016.reduce<QuarterRow | undefined>((best, d) => (!best || d.count > best.count ? d : best), undefined), "quarters since 2016");
  const lastQuarter = need(first.at(-1), "quarters");
  const first2022 = annual("unhcr_new", 2022).count;
  const first2023 = annual("unhcr_new", 2023).count;
  const realised2022 = total("ministry_weekly", 2022).count;
  const realised2023 = total("ministry_weekly", 2023).count;
  const medio = mpp("medio").count;
  const min = mpp("minimum").count;
  return {
    lastUnhcr,
    firstLast: formatCount(annual("unhcr_new", lastUnhcr).count),
    first2022: formatCount(first2022),
    first2023: formatCount(first2023),
    growth2023: formatPercent(first2023 / first2022 - 1),
    peakQuarter,
    peakQuarterCount: formatCount(peakQuarter.count),
    nareis2022: formatCount(annual("cbs_nareis", 2022).count),
    nareis2023: formatCount(annual("cbs_nareis", 2023).count),
    lastQuarter,
    lastQuarterFirst: formatCount(lastQuarter.count),
    lastQuarterNareis: formatCount(nareis.at(-1)?.count),
    mppMin: formatCount(min),
    mppMedio: formatCount(medio),
    mppMax: formatCount(mpp("maximum").count),
    mppLikely: mpp("meest_waarschijnlijk").asStated,
    realised2022: formatCount(realised2022),
    realised2023: formatCount(realised2023),
    vsMedio: formatDelta(realised2023 - medio),
    vsMin: formatDelta(realised2023 - min),
    medioFromLetter: formatCount(realised2022 + MEDIO_ABOVE_2022_IN_LETTER),
    producers: inflow.sources.map((s) => s.producer.split(" (")[0] ?? s.producer).filter((d, i, a) => a.indexOf(d) === i).join("; ")
  };
}

/** Annual points of one inflow component, one series per source. */
export function componentPoints(inflow: InflowData, component: InflowComponent): SeriesPoint[] {
  return inflow.annual.filter((d: AnnualRow) => d.component === component).map((d) => ({x: d.year, period: String(d.year), series: d.series, seriesLabel: d.seriesLabel, value: d.count, partial: d.partial}));
}

const HISTORY: {component: InflowComponent; title: string; filename: string; caption: string}[] = [
  {component: "eerste", title: "Eerste asielaanvragen", filename: "eerste-aanvragen", caption: "Eerste asielaanvragen per jaar. Bronnen: UNHCR Refugee Population Statistics Database (nieuwe aanvragen, eerste aanleg); IND-jaarcijfers; CBS (som van kwartaalcijfers, StatLine 83102NED). CBS-verzoeken en IND-aanvragen verschillen licht van definitie."},
  {component: "herhaald", title: "Herhaalde asielaanvragen", filename: "herhaalde-aanvragen", caption: "Herhaalde asielaanvragen per jaar. Bronnen: UNHCR (aanvragen van het type 'repeat'); IND-jaarcijfers (alleen de jaren in de dataset, deels afgerond)."},
  {component: "nareis", title: "Nareizigers", filename: "nareizigers", caption: "Nareizigers (aangekomen gezinsleden) per jaar. Bronnen: IND-jaarcijfers; CBS (som van kwartaalcijfers). Open rondjes: onvolledige jaren."},
  {component: "hervestiging", title: "Hervestiging", filename: "hervestiging", caption: "Hervestiging: alleen de jaren met een gevonden waarneming (Kamerstuk 2025D08674). Het historische quotum van ongeveer 500 per jaar is een quotum, geen waarneming, en staat hier daarom niet als lijn."}
];

const historyRows = (points: SeriesPoint[]) => () => points.map((d) => ({periode: d.period, reeks: d.seriesLabel, personen: d.value, onvolledig: d.partial ? "ja" : "nee"}));

/** The history chart of one component (one line per source), with downloads. */
export function historyChart(inflow: InflowData, component: InflowComponent, width: number): HTMLElement {
  const h = need(HISTORY.find((x) => x.component === component), `history chart ${component}`);
  const points = componentPoints(inflow, component);
  return framed(seriesChart(points, {width, colors: SERIES_COLORS, caption: h.caption}), {title: h.title, source: HISTORY_SOURCE, rows: historyRows(points), filename: h.filename, showTitle: false});
}

/** Quarterly CBS first applications and nareis. */
export function quarterChart(inflow: InflowData, width: number): HTMLElement {
  const points: SeriesPoint[] = inflow.quarterly.map((d) => ({x: new Date(d.date), period: d.period, series: d.measure === "nareizigers" ? "cbs_nareis" : "cbs_first", seriesLabel: d.measure === "nareizigers" ? "CBS — nareizigers" : "CBS — eerste asielverzoeken", value: d.count, partial: d.provisional}));
  const last = inflow.quarterly.at(-1)?.year ?? "";
  return framed(seriesChart(points, {width, height: 300, colors: {cbs_first: "#2ca02c", cbs_nareis: "#d62728"}, xType: "time", caption: `Eerste asielverzoeken (2013–${last}) en nareizigers (2018–${last}) per kwartaal. Bron: CBS, nieuwsberichten bij StatLine 83102NED, nieuwste publicatie per kwartaal. Open rondjes: voorlopig bij publicatie. Nareizigers per kwartaal vóór 2018 zijn niet vastgelegd.`}), {title: "Eerste asielverzoeken en nareizigers per kwartaal", source: HISTORY_SOURCE, rows: historyRows(points), filename: "instroom-kwartalen", showTitle: true});
}

const MPP_LABELS: Record<ScenarioRow["scenario"], string> = {minimum: "MPP minimum", medio: "MPP medio", maximum: "MPP maximum", meest_waarschijnlijk: "meest waarschijnlijk (ruim)"};

/** The MPP scenarios of April 2023 for 2023 against the realised totals. */
export function mppChart(inflow: InflowData, width: number): HTMLElement {
  const realised = inflow.totals.filter((d: TotalRow) => d.year >= 2015);
  const from = need(inflow.totals.find((d) => d.series === "ministry_weekly" && d.year === 2022), "total 2022").count;
  const scenarios = inflow.scenarios.filter((d) => d.edition === "2023-I").map((d) => ({year: d.targetYear, value: d.count, scenarioLabel: MPP_LABELS[d.scenario], fromYear: 2022, fromValue: from}));
  return framed(
    projectionChart({realised: realised.map((d) => ({year: d.year, value: d.count, seriesLabel: d.seriesLabel})), scenarios}, {width, caption: "Doorgetrokken: gerealiseerde totale instroom (IND-jaarcijfers: eerste + herhaalde aanvragen + nareizigers; ministerie: afgeronde som van weekcijfers inclusief hervestiging en relocatie). Gestippeld: de MPP-scenario's van april 2023 voor 2023 (TK 19 637 nr. 3100), getrokken vanaf de realisatie van 2022 volgens het ministerie. De twee gerealiseerde reeksen hebben een andere definitie en worden niet opgeteld."}),
    {title: "MPP-scenario's 2023 tegen de realisatie", source: "TK 19 637 nr. 3100; IND; Ministerie van JenV", rows: () => [...realised.map((d) => ({jaar: d.year, reeks: d.seriesLabel, soort: "gerealiseerd", personen: d.count})), ...scenarios.map((d) => ({jaar: d.year, reeks: d.scenarioLabel, soort: "prognose", personen: d.value}))], filename: "mpp-2023"}
  );
}

/** Each preset without user changes, run once per page load. */
export function presetRuns(inputs: ModelInputs): {name: string; output: RunOutput}[] {
  return inputs.presets.map((p) => ({name: p.name, output: run({preset: p.id, overrides: {}, measures: []}, inputs)}));
}

export interface ProjectionView {
  /** "In 2025 (kalenderjaar)", the date of the flow figures, capitalised. */
  flowDate: string;
  inflow: KeyFigure;
  inflow2030: KeyFigure;
  amv: KeyFigure;
  amv2022Observed: string;
  /** Caseload at the end of 2023, i.e. on 1 January 2024. */
  nidos2024: KeyFigure;
  nidosExpected: string;
}

export function projectionView(results: Results, inputs: ModelInputs, year = REPORT_YEAR): ProjectionView {
  const s = results.scenario;
  const amv2022 = inputs.observations.find((o) => o.series === "inflow_amv" && o.date === "2022");
  const nidosExpected = inputs.observations.find((o) => o.series === "nidos_caseload" && o.date === "2024-01-01");
  // The stand on 1 January 2024 is the end of December 2023 in the model's month-end stocks.
  const nidos = keyFigure(s, "nidos_caseload", 2023);
  return {
    flowDate: capitalize(keyFigure(s, "inflow_total", year).date),
    inflow: keyFigure(s, "inflow_total", year),
    inflow2030: keyFigure(s, "inflow_total", 2030),
    amv: keyFigure(s, "inflow_amv", year),
    amv2022Observed: formatCount(amv2022?.value),
    nidos2024: nidos,
    nidosExpected: formatCount(nidosExpected?.value)
  };
}

const PRESET_COLORS = ["#6b7280", "#16a34a", "#ca8a04", "#dc2626"];

export function projectionCharts(v: ProjectionView, results: Results, inputs: ModelInputs, inflow: InflowData, presets: {name: string; output: RunOutput}[], {width}: {width: number}): {projection: HTMLElement; nidos: HTMLElement} {
  const realisedLabel = "gerealiseerd (ministerie, weekcijfers)";
  const user = fullYearSums(results.scenario.series.inflow_total, results.scenario.start);
  const points: AnnualPoint[] = [
    ...inflow.totals.filter((d) => d.series === "ministry_weekly" && d.year >= 2015).map((d) => ({year: d.year, value: d.count, label: realisedLabel, kind: "realised" as const})),
    ...presets.flatMap(({name, output}) => fullYearSums(output.series.inflow_total, output.start).filter((d) => d.year >= 2023).map((d) => ({year: d.year, value: d.value, label: name, kind: "modelled" as const}))),
    ...(results.modified ? user.filter((d) => d.year >= 2023).map((d) => ({year: d.year, value: d.value, label: "jouw scenario", kind: "modelled" as const, emphasis: true})) : [])
  ];
  const colors = Object.fromEntries(presets.map((p, i) => [p.name, PRESET_COLORS[i % PRESET_COLORS.length] ?? "#6b7280"]));
  const projection = framed(
    annualProjection(points, {width, yLabel: "personen per jaar", colors: {...colors, [realisedLabel]: "#111827", "jouw scenario": "#1d4ed8"}, caption: "Totale instroom per jaar in de MPP-definitie (eerste aanvragen, herhaalde aanvragen, hervestiging en nareis). Doorgetrokken: gerealiseerd volgens de afgeronde weekcijfers van het ministerie. Gestippeld: gemodelleerd per scenario (Asielketen Verkenner, ketenmodel), vanaf 2023.", summary: `Jouw scenario: ${figureText(v.inflow)} in ${v.inflow.year} en ${figureText(v.inflow2030)} in 2030.`}),
    {title: "Instroom per jaar: realisatie en scenario's", source: "Ministerie van JenV (weekcijfers); Asielketen Verkenner (gemodelleerd); MPP april 2023 (TK 19 637 nr. 3100)", rows: () => points.map((d) => ({jaar: d.year, reeks: d.label, soort: d.kind === "realised" ? "gerealiseerd" : "gemodelleerd", personen: Math.round(d.value)})), filename: "instroom-prognose"}
  );
  const nidos = framed(
    scenarioChart(
      {start: results.scenario.start, lines: lines(results, "nidos_caseload"), band: bandOf(results, "nidos_caseload")},
      {width, yLabel: "amv onder voogdij van Nidos", lastObserved: lastObservedMonth(inputs), caption: "Caseload van Nidos (alleenstaande minderjarige vreemdelingen onder voogdij), gemodelleerd als deelverzameling van de eerste aanvragen: instroom = aandeel amv × eerste aanvragen, uitstroom na gemiddeld de aangenomen verblijfsduur. Er is geen waargenomen reeks gevonden; de brief van april 2023 noemt een verwachting voor 1 januari 2024.", summary: `Nidos-caseload 1 januari 2024: ${figureText(v.nidos2024)} (gemodelleerd); verwacht in nr. 3100: ${v.nidosExpected}.`}
    ),
    {title: "Nidos-caseload (amv)", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); TK 19 637 nr. 3100", rows: () => chartRows(results, "nidos_caseload"), filename: "nidos-caseload"}
  );
  return {projection, nidos};
}
