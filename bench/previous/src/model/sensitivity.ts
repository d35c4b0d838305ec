/**
 * Sensitivity ranking (tornado) of the model's assumptions on the key outcomes (outcomes.ts).
 *
 * Each assumption (register `kind: "assumption"`) is set to the low and to the high end of its
 * plausible range (register `low`, `high`) as a scalar scenario override that applies from the month
 * after the forecast origin; everything else stays as in the scenario passed in (by default the
 * baseline). The swing of an assumption on an outcome is |outcome at high − outcome at low|; the
 * ranking sorts by swing.
 *
 * Which assumptions are varied (rule):
 * - start stocks (`init_*`) are left out: the model reads them only in its first month (2022-01, the
 *   start state), long before the origin, so an override from after the origin cannot act on them
 *   (their swing is 0 by construction; pass them in `parameters` to see that);
 * - switches (unit "schakelaar", values 0 or 1) are left out: their low and high are two model
 *   variants, not the ends of a plausible range of one quantity;
 * - every other assumption is varied, also when the scenario does not use it (e.g. the MPP path's
 *   settings in a scenario on the statistical inflow path): its swing is then 0 and it sorts last.
 * A dated assumption (a stepped series) is replaced by the scalar low or high from the month after
 * the origin, like a slider would.
 *
 * Pure: the same scenario and inputs give the same ranking.
 */
import {MODEL_START} from "./constants.js";
import {monthIndex} from "./months.js";
import {outcomesFromBuffer, type OutcomeId, type Outcomes} from "./outcomes.js";
import {compile, paramValue} from "./params.js";
import {prepare} from "./prepare.js";
import {createBuffers, runInto} from "./run.js";
import type {ModelInputs, Parameter, Scenario} from "./types.js";

export interface SensitivityRow {
  parameter: string;
  /** Dutch label and unit from the register. */
  label: string;
  unit: string;
  low: number;
  high: number;
  /** The value the scenario uses in the first projected month (after fits and measures). */
  value: number;
  atLow: Outcomes;
  atHigh: Outcomes;
}

export interface Sensitivity {
  /** "YYYY-MM": the forecast origin; the overrides apply from the month after it. */
  origin: string;
  /** The outcomes of the scenario itself. */
  base: Outcomes;
  rows: SensitivityRow[];
}

export interface TornadoBar extends SensitivityRow {
  outcome: OutcomeId;
  /** |atHigh − atLow| on `outcome`. */
  swing: number;
}

/** True for an assumption the tornado varies (see the rule in the module comment). */
export function isVaried(p: Parameter): boolean {
  return p.kind === "assumption" && !p.id.startsWith("init_") && !p.unit.startsWith("schakelaar");
}

/** Every varied assumption at its low and high (or the `parameters` given, in register order). */
export function sensitivity(scenario: Scenario, inputs: ModelInputs, options: {parameters?: readonly string[]} = {}): Sensitivity {
  const c = compile(inputs);
  const chosen = options.parameters
    ? options.parameters.map((id) => {
        const row = c.index.get(id);
        if (row == null) throw new Error(`sensitivity: unknown parameter "${id}"`);
        return c.parameters[row]!;
      })
    : c.parameters.filter(isVaried);
  // prepare() does not depend on the overrides' values, only on where they start: one plan for all runs
  const prepared = prepare(scenario, inputs);
  const buffers = createBuffers(prepared.months, c.parameters.length);
  const start = monthIndex(MODEL_START);
  const origin = monthIndex(prepared.origin);
  const outcomes = (s: Scenario): Outcomes => {
    runInto(s, inputs, buffers, undefined, prepared);
    return outcomesFromBuffer(buffers.out, prepared.months, start, origin);
  };
  const ps = runInto(scenario, inputs, buffers, undefined, prepared);
  const first = Math.min(prepared.originOffset + 1, prepared.months - 1);
  const values = new Map(chosen.map((p) => [p.id, paramValue(ps, p.id, first)]));
  const base = outcomesFromBuffer(buffers.out, prepared.months, start, origin);
  const rows = chosen.map((p): SensitivityRow => {
    const at = (x: number) => outcomes({...scenario, overrides: {...scenario.overrides, [p.id]: x}});
    return {parameter: p.id, label: p.label, unit: p.unit, low: p.low, high: p.high, value: values.get(p.id)!, atLow: at(p.low), atHigh: at(p.high)};
  });
  return {origin: prepared.origin, base, rows};
}

/** The `top` assumptions with the largest swing on `outcome`, largest first (ties: register order). */
export function tornado(s: Sensitivity, outcome: OutcomeId, top = Infinity): TornadoBar[] {
  const bars = s.rows.map((r): TornadoBar => {
    const swing = Math.abs(r.atHigh[outcome] - r.atLow[outcome]);
    return {...r, outcome, swing: Number.isFinite(swing) ? swing : 0};
  });
  return bars
    .map((b, i) => ({b, i}))
    .sort((x, y) => y.b.swing - x.b.swing || x.i - y.i)
    .slice(0, top)
    .map(({b}) => b);
}

