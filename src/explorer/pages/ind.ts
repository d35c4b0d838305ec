/** Page logic of /ind: backlog, decisions, lead time, cases past the legal term and dwangsom exposure. */
import {keyFigure, type KeyFigure} from "../../model/key-figures.js";
import {endOfYear, yearSum} from "../../model/timeline.js";
import type {DatedValue, ModelInputs, Scenario, SeriesId} from "../../model/types.js";
import {annualCompare} from "../../components/annual-compare.js";
import {formatCount, formatDecimal, formatEuro, formatMonth, formatPercent} from "../../components/format.js";
import {monthDate, scenarioChart} from "../../components/scenario-chart.js";
import {stackedArea} from "../../components/stacked-area.js";
import {BAND_RUNS, type Results} from "../session.js";
import {bandOf, chartRows, lastObservedMonth, lines, observedPoints} from "../series.js";
import {figureText, formatFigure} from "../figures-ui.js";
import {annualBarsOf, annualRows, figurePair, framed, observations, parameter, REPORT_YEAR, valueInScenario, versusBase} from "./common.js";
import {PAGE_BAND_SERIES} from "../precomputed-band.js";

export const IND_SERIES: readonly SeriesId[] = PAGE_BAND_SERIES.ind;

export interface IndView {
  year: number;
  backlog: KeyFigure;
  backlogVsBase: string;
  backlogEnd: KeyFigure;
  backlogEndVsBase: string;
  /** Share of the backlog in track 3 at the end of the year ("88%"). */
  track3Share: string;
  decisions: KeyFigure;
  decisionsVsBase: string;
  /** Modelled and observed decisions in the year before. */
  decisionsPrev: string;
  decisionsPrevObserved: string;
  decisionsPerMonth: string;
  lead: KeyFigure;
  leadVsBase: string;
  pastTerm: KeyFigure;
  pastTermVsBase: string;
  legalTerm: string;
  dwangsom: KeyFigure;
  dwangsomVsBase: string;
  dwangsomPrev: string;
  dwangsomPrevObserved: string;
  /** The quantified doorstroom measures, or why there are none. */
  measuresNote: string;
}

/** "2.333 (2022), 2.917 (2023) en 3.373 (2024)": a dated register value by the year each step starts. */
export function byStartYear(steps: readonly DatedValue[]): string {
  const parts = steps.map((d) => `${formatCount(d.value)} (vanaf ${formatMonth(monthDate(d.from))})`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} en ${parts.at(-1)}` : (parts[0] ?? "");
}

/** "€ 3,4 mln (2022), € 11,3 mln (2023) en € 36,8 mln (2024)". */
export function listByYear(rows: readonly {date: string; value: number}[], format: (v: number) => string): string {
  const parts = rows.map((o) => `${format(o.value)} (${o.date})`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} en ${parts.at(-1)}` : (parts[0] ?? "");
}

