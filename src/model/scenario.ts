/**
 * One validator for scenarios from the URL, CLI JSON files and tests, and the URL codec.
 *
 * - Numbers outside a parameter's plausible range [low, high] are clamped, with a notice.
 * - Unknown parameter, measure, preset or field names are rejected with a message naming the field
 *   (strict mode, CLI and tests) or dropped with a notice (lenient mode, used for URLs so that an old
 *   link still opens).
 * - Nothing yields NaN: every number is checked to be finite.
 */
import {compile} from "./params.js";
import {isMonth, monthIndex} from "./months.js";
import {OBSERVED_INPUTS} from "./prepare.js";
import {DEFAULT_PRESET, HORIZON_END, LATEST_END, MODEL_START} from "./constants.js";
import {defaultOrigin} from "./origin.js";
import {MODEL_VERSION} from "./version.js";
import type {ModelInputs, Scenario, ScenarioMeasure} from "./types.js";

/** A rejected scenario: `field` is the JSON path of the offending field ("overrides.share_high"). */
export class ScenarioError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string
  ) {
    super(`${field}: ${reason}`);
    this.name = "ScenarioError";
  }
}

export interface ValidationResult {
  scenario: Scenario;
  /** Dutch-free, English notices: clamped values, dropped entries, measures without effect. */
  notices: string[];
}

export interface ValidateOptions {
  /** Drop invalid entries with a notice instead of throwing (for URLs). Default false. */
  lenient?: boolean;
}

const TOP_LEVEL = new Set(["preset", "overrides", "measures", "off", "observed", "start", "end", "origin", "backtest", "freeRun", "overridesFrom", "description", "modelVersion", "dataVintage"]);
const MEASURE_FIELDS = new Set(["id", "start", "end", "strength", "rampMonths"]);
const EARLIEST = MODEL_START;
const LATEST = LATEST_END;
/** Earliest forecast origin: a year of observed past after the model start. */
export const EARLIEST_ORIGIN = "2022-12";

/** Preset ids of model 1.x links → the preset that replaces them (an old link still opens). */
export const PRESET_ALIASES: Record<string, string> = {
  "mpp-2023-min": "mpp-2023-i-min",
  "mpp-2023-medio": "mpp-2023-i-medio",
  "mpp-2023-max": "mpp-2023-i-max"
};
export const STRENGTH_MAX = 2;
export const RAMP_MAX = 60;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(12)));
}

/**
 * Validates a scenario object (parsed JSON or built in code) against the register, catalogue and
 * presets. Returns a clean copy and notices; throws {@link ScenarioError} on invalid input (strict).
 */
