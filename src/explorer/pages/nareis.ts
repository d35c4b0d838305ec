/** Page logic of /nareis: requests, backlog, arrivals, and the timing of the peak explained from grants. */
import {keyFigure, peakFigure, type KeyFigure, type PeakFigure} from "../../model/key-figures.js";
import {paramValue, resolveParameters} from "../../model/params.js";
import {monthAt, offsetOf, yearSum} from "../../model/timeline.js";
import type {ModelInputs, Scenario, SeriesId} from "../../model/types.js";
import {annualCompare} from "../../components/annual-compare.js";
import {formatCount, formatDecimal, formatMonth} from "../../components/format.js";
import {monthDate, scenarioChart} from "../../components/scenario-chart.js";
import {BAND_RUNS, type Results} from "../session.js";
import {bandOf, chartRows, lastObservedMonth, lines, observedPoints} from "../series.js";
import {figureText, NOT_APPLICABLE, peakMonthText} from "../figures-ui.js";
import {annualBarsOf, figurePair, framed, fullYearSums, observations, REPORT_YEAR, versusBase} from "./common.js";
import {PAGE_BAND_SERIES} from "../precomputed-band.js";

export const NAREIS_SERIES: readonly SeriesId[] = PAGE_BAND_SERIES.nareis;

/** Observed nareis arrivals per calendar year: complete CBS years (four quarters summed) and partial years. */
export function cbsYears(inputs: ModelInputs): {complete: {year: number; value: number; source: string}[]; partial: {year: number; value: number; quarters: number}[]} {
  const byYear = new Map<number, {value: number; n: number}>();
  for (const o of observations(inputs, "inflow_nareis", "flow_quarter")) {
    const year = Number(o.date.slice(0, 4));
    const d = byYear.get(year) ?? {value: 0, n: 0};
    d.value += o.value;
    d.n += 1;
    byYear.set(year, d);
  }
  const rows = [...byYear].sort(([a], [b]) => a - b);
  return {
    complete: rows.filter(([, d]) => d.n === 4).map(([year, d]) => ({year, value: d.value, source: "CBS, som van vier kwartalen"})),
    partial: rows.filter(([, d]) => d.n < 4).map(([year, d]) => ({year, value: d.value, quarters: d.n}))
  };
}

export interface NareisView {
  year: number;
  requests: KeyFigure;
  requestsVsBase: string;
  backlog: KeyFigure;
  backlogVsBase: string;
  grants: KeyFigure;
  arrivals: KeyFigure;
  arrivalsVsBase: string;
  arrivals2023: string;
  cbs2023: string;
  peak: PeakFigure;
  peakVsBase: string;
  /** The explanation of the peak's timing (plain text). */
  timing: string;
  /** Highest month of grants before the peak, as text, and its value. */
  grantsPeakMonth: string;
  grantsPeak: string;
}

