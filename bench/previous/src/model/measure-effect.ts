/**
 * The effect of one measure: the difference between two model runs from the same start, one with the
 * measure and one without it ("zonder deze maatregel").
 *
 * - Forward effect (in the scenario path): both runs share the scenario's forecast origin, so they are
 *   identical up to it and differ only in the projection. A baseline measure (Measure.inBaseline) is
 *   "with" unless the scenario switches it off; any other measure is "with" when the scenario switches
 *   it on (else it is switched on at its default start, at the earliest the month after the origin).
 * - Retrospective effect (measures that acted before the origin): two free runs from MODEL_START
 *   (observed inputs, no reset of stocks to readings), with and without the measure over its whole
 *   period. The observed history itself is never rewritten; this is a model estimate of what the
 *   measure changed, read at the origin and at the key outcome dates.
 */
import {addMonths, monthIndex} from "./months.js";
import {OUTCOME_IDS, outcomeDelta, outcomesOf, type OutcomeId, type Outcomes} from "./outcomes.js";
import {monthAt, valueAt, yearSum} from "./timeline.js";
import {originOf} from "./prepare.js";
import {run} from "./run.js";
import type {Measure, MeasureTarget, ModelInputs, RunOutput, Scenario, ScenarioMeasure, SeriesId} from "./types.js";

/** Is measure `id` active in `scenario` (switched on, or in the baseline and not switched off)? */
export function isActive(scenario: Scenario, measure: Measure): boolean {
  if (measure.inBaseline) return !(scenario.off ?? []).includes(measure.id);
  return scenario.measures.some((m) => m.id === measure.id);
}

/** The scenario entry that switches `measure` on at its defaults, starting no earlier than `from` ("YYYY-MM"). */
export function defaultEntry(measure: Measure, from: string): ScenarioMeasure {
  const start = measure.defaultStart && measure.defaultStart > from ? measure.defaultStart : from;
  const entry: ScenarioMeasure = {id: measure.id, start, strength: 1};
  // a catalogue end before the start (a past measure switched on after the origin) means no months
  // with an effect, never "without end"
  if (measure.defaultEnd) entry.end = measure.defaultEnd;
  if (measure.rampMonths) entry.rampMonths = measure.rampMonths;
  return entry;
}

/** `scenario` with `measure` active (true) or not (false); other settings unchanged. */
export function withMeasure(scenario: Scenario, measure: Measure, active: boolean, inputs: ModelInputs): Scenario {
  const out: Scenario = {...scenario, measures: scenario.measures.filter((m) => m.id !== measure.id)};
  if (measure.inBaseline) {
    const off = (scenario.off ?? []).filter((id) => id !== measure.id);
    if (!active) off.push(measure.id);
    if (off.length) out.off = off;
    else delete out.off;
    return out;
  }
  if (active) {
    const existing = scenario.measures.find((m) => m.id === measure.id);
    out.measures = [...out.measures, existing ?? defaultEntry(measure, addMonths(originOf(scenario, inputs), 1))];
  }
  return out;
}

export interface MeasureEffectResult {
  id: string;
  /** Whether the measure is active in the scenario passed in. */
  active: boolean;
  /** Key outcomes with − without, in the scenario path (zero up to the origin by construction). */
  forward: Outcomes;
  /** Free-run estimate of what the measure changed before the origin, or null when it starts after it. */
  retrospective: Retrospective | null;
  /** The catalogue's documented targets with the change at the scenario's strength (with − without). */
  targets: TargetResult[];
}

export interface Retrospective {
  /** "YYYY-MM": the month at which `atOrigin` is read (the forecast origin). */
  month: string;
  /** Stocks with − without, at the origin. */
  atOrigin: Partial<Record<SeriesId, number>>;
  /** Per stock the largest change (signed) during the measure's period up to the origin, and its month. */
  during: Partial<Record<SeriesId, {value: number; month: string}>>;
}

export interface TargetResult {
  target: MeasureTarget;
  /** with − without; NaN when the output's date lies outside the run. */
  change: number;
  /** |change| ≥ min and the sign is the documented one. */
  met: boolean;
}