export function validateScenario(raw: unknown, inputs: ModelInputs, options: ValidateOptions = {}): ValidationResult {
  const lenient = options.lenient === true;
  const c = compile(inputs);
  const notices: string[] = [];
  const reject = (field: string, reason: string): void => {
    if (lenient) notices.push(`${field}: ${reason}; ignored`);
    else throw new ScenarioError(field, reason);
  };
  if (!isRecord(raw)) throw new ScenarioError("scenario", "must be a JSON object");
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL.has(key)) reject(key, `unknown field (allowed: ${[...TOP_LEVEL].join(", ")})`);
  }

  // preset
  let preset = raw.preset;
  if (typeof preset === "string" && !c.presets.has(preset) && PRESET_ALIASES[preset] && c.presets.has(PRESET_ALIASES[preset]!)) {
    notices.push(`preset: "${preset}" is now "${PRESET_ALIASES[preset]}"`);
    preset = PRESET_ALIASES[preset];
  }
  if (typeof preset !== "string" || preset === "") {
    if (!lenient) throw new ScenarioError("preset", `is required (one of: ${[...c.presets.keys()].join(", ")})`);
    notices.push(`preset: missing; using "ongewijzigd"`);
    preset = "ongewijzigd";
  } else if (!c.presets.has(preset)) {
    if (!lenient) throw new ScenarioError("preset", `unknown preset "${preset}" (one of: ${[...c.presets.keys()].join(", ")})`);
    notices.push(`preset: unknown preset "${preset}"; using "ongewijzigd"`);
    preset = "ongewijzigd";
  }

  // period
  const month = (key: "start" | "end" | "overridesFrom" | "origin", fallback: string | undefined): string | undefined => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (!isMonth(value)) {
      reject(key, `"${String(value)}" is not a month like 2024-01`);
      return fallback;
    }
    if (value < EARLIEST || value > LATEST) {
      reject(key, `${value} is outside ${EARLIEST} … ${LATEST}`);
      return fallback;
    }
    return value;
  };
  let start = month("start", undefined);
  let end = month("end", undefined);
  if (monthIndex(end ?? HORIZON_END) < monthIndex(start ?? MODEL_START)) {
    reject("end", `${end ?? HORIZON_END} is before start ${start ?? MODEL_START}`);
    start = undefined;
    end = undefined;
  }
  const overridesFrom = month("overridesFrom", undefined);
  const startText = start ?? MODEL_START;
  const months = monthIndex(end ?? HORIZON_END) - monthIndex(startText) + 1;
  // forecast origin: between a year after the model start and the data's default origin
  let origin = month("origin", undefined);
  if (origin !== undefined) {
    const latest = defaultOrigin(inputs);
    if (origin < EARLIEST_ORIGIN) {
      notices.push(`origin: ${origin} is before ${EARLIEST_ORIGIN}; clamped to ${EARLIEST_ORIGIN}`);
      origin = EARLIEST_ORIGIN;
    } else if (origin > latest) {
      notices.push(`origin: ${origin} is after the latest observed month ${latest}; clamped to ${latest}`);
      origin = latest;
    }
    if (origin >= (end ?? HORIZON_END)) {
      reject("origin", `${origin} is not before the end ${end ?? HORIZON_END}`);
      origin = undefined;
    }
  }
  let backtest: boolean | undefined;
  if (raw.backtest !== undefined) {
    if (typeof raw.backtest !== "boolean") reject("backtest", "must be true or false");
    else if (raw.backtest) backtest = true;
  }
  let freeRun: boolean | undefined;
  if (raw.freeRun !== undefined) {
    if (typeof raw.freeRun !== "boolean") reject("freeRun", "must be true or false");
    else if (raw.freeRun) freeRun = true;
  }
  // baseline measures switched off
  const off: string[] = [];
  if (raw.off !== undefined) {
    if (!Array.isArray(raw.off)) reject("off", "must be an array of measure ids");
    else {
      raw.off.forEach((id: unknown, i: number) => {
        const m = typeof id === "string" ? c.measures.get(id) : undefined;
        if (!m) return reject(`off[${i}]`, `unknown measure ${JSON.stringify(id)}`);
        if (!m.inBaseline) return reject(`off[${i}]`, `measure "${id}" is not part of the baseline`);
        if (!off.includes(m.id)) off.push(m.id);
      });
    }
  }

  // overrides
  const overrides: Record<string, number> = {};
  if (raw.overrides !== undefined) {
    if (!isRecord(raw.overrides)) reject("overrides", "must be an object of parameter id → number");
    else {
      for (const [id, value] of Object.entries(raw.overrides)) {
        const field = `overrides.${id}`;
        const row = c.index.get(id);
        if (row == null) {
          reject(field, "unknown parameter id");
          continue;
        }
        if (typeof value !== "number" || !Number.isFinite(value)) {
          reject(field, `must be a finite number, got ${JSON.stringify(value)}`);
          continue;
        }
        const p = c.parameters[row];
        let v = value;
        if (v < p.low) {
          notices.push(`${field}: ${fmt(value)} is below the plausible range; clamped to ${fmt(p.low)}`);
          v = p.low;
        } else if (v > p.high) {
          notices.push(`${field}: ${fmt(value)} is above the plausible range; clamped to ${fmt(p.high)}`);
          v = p.high;
        }
        overrides[id] = v;
      }
    }
  }

  // measures
  const measures: ScenarioMeasure[] = [];
  if (raw.measures !== undefined) {
    if (!Array.isArray(raw.measures)) reject("measures", "must be an array");
    else {
      const seen = new Map<string, number>();
      raw.measures.forEach((m: unknown, i: number) => {
        const base = `measures[${i}]`;
        if (!isRecord(m)) return reject(base, "must be an object {id, start, strength, end?, rampMonths?}");
        for (const key of Object.keys(m)) if (!MEASURE_FIELDS.has(key)) reject(`${base}.${key}`, "unknown field");
        if (typeof m.id !== "string") return reject(`${base}.id`, "is required (a measure id)");
        const measure = c.measures.get(m.id);
        if (!measure) return reject(`${base}.id`, `unknown measure "${m.id}"`);
        // A measure applies once: copies would stack its effect (issue 12).
        const first = seen.get(m.id);
        if (first !== undefined) return reject(`${base}.id`, `measure "${m.id}" is already in measures[${first}]`);
        seen.set(m.id, i);
        let mstart: string;
        if (m.start === undefined) {
          if (measure.defaultStart && isMonth(measure.defaultStart)) {
            mstart = measure.defaultStart;
            notices.push(`${base}.start: missing; using the catalogue's start ${mstart} for "${m.id}"`);
          } else return reject(`${base}.start`, "is required (a month like 2024-01)");
        } else if (!isMonth(m.start)) return reject(`${base}.start`, `"${String(m.start)}" is not a month like 2024-01`);
        else mstart = m.start;
        let mend: string | undefined;
        if (m.end !== undefined) {
          if (!isMonth(m.end)) return reject(`${base}.end`, `"${String(m.end)}" is not a month like 2024-01`);
          if (m.end < mstart) return reject(`${base}.end`, `${m.end} is before start ${mstart}`);
          mend = m.end;
        } else if (measure.defaultEnd && isMonth(measure.defaultEnd) && measure.defaultEnd >= mstart) {
          mend = measure.defaultEnd;
          notices.push(`${base}.end: missing; using the catalogue's end ${mend} for "${m.id}"`);
        }
        if (typeof m.strength !== "number" || !Number.isFinite(m.strength)) {
          return reject(`${base}.strength`, "is required (a number, 1 = the catalogue's effect)");
        }
        let strength = m.strength;
        if (strength < 0 || strength > STRENGTH_MAX) {
          const clamped = strength < 0 ? 0 : STRENGTH_MAX;
          notices.push(`${base}.strength: ${fmt(strength)} is outside 0 … ${STRENGTH_MAX}; clamped to ${clamped}`);
          strength = clamped;
        }
        const out: ScenarioMeasure = {id: m.id, start: mstart, strength};
        if (mend) out.end = mend;
        if (m.rampMonths !== undefined) {
          if (typeof m.rampMonths !== "number" || !Number.isFinite(m.rampMonths)) {
            return reject(`${base}.rampMonths`, "must be a number of months");
          }
          let r = Math.round(m.rampMonths);
          if (r < 0 || r > RAMP_MAX) {
            const clamped = r < 0 ? 0 : RAMP_MAX;
            notices.push(`${base}.rampMonths: ${r} is outside 0 … ${RAMP_MAX}; clamped to ${clamped}`);
            r = clamped;
          }
          out.rampMonths = r;
        }
        if (!measure.effects || measure.effects.length === 0) {
          notices.push(`${base}: measure "${m.id}" is not quantifiable from public sources and has no effect in the model`);
        }
        measures.push(out);
      });
    }
  }

  // observed inputs
  let observed: Record<string, number[]> | undefined;
  if (raw.observed !== undefined) {
    if (!isRecord(raw.observed)) reject("observed", "must be an object of series id → monthly numbers");
    else {
      observed = {};
      for (const [key, values] of Object.entries(raw.observed)) {
        const field = `observed.${key}`;
        if (!(OBSERVED_INPUTS as readonly string[]).includes(key)) {
          reject(field, `unknown observed input (allowed: ${OBSERVED_INPUTS.join(", ")})`);
          continue;
        }
        if (!Array.isArray(values)) {
          reject(field, "must be an array of monthly numbers from start");
          continue;
        }
        const bad = values.findIndex((x) => typeof x !== "number" || !Number.isFinite(x) || x < 0);
        if (bad >= 0) {
          reject(`${field}[${bad}]`, `must be a finite number ≥ 0, got ${JSON.stringify(values[bad])}`);
          continue;
        }
        let list = values as number[];
        if (list.length > months) {
          notices.push(`${field}: ${list.length} values for ${months} months; the extra values are not used`);
          list = list.slice(0, months);
        }
        observed[key] = [...list];
      }
    }
  }

  if (raw.modelVersion !== undefined && raw.modelVersion !== MODEL_VERSION) {
    notices.push(`modelVersion: scenario made with model ${String(raw.modelVersion)}, running model ${MODEL_VERSION}`);
  }
  if (raw.dataVintage !== undefined && raw.dataVintage !== inputs.dataVintage) {
    notices.push(`dataVintage: scenario made with data of ${String(raw.dataVintage)}, running data of ${inputs.dataVintage}`);
  }

  const scenario: Scenario = {preset: preset as string, overrides, measures};
  if (off.length > 0) scenario.off = off;
  if (observed && Object.keys(observed).length > 0) scenario.observed = observed;
  if (start) scenario.start = start;
  if (end) scenario.end = end;
  if (origin) scenario.origin = origin;
  if (backtest) scenario.backtest = true;
  if (freeRun) scenario.freeRun = true;
  if (overridesFrom) scenario.overridesFrom = overridesFrom;
  return {scenario, notices};
}