export function nareisView(results: Results, inputs: ModelInputs, scenario: Scenario, year = REPORT_YEAR): NareisView {
  const run = results.scenario;
  const s = run.series;
  const start = run.start;
  const requests = figurePair(results, "nareis_requests", year);
  const backlog = figurePair(results, "nareis_backlog", year);
  const arrivals = figurePair(results, "nareis_arrivals", year);
  const peak = peakFigure(run, "nareis_arrivals");
  const basePeak = peakFigure(results.baseline, "nareis_arrivals");
  const monthText = (i: number) => formatMonth(monthDate(monthAt(start, i)));
  const cbs = cbsYears(inputs);
  // The peak of the grants that feed it: the highest month up to the arrivals peak.
  const iPeak = peak.month ? Math.max(0, offsetOf(start, peak.month)) : 0;
  let iGrants = 0;
  for (let i = 0; i <= iPeak && i < s.grants.length; i++) if ((s.grants[i] ?? 0) > (s.grants[iGrants] ?? 0)) iGrants = i;
  const ps = resolveParameters(scenario, inputs);
  const N = paramValue(ps, "nareis_request_months", iGrants);
  const M = paramValue(ps, "nareis_decision_months", iGrants);
  const K = paramValue(ps, "nareis_travel_months", iGrants);
  const expected = Math.round(N + M + K);
  const grantsTop = s.grants[iGrants] ?? 0;
  const iPlateau = Array.from(s.grants).findIndex((g) => g >= 0.97 * grantsTop);
  const plateau = iGrants - iPlateau > 12;
  const lag = iPeak - iGrants;
  const atEnd = iPeak >= run.months - 6;
  const endYear = monthAt(start, run.months - 1).slice(0, 4);
  let why: string;
  if (atEnd)
    why = `De berekende piek valt in de laatste maanden van de modelperiode (die loopt tot ${monthText(run.months - 1)}): de aankomsten lopen tot het eind op of blijven op een plateau, omdat de nareisvoorraad bij de IND de inwilligingen pas na ${formatCount(expected)} maanden doorgeeft. Binnen de modelperiode is er dus geen afgeronde piek; die ligt na ${endYear} of hangt af van ontwikkelingen die het model niet kent.`;
  else if (lag < expected / 2)
    why = `De berekende piek valt al ${formatCount(lag)} maanden na de piek in inwilligingen, veel eerder dan de vertragingen doen verwachten. Ze komt dan vooral uit de nareisvoorraad die al bij de IND lag en die sneller wordt weggewerkt (bijvoorbeeld omdat de beslistijd daalt: de voorraad gaat van ${formatCount(s.nareis_backlog[Math.max(0, iPeak - 6)])} zes maanden eerder naar ${formatCount(s.nareis_backlog[iPeak])} in de piekmaand), niet uit nieuwe inwilligingen.`;
  else why = `De berekende piek valt ${formatCount(lag)} maanden na de piek in inwilligingen${Math.abs(lag - expected) > 3 ? "; dat wijkt af van de som van de vertragingen omdat elke stap een gemiddelde is: een deel komt eerder, een deel veel later, en de nareis hangt ook af van de voorraad die er al lag" : ""}.`;
  const timing = peak.month
    ? `Waarom dan? De inwilligingen die de nareis voeden zijn het hoogst in ${monthText(iGrants)} (${formatCount(grantsTop)} per maand)${plateau ? `, maar ze liggen al sinds ${monthText(iPlateau)} op een plateau binnen 3% van dat niveau` : ""}. Het verzoek volgt gemiddeld ${formatDecimal(N)} maanden later, de IND beslist na gemiddeld ${formatDecimal(M)} maanden en de reis duurt gemiddeld ${formatDecimal(K)} maanden (waarden in ${monthText(iGrants)} in dit scenario): samen ${formatCount(expected)} maanden, dus rond ${monthText(iGrants + expected)}. ${why}`
    : NOT_APPLICABLE;
  const delta = peak.value !== null && basePeak.value !== null ? peak.value - basePeak.value : null;
  return {
    year,
    requests: requests.mine,
    requestsVsBase: versusBase(results, requests, false),
    backlog: backlog.mine,
    backlogVsBase: versusBase(results, backlog, false),
    grants: keyFigure(run, "nareis_grants", year),
    arrivals: arrivals.mine,
    arrivalsVsBase: versusBase(results, arrivals, false),
    arrivals2023: formatCount(yearSum(s.nareis_arrivals, start, 2023)),
    cbs2023: formatCount(cbs.complete.find((d) => d.year === 2023)?.value),
    peak,
    peakVsBase: results.modified && delta !== null ? ` (basis: ${formatCount(basePeak.value)} in ${peakMonthText(basePeak)}, ${delta >= 0 ? "+" : "−"}${formatCount(Math.abs(delta))})` : "",
    timing,
    grantsPeakMonth: monthText(iGrants),
    grantsPeak: formatCount(grantsTop)
  };
}

/** The catalogue's measures that touch nareis, in one sentence. */
export function nareisMeasuresNote(inputs: ModelInputs): string {
  const list = inputs.measures.filter((m) => /nareis|gezin/i.test(`${m.id} ${m.name}`));
  if (!list.length) return "De catalogus bevat geen maatregel die specifiek de nareis raakt.";
  return `Maatregelen in de catalogus die de nareis raken: ${list.map((m) => `‘${m.name}’ (${m.effects?.length ? "gekwantificeerd" : `niet gekwantificeerd: ${m.notQuantifiable ?? "geen openbare onderbouwing"}`})`).join("; ")}. Wat je hier kunt instellen zijn de aannames en de beslistijd van de IND.`;
}

export interface NareisCharts {
  flow: HTMLElement;
  annual: HTMLElement;
  backlog: HTMLElement;
  grants: HTMLElement;
}

