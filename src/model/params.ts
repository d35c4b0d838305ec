/**
 * The parameter register → a ParameterSet: one value per parameter per month.
 *
 * Resolution order for every parameter row: register default (a scalar, or a dated series stepped
 * per month) → Monte Carlo sample (band only) → preset overrides → scenario overrides (from
 * `overridesFrom`) → measures (start, optional end, linear ramp, strength; modes set/add/scale) →
 * physical bounds (shares in [0, 1], counts ≥ 0; applied to each override value, after each
 * measure, and at the end to drawn rows). Done once per run into one Float64Array.
 * A measure without `end` or `rampMonths` in the scenario uses the catalogue's `defaultEnd` / `rampMonths`.
 */
import {HORIZON_END, MODEL_START} from "./constants.js";
import {monthIndex, monthString} from "./months.js";
import type {DatedValue, Measure, MeasureEffect, ModelInputs, Parameter, Preset, Scenario, ScenarioMeasure} from "./types.js";

/** Every parameter the model reads; the register must contain all of them (it may hold more). */
export const PARAMETER_IDS = [
  // instroom
  "inflow_first_per_year",
  "inflow_season_q1",
  "inflow_season_q2",
  "inflow_season_q3",
  "inflow_season_q4",
  "inflow_path_mpp",
  "inflow_mpp_total_per_year",
  "mpp_last_year",
  "inflow_growth_after_mpp",
  "inflow_repeat_per_year",
  "resettlement_per_year",
  "share_high",
  "share_low",
  "share_dublin",
  "share_track2",
  "amv_share",
  "nidos_stay_months",
  "init_nidos_caseload",
  // ind
  "ind_decisions_per_month",
  "accelerated_decision_months",
  "inflow_other_ind_per_year",
  "grant_rate_high",
  "grant_rate_mid",
  "grant_rate_low",
  "decision_pause_high_share",
  "legal_term_months",
  "short_term_share",
  "short_legal_term_months",
  "dwangsom_per_case_month",
  "init_backlog",
  "init_backlog_track3_share",
  "init_past_term_share",
  "init_nareis_past_term_share",
  "appeal_share",
  "appeal_months",
  // nareis
  "nareis_request_share",
  "nareis_persons_high",
  "nareis_persons_mid",
  "nareis_persons_low",
  "nareis_request_months",
  "nareis_decision_months",
  "nareis_grant_share",
  "nareis_travel_months",
  "nareis_unhoused_share",
  "nareis_legal_term_months",
  "subsidiary_share_high",
  "subsidiary_share_mid",
  "nareis_subsidiary_factor",
  "init_nareis_backlog",
  "init_nareis_travel",
  "init_nareis_pending",
  // opvang
  "occupancy_rate",
  "capacity_stable",
  "capacity_flex",
  "capacity_reserve",
  "capacity_emergency",
  "capacity_cno",
  "reception_leave_days",
  "coa_procedure_share",
  "init_coa_total",
  "init_permit_waiting",
  "init_coa_nareis",
  // uitstroom
  "taakstelling_per_halfyear",
  "taakstelling_need_based",
  "taakstelling_need_from_year",
  "housing_realisation",
  "housing_norm_weeks",
  "flex_homes_per_year",
  "doorstroom_places",
  "departure_independent_share",
  "departure_forced_share",
  "departure_unknown_share",
  "dublin_transfer_share",
  // kosten
  "cost_regular_per_year",
  "cost_emergency_per_year",
  "emergency_share"
] as const;

export type ParameterId = (typeof PARAMETER_IDS)[number];

/** Parameters that may be negative, with their physical bounds. */
const SIGNED: Record<string, [number, number]> = {inflow_growth_after_mpp: [-0.9, 2]};
/** Switches (0 = off, 1 = on). */
const SWITCHES = new Set(["inflow_path_mpp", "taakstelling_need_based"]);

/** The register, indexed once per ModelInputs object. */
export interface Compiled {
  parameters: readonly Parameter[];
  /** Parameter id → row. */
  index: ReadonlyMap<string, number>;
  /** Row of every parameter the model reads. */
  slot: Readonly<Record<ParameterId, number>>;
  measures: ReadonlyMap<string, Measure>;
  /** Measures in every preset's baseline (Measure.inBaseline), as scenario entries at strength 1. */
  baselineMeasures: readonly ScenarioMeasure[];
  presets: ReadonlyMap<string, Preset>;
  /** Physical bounds per row (applied after overrides and measures). */
  min: Float64Array;
  max: Float64Array;
  /** Dated series per row as absolute month numbers and values (null for scalars). */
  dated: ReadonlyArray<{months: Int32Array; values: Float64Array} | null>;
}