/**
 * Encodes a scenario into a URL search string ("?p=…&o=…&m=…&v=…&d=…"). Observed input series are
 * not put in URLs (too long); everything else round-trips through {@link decodeScenarioFromSearch}.
 */
export function encodeScenarioToSearch(scenario: Scenario, inputs?: ModelInputs): string {
  const q = new URLSearchParams();
  q.set("p", scenario.preset);
  const o = Object.entries(scenario.overrides)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, v]) => `${id}:${fmt(v)}`)
    .join(",");
  if (o) q.set("o", o);
  const m = scenario.measures
    .map((x) => [x.id, x.start, fmt(x.strength), x.end ?? "", x.rampMonths == null ? "" : String(x.rampMonths)].join("~").replace(/~+$/, ""))
    .join(",");
  if (m) q.set("m", m);
  if (scenario.start) q.set("s", scenario.start);
  if (scenario.end) q.set("e", scenario.end);
  if (scenario.overridesFrom) q.set("f", scenario.overridesFrom);
  if (scenario.origin) q.set("t", scenario.origin);
  if (scenario.off && scenario.off.length > 0) q.set("x", scenario.off.join(","));
  q.set("v", MODEL_VERSION);
  if (inputs) q.set("d", inputs.dataVintage);
  return "?" + q.toString();
}

