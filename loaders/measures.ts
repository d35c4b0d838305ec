/**
 * The measures catalogue (`data/measures.json`): every measure named in the five seed documents, with
 * its source, status and either a quantified effect on model parameters or the reason there is none.
 *
 * `loadMeasures` validates every entry against the contract in docs/model-interface.md with a zod
 * schema ({@link measureSchema}) and throws a {@link DataError} naming the file, the entry
 * (row = index + 1), the field and the measure id.
 */
import {z} from "zod";
import {DataError, dataPath, readCsv, readJson, type TableSpec} from "./read.js";

import {STRENGTH_MAX} from "../src/model/scenario.js";
import type {Measure} from "../src/model/types.js";

export type {Measure};

/** The parameter ids the contract guarantees (docs/model-interface.md, "Parameter ids"). */
export const CONTRACT_PARAMETER_IDS = [
  // Instroom
  "inflow_first_per_year", "inflow_repeat_per_year", "resettlement_per_year", "share_high", "share_low",
  "share_dublin", "share_track2", "amv_share",
  // IND
  "ind_decisions_per_month", "accelerated_decision_months", "inflow_other_ind_per_year", "short_term_share", "grant_rate_high", "grant_rate_mid", "grant_rate_low", "decision_pause_high_share", "legal_term_months",
  "dwangsom_per_case_month",
  // Nareis
  "nareis_request_share", "nareis_persons_high", "nareis_persons_mid", "nareis_persons_low", "nareis_subsidiary_factor", "nareis_decision_months",
  "nareis_grant_share", "nareis_travel_months", "nareis_unhoused_share",
  // Opvang
  "occupancy_rate", "capacity_stable", "capacity_flex", "capacity_reserve", "capacity_emergency", "capacity_cno",
  "reception_leave_days",
  // Uitstroom
  "taakstelling_per_halfyear", "housing_realisation", "housing_norm_weeks", "flex_homes_per_year",
  "doorstroom_places", "departure_independent_share", "departure_forced_share", "dublin_transfer_share",
  // Kosten
  "cost_regular_per_year", "cost_emergency_per_year", "emergency_share"
] as const;

export const PILLARS = ["instroom", "doorstroom", "opvang", "uitstroom", "terugkeer", "stelsel"] as const;
export const STATUSES = ["adopted", "passed_house", "proposed", "draft"] as const;
export const MODES = ["set", "add", "scale"] as const;
const GRADES = ["P", "S", "S-AI", "seed", "aanname"] as const;

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A target output: outcome id, stock in a month, calendar-year sum, or retrospective series. */
const TARGET = /^([a-z0-9_]+|[a-z_]+@\d{4}-(0[1-9]|1[0-2])|[a-z_]+:\d{4}|retro:[a-z_]+)$/;
const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const MISSING = "is missing or empty";
const text = (missing = MISSING) => z.string({error: missing}).trim().min(1, {error: missing});
const oneOf = (values: readonly string[], what: string) =>
  z.unknown().refine((v) => (values as readonly unknown[]).includes(v), {
    error: (i) => `unknown ${what} "${String(i.input)}" (allowed: ${values.join(", ")})`
  });
const month = z.unknown().refine((v) => typeof v === "string" && MONTH.test(v), {
  error: (i) => `"${String(i.input)}" is not a month like 2023-07 (YYYY-MM)`
});