const cache = new WeakMap<ModelInputs, Compiled>();

/** Indexes the register of `inputs` (cached per inputs object). Throws when a required parameter is missing. */
export function compile(inputs: ModelInputs): Compiled {
  const hit = cache.get(inputs);
  if (hit) return hit;
  const parameters = inputs.parameters;
  const index = new Map<string, number>();
  parameters.forEach((p, i) => {
    if (index.has(p.id)) throw new Error(`parameter register: duplicate id "${p.id}"`);
    index.set(p.id, i);
  });
  // Built with Object.fromEntries so that V8 keeps it a fast-properties object (adding 70+ keys one
  // by one turns it into a dictionary, and `simulate` reads every slot on each run).
  const slot = Object.fromEntries(
    PARAMETER_IDS.map((id) => {
      const i = index.get(id);
      if (i == null) throw new Error(`parameter register: the model needs parameter "${id}", which is missing`);
      return [id, i];
    })
  ) as Record<ParameterId, number>;
  const P = parameters.length;
  const min = new Float64Array(P);
  const max = new Float64Array(P);
  const dated = parameters.map((p, i) => {
    const signed = SIGNED[p.id];
    if (signed) {
      min[i] = signed[0];
      max[i] = signed[1];
    } else {
      min[i] = 0;
      max[i] = SWITCHES.has(p.id) || p.unit.startsWith("aandeel") ? 1 : Infinity;
    }
    if (typeof p.value === "number") return null;
    const steps = [...p.value].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    return {months: Int32Array.from(steps, (d) => monthIndex(d.from)), values: Float64Array.from(steps, (d) => d.value)};
  });
  const compiled: Compiled = {
    parameters,
    index,
    slot,
    measures: new Map(inputs.measures.map((m) => [m.id, m])),
    baselineMeasures: inputs.measures
      .filter((m) => m.inBaseline === true)
      .map((m): ScenarioMeasure => {
        if (!m.defaultStart) throw new Error(`measure "${m.id}": a baseline measure needs defaultStart`);
        const sm: ScenarioMeasure = {id: m.id, start: m.defaultStart, strength: 1};
        if (m.defaultEnd) sm.end = m.defaultEnd;
        return sm;
      }),
    presets: new Map(inputs.presets.map((p) => [p.id, p])),
    min,
    max,
    dated
  };
  cache.set(inputs, compiled);
  return compiled;
}

/** Resolved parameters: `values[row * months + t]` is parameter `row` in month `start + t`. */
export interface ParameterSet {
  start: string;
  /** Absolute month number of `start`. */
  startIndex: number;
  months: number;
  values: Float64Array;
  compiled: Compiled;
  /**
   * The cached base matrix the values were resolved from (register defaults, the origin's fit, the
   * baseline measures), and the first month offset from which the values may differ from it (M: none).
   * Runs with the same base that change nothing up to the origin share the simulated past (run.ts).
   */
  base?: Float64Array;
  changedFrom?: number;
}

/** Returns the value of parameter `id` in month offset `t` of a resolved set. */
export function paramValue(set: ParameterSet, id: string, t: number): number {
  const row = set.compiled.index.get(id);
  if (row == null) throw new Error(`unknown parameter "${id}"`);
  return set.values[row * set.months + t];
}

/** Default value of a parameter at a month ("YYYY-MM"): the scalar, or the dated step in force. */
export function defaultValueAt(parameter: Parameter, month: string): number {
  if (typeof parameter.value === "number") return parameter.value;
  const m = monthIndex(month);
  let value = parameter.value[0]?.value ?? NaN;
  let best = -Infinity;
  for (const step of parameter.value) {
    const s = monthIndex(step.from);
    if (s <= m && s >= best) {
      best = s;
      value = step.value;
    }
  }
  if (best === -Infinity) {
    // Before the first step: the earliest step holds.
    let first = Infinity;
    for (const step of parameter.value) {
      const s = monthIndex(step.from);
      if (s < first) {
        first = s;
        value = step.value;
      }
    }
  }
  return value;
}

/** Weight (0 … 1) of a measure in absolute month `m`: 0 before start and after end (inclusive), linear ramp. */
export function measureWeight(m: number, start: number, end: number, rampMonths: number): number {
  if (m < start || m > end) return 0;
  if (!(rampMonths > 0)) return 1;
  const w = (m - start + 1) / rampMonths;
  return w < 1 ? w : 1;
}

