/**
 * The binding bottleneck per month: which capacity constraint of the chain limits the flow.
 *
 * Derived exactly from one run's series and its resolved parameters (no extra flag in the loop):
 * - "ind": the IND decided as many cases as its capacity allows (decisions = capacity, the step
 *   loop's capacity is used up) while cases are still waiting (backlog after the decisions > 0);
 * - "opvang": the capacity need (occupancy / target occupancy rate) is above the available places
 *   (capacity_shortage > 0);
 * - "huisvesting": the housing capacity of the month (taakstelling × realisation + flex homes) is
 *   used up (housed = housing capacity; when it is not, the 14-week norm, not the number of homes,
 *   limits the outflow) while permit holders and nareizigers still wait in reception.
 * More than one may bind. The dominant one is the binding constraint under the highest pressure,
 * with the pressure ratios of the run summary (run.ts `summarize`), per month: IND = lead time /
 * legal term; opvang = capacity need / available places; huisvesting = months of waiting at this
 * month's housing capacity / the housing norm. When nothing binds the month is "geen".
 */
import {MODEL_START} from "./constants.js";
import {monthString} from "./months.js";
import {paramValue, type ParameterSet} from "./params.js";
import {prepare, type Prepared} from "./prepare.js";
import {createBuffers, runInto, seriesViews} from "./run.js";
import type {ModelInputs, Scenario, SeriesId} from "./types.js";

export type Constraint = "ind" | "opvang" | "huisvesting";
export type Dominant = Constraint | "geen";
export const CONSTRAINTS: readonly Constraint[] = ["ind", "opvang", "huisvesting"];

export interface BottleneckMonth {
  /** "YYYY-MM". */
  month: string;
  /** True up to and including the forecast origin (the observed past). */
  past: boolean;
  binds: Record<Constraint, boolean>;
  /** Pressure ratios used to pick the dominant constraint. */
  pressure: Record<Constraint, number>;
  dominant: Dominant;
}

export interface Bottlenecks {
  origin: string;
  months: BottleneckMonth[];
}

/** Tolerance: a constraint is "used up" within a millionth of its size (floating-point sums). */
const REL = 1e-6;
/** Persons: a queue below one person is no queue. */
const MIN_QUEUE = 1;
const WEEKS_PER_MONTH = 30.436875 / 7;

/**
 * The bottleneck per month from a run's series (full simulation window from MODEL_START), its
 * resolved parameters and its plan; `from` = first month offset to report.
 */
export function bottlenecksOf(series: Record<SeriesId, Float64Array>, ps: ParameterSet, prepared: Pick<Prepared, "inputs" | "originOffset" | "origin">, from = 0): Bottlenecks {
  const M = ps.months;
  const months: BottleneckMonth[] = [];
  const obsDecisions = prepared.inputs.decisions;
  for (let t = from; t < M; t++) {
    const observed = obsDecisions ? obsDecisions[t]! : NaN;
    const capacity = observed === observed ? observed : paramValue(ps, "ind_decisions_per_month", t);
    const decisions = series.decisions[t]!;
    const backlog = series.backlog_total[t]!;
    const ind = capacity > 0 && decisions >= capacity * (1 - REL) && backlog >= MIN_QUEUE;
    const need = series.capacity_need[t]!;
    const available = series.capacity_available[t]!;
    const opvang = series.capacity_shortage[t]! > REL * Math.max(1, need);
    const housingCap = series.housing_capacity[t]!;
    const waiting = series.coa_permit_waiting[t]! + series.coa_nareis[t]! + series.doorstroom_occupied[t]!;
    const huisvesting = series.housed[t]! >= housingCap * (1 - REL) && waiting >= MIN_QUEUE;
    const term = paramValue(ps, "legal_term_months", t);
    const norm = paramValue(ps, "housing_norm_weeks", t) / WEEKS_PER_MONTH;
    const pressure: Record<Constraint, number> = {
      ind: series.lead_time_months[t]! / Math.max(term, 1e-9),
      opvang: need / Math.max(available, 1e-9),
      huisvesting: waiting / Math.max(housingCap, 1e-9) / Math.max(norm, 1e-9)
    };
    const binds: Record<Constraint, boolean> = {ind, opvang, huisvesting};
    let dominant: Dominant = "geen";
    for (const c of CONSTRAINTS) if (binds[c] && (dominant === "geen" || pressure[c] > pressure[dominant])) dominant = c;
    months.push({month: monthString(ps.startIndex + t), past: t <= prepared.originOffset, binds, pressure, dominant});
  }
  return {origin: prepared.origin, months};
}

/** Runs `scenario` and returns its bottleneck per month over the months the scenario outputs (from its start). */
export function bottlenecks(scenario: Scenario, inputs: ModelInputs): Bottlenecks {
  const prepared = prepare(scenario, inputs);
  const buffers = createBuffers(prepared.months, inputs.parameters.length);
  const ps = runInto(scenario, inputs, buffers, undefined, prepared);
  if (ps.start !== MODEL_START) throw new Error(`bottlenecks: run starts at ${ps.start}, expected ${MODEL_START}`);
  return bottlenecksOf(seriesViews(buffers.out, prepared.months), ps, prepared, prepared.outputOffset);
}

/** Months per dominant constraint (for summaries and tests). */
export function countDominant(b: Bottlenecks, onlyProjection = false): Record<Dominant, number> {
  const out: Record<Dominant, number> = {ind: 0, opvang: 0, huisvesting: 0, geen: 0};
  for (const m of b.months) if (!onlyProjection || !m.past) out[m.dominant]++;
  return out;
}