/** The zod schema of one catalogue entry against the register's parameter ids. */
export function measureSchema(parameterIds: ReadonlySet<string>) {
  const effect = z.strictObject(
    {
      parameter: text().refine((p) => parameterIds.has(p), {error: (i) => `unknown parameter id "${String(i.input)}"`}),
      mode: oneOf(MODES, "mode"),
      change: z.number({error: "must be a finite number"}),
      /** Embedded "set" effects: the value without the measure. */
      without: z.number({error: "must be a finite number"}).optional()
    },
    {error: "is not an object"}
  );
  return z
    .strictObject({
      id: text().refine((id) => ID.test(id), {error: (i) => `"${String(i.input)}" is not kebab-case (a-z, 0-9, single hyphens)`}),
      name: text(),
      summary: text(),
      pillar: text().refine((v) => (PILLARS as readonly string[]).includes(v), {error: (i) => `unknown pillar "${String(i.input)}" (allowed: ${PILLARS.join(", ")})`}),
      status: text().refine((v) => (STATUSES as readonly string[]).includes(v), {error: (i) => `unknown status "${String(i.input)}" (allowed: ${STATUSES.join(", ")})`}),
      source: z.strictObject(
        {
          document: text(),
          section: text("must be a non-empty string when present").optional(),
          url: text("must be a non-empty string when present").optional(),
          date: z
            .unknown()
            .refine((v) => typeof v === "string" && ISO_DATE.test(v), {error: (i) => `"${String(i.input)}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`})
            .optional(),
          grade: oneOf(GRADES, "grade").optional()
        },
        {error: "is missing or not an object"}
      ),
      effects: z.array(effect, {error: "must be a non-empty array"}).min(1, {error: "must be a non-empty array"}).optional(),
      quantification: z.unknown().optional(),
      notQuantifiable: z.unknown().optional(),
      defaultStart: month.optional(),
      defaultEnd: month.optional(),
      rampMonths: z
        .unknown()
        .refine((r) => typeof r === "number" && Number.isInteger(r) && r >= 0, {error: (i) => `must be a whole number of months >= 0, got ${String(i.input)}`})
        .optional(),
      /** The policy event (data/nl_policy_events_2024_2026.csv) the measure represents. */
      event: text("must be a non-empty string when present").optional(),
      /** Part of the baseline (checked in checkPolicyEvents). */
      inBaseline: z.unknown().optional(),
      /** The effect is in the register already (switching off removes it). */
      embedded: z.boolean({error: "must be true or false"}).optional(),
      mechanism: text("must be a non-empty string when present").optional(),
      strengthLow: z.number({error: "must be a number"}).min(0, {error: "must be at least 0"}).max(1, {error: "must be at most 1 (the default strength)"}).optional(),
      strengthHigh: z.number({error: "must be a number"}).min(1, {error: "must be at least 1 (the default strength)"}).max(STRENGTH_MAX, {error: `must be at most ${STRENGTH_MAX}`}).optional(),
      rangeReason: text("must be a non-empty string when present").optional(),
      targets: z
        .array(
          z.strictObject(
            {
              output: z.string({error: "must be a string"}).refine((o) => TARGET.test(o), {error: (i) => `"${String(i.input)}" is not an outcome id, "<series>@YYYY-MM", "<series>:YYYY" or "retro:<series>"`}),
              sign: z.unknown().refine((v) => v === 1 || v === -1, {error: "must be 1 or -1"}),
              min: z.number({error: "must be a positive number"}).positive({error: "must be a positive number"})
            },
            {error: "is not an object {output, sign, min}"}
          ),
          {error: "must be a non-empty array"}
        )
        .min(1, {error: "must be a non-empty array"})
        .optional()
    })
    .superRefine((m, ctx) => {
      const fail = (field: string, message: string) => ctx.addIssue({code: "custom", path: [field], message});
      const isText = (v: unknown) => typeof v === "string" && v.trim() !== "";
      if (m.effects !== undefined) {
        if (!isText(m.quantification)) fail("quantification", "is required when effects are present");
        else if (m.notQuantifiable !== undefined) fail("notQuantifiable", "must be absent when effects are present");
        else if (m.defaultStart === undefined) fail("defaultStart", "is required when effects are present");
      } else if (m.notQuantifiable === undefined) fail("effects", "neither effects nor notQuantifiable is given");
      else if (!isText(m.notQuantifiable)) fail("notQuantifiable", "must be a non-empty string");
      else if (m.quantification !== undefined) fail("quantification", "must be absent when there are no effects");
      if (m.effects !== undefined && m.targets === undefined) fail("targets", "is required when effects are present (what the measure is documented to move)");
      if (m.effects !== undefined && (m.strengthLow === undefined || m.strengthHigh === undefined || m.rangeReason === undefined)) fail("strengthLow", "a quantified measure needs strengthLow, strengthHigh and rangeReason");
      if (m.embedded === true) {
        if (m.inBaseline !== true) fail("embedded", "an embedded measure must be in the baseline (inBaseline: true)");
        m.effects?.forEach((e, i) => {
          if (e.mode === "set" && e.without === undefined) ctx.addIssue({code: "custom", path: ["effects", i, "without"], message: "an embedded set effect needs the value without the measure"});
          if (e.mode === "scale" && e.change === 0) ctx.addIssue({code: "custom", path: ["effects", i, "change"], message: "an embedded scale effect cannot be 0 (it could not be removed)"});
        });
      } else m.effects?.forEach((e, i) => {
        if (e.without !== undefined) ctx.addIssue({code: "custom", path: ["effects", i, "without"], message: "only embedded measures give a value without the measure"});
      });
      if (m.defaultEnd !== undefined) {
        if (m.defaultStart === undefined) fail("defaultEnd", "is given without defaultStart");
        else if ((m.defaultEnd as string) < (m.defaultStart as string)) fail("defaultEnd", `${m.defaultEnd} is before defaultStart ${m.defaultStart}`);
      }
    });
}

