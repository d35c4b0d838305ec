/**
 * Turns a scenario into what one run needs: the forecast origin, the plan saying from which month
 * each part of the scenario applies, the monthly observed inputs (NaN where the model computes) and
 * the stock readings up to the origin. Pure; cached where it depends only on (inputs, origin).
 */
import {compile, type ResolvePlan} from "./params.js";
import {HORIZON_END, MODEL_START} from "./constants.js";
import {addMonths, monthIndex} from "./months.js";
import {defaultOrigin, originState, type OriginState} from "./origin.js";
import type {ModelInputs, Scenario} from "./types.js";

/** Monthly inputs a scenario may supply (backtests, user paths). */
export const OBSERVED_INPUTS = ["inflow_first", "inflow_repeat", "inflow_resettlement", "inflow_nareis", "decisions"] as const;
export type ObservedInput = (typeof OBSERVED_INPUTS)[number];

/** Monthly inputs from MODEL_START: NaN = the model computes the value. */
export type MonthlyInputs = Record<ObservedInput, Float64Array | null>;

export interface Prepared {
  origin: string;
  /** Offset of the origin from MODEL_START. */
  originOffset: number;
  /** Months simulated (MODEL_START … end). */
  months: number;
  /** Offset of the scenario's first output month. */
  outputOffset: number;
  plan: ResolvePlan;
  inputs: MonthlyInputs;
  /** Stock readings (see origin.ts ANCHOR_SERIES), or null. */
  anchors: Float64Array | null;
  state: OriginState;
  /**
   * Key of the shared past (run.ts): the origin state when everything up to the origin comes from
   * it (no free run, no backtest, no user-supplied observations up to the origin), else null.
   */
  prefixKey: OriginState | null;
}

/** The origin a scenario runs from: its own, else its preset's, else the data's default. */
export function originOf(scenario: Scenario, inputs: ModelInputs): string {
  if (scenario.origin) return scenario.origin;
  const preset = compile(inputs).presets.get(scenario.preset);
  return preset?.origin ?? defaultOrigin(inputs);
}

/** Number of months simulated for a scenario (MODEL_START … end). */
export function simulatedMonths(scenario: Scenario): number {
  return monthIndex(scenario.end ?? HORIZON_END) - monthIndex(MODEL_START) + 1;
}

/** Observed inputs up to the origin per origin state (scenarios without observations of their own). */
const sharedInputs = new WeakMap<OriginState, {months: number; first: Float64Array; nareis: Float64Array}>();

/** Builds the run plan of a scenario (see the module comment). */
export function prepare(scenario: Scenario, inputs: ModelInputs): Prepared {
  const months = simulatedMonths(scenario);
  const start = monthIndex(MODEL_START);
  const origin = originOf(scenario, inputs);
  const state = originState(inputs, origin, months);
  const originOffset = state.originOffset;
  const after = originOffset + 1;
  const outputOffset = scenario.start ? monthIndex(scenario.start) - start : 0;
  if (outputOffset < 0 || outputOffset >= months) throw new Error(`scenario: start ${scenario.start} is outside ${MODEL_START} … ${scenario.end ?? HORIZON_END}`);
  const overridesFrom = Math.max(after, scenario.overridesFrom ? monthIndex(scenario.overridesFrom) - start : after);
  const internal: Record<string, number> = {};
  if (state.fit) {
    internal.inflow_first_per_year = state.fit.level;
    internal.inflow_season_q1 = state.fit.season[0];
    internal.inflow_season_q2 = state.fit.season[1];
    internal.inflow_season_q3 = state.fit.season[2];
    internal.inflow_season_q4 = state.fit.season[3];
  }
  const plan: ResolvePlan = {
    presetFrom: after,
    overridesFrom,
    // a free run (no resets to readings) asks what the model does on its own: scenario measures and
    // switched-off baseline measures act over their whole period, also before the origin
    measuresFrom: scenario.freeRun ? 0 : after,
    sampleFrom: after,
    internal,
    internalFrom: Math.min(state.firstUnobserved, after)
  };
  if (scenario.backtest) {
    plan.freezeFrom = originOffset;
    plan.knownBy = state.knownBy.slice(0, 7);
    // measures in the baseline that started after the origin were not known then
    plan.skipBaselineAfter = originOffset;
  }
  // observed inputs: the origin's observations up to the origin, then what the user supplied
  const monthly: MonthlyInputs = {inflow_first: null, inflow_repeat: null, inflow_resettlement: null, inflow_nareis: null, decisions: null};
  const user = scenario.observed;
  const upTo = (source: Float64Array): Float64Array => {
    const out = new Float64Array(months).fill(NaN);
    for (let t = 0; t <= originOffset && t < months; t++) out[t] = source[t]!;
    return out;
  };
  const hasUser = user != null && OBSERVED_INPUTS.some((key) => (user[key]?.length ?? 0) > 0);
  if (hasUser) {
    monthly.inflow_first = upTo(state.inflowFirst);
    monthly.inflow_nareis = upTo(state.inflowNareis);
  } else {
    // read-only and the same for every scenario at this origin: built once per origin state
    let shared = sharedInputs.get(state);
    if (shared === undefined || shared.months !== months) sharedInputs.set(state, (shared = {months, first: upTo(state.inflowFirst), nareis: upTo(state.inflowNareis)}));
    monthly.inflow_first = shared.first;
    monthly.inflow_nareis = shared.nareis;
  }
  if (user) {
    for (const key of OBSERVED_INPUTS) {
      const values = user[key];
      if (!values || values.length === 0) continue;
      const target = monthly[key] ?? new Float64Array(months).fill(NaN);
      for (let i = 0; i < values.length && outputOffset + i < months; i++) target[outputOffset + i] = values[i]!;
      monthly[key] = target;
    }
  }
  const userPast = hasUser && outputOffset <= originOffset;
  const prefixKey = scenario.freeRun || scenario.backtest || userPast ? null : state;
  return {origin, originOffset, months, outputOffset, plan, inputs: monthly, anchors: scenario.freeRun ? null : state.anchors, state, prefixKey};
}

/** The first month in which scenario changes apply: the month after the origin (or later). */
export function changesApplyFrom(scenario: Scenario, inputs: ModelInputs): string {
  const origin = originOf(scenario, inputs);
  const after = addMonths(origin, 1);
  return scenario.overridesFrom && scenario.overridesFrom > after ? scenario.overridesFrom : after;
}