export function nareisCharts(v: NareisView, results: Results, inputs: ModelInputs, {width}: {width: number}): NareisCharts {
  const s = results.scenario.series;
  const start = results.scenario.start;
  const lastObserved = lastObservedMonth(inputs);
  const who = results.modified ? "jouw scenario" : "basis";
  const quarterPoints = observations(inputs, "inflow_nareis", "flow_quarter").map((o) => {
    const q = Number(o.date.slice(6));
    return {date: monthDate(`${o.date.slice(0, 4)}-${String(q * 3 - 1).padStart(2, "0")}`), value: o.value / 3, label: `CBS ${o.date}: ${formatCount(o.value)} in het kwartaal, gemiddeld per maand`};
  });
  const flow = framed(
    scenarioChart(
      {
        start,
        lines: [
          ...lines(results, "nareis_arrivals", "aankomsten"),
          {role: "scenario", label: `verzoeken (${who})`, values: s.nareis_requests, color: "#0891b2"},
          {role: "scenario", label: `inwilligingen nareis (${who})`, values: s.nareis_grants, color: "#15803d"}
        ],
        band: bandOf(results, "nareis_arrivals"),
        observed: quarterPoints
      },
      {width, yLabel: "personen per maand", lastObserved, caption: `Nareis per maand (gemodelleerd): gezinsleden voor wie een verzoek wordt ingediend, voor wie het verzoek wordt ingewilligd, en die aankomen. Band: P10–P90 van de aankomsten over ${formatCount(BAND_RUNS)} modelruns. Zwarte punten: nareizigers per kwartaal volgens het CBS, gedeeld door drie (gemiddelde per maand), midden in het kwartaal gezet.`, summary: `Aankomsten: piek ${formatCount(v.peak.value)} in ${peakMonthText(v.peak)}; verzoeken ${v.year} ${figureText(v.requests)}, aankomsten ${v.year} ${figureText(v.arrivals)}.`}
    ),
    {title: "Verzoeken, inwilligingen en aankomsten", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); waarnemingen CBS", rows: () => chartRows(results, ["nareis_requests", "nareis_grants", "nareis_arrivals"]), filename: "nareis-stromen"}
  );
  const backlog = framed(
    scenarioChart(
      {start, lines: lines(results, "nareis_backlog"), band: bandOf(results, "nareis_backlog"), observed: observedPoints(inputs, "nareis_backlog")},
      {width, yLabel: "open nareisverzoeken (personen)", lastObserved, caption: `Gezinsleden met een open nareisverzoek bij de IND aan het eind van elke maand (gemodelleerd), met de P10–P90-band van ${formatCount(BAND_RUNS)} modelruns. Zwarte punten: gepubliceerde nareisvoorraad (IND-jaarcijfers en pers). Het cijfer van begin 2025 (‘ruim 66.000 nareizigers wachten’) komt uit een persbericht en is niet tegen de IND geverifieerd; het telt mogelijk ook gezinsleden van wie het verzoek al is ingewilligd.`, summary: `Nareisvoorraad eind ${v.year}: ${figureText(v.backlog)}.`}
    ),
    {title: "Nareisvoorraad IND", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); waarnemingen IND en pers", rows: () => chartRows(results, "nareis_backlog"), filename: "nareisvoorraad"}
  );
  const grants = framed(
    scenarioChart(
      {start, lines: lines(results, "grants"), band: bandOf(results, "grants")},
      {width, height: 220, yLabel: "inwilligingen per maand", lastObserved, caption: "Inwilligingen van asielaanvragen per maand (gemodelleerd): de bron van de nareis. Een deel van de referenten dient een nareisverzoek in, met een aantal gezinsleden per referent dat per groep verschilt (aannames, gekalibreerd op de nareis 2022–2023).", summary: `Inwilligingen: hoogste maand ${v.grantsPeakMonth} met ${v.grantsPeak}.`, rules: []}
    ),
    {title: "Inwilligingen asiel (bron van de nareis)", source: "Asielketen Verkenner, ketenmodel (gemodelleerd)", rows: () => chartRows(results, "grants"), filename: "inwilligingen"}
  );
  const cbs = cbsYears(inputs);
  const ind2022 = observations(inputs, "inflow_nareis", "flow_year").find((o) => o.date === "2022")?.value;
  const arrivals = fullYearSums(s.nareis_arrivals, start);
  const baseArrivals = new Map(fullYearSums(results.baseline.series.nareis_arrivals, results.baseline.start).map((d) => [d.year, d.value]));
  const annual = framed(
    annualCompare(
      {bars: annualBarsOf(results, "nareis_arrivals"), observed: cbs.complete},
      {width, yLabel: "nareizigers per jaar", format: formatCount, observedLabel: "waargenomen (CBS)", caption: `Aankomende nareizigers per kalenderjaar (gemodelleerd) tegen de CBS-cijfers (zwarte streep; som van vier kwartalen). IND telde voor 2022 ${formatCount(ind2022)} nareizigers.${cbs.partial.map((d) => ` Voor ${d.year} zijn pas ${d.quarters} kwartalen bekend (${formatCount(d.value)}); die zijn niet als jaarcijfer getekend.`).join("")} Tot en met ${formatMonth(monthDate(lastObserved))} neemt het model de waargenomen nareis niet over: de aankomsten volgen uit de inwilligingen, dus de vergelijking is een toets.`, summary: `Nareis 2023: model ${v.arrivals2023}, CBS ${v.cbs2023}; ${v.year}: ${figureText(v.arrivals)}.`}
    ),
    {title: "Nareizigers per jaar: model en CBS", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); waarnemingen CBS en IND", rows: () => arrivals.map((d) => ({jaar: d.year, ongewijzigd: Math.round(baseArrivals.get(d.year) ?? NaN), scenario: Math.round(d.value), cbs: cbs.complete.find((c) => c.year === d.year)?.value ?? ""})), filename: "nareis-per-jaar"}
  );
  return {flow, annual, backlog, grants};
}