/** Stocks read for the retrospective effect. */
export const RETRO_SERIES: readonly SeriesId[] = ["coa_total", "backlog_total", "coa_permit_waiting", "nareis_backlog", "capacity_available", "capacity_shortage"];

/** The effect of `measureId` on the key outcomes of `scenario`. */
export function measureEffect(scenario: Scenario, inputs: ModelInputs, measureId: string): MeasureEffectResult {
  const measure = inputs.measures.find((m) => m.id === measureId);
  if (!measure) throw new Error(`unknown measure "${measureId}"`);
  const active = isActive(scenario, measure);
  const on = run(withMeasure(scenario, measure, true, inputs), inputs);
  const off = run(withMeasure(scenario, measure, false, inputs), inputs);
  const forward = outcomeDelta(outcomesOf(on), outcomesOf(off));
  const origin = originOf(scenario, inputs);
  let retrospective: Retrospective | null = null;
  if (measure.defaultStart && measure.defaultStart <= origin && measure.effects?.length) retrospective = retrospectiveEffect(scenario, inputs, measure, origin);
  const targets = (measure.targets ?? []).map((target): TargetResult => {
    const change = target.output.startsWith("retro:") ? (retrospective?.during[target.output.slice(6) as SeriesId]?.value ?? NaN) : outputChange(on, off, target.output);
    return {target, change, met: Number.isFinite(change) && Math.abs(change) >= target.min && Math.sign(change) === target.sign};
  });
  return {id: measureId, active, forward, retrospective, targets};
}

/** with − without of one target output of two runs (see MeasureTarget.output). */
export function outputChange(a: RunOutput, b: RunOutput, output: string): number {
  if ((OUTCOME_IDS as readonly string[]).includes(output)) return outcomesOf(a)[output as OutcomeId] - outcomesOf(b)[output as OutcomeId];
  const at = output.indexOf("@");
  if (at > 0) {
    const series = output.slice(0, at) as SeriesId;
    const x = valueAt(a.series[series], a.start, output.slice(at + 1));
    const y = valueAt(b.series[series], b.start, output.slice(at + 1));
    return x === null || y === null ? NaN : x - y;
  }
  const colon = output.indexOf(":");
  const series = output.slice(0, colon) as SeriesId;
  const year = Number(output.slice(colon + 1));
  const x = yearSum(a.series[series], a.start, year);
  const y = yearSum(b.series[series], b.start, year);
  return x === null || y === null ? NaN : x - y;
}

/** Free runs from MODEL_START with and without the measure over its catalogue period (see module comment). */
export function retrospectiveEffect(scenario: Scenario, inputs: ModelInputs, measure: Measure, origin: string): Retrospective {
  // In a free run measures act from the model start (prepare.ts), stocks are never reset, and the
  // observed inputs up to the origin are used: the difference is the measure's own effect.
  const base: Scenario = {preset: scenario.preset, overrides: {}, measures: [], origin, freeRun: true};
  if (scenario.end) base.end = scenario.end;
  const withIt: Scenario = measure.inBaseline ? base : {...base, measures: [defaultEntry(measure, "0000-00")]};
  const without: Scenario = measure.inBaseline ? {...base, off: [measure.id]} : base;
  const a = run(withIt, inputs);
  const b = run(without, inputs);
  const i = monthIndex(origin) - monthIndex(a.start);
  const from = Math.max(0, monthIndex(measure.defaultStart!) - monthIndex(a.start));
  const atOrigin: Partial<Record<SeriesId, number>> = {};
  const during: Partial<Record<SeriesId, {value: number; month: string}>> = {};
  for (const s of RETRO_SERIES) {
    atOrigin[s] = a.series[s][i]! - b.series[s][i]!;
    let best = 0;
    let at = from;
    for (let t = from; t <= i; t++) {
      const d = a.series[s][t]! - b.series[s][t]!;
      if (Math.abs(d) > Math.abs(best)) {
        best = d;
        at = t;
      }
    }
    during[s] = {value: best, month: monthAt(a.start, at)};
  }
  return {month: origin, atOrigin, during};
}

/** Readable sign of an outcome change for tests and cards. */
export function direction(x: number, tolerance = 0.5): -1 | 0 | 1 {
  return x > tolerance ? 1 : x < -tolerance ? -1 : 0;
}

export type {OutcomeId};
