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
import {outcomeDelta, outcomesOf, type OutcomeId, type Outcomes} from "./outcomes.js";
import {originOf} from "./prepare.js";
import {run} from "./run.js";
import type {Measure, ModelInputs, Scenario, ScenarioMeasure, SeriesId} from "./types.js";

/** Is measure `id` active in `scenario` (switched on, or in the baseline and not switched off)? */
export function isActive(scenario: Scenario, measure: Measure): boolean {
  if (measure.inBaseline) return !(scenario.off ?? []).includes(measure.id);
  return scenario.measures.some((m) => m.id === measure.id);
}

/** The scenario entry that switches `measure` on at its defaults, starting no earlier than `from` ("YYYY-MM"). */
export function defaultEntry(measure: Measure, from: string): ScenarioMeasure {
  const start = measure.defaultStart && measure.defaultStart > from ? measure.defaultStart : from;
  const entry: ScenarioMeasure = {id: measure.id, start, strength: 1};
  if (measure.defaultEnd && measure.defaultEnd >= start) entry.end = measure.defaultEnd;
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
}

export interface Retrospective {
  /** "YYYY-MM": the month at which `atOrigin` is read (the forecast origin). */
  month: string;
  /** Stocks with − without, at the origin. */
  atOrigin: Partial<Record<SeriesId, number>>;
}

/** Stocks read at the origin for the retrospective effect. */
export const RETRO_SERIES: readonly SeriesId[] = ["coa_total", "backlog_total", "coa_permit_waiting", "nareis_backlog", "capacity_shortage"];

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
  return {id: measureId, active, forward, retrospective};
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
  const atOrigin: Partial<Record<SeriesId, number>> = {};
  for (const s of RETRO_SERIES) atOrigin[s] = a.series[s][i]! - b.series[s][i]!;
  return {month: origin, atOrigin};
}

/** Readable sign of an outcome change for tests and cards. */
export function direction(x: number, tolerance = 0.5): -1 | 0 | 1 {
  return x > tolerance ? 1 : x < -tolerance ? -1 : 0;
}

export type {OutcomeId};
