/**
 * Reads and validates the parameter register (`data/parameters.json`) and the named scenarios
 * (`data/scenarios.json`) with zod schemas plus the cross-field rules (ranges, order of dated steps,
 * overrides against the register). Every failure is a DataError naming file, entry and field.
 */
import {z} from "zod";
import {DataError, dataPath, readJson, readOrigin} from "./read.js";
import {isMonth} from "../src/model/months.js";
import type {DatedValue, Parameter, Preset, ScenarioMeasure, SourceRef} from "../src/model/types.js";

const GROUPS = ["instroom", "ind", "opvang", "uitstroom", "nareis", "kosten"] as const;
const KINDS = ["lever", "assumption"] as const;
const GRADES = ["P", "S", "S-AI", "seed", "aanname"] as const;

const SourceSchema = z.looseObject(
  {
    document: z.string({error: "is required"}).trim().min(1, {error: "is required"}),
    section: z.string({error: "must be a string"}).optional(),
    url: z.string({error: "must be a string"}).optional(),
    date: z.string({error: "must be a string"}).optional(),
    grade: z
      .unknown()
      .refine((g) => (GRADES as readonly unknown[]).includes(g), {error: (i) => `unknown grade "${String(i.input)}" (allowed: ${GRADES.join(", ")})`})
      .optional()
  },
  {error: "must be an object {document, section?, url?, date?, grade?}"}
);

/** Validates one SourceRef; `fail(field, reason)` throws. */
export function checkSource(x: unknown, field: string, fail: (field: string, reason: string) => never): SourceRef {
  const result = SourceSchema.safeParse(x);
  if (!result.success) {
    const issue = result.error.issues[0];
    fail(issue.path.length ? `${field}.${issue.path.join(".")}` : field, issue.message);
  }
  return x as SourceRef;
}

const finite = z.number({error: "must be a finite number"});
const dutch = z.string({error: "is required (Dutch text)"}).trim().min(1, {error: "is required (Dutch text)"});

/** The zod schema of one register entry (ranges and order of dated steps are checked after it). */
export const ParameterSchema = z.looseObject({
  id: z.string({error: "must be a snake_case id"}).regex(/^[a-z][a-z0-9_]*$/, {error: "must be a snake_case id"}),
  label: dutch,
  description: dutch,
  unit: dutch,
  group: z.enum(GROUPS, {error: `must be one of ${GROUPS.join(", ")}`}),
  kind: z.enum(KINDS, {error: `must be one of ${KINDS.join(", ")}`}),
  uncertain: z.boolean({error: "must be true or false"}),
  low: finite,
  high: finite,
  step: z.number({error: "must be a positive number"}).positive({error: "must be a positive number"}).optional(),
  value: z.union([finite, z.array(z.looseObject({from: z.unknown(), value: z.unknown()}))], {error: "must be a number or a dated series [{from, value}]"}),
  basis: z.array(z.unknown(), {error: "needs at least one source"}).min(1, {error: "needs at least one source"})
});

const pathOf = (path: readonly PropertyKey[]) => path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");

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
    const parsed = ParameterSchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail(pathOf(issue.path) || "entry", issue.message);
    }
    const p = entry as Record<string, unknown>;
    if (seen.has(p.id as string)) fail("id", "duplicate id");
    seen.add(p.id as string);
    const low = p.low as number;
    const high = p.high as number;
    if (low > high) fail("low", `${low} is above high ${high}`);
    for (const k of ["bandLow", "bandHigh"] as const) {
      if (p[k] === undefined) continue;
      if (typeof p[k] !== "number" || !Number.isFinite(p[k])) fail(k, "must be a finite number");
      if ((p[k] as number) < low || (p[k] as number) > high) fail(k, `${p[k]} is outside the plausible range ${low} … ${high}`);
    }
    const inRange = (v: number, field: string) => {
      if (v < low || v > high) fail(field, `${v} is outside the plausible range ${low} … ${high}`);
    };
    if (typeof p.value === "number") inRange(p.value, "value");
    else {
      const steps = p.value as DatedValue[];
      if (steps.length === 0) fail("value", "a dated series needs at least one step");
      let previous = "";
      steps.forEach((s, k) => {
        if (!isMonth(s.from)) fail(`value[${k}].from`, "must be a month like 2024-01");
        if (s.from <= previous) fail(`value[${k}].from`, `${s.from} is not after ${previous} (steps must be in order)`);
        previous = s.from;
        if (typeof s.value !== "number" || !Number.isFinite(s.value)) fail(`value[${k}].value`, "must be a finite number");
        inRange(s.value, `value[${k}].value`);
      });
    }
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