export function indView(results: Results, inputs: ModelInputs, scenario: Scenario, year = REPORT_YEAR): IndView {
  const s = results.scenario;
  const backlog = figurePair(results, "ind_backlog", year);
  const backlogEnd = figurePair(results, "ind_backlog", 2030);
  const decisions = figurePair(results, "decisions", year);
  const lead = figurePair(results, "lead_time", year);
  const past = figurePair(results, "cases_past_term", year);
  const dwangsom = figurePair(results, "dwangsom", year);
  const track3 = endOfYear(s.series.backlog_track3, s.start, year);
  const observedDecisions = observations(inputs, "decisions", "flow_year");
  const observedDwangsom = observations(inputs, "dwangsom_eur", "flow_year");
  const prev = String(year - 1);
  const doorstroom = inputs.measures.filter((m) => m.pillar === "doorstroom");
  const quantified = doorstroom.filter((m) => m.effects?.length);
  return {
    year,
    backlog: backlog.mine,
    backlogVsBase: versusBase(results, backlog),
    backlogEnd: backlogEnd.mine,
    backlogEndVsBase: versusBase(results, backlogEnd, false),
    track3Share: formatPercent(track3 === null || backlog.mine.value === null ? null : track3 / Math.max(1, backlog.mine.value), 0),
    decisions: decisions.mine,
    decisionsVsBase: versusBase(results, decisions, false),
    decisionsPrev: formatCount(yearSum(s.series.decisions, s.start, year - 1)),
    decisionsPrevObserved: formatCount(observedDecisions.find((o) => o.date === prev)?.value),
    decisionsPerMonth: formatCount(valueInScenario(inputs, scenario, "ind_decisions_per_month")),
    lead: lead.mine,
    leadVsBase: versusBase(results, lead, false),
    pastTerm: past.mine,
    pastTermVsBase: versusBase(results, past, false),
    legalTerm: formatCount(valueInScenario(inputs, scenario, "legal_term_months")),
    dwangsom: dwangsom.mine,
    dwangsomVsBase: versusBase(results, dwangsom, false),
    dwangsomPrev: formatEuro(yearSum(s.series.dwangsom_eur, s.start, year - 1)),
    dwangsomPrevObserved: formatEuro(observedDwangsom.find((o) => o.date === prev)?.value),
    measuresNote:
      quantified.length === 0
        ? `Geen van de ${doorstroom.length} maatregelen voor de doorstroom bij de IND in de catalogus is uit openbare bronnen te kwantificeren (bijvoorbeeld ‘${doorstroom[0]?.name ?? ""}’); daarom staan hier geen maatregelschakelaars. Het effect van meer of minder beslissingen kun je wel zelf instellen met de knop ‘${parameter(inputs, "ind_decisions_per_month").label}’.`
        : `${quantified.length} van de ${doorstroom.length} maatregelen voor de doorstroom zijn gekwantificeerd.`
  };
}

export interface IndCharts {
  tracks: HTMLElement;
  backlog: HTMLElement;
  decisions: HTMLElement;
  decisionsAnnual: HTMLElement;
  lead: HTMLElement;
  past: HTMLElement;
  dwangsom: HTMLElement;
}

