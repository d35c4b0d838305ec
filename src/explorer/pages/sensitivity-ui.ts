/**
 * Section "Welke aannames tellen het zwaarst?" of the Bronnen page: the tornado of the model's
 * assumptions per key outcome around the scenario in the link (default: the baseline). About 80
 * runs (25 ms), so it is computed in the page, for the scenario the reader came from.
 */
import {sensitivity, tornado, type Sensitivity, type TornadoBar} from "../../model/sensitivity.js";
import {OUTCOME_IDS, OUTCOMES, type OutcomeId} from "../../model/outcomes.js";
import type {ModelInputs, Scenario} from "../../model/types.js";
import {formatCount, formatDecimal, formatMonth, formatPercent} from "../../components/format.js";
import {kindBadge} from "../../components/provenance.js";
import {tornadoChart} from "../../components/tornado.js";
import {monthDate} from "../../components/scenario-chart.js";
import {addMonths} from "../../model/months.js";
import {outcomeFormat} from "./shapley-ui.js";

export const SENSITIVITY_SOURCE = "Asielketen Verkenner, ketenmodel: elke aanname op de grenzen van haar plausibele bereik (Bronnen, tabel Parameters)";
export const TOP_N = 10;

/** A parameter value in Dutch by its register unit ("aandeel" as a percentage, years without a thousands dot). */
export function parameterText(value: number, unit: string): string {
  if (unit.startsWith("aandeel")) return formatPercent(value, value !== 0 && Math.abs(value) < 0.1 ? 1 : 0);
  if (unit === "jaar") return String(Math.round(value));
  if (unit === "factor" || unit === "maanden" || unit.startsWith("personen per referent")) return Number.isInteger(value) ? formatCount(value) : formatDecimal(value);
  return formatCount(value);
}

/** "4.000 – 60.000 personen per jaar". */
export function rangeText(bar: Pick<TornadoBar, "low" | "high" | "unit">): string {
  const unit = bar.unit.startsWith("aandeel") || bar.unit === "factor" ? "" : ` ${bar.unit}`;
  return `${parameterText(bar.low, bar.unit)} – ${parameterText(bar.high, bar.unit)}${unit}`;
}

export interface TornadoRowView {
  rank: number;
  label: string;
  range: string;
  value: string;
  atLow: string;
  atHigh: string;
  swing: string;
  swingValue: number;
}

/** The rows of the tornado table for one outcome, largest swing first. Pure. */
export function tornadoRows(s: Sensitivity, outcome: OutcomeId, top = TOP_N): TornadoRowView[] {
  const f = outcomeFormat(outcome);
  return tornado(s, outcome, top).map((b, i) => ({
    rank: i + 1,
    label: b.label,
    range: rangeText(b),
    value: parameterText(b.value, b.unit),
    atLow: f(b.atLow[outcome]),
    atHigh: f(b.atHigh[outcome]),
    swing: f(b.swing),
    swingValue: b.swing
  }));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

function outcomeBlock(s: Sensitivity, outcome: OutcomeId, width: number, top: number): HTMLElement {
  const def = OUTCOMES[outcome];
  const f = outcomeFormat(outcome);
  const bars = tornado(s, outcome, top);
  const rows = tornadoRows(s, outcome, top);
  const root = el("div", "tornado-outcome");
  root.dataset.outcome = outcome;
  const lead = bars[0];
  root.append(
    tornadoChart(
      bars.map((b, i) => ({label: b.label, range: rows[i]!.range, atLow: b.atLow[outcome], atHigh: b.atHigh[outcome]})),
      {
        width,
        base: s.base[outcome],
        format: f,
        xLabel: def.name,
        caption: `De ${formatCount(bars.length)} aannames met de grootste invloed op de ${def.name} (gemodelleerd): elke aanname apart op de lage en de hoge grens van haar bereik, de rest op de standaardwaarde. De zwarte lijn is de uitkomst met alle aannames op hun standaardwaarde (${f(s.base[outcome])}). Bron: ${SENSITIVITY_SOURCE}.`,
        summary: lead ? `Grootste invloed: ${lead.label}, van ${f(lead.atLow[outcome])} tot ${f(lead.atHigh[outcome])}.` : "Geen aannames."
      }
    )
  );
  const table = el("table", "tornado-table");
  table.tabIndex = 0;
  table.setAttribute("aria-label", `Aannames naar invloed op de ${def.name}`);
  const head = el("tr");
  for (const h of ["#", "Aanname", "Bereik", "Standaard", "Uitkomst bij lage grens", "bij hoge grens", "Verschil"]) head.append(el("th", undefined, h));
  const thead = el("thead");
  thead.append(head);
  const body = el("tbody");
  for (const r of rows) {
    const tr = el("tr");
    tr.dataset.swing = String(r.swingValue);
    const swing = el("td", "tornado-swing", r.swing);
    swing.append(" ", kindBadge("gemodelleerd", SENSITIVITY_SOURCE));
    tr.append(el("td", undefined, String(r.rank)), el("th", undefined, r.label), el("td", undefined, r.range), el("td", undefined, r.value), el("td", undefined, r.atLow), el("td", undefined, r.atHigh), swing);
    body.append(tr);
  }
  table.append(thead, body);
  const scroll = el("div", "table-scroll");
  scroll.style.overflowX = "auto";
  scroll.append(table);
  root.append(scroll);
  return root;
}

let chosen: OutcomeId = "coa_2027";

/** The section body: the origin sentence, a select of the five key outcomes, and the tornado with its table. */
export function sensitivitySection(inputs: ModelInputs, scenario: Scenario, {width, top = TOP_N}: {width: number; top?: number}): HTMLElement {
  const s = sensitivity(scenario, inputs);
  const root = el("div", "sensitivity-section");
  const preset = inputs.presets.find((p) => p.id === scenario.preset)?.name ?? scenario.preset;
  const changed = Object.keys(scenario.overrides).length + scenario.measures.length + (scenario.off?.length ?? 0) > 0;
  root.append(
    el(
      "p",
      "sensitivity-origin",
      `Doorgerekend rond het scenario ${preset}${changed ? " met jouw aanpassingen" : ""}: elke aanname geldt op haar grens vanaf ${formatMonth(monthDate(addMonths(s.origin, 1)))}, de maand na het laatste waargenomen punt; het verleden blijft zoals waargenomen. ${formatCount(s.rows.length)} aannames doen mee; de startvoorraden van januari 2022 en de keuzeschakelaars niet, omdat die na het startpunt niets meer veranderen of geen bereik hebben.`
    )
  );
  const label = el("label", "tornado-select");
  label.append("Uitkomst: ");
  const select = el("select");
  for (const id of OUTCOME_IDS) {
    const o = el("option", undefined, OUTCOMES[id].name);
    o.value = id;
    if (id === chosen) o.selected = true;
    select.append(o);
  }
  label.append(select);
  const holder = el("div");
  holder.append(outcomeBlock(s, chosen, width, top));
  select.addEventListener("change", () => {
    chosen = select.value as OutcomeId;
    holder.replaceChildren(outcomeBlock(s, chosen, width, top));
  });
  root.append(label, holder);
  return root;
}
