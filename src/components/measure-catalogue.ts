/**
 * A card of the measures catalogue: name, status, pillar, source (document, section, date), how the
 * model quantifies it (mechanism, strength range and its reasoning when the catalogue gives them) or
 * why it cannot be quantified, a switch (uitzetten / aanzetten with a start month) and its effect on
 * the key outcomes ("met" vs "zonder deze maatregel", gemodelleerd). Plain HTML, all text set with
 * textContent; the card renders what it is given and computes nothing.
 */
import type {Measure} from "../model/types.js";
import {formatDecimal, formatMonth} from "./format.js";

export const PILLAR_LABELS: Record<Measure["pillar"], string> = {
  instroom: "Instroom",
  doorstroom: "Doorstroom (IND)",
  opvang: "Opvang",
  uitstroom: "Uitstroom en huisvesting",
  terugkeer: "Terugkeer en vertrek",
  stelsel: "Stelsel en wetgeving"
};

export const STATUS_LABELS: Record<Measure["status"], string> = {adopted: "vastgesteld", passed_house: "aangenomen door de Tweede Kamer", proposed: "voorgenomen", draft: "concept (niet vastgesteld)"};

/** One key outcome on a card. */
export interface EffectRowView {
  id: string;
  label: string;
  with: string;
  without: string;
  delta: string;
  /** with − without (NaN when an outcome date is outside the run). */
  value: number;
}

/** One documented target of a measure with its modelled change. */
export interface TargetRowView {
  output: string;
  /** Dutch: "aankomsten nareizigers in 2028". */
  label: string;
  /** Signed Dutch text of with − without. */
  delta: string;
  /** "lager" or "hoger": the documented direction. */
  expected: string;
  /** The model moves it in the documented direction by at least the catalogue's minimum. */
  met: boolean;
}

/** The effect of a measure as a card shows it. */
export interface CardEffectView {
  id: string;
  active: boolean;
  rows: EffectRowView[];
  /** The outputs the catalogue says the measure moves (often not one of the five key outcomes). */
  targets: TargetRowView[];
  /** What the comparison is, in Dutch. */
  note: string;
  /** Dutch sentence on the free-run estimate before the origin, or null. */
  retrospective: string | null;
}

/** How the measure stands in the scenario (see src/explorer/pages/measure-cards.ts). */
export type CardSwitch =
  | {kind: "none"}
  | {kind: "baseline-on"}
  | {kind: "baseline-off"}
  | {kind: "on"; start: string; end?: string; strength: number}
  | {kind: "available"};

export interface MeasureCardOptions {
  /** Document group id (src/explorer/pages/measure-filters.ts), set as data-document. */
  documentGroup: string;
  state: CardSwitch;
  /** Dutch: mechanism, strength range and its reasoning (when the catalogue gives them). */
  mechanism?: string;
  strength?: {low: number; high: number; reason?: string};
  /** The effect to show, or null (then a "bereken effect" button for quantified measures). */
  effect: CardEffectView | null;
  /** Start month offered by "aanzetten" ("YYYY-MM") and the earliest allowed. */
  start: string;
  minStart: string;
  /** A Dutch notice to show at the switch (a start month that was corrected). */
  notice?: string | null;
  onSwitch(on: boolean, start?: string): void;
  onStartInput?(value: string): void;
  onCompute(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, content?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content != null) node.textContent = content;
  return node;
}

function action(text: string, name: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = el("button", "measure-action", text);
  b.type = "button";
  b.dataset.action = name;
  b.setAttribute("aria-label", label);
  b.addEventListener("click", onClick);
  return b;
}

/** "april 2023" for a month, "1 oktober 2025" for a day, else the text as given. */
export function dateText(date: string | undefined): string {
  const m = date ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date) : null;
  if (!m) return date ?? "";
  const month = formatMonth(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
  return m[3] ? `${Number(m[3])} ${month}` : month;
}

function sourceText(m: Measure): string {
  const date = dateText(m.source.date);
  return `Bron: ${m.source.document}${m.source.section ? `, ${m.source.section}` : ""}${date ? ` (${date})` : ""}.`;
}

function switchPart(m: Measure, o: MeasureCardOptions): HTMLElement {
  const box = el("div", "measure-switch");
  const state = el("span", "measure-state");
  state.dataset.state = o.state.kind;
  const name = m.name;
  switch (o.state.kind) {
    case "none":
      return box;
    case "baseline-on":
      state.textContent = "Staat aan: in de basislijn (in werking).";
      box.append(state, action("uitzetten", "uitzetten", `uitzetten: ${name}`, () => o.onSwitch(false)));
      break;
    case "baseline-off":
      state.textContent = "Staat uit in jouw scenario (hoort bij de basislijn).";
      box.append(state, action("weer aanzetten", "aanzetten", `weer aanzetten: ${name}`, () => o.onSwitch(true)));
      break;
    case "on": {
      const s = o.state;
      state.textContent = `Staat aan vanaf ${dateText(s.start)}${s.end ? ` tot en met ${dateText(s.end)}` : ""}, sterkte ${formatDecimal(s.strength)}.`;
      box.append(state, action("uitzetten", "uitzetten", `uitzetten: ${name}`, () => o.onSwitch(false)));
      break;
    }
    case "available": {
      state.textContent = "Staat uit (niet in werking).";
      const label = el("label", "measure-start");
      const input = el("input");
      input.type = "month";
      input.min = o.minStart;
      input.value = o.start;
      input.dataset.action = "start";
      input.setAttribute("aria-label", `Startmaand van ${name}`);
      input.addEventListener("input", () => o.onStartInput?.(input.value));
      label.append("vanaf ", input);
      box.append(state, label, action("aanzetten", "aanzetten", `aanzetten: ${name}`, () => o.onSwitch(true, input.value)));
      break;
    }
  }
  if (o.notice) {
    const note = el("p", "basis clamped", o.notice);
    note.setAttribute("role", "note");
    box.append(note);
  }
  return box;
}