export function indCharts(v: IndView, results: Results, inputs: ModelInputs, scenario: Scenario, {width}: {width: number}): IndCharts {
  const s = results.scenario.series;
  const start = results.scenario.start;
  const lastObserved = lastObservedMonth(inputs);
  const y = v.year;
  const eoy = (values: ArrayLike<number>) => formatCount(endOfYear(values, start, y));
  const decisionsParam = parameter(inputs, "ind_decisions_per_month");
  const production = Array.isArray(decisionsParam.value) ? byStartYear(decisionsParam.value) : formatCount(decisionsParam.value);
  const observedDecisions = observations(inputs, "decisions", "flow_year");
  const observedLead = observations(inputs, "lead_time_months", "mean_year");
  const observedDwangsom = observations(inputs, "dwangsom_eur", "flow_year");
  const observedBacklog = observations(inputs, "backlog_total", "stock").filter((o) => o.date >= "2024");
  const termParam = parameter(inputs, "legal_term_months");
  const termSteps = Array.isArray(termParam.value) ? termParam.value : [{from: "2022-01", value: termParam.value}];
  const dwangsomParam = parameter(inputs, "dwangsom_per_case_month");
  const termNow = valueInScenario(inputs, scenario, "legal_term_months");
  const backlogBand = bandOf(results, "backlog_total");
  const tracks = framed(
    stackedArea(
      [
        {label: "spoor 1: Dublin", color: "#0ea5e9", values: s.backlog_track1},
        {label: "spoor 2: veilig land / bescherming elders", color: "#14b8a6", values: s.backlog_track2},
        {label: "spoor 4: landen met < 10% inwilliging", color: "#a3a3a3", values: s.backlog_track4},
        {label: "spoor 3: algemene / verlengde procedure", color: "#6366f1", values: s.backlog_track3}
      ],
      {width, start, yLabel: "open aanvragen", caption: "Open asielaanvragen in eerste aanleg bij de IND aan het eind van elke maand, per spoor, in jouw scenario (gemodelleerd). Het model handelt sporen 1, 2 en 4 met voorrang af: wat binnenkomt wordt dezelfde maand beslist, zodat hun voorraad vrijwel nul blijft. In werkelijkheid lagen er begin 2024 ca. 5.000 zaken in deze sporen (IND-jaarcijfers 2023). De verdeling over sporen is niet waargenomen.", summary: `Werkvoorraad eind ${y} per spoor: spoor 1 ${eoy(s.backlog_track1)}, spoor 2 ${eoy(s.backlog_track2)}, spoor 4 ${eoy(s.backlog_track4)}, spoor 3 ${eoy(s.backlog_track3)}.`}
    ),
    {title: "Werkvoorraad IND per spoor", source: "Asielketen Verkenner, ketenmodel (gemodelleerd)", rows: () => chartRows(results, ["backlog_track1", "backlog_track2", "backlog_track4", "backlog_track3"]), filename: "werkvoorraad-sporen"}
  );
  const backlog = framed(
    scenarioChart(
      {start, lines: lines(results, "backlog_total"), band: backlogBand, observed: observedPoints(inputs, "backlog_total")},
      {width, yLabel: "open aanvragen", lastObserved, caption: `Totale werkvoorraad asiel eerste aanleg bij de IND (gemodelleerd; nareis niet meegeteld), met de P10–P90-band van ${formatCount(BAND_RUNS)} modelruns over de onzekere aannames. Zwarte punten: gepubliceerde werkvoorraad asiel (IND-nieuws en jaarcijfers; ${observedBacklog.map((o) => `${formatMonth(monthDate(o.date.slice(0, 7)))}: ${formatCount(o.value)}`).join(", ")}).`, summary: `Werkvoorraad eind ${y}: ${figureText(v.backlog)} (band ${eoy(backlogBand.p10)} – ${eoy(backlogBand.p90)}); eind 2030: ${figureText(v.backlogEnd)}.`}
    ),
    {title: "Werkvoorraad IND: model en waarnemingen", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); waarnemingen IND", rows: () => chartRows(results, "backlog_total"), filename: "werkvoorraad-ind"}
  );
  const decisions = framed(
    scenarioChart(
      {start, lines: lines(results, "decisions"), band: bandOf(results, "decisions")},
      {width, height: 220, yLabel: "beslissingen per maand", lastObserved, caption: `Beslissingen van de IND in eerste aanleg per maand (gemodelleerd): de productie uit het parameterregister (${production} per maand, daarna gelijk; gezet op de IND-jaarcijfers ${listByYear(observedDecisions, formatCount)}), tenzij er te weinig zaken zijn. Band: P10–P90 van ${formatCount(BAND_RUNS)} modelruns.`, summary: `Beslissingen per maand eind ${y}: ${eoy(s.decisions)}.`}
    ),
    {title: "Beslissingen per maand", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); productie: IND", rows: () => chartRows(results, "decisions"), filename: "beslissingen-per-maand"}
  );
  const decisionsAnnual = framed(
    annualCompare(
      {bars: annualBarsOf(results, "decisions"), observed: observedDecisions.map((o) => ({year: Number(o.date), value: o.value, source: o.source}))},
      {width, yLabel: "beslissingen per jaar", format: formatCount, caption: `Beslissingen per kalenderjaar: gemodelleerde jaarsommen (balken) en de gepubliceerde aantallen (zwarte streep; IND): ${listByYear(observedDecisions, formatCount)}. De model-productie is op deze cijfers gezet; dat ze samenvallen is dus geen toets.`, summary: `Beslissingen ${y - 1}: model ${v.decisionsPrev}, waargenomen ${v.decisionsPrevObserved}; ${y}: ${figureText(v.decisions)}.`}
    ),
    {title: "Beslissingen per jaar", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); waarnemingen IND", rows: annualRows(results, "decisions", observedDecisions), filename: "beslissingen-per-jaar"}
  );
  const lead = framed(
    scenarioChart(
      {start, lines: lines(results, "lead_time_months"), band: bandOf(results, "lead_time_months"), observed: observedLead.map((o) => ({date: new Date(`${o.date}-07-01T00:00:00Z`), value: o.value, label: `jaargemiddelde wachttijd, ${o.source}`}))},
      {width, height: 220, yLabel: "maanden", lastObserved, format: formatDecimal, tickFormat: (x) => formatCount(x), caption: `Doorlooptijd in maanden: de werkvoorraad gedeeld door het aantal beslissingen per maand (gemodelleerd; hoe lang het wegwerken van de voorraad bij de huidige productie duurt). Zwarte punten: de gemiddelde wachttijd op een beslissing per jaar volgens de IND (${listByYear(observedLead, (x) => `${formatDecimal(x)} maanden`)}), midden in het jaar gezet. Beide maten zijn verwant maar niet gelijk.`, summary: `Doorlooptijd eind ${y}: ${figureText(v.lead)} maanden.`, rules: [{value: termNow, label: `wettelijke beslistermijn: ${formatCount(termNow)} maanden`}]}
    ),
    {title: "Doorlooptijd", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); wachttijd: IND-jaarcijfers", rows: () => chartRows(results, "lead_time_months"), filename: "doorlooptijd"}
  );
  const past = framed(
    scenarioChart(
      {start, lines: lines(results, "cases_past_term"), band: bandOf(results, "cases_past_term")},
      {width, height: 240, yLabel: "zaken buiten de termijn", lastObserved, caption: `Open zaken die langer wachten dan de wettelijke beslistermijn (gemodelleerd): spoor 3 (termijn ${formatCount(termNow)} maanden; register: ${termSteps.map((d) => `${formatCount(d.value)} maanden vanaf ${formatMonth(monthDate(d.from))}`).join(", ")}) en nareis (termijn ${formatCount(valueInScenario(inputs, scenario, "nareis_legal_term_months"))} maanden). De oudste zaken worden eerst beslist. Niet waargenomen.`, summary: `Zaken buiten de termijn eind ${y}: ${figureText(v.pastTerm)}.`}
    ),
    {title: "Zaken buiten de wettelijke beslistermijn", source: "Asielketen Verkenner, ketenmodel (gemodelleerd)", rows: () => chartRows(results, "cases_past_term"), filename: "buiten-termijn"}
  );
  const calibration = observedDwangsom.filter((o) => o.date < "2024");
  const check = observedDwangsom.filter((o) => o.date >= "2024");
  const perCase = scenario.overrides.dwangsom_per_case_month != null
    ? `jouw scenario: € ${formatCount(scenario.overrides.dwangsom_per_case_month)} vanaf ${formatMonth(monthDate(scenario.overridesFrom ?? start))}`
    : (Array.isArray(dwangsomParam.value) ? dwangsomParam.value : [{from: start, value: dwangsomParam.value}]).map((d) => `€ ${formatCount(d.value)} vanaf ${formatMonth(monthDate(d.from))}`).join(", ");
  const dwangsom = framed(
    annualCompare(
      {bars: annualBarsOf(results, "dwangsom_eur"), observed: observedDwangsom.map((o) => ({year: Number(o.date), value: o.value, source: o.source}))},
      {width, yLabel: "€ per jaar", format: formatEuro, tickFormat: (x) => formatEuro(x), observedLabel: "waargenomen (betaald)", caption: `Dwangsommen per jaar (gemodelleerd): zaken buiten de termijn × een gemiddeld betaald bedrag per zaak per maand (${perCase}). Dat bedrag is gekalibreerd op de betaalde dwangsommen ${listByYear(calibration, formatEuro)}; ${listByYear(check, formatEuro)} is een controle buiten de kalibratie. Bovengrens: ${formatEuro(dwangsomParam.high)}, de maximale bestuurlijke dwangsom per zaak (een zaak levert hooguit één keer een dwangsom op). Zwarte streep: werkelijk betaald (IND).`, summary: `Dwangsommen ${y - 1}: model ${v.dwangsomPrev}, betaald ${v.dwangsomPrevObserved}; ${y}: ${formatFigure(v.dwangsom.value, "euro")}.`}
    ),
    {title: "Dwangsommen per jaar", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); betaald: IND", rows: annualRows(results, "dwangsom_eur", observedDwangsom), filename: "dwangsommen"}
  );
  return {tracks, backlog, decisions, decisionsAnnual, lead, past, dwangsom};
}
