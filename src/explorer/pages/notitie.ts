/**
 * Page logic of /notitie, the two-page scenario brief: the scenario from the URL, its inputs in words,
 * the key outcomes against the baseline, the effect per measure, three charts and the sources.
 * The pure functions (`*Rows`, `*Text`) turn data into rows and texts; `notitieReport` lays them out.
 */
import type {ModelInputs, Scenario} from "../../model/types.js";
import {annualBars, type AnnualBar} from "../../components/annual-bars.js";
import {inputLines, keyOutcomes, measureEffects, euroDelta, type InputLine, type MeasureEffect, type Outcome} from "../../components/brief.js";
import {dutchDate} from "../../components/chart-frame.js";
import {formatCount, formatDelta, formatEuro, formatMonth} from "../../components/format.js";
import {kindBadge, kindLegend} from "../../components/provenance.js";
import {monthDate, scenarioChart} from "../../components/scenario-chart.js";
import {installLinkPropagation} from "../links.js";
import {annualSum, compute, readScenario, searchFor, type Results} from "../session.js";
import {bandOf, lastObservedMonth, lines, observedPoints} from "../series.js";
import {noticeList} from "../ui.js";

export const NOTITIE_SERIES = ["coa_total", "backlog_total", "capacity_need"] as const;

/** Width of the charts: fits an A4 page in print. */
const CHART_WIDTH = 660;

/** The sentence above the list of inputs. */
export function invoerIntro(presetName: string, list: readonly InputLine[]): string {
  return `Basis: ${presetName}. ${list.length ? "Gewijzigd ten opzichte van die basis:" : "Geen wijzigingen ten opzichte van die basis."}`;
}

export interface OutcomeRow {
  id: string;
  label: string;
  value: string;
  /** " (maart 2026)" after the value, or "". */
  when: string;
  baseline: string;
  difference: string;
}

/** The outcomes table as texts: scenario value, baseline value and the difference. */
export function outcomeRows(outcomes: readonly Outcome[]): OutcomeRow[] {
  return outcomes.map((o) => ({
    id: o.id,
    label: o.label,
    value: o.format(o.scenario),
    when: o.when ? ` (${o.when})` : "",
    baseline: o.format(o.baseline),
    difference: o.formatDifference(o.scenario - o.baseline)
  }));
}

export const EFFECT_HEADERS = ["Maatregel", "Vanaf", "Hoogste bezetting", "IND-voorraad eind", "Kosten 2026"];

/** The measure effects table as texts, in the order of EFFECT_HEADERS. */
export function effectRows(effects: readonly MeasureEffect[]): string[][] {
  return effects.map((e) => [e.name, e.start, formatDelta(e.peakOccupancy), formatDelta(e.backlogEnd), euroDelta(e.cost2026)]);
}

/** "Nog 3 maatregelen zonder afzonderlijk effect in deze notitie." when not every measure was run, else null. */
export function remainingText(measures: number, effects: number): string | null {
  return measures > effects ? `Nog ${measures - effects} maatregelen zonder afzonderlijk effect in deze notitie.` : null;
}

/** The annual cost bars: the baseline, and the scenario when it differs from it. */
export function costBars(results: Results): AnnualBar[] {
  const start = results.scenario.start;
  const cost = annualSum(results.scenario.series.cost_eur, start);
  const baseCost = annualSum(results.baseline.series.cost_eur, start);
  return [
    ...baseCost.map((d) => ({...d, role: "baseline" as const, label: "ongewijzigd beleid"})),
    ...(results.modified ? cost.map((d) => ({...d, role: "scenario" as const, label: "dit scenario"})) : [])
  ];
}

/** The sources paragraph; `lastObserved` is the last month of observed inflow ("2025-09"). */
export function sourcesText(lastObserved: string): string {
  return `Waarnemingen: CBS (asielverzoeken, nareizigers), IND (jaarcijfers, voorraad), COA (bezetting, kosten per persoon, jaarverslagen), Rijksoverheid (taakstelling), MPP april 2023 (TK 19 637 nr. 3100). Tot en met ${formatMonth(monthDate(lastObserved))} volgt het model de waargenomen instroom; daarna is alles een projectie onder de gekozen aannames. Alle parameters met hun onderbouwing staan op de pagina Bronnen en methode.`;
}

