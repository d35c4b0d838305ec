/**
 * What a measure's card on the Maatregelen page says, computed without the DOM: its switch state in
 * the scenario, the start month offered when switching it on, its effect on the key outcomes ("met
 * deze maatregel" vs "zonder deze maatregel", from src/model/measure-effect.ts) and, for measures that
 * acted before the forecast origin, the retrospective estimate in plain Dutch.
 */
import {formatCount, formatDecimal, formatEuro, formatMonth} from "../../components/format.js";
import {monthDate} from "../../components/scenario-chart.js";
import {isActive, measureEffect, withMeasure} from "../../model/measure-effect.js";
import {addMonths, isMonth} from "../../model/months.js";
import {OUTCOME_IDS, OUTCOMES, outcomesOf, type OutcomeId} from "../../model/outcomes.js";
import {originOf} from "../../model/prepare.js";
import {run} from "../../model/run.js";
import type {Measure, MeasureTarget, ModelInputs, Scenario, SeriesId} from "../../model/types.js";
import type {CardEffectView, CardSwitch, EffectRowView, TargetRowView} from "../../components/measure-catalogue.js";
import {SERIES_LABELS} from "../../components/data-table.js";
import {isQuantified} from "./measure-filters.js";

const NOT_APPLICABLE = "n.v.t.";

/** "september 2025". */
export function monthText(month: string): string {
  return formatMonth(monthDate(month));
}

/** How a measure stands in the scenario. */
export type SwitchState = CardSwitch;

export function switchState(m: Measure, scenario: Scenario): SwitchState {
  if (!isQuantified(m)) return {kind: "none"};
  if (m.inBaseline) return (scenario.off ?? []).includes(m.id) ? {kind: "baseline-off"} : {kind: "baseline-on"};
  const entry = scenario.measures.find((x) => x.id === m.id);
  if (!entry) return {kind: "available"};
  const out: SwitchState = {kind: "on", start: entry.start, strength: entry.strength};
  if (entry.end) out.end = entry.end;
  return out;
}

/** True when the user has changed this measure from its preset: switched on, or a baseline measure switched off. */
export function isSwitched(m: Measure, scenario: Scenario): boolean {
  const k = switchState(m, scenario).kind;
  return k === "on" || k === "baseline-off";
}

/** The first month a measure switched on from its card may start: the month after the forecast origin. */
export function earliestStart(scenario: Scenario, inputs: ModelInputs): string {
  return addMonths(originOf(scenario, inputs), 1);
}

/** The start month a card offers: the measure's default start, at the earliest the month after the origin. */
export function offeredStart(m: Measure, scenario: Scenario, inputs: ModelInputs): string {
  const min = earliestStart(scenario, inputs);
  return m.defaultStart && m.defaultStart > min ? m.defaultStart : min;
}

/** A start month typed on a card, checked: an empty or malformed value, or one before `min`, becomes `min` with a Dutch note. */
export function checkedStart(value: string, min: string): {start: string; note: string | null} {
  if (!isMonth(value)) return {start: min, note: `Geen geldige maand opgegeven; de maatregel start in ${monthText(min)}.`};
  if (value < min) return {start: min, note: `Een maatregel kan niet vóór het startpunt van de prognose ingaan; hij start in ${monthText(min)}.`};
  return {start: value, note: null};
}

/** A value of a key outcome in Dutch ("49.000", "€ 1,2 mld"); NaN and non-finite values are "n.v.t.". */
export function outcomeText(value: number, unit: "personen" | "zaken" | "euro"): string {
  if (!Number.isFinite(value)) return NOT_APPLICABLE;
  return unit === "euro" ? formatEuro(value) : formatCount(value);
}

/** Below this a difference is shown as 0 (model rounding noise, not an effect). */
function negligible(value: number, unit: "personen" | "zaken" | "euro"): boolean {
  return Math.abs(value) < (unit === "euro" ? 50_000 : 0.5);
}

