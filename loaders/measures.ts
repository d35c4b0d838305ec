/**
 * The measures catalogue (`data/measures.json`): every measure named in the five seed documents, with
 * its source, status and either a quantified effect on model parameters or the reason there is none.
 *
 * `loadMeasures` validates every entry against the contract in docs/model-interface.md and throws a
 * {@link DataError} naming the file, the entry (row = index + 1), the field and the measure id.
 */
import {readFileSync} from "node:fs";
import {DataError, dataPath, readCsv} from "./read.js";

import type {Measure} from "../src/model/types.js";

export type {Measure};

/** The parameter ids the contract guarantees (docs/model-interface.md, "Parameter ids"). */
export const CONTRACT_PARAMETER_IDS = [
  // Instroom
  "inflow_first_per_year", "inflow_repeat_per_year", "resettlement_per_year", "share_high", "share_low",
  "share_dublin", "share_track2", "amv_share",
  // IND
  "ind_decisions_per_month", "grant_rate_high", "grant_rate_mid", "grant_rate_low", "decision_pause_high_share", "legal_term_months",
  "dwangsom_per_case_month",
  // Nareis
  "nareis_request_share", "nareis_persons_high", "nareis_persons_mid", "nareis_decision_months",
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

const MEASURE_FIELDS = new Set([
  "id", "name", "summary", "pillar", "source", "status", "effects", "quantification", "notQuantifiable",
  "defaultStart", "defaultEnd", "rampMonths", "event", "inBaseline"
]);
const SOURCE_FIELDS = new Set(["document", "section", "url", "date", "grade"]);
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Validates a parsed catalogue; `file` is only used in error messages. */
export function validateMeasures(file: string, raw: unknown, parameterIds: ReadonlySet<string>): Measure[] {
  if (!Array.isArray(raw)) throw new DataError(file, null, null, "must be a JSON array of measures");
  const seen = new Map<string, number>();
  return raw.map((entry, index) => {
    const row = index + 1;
    if (!isObject(entry)) throw new DataError(file, row, null, "entry is not an object");
    const label = isText(entry.id) ? `measure "${entry.id}"` : "measure without id";
    const fail = (field: string | null, reason: string): never => {
      throw new DataError(file, row, field, `${label}: ${reason}`);
    };

    for (const key of Object.keys(entry)) if (!MEASURE_FIELDS.has(key)) fail(key, "unknown field");
    for (const field of ["id", "name", "summary", "pillar", "status"] as const) {
      if (!isText(entry[field])) fail(field, "is missing or empty");
    }
    const id = entry.id as string;
    if (!ID.test(id)) fail("id", `"${id}" is not kebab-case (a-z, 0-9, single hyphens)`);
    const first = seen.get(id);
    if (first !== undefined) fail("id", `duplicate id (first used in row ${first})`);
    seen.set(id, row);
    if (!(PILLARS as readonly string[]).includes(entry.pillar as string)) {
      fail("pillar", `unknown pillar "${entry.pillar}" (allowed: ${PILLARS.join(", ")})`);
    }
    if (!(STATUSES as readonly string[]).includes(entry.status as string)) {
      fail("status", `unknown status "${entry.status}" (allowed: ${STATUSES.join(", ")})`);
    }

    const source = entry.source;
    if (!isObject(source)) fail("source", "is missing or not an object");
    const src = source as Record<string, unknown>;
    for (const key of Object.keys(src)) if (!SOURCE_FIELDS.has(key)) fail(`source.${key}`, "unknown field");
    if (!isText(src.document)) fail("source.document", "is missing or empty");
    for (const key of ["section", "url"] as const) {
      if (src[key] !== undefined && !isText(src[key])) fail(`source.${key}`, "must be a non-empty string when present");
    }
    if (src.date !== undefined && !(typeof src.date === "string" && ISO_DATE.test(src.date))) {
      fail("source.date", `"${String(src.date)}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    }
    if (src.grade !== undefined && !(GRADES as readonly unknown[]).includes(src.grade)) {
      fail("source.grade", `unknown grade "${String(src.grade)}" (allowed: ${GRADES.join(", ")})`);
    }

    const hasEffects = entry.effects !== undefined;
    const hasNotQuantifiable = entry.notQuantifiable !== undefined;
    if (hasEffects) {
      if (!Array.isArray(entry.effects) || entry.effects.length === 0) fail("effects", "must be a non-empty array");
      (entry.effects as unknown[]).forEach((effect, j) => {
        const at = `effects[${j}]`;
        if (!isObject(effect)) return fail(at, "is not an object");
        for (const key of Object.keys(effect)) {
          if (!["parameter", "mode", "change"].includes(key)) fail(`${at}.${key}`, "unknown field");
        }
        if (!isText(effect.parameter)) fail(`${at}.parameter`, "is missing or empty");
        if (!parameterIds.has(effect.parameter as string)) fail(`${at}.parameter`, `unknown parameter id "${effect.parameter}"`);
        if (!(MODES as readonly unknown[]).includes(effect.mode)) {
          fail(`${at}.mode`, `unknown mode "${String(effect.mode)}" (allowed: ${MODES.join(", ")})`);
        }
        if (typeof effect.change !== "number" || !Number.isFinite(effect.change)) fail(`${at}.change`, "must be a finite number");
      });
      if (!isText(entry.quantification)) fail("quantification", "is required when effects are present");
      if (hasNotQuantifiable) fail("notQuantifiable", "must be absent when effects are present");
      if (entry.defaultStart === undefined) fail("defaultStart", "is required when effects are present");
    } else {
      if (!hasNotQuantifiable) fail("effects", "neither effects nor notQuantifiable is given");
      if (!isText(entry.notQuantifiable)) fail("notQuantifiable", "must be a non-empty string");
      if (entry.quantification !== undefined) fail("quantification", "must be absent when there are no effects");
    }

    for (const field of ["defaultStart", "defaultEnd"] as const) {
      const value = entry[field];
      if (value !== undefined && !(typeof value === "string" && MONTH.test(value))) {
        fail(field, `"${String(value)}" is not a month like 2023-07 (YYYY-MM)`);
      }
    }
    if (entry.defaultEnd !== undefined) {
      if (entry.defaultStart === undefined) fail("defaultEnd", "is given without defaultStart");
      if ((entry.defaultEnd as string) < (entry.defaultStart as string)) {
        fail("defaultEnd", `${entry.defaultEnd} is before defaultStart ${entry.defaultStart}`);
      }
    }
    if (entry.rampMonths !== undefined) {
      const ramp = entry.rampMonths;
      if (typeof ramp !== "number" || !Number.isInteger(ramp) || ramp < 0) {
        fail("rampMonths", `must be a whole number of months >= 0, got ${String(ramp)}`);
      }
    }
    return entry as unknown as Measure;
  });
}

/** Reads and validates the catalogue (default `data/measures.json`) against the given parameter ids. */
export function loadMeasures(parameterIds: ReadonlySet<string>, file: string = dataPath("measures.json")): Measure[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new DataError(file, null, null, `cannot be read as JSON (${(error as Error).message})`);
  }
  const measures = validateMeasures(file, raw, parameterIds);
  if (file === dataPath("measures.json")) checkPolicyEvents(measures, file);
  return measures;
}

/** Policy events deliberately left out of this release's catalogue, with the reason. */
export const EVENTS_LEFT_OUT: Record<string, string> = {
  spreidingswet_cycle_2: "rests on a Kamerbrief of 5 Feb 2026, after the data vintage (2025-11-03)"
};

/**
 * Every event of data/nl_policy_events_2024_2026.csv is represented by a measure (`event` field) or
 * named in EVENTS_LEFT_OUT; every `event` names an existing event.
 */
export function checkPolicyEvents(measures: readonly Measure[], file: string): void {
  const events = readCsv("nl_policy_events_2024_2026.csv", {
    columns: [
      {name: "event_id", type: "string"},
      {name: "date_start", type: "string"},
      {name: "what", type: "string"},
      {name: "source", type: "string"},
      {name: "url", type: "string"}
    ],
    key: ["event_id"]
  }).map((r) => r.event_id as string);
  const known = new Set(events);
  measures.forEach((m, i) => {
    if (m.event !== undefined && !known.has(m.event)) throw new DataError(file, i + 1, "event", `measure "${m.id}": unknown policy event "${m.event}"`);
    if (m.inBaseline !== undefined && typeof m.inBaseline !== "boolean") throw new DataError(file, i + 1, "inBaseline", `measure "${m.id}": must be true or false`);
    if (m.inBaseline && (!m.effects || !m.defaultStart)) throw new DataError(file, i + 1, "inBaseline", `measure "${m.id}": a baseline measure needs effects and defaultStart`);
    // the baseline is precomputed before the Monte Carlo draws: "add" effects would not commute with them
    if (m.inBaseline && m.effects?.some((e) => e.mode === "add")) throw new DataError(file, i + 1, "effects", `measure "${m.id}": a baseline measure may only set or scale`);
  });
  const represented = new Set(measures.map((m) => m.event).filter((e): e is string => e !== undefined));
  for (const e of events) {
    if (!represented.has(e) && !(e in EVENTS_LEFT_OUT)) throw new DataError(dataPath("nl_policy_events_2024_2026.csv"), null, "event_id", `policy event "${e}" has no measure in measures.json and is not listed as left out`);
  }
}