/** Applies one effect to one value at weight `w` (strength × ramp). */
export function applyEffect(value: number, mode: "set" | "add" | "scale", change: number, w: number): number {
  switch (mode) {
    case "set":
      return value + (change - value) * w;
    case "add":
      return value + change * w;
    case "scale":
      return value * (1 + (change - 1) * w);
  }
}

/**
 * When each part of a scenario applies, as month offsets from MODEL_START (built by prepare.ts from
 * the forecast origin). Without a plan, everything applies from the first month (and scenario
 * overrides from `scenario.overridesFrom`).
 */
export interface ResolvePlan {
  /** Preset overrides (scalar and dated) apply from this offset. */
  presetFrom: number;
  /** Scenario overrides apply from this offset. */
  overridesFrom: number;
  /** Scenario measures apply from this offset (preset measures apply in every month). */
  measuresFrom: number;
  /** Monte Carlo draws apply from this offset (the observed past is not drawn). */
  sampleFrom: number;
  /** Values fitted at the origin (statistical inflow baseline), written from `internalFrom`. */
  internal: Readonly<Record<string, number>>;
  internalFrom: number;
  /**
   * Backtests: after this offset, dated rows hold their value at the offset, except steps whose
   * `announced` month is on or before `knownBy` ("YYYY-MM").
   */
  freezeFrom?: number;
  knownBy?: string;
  /** Backtests: baseline measures whose start is after this offset are left out. */
  skipBaselineAfter?: number;
}

/** Options for {@link resolveParameters}. */
export interface ResolveOptions {
  /** Reuse this buffer (length ≥ parameters × months). */
  out?: Float64Array;
  /**
   * Monte Carlo draw per row (NaN = not drawn): for scalar rows a value, applied as the factor
   * draw / register default; for dated rows a factor. Rows the preset or scenario override are not drawn.
   */
  sample?: Float64Array;
  plan?: ResolvePlan;
}

function fillRow(values: Float64Array, row: number, M: number, start: number, c: Compiled): void {
  const offset = row * M;
  const d = c.dated[row];
  if (d == null) {
    values.fill(c.parameters[row]!.value as number, offset, offset + M);
    return;
  }
  const n = d.months.length;
  // index of the step in force at `start` (the first step if start precedes it)
  let k = 0;
  while (k + 1 < n && d.months[k + 1]! <= start) k++;
  for (let t = 0; t < M; t++) {
    const m = start + t;
    while (k + 1 < n && d.months[k + 1]! <= m) k++;
    values[offset + t] = d.values[k]!;
  }
}

/** Register defaults per (start, months), computed once and copied per run. */
const baseCache = new WeakMap<Compiled, Map<number, Float64Array>>();

function baseMatrix(c: Compiled, start: number, M: number): Float64Array {
  let perCompiled = baseCache.get(c);
  if (!perCompiled) {
    perCompiled = new Map();
    baseCache.set(c, perCompiled);
  }
  const key = start * 4096 + M;
  let base = perCompiled.get(key);
  if (!base) {
    base = new Float64Array(c.parameters.length * M);
    for (let row = 0; row < c.parameters.length; row++) fillRow(base, row, M, start, c);
    perCompiled.set(key, base);
  }
  return base;
}

/** Rows the current resolution changed (restored from the base matrix by the next one). */
let dirty = new Uint8Array(0);
/** First month offset the current resolution wrote a value that may differ from the base. */
let changedFrom = 0;
/** Rows that need the physical-bounds pass (drawn rows whose draw may leave the bounds; see `drawn` for all drawn rows). */
let check = new Uint8Array(0);
/** Rows an override overwrites for every month (no restore needed). */
let full = new Uint8Array(0);
/** Month offset from which an override or dated override overwrites a row in this resolution (M: none). */
let overwriteFrom = new Int32Array(0);
/**
 * Minimum and maximum of every row of a base matrix from month offset `from`, and whether the row
 * holds one value there (the same bits in every month, sign of zero included), cached per base.
 */
interface RowRange {
  from: number;
  min: Float64Array;
  max: Float64Array;
  constant: Uint8Array;
}
const rangeCache = new WeakMap<Float64Array, RowRange>();

