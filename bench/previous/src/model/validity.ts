/**
 * Validity warnings: when a run leaves the range on which the model was tested against observations,
 * the pages and the CLI say so in Dutch instead of printing millions without comment.
 *
 * The tested range is the observed history in the model inputs (chain observations and CBS quarters):
 * - a stock (COA occupancy, IND backlog, nareis backlog, permit holders waiting) above twice its
 *   highest observed value;
 * - a calendar year's inflow or reception cost above twice the highest observed year;
 * - three or more parameters set at (within 1% of) an end of their plausible range at once: each was
 *   tested alone, their combination at the extremes was not.
 * Pure TypeScript: no DOM.
 */
import {formatLocale} from "d3-format";
import {compile} from "./params.js";
import {monthIndex, monthString} from "./months.js";
import type {ModelInputs, RunOutput, Scenario, SeriesId} from "./types.js";

/** The heading pages show above the warnings. */
export const VALIDITY_HEADING = "Buiten het bereik waarop het model is getoetst";
/** A run value more than this multiple of the highest observation is outside the tested range. */
export const TESTED_MULTIPLE = 2;
/** This many parameters at an end of their range at once is an untested combination. */
export const EXTREME_COUNT = 3;

const nl = formatLocale({decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""]});
const count = nl.format(",.0f");
const euro = nl.format("$,.0f");

const STOCKS: readonly {id: SeriesId; label: string}[] = [
  {id: "coa_total", label: "de bezetting van de COA-opvang"},
  {id: "backlog_total", label: "de voorraad zaken bij de IND"},
  {id: "nareis_backlog", label: "de voorraad nareisaanvragen"},
  {id: "coa_permit_waiting", label: "het aantal statushouders dat in de opvang op een woning wacht"}
];
const YEARLY: readonly {id: SeriesId; label: string; verb: string; money?: boolean}[] = [
  {id: "inflow_total", label: "de totale instroom", verb: "komt"},
  {id: "inflow_first", label: "het aantal eerste asielaanvragen", verb: "komt"},
  {id: "cost_eur", label: "de kosten van de opvang", verb: "komen", money: true}
];
const capital = (text: string) => text[0].toUpperCase() + text.slice(1);

function highestObserved(inputs: ModelInputs, id: SeriesId, kinds: readonly string[]): number | null {
  let max: number | null = null;
  for (const o of inputs.observations) {
    if (o.series === id && kinds.includes(o.kind) && (max === null || o.value > max)) max = o.value;
  }
  return max;
}

/** Dutch warnings for a run of `scenario`; empty when the run stays within the tested range. */
export function validityWarnings(run: RunOutput, inputs: ModelInputs, scenario?: Scenario): string[] {
  const warnings: string[] = [];
  const s0 = monthIndex(run.start);
  for (const {id, label} of STOCKS) {
    const observed = highestObserved(inputs, id, ["stock"]);
    const series = run.series[id];
    if (observed === null || !series || observed <= 0) continue;
    let peak = -Infinity;
    let at = 0;
    for (let t = 0; t < run.months; t++) if (series[t] > peak) [peak, at] = [series[t], t];
    if (peak > TESTED_MULTIPLE * observed) {
      warnings.push(
        `${capital(label)} komt in ${monthString(s0 + at)} op ${count(peak)}: meer dan twee keer het hoogste waargenomen aantal (${count(observed)}). Zo'n hoge waarde is nooit gemeten; het model is daar niet op getoetst.`
      );
    }
  }
  for (const {id, label, verb, money} of YEARLY) {
    const observed = highestObserved(inputs, id, ["flow_year"]);
    const series = run.series[id];
    if (observed === null || !series || observed <= 0) continue;
    const years = new Map<number, number>();
    for (let t = 0; t < run.months; t++) {
      const year = Math.floor((s0 + t) / 12);
      years.set(year, (years.get(year) ?? 0) + series[t]);
    }
    let worst: [number, number] | null = null;
    for (const [year, total] of years) if (total > TESTED_MULTIPLE * observed && (!worst || total > worst[1])) worst = [year, total];
    if (worst) {
      const f = money ? euro : count;
      warnings.push(
        `${capital(label)} ${verb} in ${worst[0]} op ${f(worst[1])}: meer dan twee keer het hoogste waargenomen jaar (${f(observed)}).`
      );
    }
  }
  if (scenario) {
    const c = compile(inputs);
    const extremes: string[] = [];
    for (const [id, value] of Object.entries(scenario.overrides)) {
      const row = c.index.get(id);
      if (row == null) continue;
      const p = c.parameters[row];
      const span = p.high - p.low;
      if (span > 0 && (value - p.low <= 0.01 * span || p.high - value <= 0.01 * span)) extremes.push(p.label);
    }
    if (extremes.length >= EXTREME_COUNT) {
      warnings.push(
        `${extremes.length} aannames staan tegelijk aan de rand van hun bereik (${extremes.slice(0, 4).join("; ")}${extremes.length > 4 ? ` en ${extremes.length - 4} andere` : ""}). Elke aanname is apart getoetst, deze combinatie niet.`
      );
    }
  }
  return warnings;
}