/**
 * Decodes a URL search string into a validated scenario (lenient: unknown ids and malformed parts
 * are dropped with a notice, out-of-range values clamped with a notice). Never throws on user input.
 */
export function decodeScenarioFromSearch(search: string, inputs: ModelInputs): ValidationResult {
  const q = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const notices: string[] = [];
  const raw: Record<string, unknown> = {preset: q.get("p") ?? DEFAULT_PRESET};
  const overrides: Record<string, unknown> = {};
  for (const part of (q.get("o") ?? "").split(",")) {
    if (part === "") continue;
    const i = part.lastIndexOf(":");
    if (i <= 0) {
      notices.push(`o: "${part}" is not id:value; ignored`);
      continue;
    }
    const text = part.slice(i + 1);
    const value = text.trim() === "" ? NaN : Number(text);
    overrides[part.slice(0, i)] = Number.isFinite(value) ? value : text;
  }
  raw.overrides = overrides;
  const measures: unknown[] = [];
  for (const part of (q.get("m") ?? "").split(",")) {
    if (part === "") continue;
    const [id, start, strength, end, ramp] = part.split("~");
    const m: Record<string, unknown> = {id, start, strength: strength === undefined || strength === "" ? undefined : Number(strength)};
    if (end) m.end = end;
    if (ramp) m.rampMonths = Number(ramp);
    measures.push(m);
  }
  raw.measures = measures;
  const x = q.get("x");
  if (x != null && x !== "") raw.off = x.split(",").filter((id) => id !== "");
  for (const [key, field] of [["s", "start"], ["e", "end"], ["f", "overridesFrom"], ["t", "origin"]] as const) {
    const value = q.get(key);
    if (value != null) raw[field] = value;
  }
  const v = q.get("v");
  if (v != null) raw.modelVersion = v;
  const d = q.get("d");
  if (d != null) raw.dataVintage = d;
  for (const key of q.keys()) {
    if (!["p", "o", "m", "s", "e", "f", "t", "x", "v", "d"].includes(key) && !key.startsWith("g_")) notices.push(`${key}: unknown URL parameter; ignored`);
  }
  const result = validateScenario(raw, inputs, {lenient: true});
  return {scenario: result.scenario, notices: [...notices, ...result.notices]};
}