function rowRange(base: Float64Array, P: number, M: number, from: number): RowRange {
  const hit = rangeCache.get(base);
  if (hit && hit.from === from) return hit;
  const min = new Float64Array(P).fill(Infinity);
  const max = new Float64Array(P).fill(-Infinity);
  const constant = new Uint8Array(P);
  for (let row = 0; row < P; row++) {
    const first = base[row * M + from]!;
    let same = from < M ? 1 : 0;
    for (let i = row * M + from; i < row * M + M; i++) {
      const v = base[i]!;
      // NaN: an unknown range (the bounds pass runs)
      if (v !== v) {
        min[row] = NaN;
        same = 0;
        break;
      }
      if (v < min[row]!) min[row] = v;
      if (v > max[row]!) max[row] = v;
      if (v !== first || (v === 0 && 1 / v !== 1 / first)) same = 0;
    }
    constant[row] = same;
  }
  const range = {from, min, max, constant};
  rangeCache.set(base, range);
  return range;
}

/** Rows a Monte Carlo draw rewrites in this resolution. */
let drawn = new Uint8Array(0);

function notDrawn(c: Compiled, id: string): void {
  const row = c.index.get(id);
  if (row != null) drawn[row] = 0;
}

/**
 * What a reused output buffer holds: the base matrix it was filled from and the rows the last
 * resolution changed. Restoring only those rows (instead of copying the whole matrix) makes
 * repeated runs (band, slider moves) cheaper.
 */
const bufferState = new WeakMap<Float64Array, {base: Float64Array; dirty: Uint8Array; valid: boolean; months: number; changedFrom: number}>();

/**
 * Resolves a scenario's parameters month by month from MODEL_START to the scenario's end. Assumes a
 * scenario that passed `validateScenario` (unknown ids still throw here, they are never ignored).
 */