function el(tag: string, className?: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function headerRow(table: HTMLTableElement, headers: readonly string[]): void {
  const row = table.createTHead().insertRow();
  for (const h of headers) {
    const th = el("th", undefined, h) as HTMLTableCellElement;
    th.scope = "col";
    row.append(th);
  }
}

export interface NotitieReport {
  scenario: Scenario;
  /** The preset's name, or "eigen scenario". */
  name: string;
  notices: HTMLElement;
  meta: HTMLElement;
  invoer: HTMLElement;
  outcomes: HTMLTableElement;
  effects: HTMLElement;
  charts: HTMLElement;
  sources: HTMLElement;
}

/**
 * The brief of the scenario in `location.search`. Also wires the print button (#notitie-afdrukken) with a
 * listener, not an onclick attribute: the site runs under a CSP without inline handlers (docs/deploy.md).
 */
export function notitieReport(inputs: ModelInputs, location: {search: string; origin: string; pathname: string}): NotitieReport {
  installLinkPropagation();
  document.getElementById("notitie-afdrukken")?.addEventListener("click", () => window.print());
  const lastObserved = lastObservedMonth(inputs);
  const initial = readScenario(location.search, inputs);
  const scenario = initial.scenario;
  const results = compute(inputs, scenario, NOTITIE_SERIES);
  const name = inputs.presets.find((p) => p.id === scenario.preset)?.name ?? "eigen scenario";
  const own = location.origin + location.pathname + searchFor(scenario, inputs);
  const modelled = "Asielketen Verkenner, ketenmodel versie " + inputs.modelVersion;

  const meta = el("p", "notitie-meta");
  meta.append(`Datastand ${dutchDate(inputs.dataVintage)} · model versie ${inputs.modelVersion} · alle uitkomsten zijn `, el("strong", undefined, "gemodelleerd"), " onder de aannames hieronder, geen voorspelling.");

  const list = inputLines(scenario, inputs);
  const invoer = el("div", "notitie-invoer");
  invoer.append(el("p", undefined, invoerIntro(name, list)));
  if (list.length) {
    const ul = el("ul");
    for (const line of list) {
      const li = el("li");
      li.append(el("span", "invoer-soort", `${line.kind}: `), `${line.label}: ${line.value}`);
      ul.append(li);
    }
    invoer.append(ul);
  }

  const outcomes = el("table", "notitie-uitkomsten") as HTMLTableElement;
  headerRow(outcomes, ["Uitkomst", "Dit scenario", "Basis", "Verschil"]);
  const body = outcomes.createTBody();
  for (const o of outcomeRows(keyOutcomes(results.scenario, results.baseline))) {
    const tr = body.insertRow();
    const th = el("th", undefined, o.label) as HTMLTableCellElement;
    th.scope = "row";
    const value = el("td");
    const number = el("span", "kerncijfer", o.value);
    number.id = o.id;
    value.append(number, kindBadge("gemodelleerd", modelled), o.when);
    tr.append(th, value, el("td", undefined, o.baseline), el("td", undefined, o.difference));
  }

  const measureRows = effectRows(measureEffects(scenario, inputs, results.scenario));
  const effects = el("div", "notitie-effecten");
  effects.append(el("h2", undefined, "Effect per maatregel"));
  if (!measureRows.length) {
    effects.append(el("p", undefined, "Dit scenario zet geen maatregelen aan. Zet maatregelen aan op de pagina Maatregelen om hun effect hier te zien."));
  } else {
    effects.append(el("p", "bron", "Verschil tussen dit scenario en hetzelfde scenario zonder die ene maatregel (gemodelleerd)."));
    const t = el("table") as HTMLTableElement;
    headerRow(t, EFFECT_HEADERS);
    const b = t.createTBody();
    for (const cells of measureRows) b.insertRow().append(...cells.map((c) => el("td", undefined, c)));
    effects.append(t);
    const rest = remainingText(scenario.measures.length, measureRows.length);
    if (rest) effects.append(el("p", "bron", rest));
  }

  const start = results.scenario.start;
  const cost = annualSum(results.scenario.series.cost_eur, start);
  const charts = el("div", "notitie-grafieken");
  const caption = (title: string) => el("h3", undefined, title);
  charts.append(
    caption("Bezetting COA-opvang (personen)"),
    scenarioChart({start, lines: lines(results, "coa_total"), band: bandOf(results, "coa_total"), observed: observedPoints(inputs, "coa_total")}, {width: CHART_WIDTH, height: 190, yLabel: "personen", lastObserved, caption: "Gemodelleerd, met P10–P90-band van 1.000 modelruns; punten: waarnemingen COA.", summary: `Hoogste bezetting ${formatCount(results.scenario.summary.peakOccupancy.value)}.`}),
    caption("IND-voorraad (zaken)"),
    scenarioChart({start, lines: lines(results, "backlog_total"), band: bandOf(results, "backlog_total"), observed: observedPoints(inputs, "backlog_total")}, {width: CHART_WIDTH, height: 170, yLabel: "zaken", lastObserved, caption: "Gemodelleerd; punten: waarnemingen IND.", summary: `IND-voorraad aan het eind: ${formatCount(results.scenario.summary.backlogEnd)}.`}),
    caption("Kosten van de opvang per jaar"),
    annualBars(costBars(results), {width: CHART_WIDTH, height: 150, yLabel: "€ per jaar", format: formatEuro, tickFormat: (v) => formatEuro(v), caption: "Gemodelleerd: bezetting × kosten per persoon per jaar (COA-jaarverslagen).", summary: `Kosten 2026: ${formatEuro(cost.find((d) => d.year === 2026)?.value)}.`})
  );

  const sources = el("div", "notitie-bronnen");
  sources.append(el("p", undefined, sourcesText(lastObserved)), kindLegend());
  const link = el("p", "notitie-link");
  const a = el("a", undefined, own) as HTMLAnchorElement;
  a.href = own;
  link.append(`Permalink (datastand ${dutchDate(inputs.dataVintage)}, model versie ${inputs.modelVersion}): `, a);
  sources.append(link);

  return {scenario, name, notices: noticeList(initial.notices), meta, invoer, outcomes, effects, charts, sources};
}