/** "effects[0].mode" from a zod issue path. */
function fieldOf(path: readonly PropertyKey[]): string | null {
  if (path.length === 0) return null;
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
}

/** Validates a parsed catalogue with {@link measureSchema}; `file` is only used in error messages. */
export function validateMeasures(file: string, raw: unknown, parameterIds: ReadonlySet<string>): Measure[] {
  if (!Array.isArray(raw)) throw new DataError(file, null, null, "must be a JSON array of measures");
  const schema = measureSchema(parameterIds);
  const seen = new Map<string, number>();
  return raw.map((entry, index) => {
    const row = index + 1;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) throw new DataError(file, row, null, "entry is not an object");
    const id = (entry as {id?: unknown}).id;
    const label = typeof id === "string" && id.trim() !== "" ? `measure "${id}"` : "measure without id";
    const result = schema.safeParse(entry);
    if (!result.success) {
      const issue = result.error.issues[0];
      if (issue.code === "unrecognized_keys") {
        const prefix = fieldOf(issue.path);
        throw new DataError(file, row, prefix ? `${prefix}.${issue.keys[0]}` : issue.keys[0], `${label}: unknown field`);
      }
      throw new DataError(file, row, fieldOf(issue.path), `${label}: ${issue.message}`);
    }
    const first = seen.get(result.data.id);
    if (first !== undefined) throw new DataError(file, row, "id", `${label}: duplicate id (first used in row ${first})`);
    seen.set(result.data.id, row);
    return entry as Measure;
  });
}

/** Reads and validates the catalogue (default `data/measures.json`) against the given parameter ids. */
export function loadMeasures(parameterIds: ReadonlySet<string>, file: string = dataPath("measures.json")): Measure[] {
  const measures = validateMeasures(file, readJson(file), parameterIds);
  if (file === dataPath("measures.json")) checkPolicyEvents(measures, file);
  return measures;
}

export const POLICY_EVENTS_FILE = "nl_policy_events_2024_2026.csv";
export const POLICY_EVENTS_SPEC: TableSpec = {
  columns: [
    {name: "event_id", type: "string"},
    {name: "date_start", type: "string"},
    {name: "what", type: "string"},
    {name: "source", type: "string"},
    {name: "url", type: "string"}
  ],
  key: ["event_id"]
};

/** Policy events deliberately left out of this release's catalogue, with the reason. */
export const EVENTS_LEFT_OUT: Record<string, string> = {
  spreidingswet_cycle_2: "rests on a Kamerbrief of 5 Feb 2026, after the data vintage (2025-11-03)"
};

/**
 * Every event of data/nl_policy_events_2024_2026.csv is represented by a measure (`event` field) or
 * named in EVENTS_LEFT_OUT; every `event` names an existing event.
 */
export function checkPolicyEvents(measures: readonly Measure[], file: string): void {
  const events = readCsv(POLICY_EVENTS_FILE, POLICY_EVENTS_SPEC).map((r) => r.event_id as string);
  const known = new Set(events);
  measures.forEach((m, i) => {
    if (m.event !== undefined && !known.has(m.event)) throw new DataError(file, i + 1, "event", `measure "${m.id}": unknown policy event "${m.event}"`);
    if (m.inBaseline !== undefined && typeof m.inBaseline !== "boolean") throw new DataError(file, i + 1, "inBaseline", `measure "${m.id}": must be true or false`);
    if (m.inBaseline && (!m.effects || !m.defaultStart)) throw new DataError(file, i + 1, "inBaseline", `measure "${m.id}": a baseline measure needs effects and defaultStart`);
    // the baseline is precomputed before the Monte Carlo draws: "add" effects would not commute with
    // them (an embedded measure is in the register, which is drawn, so it may add)
    if (m.inBaseline && !m.embedded && m.effects?.some((e) => e.mode === "add")) throw new DataError(file, i + 1, "effects", `measure "${m.id}": a baseline measure may only set or scale`);
  });
  const represented = new Set(measures.map((m) => m.event).filter((e): e is string => e !== undefined));
  for (const e of events) {
    if (!represented.has(e) && !(e in EVENTS_LEFT_OUT)) throw new DataError(dataPath("nl_policy_events_2024_2026.csv"), null, "event_id", `policy event "${e}" has no measure in measures.json and is not listed as left out`);
  }
}