export function resolveParameters(scenario: Scenario, inputs: ModelInputs, options: ResolveOptions = {}): ParameterSet {
  const c = compile(inputs);
  const start = monthIndex(MODEL_START);
  const M = monthIndex(scenario.end ?? HORIZON_END) - start + 1;
  if (!(M >= 1)) throw new Error(`scenario: end ${scenario.end} is before the model start ${MODEL_START}`);
  const P = c.parameters.length;
  const values = options.out && options.out.length >= P * M ? options.out : new Float64Array(P * M);
  const preset = c.presets.get(scenario.preset);
  if (!preset) throw new Error(`scenario: unknown preset "${scenario.preset}"`);
  const plan = options.plan;
  // register defaults + the origin's fit + backtest freeze + the baseline measures: the same for every
  // scenario with this plan and these measures switched off, so computed once and copied per run
  const base = planBase(c, start, M, plan, scenario.off);
  const overridesFrom = plan ? plan.overridesFrom : scenario.overridesFrom ? Math.max(0, monthIndex(scenario.overridesFrom) - start) : 0;
  const presetFrom = plan ? plan.presetFrom : 0;
  if (dirty.length < P) {
    dirty = new Uint8Array(P);
    check = new Uint8Array(P);
    full = new Uint8Array(P);
    drawn = new Uint8Array(P);
    replacedFrom = new Int32Array(P);
    overwriteFrom = new Int32Array(P);
  }
  dirty.fill(0, 0, P);
  check.fill(0, 0, P);
  full.fill(0, 0, P);
  replacedFrom.fill(M, 0, P);
  overwriteFrom.fill(M, 0, P);
  changedFrom = M;
  // Rows that an override replaces from some month on need no restore from there (unknown ids throw
  // below); those it replaces in every month are not drawn either.
  for (const id in preset.overrides) {
    const row = c.index.get(id);
    if (row == null) continue;
    if (presetFrom < overwriteFrom[row]!) overwriteFrom[row] = presetFrom;
    if (presetFrom === 0) full[row] = 1;
  }
  if (preset.dated) {
    for (const id in preset.dated) {
      const row = c.index.get(id);
      // an empty step list writes nothing (compileDated skips it)
      if (row != null && preset.dated[id]!.length > 0 && presetFrom < overwriteFrom[row]!) overwriteFrom[row] = presetFrom;
    }
  }
  for (const id in scenario.overrides) {
    const row = c.index.get(id);
    if (row == null) continue;
    if (overridesFrom < overwriteFrom[row]!) overwriteFrom[row] = overridesFrom;
    if (overridesFrom === 0) full[row] = 1;
  }
  // Rows a Monte Carlo draw rewrites (restore and draw in one pass below): drawn, not overridden.
  const sample = options.sample;
  if (sample) {
    for (let row = 0; row < P; row++) {
      const x = sample[row]!;
      drawn[row] = x === x && full[row] === 0 ? 1 : 0;
    }
    // the preset's and the scenario's overrides (scalar, dated) are not drawn, from whichever month
    for (const id in preset.overrides) notDrawn(c, id);
    for (const id in scenario.overrides) notDrawn(c, id);
    if (preset.dated) for (const id in preset.dated) notDrawn(c, id);
  } else drawn.fill(0, 0, P);
  let state = bufferState.get(values);
  const restoring = state !== undefined && state.valid && state.base === base && state.dirty.length === P && state.months === M;
  // the buffer equals the base before the month the last resolution first changed
  const lastFrom = restoring ? state!.changedFrom : 0;
  if (restoring) {
    const last = state!.dirty;
    for (let row = 0; row < P; row++) {
      if (last[row] === 0 || drawn[row] !== 0) continue;
      // a plain loop: `set(base.subarray(…))` allocates a view per row
      const end = row * M + overwriteFrom[row]!;
      for (let i = row * M + lastFrom; i < end; i++) values[i] = base[i]!;
    }
  } else values.set(base);
  // Forget the state until this resolution succeeds: if it throws half-way, the next run copies all.
  if (state) state.valid = false;
  if (sample) {
    const from = plan ? Math.min(plan.sampleFrom, M) : 0;
    const range = rowRange(base, P, M, from);
    for (let row = 0; row < P; row++) {
      if (drawn[row] === 0) continue;
      const x = sample[row]!;
      const offset = row * M;
      // before `from`: the base (a restore, when this buffer held a changed row)
      if (restoring) for (let i = offset + lastFrom; i < offset + from; i++) values[i] = base[i]!;
      // scalar rows: the draw relative to the register default (a fitted value is scaled alike)
      const value = c.parameters[row]!.value;
      let low: number;
      let high: number;
      if (c.dated[row] == null && (value as number) === 0) {
        values.fill(x, offset + from, offset + M);
        low = high = x;
      } else {
        const factor = c.dated[row] == null ? x / (value as number) : x;
        // a row with one value from `from` (most scalar rows): that product, filled (the same bits as
        // multiplying every month; the multiply loop was half of a drawn run's resolution)
        if (range.constant[row] !== 0) values.fill(base[offset + from]! * factor, offset + from, offset + M);
        else for (let i = offset + from; i < offset + M; i++) values[i] = base[i]! * factor;
        // the range of the drawn values (rounding is monotonic: the extremes scale exactly)
        const a = range.min[row]! * factor;
        const b = range.max[row]! * factor;
        low = a < b ? a : b;
        high = a < b ? b : a;
      }
      dirty[row] = 1;
      if (from < changedFrom) changedFrom = from;
      // the bounds pass only where a drawn value may lie outside them (later writes are bounded)
      if (!(low >= c.min[row]! && high <= c.max[row]!) || from >= M) check[row] = 1;
    }
  }
  applyOverrides(values, c, preset.overrides, presetFrom, M, preset);
  if (preset.dated) applyDated(values, c, preset.dated, presetFrom, M, start, preset);
  applyOverrides(values, c, scenario.overrides, overridesFrom, M, "scenario");
  // baseline measures are in the base; where an override replaced a row (from some month on), or a
  // draw changed a row a baseline measure sets, the measure is applied again over that part
  const baseline = baselineEffects(c, activeBaseline(c, start, plan, scenario.off));
  for (let e = 0; e < baseline.length; e++) {
    const {row, effect, sm, measure} = baseline[e]!;
    const from = replacedFrom[row]! < M ? replacedFrom[row]! : effect.mode === "set" && drawn[row] !== 0 ? (plan ? plan.sampleFrom : 0) : M;
    if (from < M) applyEffectRow(values, c, row, effect, sm, measure, start, M, from);
  }
  for (const sm of preset.measures) applyMeasure(values, c, sm, start, M, 0);
  const measuresFrom = plan ? plan.measuresFrom : 0;
  for (const sm of scenario.measures) applyMeasure(values, c, sm, start, M, measuresFrom);
  // physical bounds, on the rows a draw changed (register defaults are validated in range; override
  // values are clamped when they are written, measure results after each measure)
  for (let row = 0; row < P; row++) {
    if (check[row] === 0) continue;
    const lo = c.min[row]!;
    const hi = c.max[row]!;
    const offset = row * M;
    for (let t = 0; t < M; t++) {
      const v = values[offset + t]!;
      if (v >= lo && v <= hi) continue;
      values[offset + t] = v > hi ? hi : lo;
      if (t < changedFrom) changedFrom = t;
    }
  }
  if (options.out === values) {
    if (!state || state.dirty.length !== P) {
      state = {base, dirty: new Uint8Array(P), valid: false, months: M, changedFrom: 0};
      bufferState.set(values, state);
    }
    state.base = base;
    state.months = M;
    const kept = state.dirty;
    for (let row = 0; row < P; row++) kept[row] = dirty[row]!;
    state.changedFrom = changedFrom;
    state.valid = true;
  }
  return {start: MODEL_START, startIndex: start, months: M, values, compiled: c, base, changedFrom};
}