/** A signed difference in Dutch: "+1.234", "−€ 12,5 mln", "0"; NaN is "n.v.t.". */
export function signedText(value: number, unit: "personen" | "zaken" | "euro"): string {
  if (!Number.isFinite(value)) return NOT_APPLICABLE;
  if (negligible(value, unit)) return unit === "euro" ? "€\u00a00" : "0";
  return `${value > 0 ? "+" : "−"}${outcomeText(Math.abs(value), unit)}`;
}

export type {CardEffectView, EffectRowView, TargetRowView};

type Unit = "personen" | "zaken" | "euro";

/** Dutch name and unit of a target output (see MeasureTarget.output). */
export function targetLabel(output: string): {label: string; unit: Unit} {
  const outcome = OUTCOMES[output as OutcomeId];
  if (outcome) return {label: outcome.name, unit: outcome.unit};
  const retro = /^retro:([a-z_]+)$/.exec(output);
  const stock = /^([a-z_]+)@(\d{4}-\d{2})$/.exec(output);
  const flow = /^([a-z_]+):(\d{4})$/.exec(output);
  const series = retro?.[1] ?? stock?.[1] ?? flow?.[1] ?? output;
  const name = SERIES_LABELS[series] ?? series.replace(/_/g, " ");
  const unit: Unit = series.endsWith("_eur") ? "euro" : "personen";
  if (retro) return {label: `${name}: grootste verschil tijdens de looptijd (terugblik)`, unit};
  if (stock) return {label: `${name} eind ${monthText(stock[2]!)}`, unit};
  if (flow) return {label: `${name} in ${flow[2]}`, unit};
  return {label: name, unit};
}

/** A documented target with its modelled change, for the card. */
export function targetRow(target: MeasureTarget, change: number, met: boolean): TargetRowView {
  const {label, unit} = targetLabel(target.output);
  return {output: target.output, label, delta: signedText(change, unit), expected: target.sign < 0 ? "lager" : "hoger", met};
}

/** Dutch names of the stocks read at the origin for the retrospective estimate. */
const RETRO_LABELS: Partial<Record<SeriesId, string>> = {
  backlog_total: "de IND-voorraad",
  coa_permit_waiting: "het aantal vergunninghouders in de opvang dat op een woning wacht",
  nareis_backlog: "het aantal nareisverzoeken in behandeling",
  capacity_available: "het aantal beschikbare opvangplekken",
  capacity_shortage: "het tekort aan opvangplekken"
};

function higherLower(withMinusWithout: number): string {
  const without = -withMinusWithout;
  return Math.abs(without) < 0.5 ? "vrijwel gelijk" : `${formatCount(Math.abs(without))} ${without > 0 ? "hoger" : "lager"}`;
}

/** "Terugblik: zonder deze maatregel was de COA-bezetting eind september 2025 naar schatting 8.500 hoger; …". */
export function retrospectiveText(month: string, atOrigin: Partial<Record<SeriesId, number>>, during: Partial<Record<SeriesId, {value: number; month: string}>> = {}): string {
  const coa = atOrigin.coa_total ?? 0;
  const peak = during.coa_total;
  // A measure that ended before the origin may have changed the occupancy most while it ran.
  const whileRunning = peak && Math.abs(peak.value) >= 0.5 && peak.month !== month && Math.abs(peak.value) > Math.abs(coa) + 0.5 ? ` Het grootste verschil lag eind ${monthText(peak.month)}: toen was de bezetting zonder deze maatregel naar schatting ${higherLower(peak.value)}.` : "";
  const others = Object.entries(RETRO_LABELS)
    .filter(([id]) => Math.abs(atOrigin[id as SeriesId] ?? 0) >= 0.5)
    .map(([id, label]) => `${label} ${higherLower(atOrigin[id as SeriesId] ?? 0)}`);
  const more = others.length ? ` Op dezelfde manier geschat was ${others.join(", ")}.` : "";
  return `Terugblik (gemodelleerd): zonder deze maatregel was de COA-bezetting eind ${monthText(month)} naar schatting ${higherLower(coa)}; de waargenomen cijfers blijven staan.${whileRunning}${more} Dit is een schatting met het model zonder bijsturing op de waarnemingen, niet een herschreven verleden.`;
}

