/**
 * The logic behind the two-page scenario brief (/notitie): the scenario's inputs in words, the key
 * outcomes against the baseline, and the effect of each measure (the scenario with and without it).
 * No DOM: the page lays these rows out; tests check them.
 */
import {run} from "../model/run.js";
import type {ModelInputs, RunOutput, Scenario} from "../model/types.js";
import {formatCount, formatDecimal, formatDelta, formatEuro, formatMonth} from "./format.js";

export interface InputLine {
  kind: "beleidsknop" | "aanname" | "maatregel";
  label: string;
  value: string;
}

/** Months "YYYY-MM" → "maart 2026". */
function month(m: string): string {
  return formatMonth(new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1)));
}

/** The scenario's inputs as lines: changed levers, changed assumptions, measures with start (and end). */
export function inputLines(scenario: Scenario, inputs: ModelInputs): InputLine[] {
  const out: InputLine[] = [];
  for (const [id, value] of Object.entries(scenario.overrides)) {
    const p = inputs.parameters.find((x) => x.id === id);
    if (!p) continue;
    const shown = p.unit === "aandeel" ? `${formatDecimal(value * 100)}%` : Math.abs(value) >= 100 ? formatCount(value) : formatDecimal(value);
    out.push({kind: p.kind === "lever" ? "beleidsknop" : "aanname", label: p.label, value: `${shown}${p.unit === "aandeel" ? "" : ` ${p.unit}`}`});
  }
  for (const m of scenario.measures) {
    const measure = inputs.measures.find((x) => x.id === m.id);
    out.push({kind: "maatregel", label: measure?.name ?? "onbekende maatregel", value: `vanaf ${month(m.start)}${m.end ? ` tot ${month(m.end)}` : ""}${m.strength !== 1 ? `, sterkte ${formatDecimal(m.strength * 100)}%` : ""}`});
  }
  return out.sort((a, b) => ["beleidsknop", "aanname", "maatregel"].indexOf(a.kind) - ["beleidsknop", "aanname", "maatregel"].indexOf(b.kind));
}

export interface Outcome {
  id: string;
  label: string;
  scenario: number;
  baseline: number;
  /** Display of a value and of a difference. */
  format: (v: number) => string;
  formatDifference: (v: number) => string;
  /** Extra text after the scenario value, e.g. the month of a peak. */
  when?: string;
}

function annual(run: RunOutput, year: number): number {
  return run.summary.costPerYear.find((d) => d.year === year)?.value ?? NaN;
}

const euroDelta = (v: number) => (v >= 0 ? "+" : "−") + formatEuro(Math.abs(v));

/** The key outcomes of the scenario against the baseline, from the run summaries. */
export function keyOutcomes(scenario: RunOutput, baseline: RunOutput): Outcome[] {
  const s = scenario.summary;
  const b = baseline.summary;
  return [
    {id: "piek-bezetting", label: "Hoogste bezetting COA", scenario: s.peakOccupancy.value, baseline: b.peakOccupancy.value, format: formatCount, formatDifference: formatDelta, when: month(s.peakOccupancy.month)},
    {id: "max-tekort", label: "Grootste tekort aan opvangplekken", scenario: s.maxShortage.value, baseline: b.maxShortage.value, format: formatCount, formatDifference: formatDelta, when: month(s.maxShortage.month)},
    {id: "voorraad-eind", label: `IND-voorraad eind ${scenario.start ? Number(scenario.start.slice(0, 4)) + Math.floor((Number(scenario.start.slice(5, 7)) - 2 + scenario.months) / 12) : ""}`, scenario: s.backlogEnd, baseline: b.backlogEnd, format: formatCount, formatDifference: formatDelta},
    {id: "nareis-piek", label: "Hoogste aantal nareizigers per maand", scenario: s.nareisPeak.value, baseline: b.nareisPeak.value, format: formatCount, formatDifference: formatDelta, when: month(s.nareisPeak.month)},
    {id: "kosten-2025", label: "Kosten opvang 2025", scenario: annual(scenario, 2025), baseline: annual(baseline, 2025), format: formatEuro, formatDifference: euroDelta},
    {id: "kosten-2026", label: "Kosten opvang 2026", scenario: annual(scenario, 2026), baseline: annual(baseline, 2026), format: formatEuro, formatDifference: euroDelta}
  ];
}

export interface MeasureEffect {
  name: string;
  start: string;
  /** Scenario minus the scenario without this measure. */
  peakOccupancy: number;
  backlogEnd: number;
  cost2026: number;
}

/**
 * The effect of each measure in the scenario: the scenario's outcome minus the outcome of the same
 * scenario without that one measure (so effects that interact are not simply added). At most `limit`
 * measures are run; the rest are reported as not computed by the caller.
 */
export function measureEffects(scenario: Scenario, inputs: ModelInputs, result: RunOutput, limit = 8): MeasureEffect[] {
  return scenario.measures.slice(0, limit).map((m, i) => {
    const without = run({...scenario, measures: scenario.measures.filter((_, j) => j !== i)}, inputs);
    return {
      name: inputs.measures.find((x) => x.id === m.id)?.name ?? "onbekende maatregel",
      start: month(m.start),
      peakOccupancy: result.summary.peakOccupancy.value - without.summary.peakOccupancy.value,
      backlogEnd: result.summary.backlogEnd - without.summary.backlogEnd,
      cost2026: annual(result, 2026) - annual(without, 2026)
    };
  });
}

export {euroDelta};