/** Backtests: holds every dated row at its value in month offset `from`, keeping steps announced by `knownBy`. */
function freezeDated(values: Float64Array, c: Compiled, from: number, M: number, start: number, knownBy: string, mark = true): void {
  c.parameters.forEach((p, row) => {
    if (typeof p.value === "number") return;
    const offset = row * M;
    let held = values[offset + from]!;
    const steps = [...p.value].sort((a, b) => (a.from < b.from ? -1 : 1));
    for (let t = from + 1; t < M; t++) {
      const month = monthString(start + t);
      const step = steps.find((d) => d.from === month);
      if (step && step.announced && step.announced <= knownBy) held = values[offset + t]!;
      values[offset + t] = held;
    }
    if (mark) dirty[row] = 1;
  });
}

/** A preset's dated overrides, compiled once per dated object: row, absolute months and bounded values. */
const datedCache = new WeakMap<Record<string, DatedValue[]>, {row: number; months: Int32Array; values: Float64Array}[]>();

/** Where an override came from, for error messages (a preset is named only when a message is made). */
type Where = string | Preset;
const whereText = (where: Where): string => (typeof where === "string" ? where : "preset " + where.id);

function compileDated(c: Compiled, dated: Record<string, DatedValue[]>, where: Where): {row: number; months: Int32Array; values: Float64Array}[] {
  let hit = datedCache.get(dated);
  if (hit) return hit;
  hit = [];
  for (const id in dated) {
    const row = c.index.get(id);
    if (row == null) throw new Error(`${whereText(where)}: unknown parameter "${id}" in dated overrides`);
    const steps = [...dated[id]!].sort((a, b) => (a.from < b.from ? -1 : 1));
    if (steps.length === 0) continue;
    const lo = c.min[row]!;
    const hi = c.max[row]!;
    hit.push({row, months: Int32Array.from(steps, (d) => monthIndex(d.from)), values: Float64Array.from(steps, (d) => (d.value < lo ? lo : d.value > hi ? hi : d.value))});
  }
  datedCache.set(dated, hit);
  return hit;
}

function applyDated(values: Float64Array, c: Compiled, dated: Record<string, DatedValue[]>, from: number, M: number, start: number, where: Where): void {
  for (const {row, months, values: steps} of compileDated(c, dated, where)) {
    let k = 0;
    const n = months.length;
    const offset = row * M;
    for (let t = from; t < M; t++) {
      const m = start + t;
      while (k + 1 < n && months[k + 1]! <= m) k++;
      values[offset + t] = steps[k]!;
    }
    if (from < replacedFrom[row]!) replacedFrom[row] = from;
    if (from < changedFrom) changedFrom = from;
    dirty[row] = 1;
  }
}

function applyOverrides(values: Float64Array, c: Compiled, overrides: Record<string, number>, from: number, M: number, where: Where): void {
  for (const id in overrides) {
    const row = c.index.get(id);
    if (row == null) throw new Error(`${whereText(where)}: unknown parameter "${id}" in overrides`);
    let v = overrides[id];
    if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`${whereText(where)}: overrides.${id} is not a finite number`);
    // physical bounds, applied once to the scalar
    if (v < c.min[row]) v = c.min[row];
    else if (v > c.max[row]) v = c.max[row];
    if (from < M) values.fill(v, row * M + from, row * M + M);
    if (from < replacedFrom[row]!) replacedFrom[row] = from;
    if (from < changedFrom) changedFrom = from;
    dirty[row] = 1;
  }
}

function applyMeasure(values: Float64Array, c: Compiled, sm: ScenarioMeasure, start: number, M: number, from: number, mark = true, until = M): void {
  const measure = c.measures.get(sm.id);
  if (!measure) throw new Error(`scenario: unknown measure "${sm.id}"`);
  if (!measure.effects || measure.effects.length === 0) return; // not quantifiable: no effect, by design
  for (const effect of measure.effects) {
    const row = c.index.get(effect.parameter);
    if (row == null) throw new Error(`measure "${measure.id}": unknown parameter "${effect.parameter}"`);
    if (mark) dirty[row] = 1;
    applyEffectRow(values, c, row, effect, sm, measure, start, M, from, until);
  }
}