/**
 * The effect of measure `id` on the key outcomes in `scenario`: "met" and "zonder" from two runs from
 * the same origin (measureEffect's forward difference plus the run without), and the retrospective.
 */
export function cardEffect(scenario: Scenario, inputs: ModelInputs, id: string): CardEffectView {
  const m = inputs.measures.find((x) => x.id === id);
  if (!m) throw new Error(`unknown measure "${id}"`);
  const effect = measureEffect(scenario, inputs, id);
  const without = outcomesOf(run(withMeasure(scenario, m, false, inputs), inputs));
  const rows = OUTCOME_IDS.map((o): EffectRowView => {
    const d = OUTCOMES[o];
    const value = effect.forward[o];
    return {id: o, label: d.name, with: outcomeText(without[o] + value, d.unit), without: outcomeText(without[o], d.unit), delta: signedText(value, d.unit), value};
  });
  const origin = originOf(scenario, inputs);
  const state = switchState(m, scenario);
  const how =
    state.kind === "on"
      ? `zoals ingesteld (vanaf ${monthText(state.start)}, sterkte ${formatDecimal(state.strength)})`
      : m.inBaseline
        ? "zoals in de basislijn"
        : `aangezet vanaf ${monthText(withMeasure(scenario, m, true, inputs).measures.find((x) => x.id === id)?.start ?? addMonths(origin, 1))} met sterkte 1`;
  const none = rows.every((r) => Number.isFinite(r.value) && negligible(r.value, OUTCOMES[r.id as OutcomeId].unit));
  const note = none
    ? `Na het startpunt van de prognose (${monthText(origin)}) verandert deze maatregel de vijf kernuitkomsten niet${m.defaultEnd && m.defaultEnd <= origin ? `: hij liep tot ${monthText(m.defaultEnd)}` : ""}.${effect.targets.length ? " Wat hij wel beweegt, staat hieronder." : ""}`
    : `Gemodelleerd: twee berekeningen vanaf hetzelfde startpunt (${monthText(origin)}), met deze maatregel ${how} en zonder; het verschil is met min zonder.`;
  const targets = effect.targets.map((t) => targetRow(t.target, t.change, t.met));
  return {id, active: isActive(scenario, m), rows, targets, note, retrospective: effect.retrospective ? retrospectiveText(effect.retrospective.month, effect.retrospective.atOrigin, effect.retrospective.during) : null};
}

/** The measures changed from the preset: switched on, and baseline measures switched off. */
export function switchedMeasures(scenario: Scenario, measures: readonly Measure[]): {on: Measure[]; off: Measure[]} {
  const byId = new Map(measures.map((m) => [m.id, m]));
  const on = scenario.measures.map((x) => byId.get(x.id)).filter((m): m is Measure => m !== undefined);
  const off = (scenario.off ?? []).map((id) => byId.get(id)).filter((m): m is Measure => m !== undefined);
  return {on, off};
}

function names(list: readonly Measure[]): string {
  return list.map((m) => m.name).join("; ");
}

/**
 * "1 maatregel staat aan (…) en 2 maatregelen in de basislijn staan uit (…)." — measures switched on
 * and baseline measures switched off are counted apart, in correct Dutch singular and plural.
 */
export function activeText(scenario: Scenario, measures: readonly Measure[] = []): string {
  const {on, off} = switchedMeasures(scenario, measures);
  const nOn = scenario.measures.length;
  const nOff = (scenario.off ?? []).length;
  if (!nOn && !nOff) return "Er staat nog geen maatregel aan of uit: alle maatregelen in de basislijn tellen mee en er is geen maatregel bijgezet. Zet hierboven of bij een maatregel in de catalogus een maatregel aan of uit om het effect te zien.";
  const parts: string[] = [];
  if (nOn) parts.push(`${nOn === 1 ? "1 maatregel staat" : `${nOn} maatregelen staan`} aan${on.length ? ` (${names(on)})` : ""}`);
  if (nOff) parts.push(`${nOff === 1 ? "1 maatregel in de basislijn staat" : `${nOff} maatregelen in de basislijn staan`} uit${off.length ? ` (${names(off)})` : ""}`);
  return `${parts.join(" en ")}.`;
}
