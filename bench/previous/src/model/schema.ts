/**
 * Zod schema for scenario files (CLI) and scenario objects (URL decoding builds the same shape): the
 * structural checks — types, sizes and plausibility bounds — that run before
 * {@link validateScenario} applies the register's ranges and the catalogue. Pure TypeScript (runs in
 * Node and in the browser).
 */
import {z} from "zod";
import {OBSERVED_INPUTS, type ObservedInput} from "./run.js";

/**
 * Highest plausible monthly value of each observed input: about five times the highest month on
 * record in the Netherlands (first applications peaked near 10.000 in October 2015; IND decisions near
 * 6.000 a month in 2016). A value above it is an error, not a clamp: it is data, not a slider.
 */
export const OBSERVED_MAX: Readonly<Record<ObservedInput, number>> = {
  inflow_first: 50_000,
  inflow_repeat: 10_000,
  inflow_resettlement: 5_000,
  inflow_nareis: 20_000,
  decisions: 30_000
};

/** The months the model can run, 2015-01 … 2040-12. */
export const MAX_MONTHS = 26 * 12;
/** More measure entries than this cannot be a real scenario (the catalogue has a few dozen). */
export const MAX_MEASURE_ENTRIES = 200;

const show = (x: unknown) => (typeof x === "number" ? String(x) : JSON.stringify(x));

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const month = z.string().regex(MONTH, {error: (i) => `"${String(i.input)}" is not a month like 2024-01`});

const observedSeries = (id: ObservedInput) =>
  z
    .array(
      z
        .number({error: (i) => `must be a finite number ≥ 0, got ${show(i.input)}`})
        .min(0, {error: (i) => `must be a finite number ≥ 0, got ${show(i.input)}`})
        .max(OBSERVED_MAX[id], {error: (i) => `${String(i.input)} is above the plausible maximum of ${OBSERVED_MAX[id]} per month`}),
      {error: "must be an array of monthly numbers from start"}
    )
    .max(MAX_MONTHS, {error: `has more than ${MAX_MONTHS} monthly values (2015-01 … 2040-12)`});

/** A scenario file. Unknown top-level fields pass here; validateScenario names them. */
export const ScenarioFileSchema = z.looseObject({
  description: z.string().optional(),
  preset: z.string().optional(),
  overrides: z
    .record(z.string(), z.number({error: (i) => `must be a finite number, got ${show(i.input)}`}), {
      error: "must be an object of parameter id → number"
    })
    .optional(),
  measures: z
    .array(z.looseObject({id: z.string({error: "is required (a measure id)"})}), {error: "must be an array"})
    .max(MAX_MEASURE_ENTRIES, {error: `has more than ${MAX_MEASURE_ENTRIES} entries`})
    .optional(),
  observed: z
    .looseObject(Object.fromEntries(OBSERVED_INPUTS.map((id) => [id, observedSeries(id).optional()])) as Record<ObservedInput, z.ZodOptional<ReturnType<typeof observedSeries>>>)
    .optional(),
  start: month.optional(),
  end: month.optional(),
  overridesFrom: month.optional(),
  /** Forecast origin ("YYYY-MM", URL key `t`): passed through unchanged. */
  origin: month.optional(),
  modelVersion: z.string().optional(),
  dataVintage: z.string().optional()
});

export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;

/** The first problem of a scenario file as {field, reason}, or null when the structure is sound. */
export function scenarioFileProblem(raw: unknown): {field: string; reason: string} | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {field: "scenario", reason: "must be a JSON object"};
  const result = ScenarioFileSchema.safeParse(raw);
  if (result.success) return null;
  const issue = result.error.issues[0];
  const field = issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("") || "scenario";
  return {field, reason: issue.message};
}