/** Applies one effect of a measure to one row from month offset `from` (start, end, ramp, strength, bounds). */
function applyEffectRow(values: Float64Array, c: Compiled, row: number, effect: MeasureEffect, sm: ScenarioMeasure, measure: Measure, start: number, M: number, from: number, until = M): void {
  const s = monthIndex(sm.start);
  const endText = sm.end ?? measure.defaultEnd;
  const e = endText ? monthIndex(endText) : Infinity;
  const ramp = sm.rampMonths ?? measure.rampMonths ?? 0;
  const strength = sm.strength;
  const offset = row * M;
  const lo = c.min[row]!;
  const hi = c.max[row]!;
  const t0 = Math.max(from, s - start);
  const t1 = Math.min(until, e - start + 1);
  const change = effect.change;
  // Same arithmetic as measureWeight × strength and applyEffect, with the mode hoisted out of the loop.
  const mode = effect.mode === "set" ? 0 : effect.mode === "add" ? 1 : 2;
  if (t0 < t1 && t0 < changedFrom) changedFrom = t0;
  let t = t0;
  // the ramp: weight (months since start + 1) / ramp, below 1 (it only grows)
  if (ramp > 0) {
    for (; t < t1; t++) {
      let w = (start + t - s + 1) / ramp;
      if (w >= 1) break;
      w *= strength;
      const i = offset + t;
      const x = values[i]!;
      const y = mode === 0 ? x + (change - x) * w : mode === 1 ? x + change * w : x * (1 + (change - 1) * w);
      // physical bounds after each measure (NaN → lower bound)
      values[i] = y < lo ? lo : y > hi ? hi : y !== y ? lo : y;
    }
  }
  // after the ramp: the full weight, one loop per mode (the same arithmetic, terms hoisted)
  const w = strength;
  const i0 = offset + t;
  const i1 = offset + t1;
  if (mode === 0) {
    for (let i = i0; i < i1; i++) {
      const x = values[i]!;
      const y = x + (change - x) * w;
      values[i] = y < lo ? lo : y > hi ? hi : y !== y ? lo : y;
    }
  } else if (mode === 1) {
    const d = change * w;
    for (let i = i0; i < i1; i++) {
      const y = values[i]! + d;
      values[i] = y < lo ? lo : y > hi ? hi : y !== y ? lo : y;
    }
  } else {
    const k = 1 + (change - 1) * w;
    for (let i = i0; i < i1; i++) {
      const y = values[i]! * k;
      values[i] = y < lo ? lo : y > hi ? hi : y !== y ? lo : y;
    }
  }
}

/** Row from which an override (or a dated override) replaced the values in this resolution (M = none). */
let replacedFrom = new Int32Array(0);

/** Baseline measures applied on top of the register (embedded ones are in the register already). */
const appliedCache = new WeakMap<Compiled, ScenarioMeasure[]>();
function appliedBaseline(c: Compiled): ScenarioMeasure[] {
  let hit = appliedCache.get(c);
  if (!hit) appliedCache.set(c, (hit = c.baselineMeasures.filter((sm) => c.measures.get(sm.id)!.embedded !== true)));
  return hit;
}

/** One effect of a baseline measure with its row. */
interface BaselineEffect {
  sm: ScenarioMeasure;
  measure: Measure;
  effect: MeasureEffect;
  row: number;
}
const baselineEffectsCache = new WeakMap<readonly ScenarioMeasure[], BaselineEffect[]>();

/**
 * The effects of a list of baseline measures with their rows, compiled once per list (the usual
 * list, `appliedBaseline`, is cached: a run then does no map lookups by id for it).
 */
function baselineEffects(c: Compiled, list: readonly ScenarioMeasure[]): BaselineEffect[] {
  let hit = baselineEffectsCache.get(list);
  if (hit) return hit;
  hit = [];
  for (const sm of list) {
    const measure = c.measures.get(sm.id)!;
    for (const effect of measure.effects!) hit.push({sm, measure, effect, row: c.index.get(effect.parameter)!});
  }
  baselineEffectsCache.set(list, hit);
  return hit;
}

/** The baseline measures that apply under a plan, with the scenario's switched-off ones removed. */
function activeBaseline(c: Compiled, start: number, plan: ResolvePlan | undefined, off: readonly string[] | undefined): ScenarioMeasure[] {
  const applied = appliedBaseline(c);
  if (!off?.length && (!plan || plan.skipBaselineAfter == null)) return applied;
  return applied.filter((sm) => !(off && off.includes(sm.id)) && !(plan && plan.skipBaselineAfter != null && monthIndex(sm.start) - start > plan.skipBaselineAfter));
}

