/**
 * Reads and validates the parameter register (`data/parameters.json`) and the named scenarios
 * (`data/scenarios.json`). Every failure is a DataError naming file, entry and field.
 */
import {readFileSync} from "node:fs";
import {DataError, dataPath, readOrigin} from "./read.js";
import {isMonth} from "../src/model/months.js";
import type {DatedValue, Parameter, Preset, ScenarioMeasure, SourceRef} from "../src/model/types.js";

const GROUPS = ["instroom", "ind", "opvang", "uitstroom", "nareis", "kosten"] as const;
const KINDS = ["lever", "assumption"] as const;
const GRADES = ["P", "S", "S-AI", "seed", "aanname"] as const;

function readJson(name: string): unknown {
  const file = dataPath(name);
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new DataError(file, null, null, `cannot be read as JSON (${(error as Error).message})`);
  }
}

/** Validates one SourceRef; `fail(field, reason)` throws. */
export function checkSource(x: unknown, field: string, fail: (field: string, reason: string) => never): SourceRef {
  if (typeof x !== "object" || x === null) fail(field, "must be an object {document, section?, url?, date?, grade?}");
  const s = x as Record<string, unknown>;
  if (typeof s.document !== "string" || s.document.trim() === "") fail(`${field}.document`, "is required");
  for (const k of ["section", "url", "date"] as const) {
    if (s[k] !== undefined && typeof s[k] !== "string") fail(`${field}.${k}`, "must be a string");
  }
  if (s.grade !== undefined && !(GRADES as readonly unknown[]).includes(s.grade)) {
    fail(`${field}.grade`, `unknown grade "${String(s.grade)}" (allowed: ${GRADES.join(", ")})`);
  }
  return s as unknown as SourceRef;
}

/** Validates the register array (exported for tests). `file` is used in messages. */
export function validateParameters(raw: unknown, file = dataPath("parameters.json")): Parameter[] {
  if (!Array.isArray(raw)) throw new DataError(file, null, null, "must be an array of parameters");
  const seen = new Set<string>();
  return raw.map((entry: unknown, i: number) => {
    const id = typeof (entry as {id?: unknown})?.id === "string" ? (entry as {id: string}).id : `#${i + 1}`;
    const fail = (field: string, reason: string): never => {
      throw new DataError(file, i + 1, `${id}.${field}`, reason);
    };
    if (typeof entry !== "object" || entry === null) return fail("entry", "must be an object");
    const p = entry as Record<string, unknown>;
    if (typeof p.id !== "string" || !/^[a-z][a-z0-9_]*$/.test(p.id)) fail("id", "must be a snake_case id");
    if (seen.has(p.id as string)) fail("id", "duplicate id");
    seen.add(p.id as string);
    for (const k of ["label", "description", "unit"] as const) {
      if (typeof p[k] !== "string" || (p[k] as string).trim() === "") fail(k, "is required (Dutch text)");
    }
    if (!(GROUPS as readonly unknown[]).includes(p.group)) fail("group", `must be one of ${GROUPS.join(", ")}`);
    if (!(KINDS as readonly unknown[]).includes(p.kind)) fail("kind", `must be one of ${KINDS.join(", ")}`);
    if (typeof p.uncertain !== "boolean") fail("uncertain", "must be true or false");
    for (const k of ["low", "high"] as const) {
      if (typeof p[k] !== "number" || !Number.isFinite(p[k])) fail(k, "must be a finite number");
    }
    const low = p.low as number;
    const high = p.high as number;
    if (low > high) fail("low", `${low} is above high ${high}`);
    if (p.step !== undefined && (typeof p.step !== "number" || !(p.step > 0))) fail("step", "must be a positive number");
    for (const k of ["bandLow", "bandHigh"] as const) {
      if (p[k] === undefined) continue;
      if (typeof p[k] !== "number" || !Number.isFinite(p[k])) fail(k, "must be a finite number");
      if ((p[k] as number) < low || (p[k] as number) > high) fail(k, `${p[k]} is outside the plausible range ${low} … ${high}`);
    }
    const inRange = (v: number, field: string) => {
      if (v < low || v > high) fail(field, `${v} is outside the plausible range ${low} … ${high}`);
    };
    if (typeof p.value === "number") {
      if (!Number.isFinite(p.value)) fail("value", "must be finite");
      inRange(p.value, "value");
    } else if (Array.isArray(p.value)) {
      if (p.value.length === 0) fail("value", "a dated series needs at least one step");
      let previous = "";
      (p.value as unknown[]).forEach((step, k) => {
        const s = step as DatedValue;
        if (typeof s !== "object" || s === null || !isMonth(s.from)) fail(`value[${k}].from`, "must be a month like 2024-01");
        if (s.from <= previous) fail(`value[${k}].from`, `${s.from} is not after ${previous} (steps must be in order)`);
        previous = s.from;
        if (typeof s.value !== "number" || !Number.isFinite(s.value)) fail(`value[${k}].value`, "must be a finite number");
        inRange(s.value, `value[${k}].value`);
      });
    } else fail("value", "must be a number or a dated series [{from, value}]");
    if (!Array.isArray(p.basis) || p.basis.length === 0) fail("basis", "needs at least one source");
    (p.basis as unknown[]).forEach((b, k) => checkSource(b, `basis[${k}]`, fail));
    return p as unknown as Parameter;
  });
}