function effectPart(m: Measure, o: MeasureCardOptions): HTMLElement {
  const box = el("div", "measure-effect");
  box.setAttribute("aria-live", "polite");
  if (!m.effects?.length) return box;
  const e = o.effect;
  if (!e) {
    box.append(action("bereken effect", "bereken", `bereken effect: ${m.name}`, o.onCompute), el("span", "basis", " Met en zonder deze maatregel, op de vijf kernuitkomsten (gemodelleerd)."));
    return box;
  }
  box.append(el("p", "measure-effect-title", "Effect op de kernuitkomsten (gemodelleerd)"));
  const table = el("table", "measure-effect-table");
  const head = table.createTHead().insertRow();
  for (const h of ["Uitkomst", "Met deze maatregel", "Zonder deze maatregel", "Verschil"]) head.append(el("th", undefined, h));
  const body = table.createTBody();
  for (const r of e.rows) {
    const tr = body.insertRow();
    tr.dataset.outcome = r.id;
    const labels = ["", "met", "zonder", "verschil"];
    for (const [i, text] of [r.label, r.with, r.without, r.delta].entries()) {
      const cell = tr.insertCell();
      cell.textContent = text;
      // Narrow screens stack the cells and show these labels in front of the numbers (style.css).
      if (i > 0) cell.dataset.label = labels[i]!;
      if (i === 3) cell.className = "delta";
    }
  }
  const wrap = el("div", "table-scroll");
  wrap.append(table);
  box.append(wrap, el("p", "basis", e.note));
  if (e.targets.length) {
    box.append(el("p", "measure-targets-title", "Wat deze maatregel volgens de catalogus beweegt (gemodelleerd)"));
    const list = el("ul", "measure-targets");
    for (const t of e.targets) {
      const li = el("li", t.met ? "target-met" : "target-not-met");
      li.dataset.output = t.output;
      li.append(el("span", undefined, `${t.label}: `), el("strong", "delta", t.delta), el("span", undefined, t.met ? ` (verwacht: ${t.expected})` : ` (verwacht: ${t.expected}; het model geeft dat in dit scenario niet)`));
      list.append(li);
    }
    box.append(list);
  }
  if (e.retrospective) box.append(el("p", "measure-retro", e.retrospective));
  return box;
}

/** One measure's card; `id` = "maatregel-<id>", the anchor the site search points at. */
export function measureCard(m: Measure, o: MeasureCardOptions): HTMLElement {
  const quantified = Boolean(m.effects?.length);
  const card = el("article", `measure-item measure-card${quantified ? " quantified" : ""}`);
  card.id = `maatregel-${m.id}`;
  card.tabIndex = -1;
  card.dataset.measure = m.id;
  card.dataset.status = m.status;
  card.dataset.pillar = m.pillar;
  card.dataset.document = o.documentGroup;
  const title = el("h4", "measure-name", m.name);
  const meta = el("p", "measure-meta");
  meta.append(el("span", `status status-${m.status}`, STATUS_LABELS[m.status]), el("span", "tag", PILLAR_LABELS[m.pillar]));
  if (m.inBaseline) meta.append(el("span", "tag tag-baseline", "in de basislijn"));
  meta.append(el("span", quantified ? "tag tag-quantified" : "tag", quantified ? "gekwantificeerd" : "niet gekwantificeerd"));
  card.append(title, meta, el("p", undefined, m.summary), el("p", "bron", sourceText(m)));
  if (quantified) {
    const how = el("details", "measure-how");
    how.append(el("summary", undefined, `Zo rekent het model ermee${o.mechanism || o.strength ? " (werking, omvang en bereik)" : ""}`));
    if (o.mechanism) how.append(el("p", "measure-mechanism", `Werking: ${o.mechanism}`));
    how.append(el("p", undefined, `Zo rekent het model ermee: ${m.quantification ?? ""}`));
    if (o.strength) how.append(el("p", "measure-range", `Sterkte: van ${formatDecimal(o.strength.low)} tot ${formatDecimal(o.strength.high)} (1 = de omvang uit de bron).${o.strength.reason ? ` ${o.strength.reason}` : ""}`));
    card.append(how);
  } else {
    card.append(el("p", "niet-gekwantificeerd", `Niet gekwantificeerd: ${m.notQuantifiable ?? ""}`));
  }
  card.append(switchPart(m, o), effectPart(m, o));
  return card;
}