/**
 * Removes an embedded measure's effect from month offset `from` on (within its period): add −change,
 * divide by the factor, or move towards `without` (set), with the measure's ramp.
 */
function removeEmbedded(values: Float64Array, c: Compiled, sm: ScenarioMeasure, start: number, M: number, from: number): void {
  const measure = c.measures.get(sm.id)!;
  for (const effect of measure.effects!) {
    const row = c.index.get(effect.parameter)!;
    const inverse: MeasureEffect =
      effect.mode === "add"
        ? {parameter: effect.parameter, mode: "add", change: -effect.change}
        : effect.mode === "scale"
          ? {parameter: effect.parameter, mode: "scale", change: 1 / effect.change}
          : {parameter: effect.parameter, mode: "set", change: effect.without!};
    applyEffectRow(values, c, row, inverse, sm, measure, start, M, from);
  }
}

const planBaseCache = new WeakMap<Compiled, Map<string, Float64Array>>();
/** Cache key of a plan (plans are reused across the runs of a band or a benchmark). */
const planKeys = new WeakMap<ResolvePlan, string>();

/** Register defaults, the origin's fitted values, the backtest freeze and the baseline measures (cached). */
/** The last base returned for a plan without switched-off measures (the runs of a band reuse one plan). */
let lastBase: {c: Compiled; plan: ResolvePlan | undefined; start: number; M: number; base: Float64Array} | null = null;

function planBase(c: Compiled, start: number, M: number, plan: ResolvePlan | undefined, off: readonly string[] | undefined): Float64Array {
  const noOff = !off || off.length === 0;
  if (noOff && lastBase !== null && lastBase.plan === plan && plan !== undefined && lastBase.c === c && lastBase.M === M && lastBase.start === start) return lastBase.base;
  const base = planBaseKeyed(c, start, M, plan, off);
  if (noOff) lastBase = {c, plan, start, M, base};
  return base;
}

function planBaseKeyed(c: Compiled, start: number, M: number, plan: ResolvePlan | undefined, off: readonly string[] | undefined): Float64Array {
  const register = baseMatrix(c, start, M);
  let key = plan ? planKeys.get(plan) : "";
  if (key === undefined) {
    key = `|${plan!.internalFrom}`;
    for (const id in plan!.internal) key += `|${id}=${plan!.internal[id]}`;
    if (plan!.freezeFrom != null) key += `|f${plan!.freezeFrom}:${plan!.knownBy ?? ""}`;
    if (plan!.skipBaselineAfter != null) key += `|s${plan!.skipBaselineAfter}`;
    planKeys.set(plan!, key);
  }
  key = M + key;
  if (off && off.length) key += `|off:${[...off].sort().join(",")}@${plan ? plan.measuresFrom : 0}`;
  let perCompiled = planBaseCache.get(c);
  if (!perCompiled) planBaseCache.set(c, (perCompiled = new Map()));
  let base = perCompiled.get(key);
  if (base) return base;
  base = Float64Array.from(register);
  if (plan) {
    for (const id in plan.internal) {
      const row = c.index.get(id);
      if (row == null) throw new Error(`origin fit: unknown parameter "${id}"`);
      if (plan.internalFrom < M) base.fill(plan.internal[id]!, row * M + plan.internalFrom, row * M + M);
    }
    if (plan.freezeFrom != null && plan.freezeFrom < M) freezeDated(base, c, plan.freezeFrom, M, start, plan.knownBy ?? "", false);
  }
  for (const sm of activeBaseline(c, start, plan, off)) applyMeasure(base, c, sm, start, M, 0, false);
  // a baseline measure switched off still holds in the observed past: it is removed only from the
  // months in which scenario measures apply (after the origin), never by rewriting history
  if (off && off.length) {
    const from = plan ? Math.min(plan.measuresFrom, M) : 0;
    for (const sm of c.baselineMeasures) {
      if (!off.includes(sm.id)) continue;
      if (c.measures.get(sm.id)!.embedded === true) {
        // in the register: take its effect out from the first month scenario measures apply
        if (from < M) removeEmbedded(base, c, sm, start, M, from);
        continue;
      }
      if (from === 0) continue;
      if (plan && plan.skipBaselineAfter != null && monthIndex(sm.start) - start > plan.skipBaselineAfter) continue;
      applyMeasure(base, c, sm, start, M, 0, false, from);
    }
  }
  if (perCompiled.size > 64) perCompiled.clear();
  perCompiled.set(key, base);
  return base;
}

/** Formats the month of offset `t` in a set. */
export function monthOf(set: ParameterSet, t: number): string {
  return monthString(set.startIndex + t);
}