/** Reads and validates `data/parameters.json` (and its origin record). */
export function loadParameters(): Parameter[] {
  readOrigin("parameters.json");
  return validateParameters(readJson("parameters.json"));
}

/** Validates the presets array against the register (exported for tests). */
export function validatePresets(raw: unknown, parameters: readonly Parameter[], file = dataPath("scenarios.json")): Preset[] {
  if (!Array.isArray(raw)) throw new DataError(file, null, null, "must be an array of presets");
  const byId = new Map(parameters.map((p) => [p.id, p]));
  const seen = new Set<string>();
  return raw.map((entry: unknown, i: number) => {
    const id = typeof (entry as {id?: unknown})?.id === "string" ? (entry as {id: string}).id : `#${i + 1}`;
    const fail = (field: string, reason: string): never => {
      throw new DataError(file, i + 1, `${id}.${field}`, reason);
    };
    const p = entry as Record<string, unknown>;
    if (typeof p !== "object" || p === null) return fail("entry", "must be an object");
    if (typeof p.id !== "string" || !/^[a-z0-9-]+$/.test(p.id)) fail("id", "must be a kebab-case id");
    if (seen.has(p.id as string)) fail("id", "duplicate id");
    seen.add(p.id as string);
    for (const k of ["name", "description"] as const) if (typeof p[k] !== "string" || p[k] === "") fail(k, "is required (Dutch text)");
    if (!Array.isArray(p.basis) || p.basis.length === 0) fail("basis", "needs at least one source");
    (p.basis as unknown[]).forEach((b, k) => checkSource(b, `basis[${k}]`, fail));
    if (typeof p.overrides !== "object" || p.overrides === null || Array.isArray(p.overrides)) fail("overrides", "must be an object");
    for (const [pid, v] of Object.entries(p.overrides as Record<string, unknown>)) {
      const param = byId.get(pid);
      if (!param) fail(`overrides.${pid}`, "unknown parameter id");
      if (typeof v !== "number" || !Number.isFinite(v)) fail(`overrides.${pid}`, "must be a finite number");
      if ((v as number) < param!.low || (v as number) > param!.high) fail(`overrides.${pid}`, `${v} is outside ${param!.low} … ${param!.high}`);
    }
    if (!Array.isArray(p.measures)) fail("measures", "must be an array");
    (p.measures as ScenarioMeasure[]).forEach((m, k) => {
      if (typeof m?.id !== "string") fail(`measures[${k}].id`, "is required");
      if (!isMonth(m.start)) fail(`measures[${k}].start`, "must be a month like 2024-01");
      if (typeof m.strength !== "number" || !Number.isFinite(m.strength)) fail(`measures[${k}].strength`, "must be a number");
    });
    return p as unknown as Preset;
  });
}

/** Reads and validates `data/scenarios.json` (and its origin record). */
export function loadPresets(parameters: readonly Parameter[]): Preset[] {
  readOrigin("scenarios.json");
  const presets = validatePresets(readJson("scenarios.json"), parameters);
  if (!presets.some((p) => p.id === "ongewijzigd")) {
    throw new DataError(dataPath("scenarios.json"), null, "id", 'the baseline preset "ongewijzigd" is missing');
  }
  return presets;
}
