/**
 * The forecast origin: the last month of the observed past.
 *
 * Up to the origin, the model's inputs follow the observations that were public at the origin's
 * information date, and its stocks are reset to observed readings (the state at the origin is the
 * last reading rolled forward with observed flows). After the origin, the model projects. Pure:
 * the same code runs in loaders, the CLI, tests and the browser.
 *
 * Rules (docs/model.md §"Forecast origin" states them for users):
 * - An observation is public from its `published` date; without one, from the month after its
 *   reference period (stocks, monthly flows, quarters), or February of the next year (annual figures).
 * - The information date of origin O is the end of month O + 2 (the CBS quarter appears about five
 *   weeks after it ends), never later than the data vintage.
 * - The default origin is the last month of the latest quarter of observed first applications.
 * - Monthly inputs: quarterly figures spread evenly over the quarter's months. An interior quarter
 *   without a figure is derived: first applications as the year's annual figure minus its other
 *   three quarters (when all are known), nareis arrivals as the mean of the two neighbouring quarters.
 * - Stocks: see ANCHOR_RULES.
 */
import {fitSeasonalBaseline, type SeasonalFit} from "./baseline.js";
import {MODEL_START} from "./constants.js";
import {addMonths, isMonth, monthIndex, monthString} from "./months.js";
import type {ModelInputs, Observation, SeriesId} from "./types.js";

/** The stocks reset to observed readings up to the origin, in the order simulate() reads them. */
export const ANCHOR_SERIES = ["backlog_total", "nareis_backlog", "coa_permit_waiting", "coa_total"] as const satisfies readonly SeriesId[];
export type AnchorSeries = (typeof ANCHOR_SERIES)[number];

/** How each stock at the origin is derived (English, for docs and the CLI; Dutch text lives on the pages). */
export const ANCHOR_RULES: Record<AnchorSeries, string> = {
  backlog_total: "observed: IND open first-instance asylum cases; all tracks scaled proportionally to the reading, then rolled forward with observed inflow and the register's decision capacity",
  nareis_backlog: "observed: IND open family-reunification (MVV nareis) requests; set to the reading, then rolled forward",
  coa_permit_waiting: "observed: permit holders in COA reception waiting for a home; set to the reading, then rolled forward",
  coa_total: "observed: COA occupancy; the gap between the reading and the modelled occupancy is put on the stocks that are not observed separately (rejected applicants and nareizigers in COA), floored at zero, then rolled forward"
};

/** Stocks derived from other stocks and flows (never reset directly). */
export const DERIVED_STOCK_RULES: Record<string, string> = {
  coa_in_procedure: "derived: IND backlog × share of applicants in COA reception (coa_procedure_share)",
  nareis_travel: "derived: nareis grants rolled forward with the travel delay",
  doorstroom_occupied: "derived: rolled forward from begin 2022 with observed flows",
  nidos_caseload: "derived: amv inflow rolled forward with the Nidos stay"
};

/** Last day of a month as a sortable "YYYY-MM-31" (lexicographic comparisons with ISO dates stay correct). */
function monthEnd(month: string): string {
  return `${month}-31`;
}

/** The date ("YYYY-MM-DD", or "YYYY-MM-31" for month precision) from which an observation was public. */
export function availableFrom(o: Observation): string {
  if (o.published) return o.published.length === 7 ? monthEnd(o.published) : o.published;
  switch (o.kind) {
    case "stock":
      return monthEnd(addMonths(o.date.slice(0, 7), 1));
    case "flow_month":
      return monthEnd(addMonths(o.date, 1));
    case "flow_quarter": {
      const q = Number(o.date.slice(6));
      return monthEnd(addMonths(`${o.date.slice(0, 4)}-${String(q * 3).padStart(2, "0")}`, 1));
    }
    case "flow_year":
    case "mean_year":
      return `${Number(o.date.slice(0, 4)) + 1}-02-28`;
  }
}

/** The information date of origin `origin`: end of month origin + 2, at most the data vintage. */
export function knownBy(origin: string, inputs: ModelInputs): string {
  const end = monthEnd(addMonths(origin, 2));
  return end < inputs.dataVintage ? end : inputs.dataVintage;
}

/** Observations public by `date` ("YYYY-MM-DD"). */
export function publicBy(inputs: ModelInputs, date: string): Observation[] {
  return inputs.observations.filter((o) => availableFrom(o) <= date);
}

function quarterIndex(period: string): number {
  return Number(period.slice(0, 4)) * 4 + Number(period.slice(6)) - 1;
}

function quarterText(q: number): string {
  return `${Math.floor(q / 4)}-Q${(q % 4) + 1}`;
}

/** Last month ("YYYY-MM") of quarter index q. */
function quarterEndMonth(q: number): string {
  return monthString(Math.floor(q / 4) * 12 + (q % 4) * 3 + 2);
}

/**
 * The default forecast origin: the last month of the latest quarter of observed first applications
 * public by the data vintage (2025-09 with the vintage of 3 November 2025).
 */
export function defaultOrigin(inputs: ModelInputs): string {
  // every prepared run asks: scanned once per inputs object (inputs are not changed after loading)
  const hit = defaultOriginCache.get(inputs);
  if (hit !== undefined && hit.observations === inputs.observations && hit.vintage === inputs.dataVintage) return hit.origin;
  const origin = scanDefaultOrigin(inputs);
  defaultOriginCache.set(inputs, {observations: inputs.observations, vintage: inputs.dataVintage, origin});
  return origin;
}

const defaultOriginCache = new WeakMap<ModelInputs, {observations: readonly Observation[]; vintage: string; origin: string}>();

function scanDefaultOrigin(inputs: ModelInputs): string {
  let best = -1;
  for (const o of inputs.observations) {
    if (o.series !== "inflow_first" || o.kind !== "flow_quarter") continue;
    if (availableFrom(o) > inputs.dataVintage) continue;
    best = Math.max(best, quarterIndex(o.date));
  }
  if (best < 0) throw new Error("model inputs hold no observed quarterly first applications public by the data vintage");
  return quarterEndMonth(best);
}

/** One quarter of an input series as the model uses it: observed, or derived by a stated rule. */
export interface QuarterInput {
  period: string;
  value: number;
  kind: "observed" | "derived";
  rule?: string;
}

/**
 * Quarterly values of `series` public by `date`, newest publication per quarter, with interior gaps
 * derived by the rules above. Quarters after the last public one are absent.
 */
export function quarterInputs(observations: readonly Observation[], series: "inflow_first" | "inflow_nareis"): QuarterInput[] {
  const byQuarter = new Map<number, Observation>();
  const annual = new Map<number, number>();
  for (const o of observations) {
    if (o.series !== series) continue;
    if (o.kind === "flow_quarter") {
      const q = quarterIndex(o.date);
      const prev = byQuarter.get(q);
      if (!prev || availableFrom(o) >= availableFrom(prev)) byQuarter.set(q, o);
    } else if (o.kind === "flow_year") annual.set(Number(o.date), o.value);
  }
  if (byQuarter.size === 0) return [];
  const keys = [...byQuarter.keys()].sort((a, b) => a - b);
  const first = keys[0]!;
  const last = keys[keys.length - 1]!;
  const out: QuarterInput[] = [];
  for (let q = first; q <= last; q++) {
    const o = byQuarter.get(q);
    if (o) {
      out.push({period: quarterText(q), value: o.value, kind: "observed"});
      continue;
    }
    const year = Math.floor(q / 4);
    const others = [0, 1, 2, 3].map((k) => year * 4 + k).filter((k) => k !== q);
    const total = annual.get(year);
    if (series === "inflow_first" && total != null && others.every((k) => byQuarter.has(k))) {
      const rest = others.reduce((s, k) => s + byQuarter.get(k)!.value, 0);
      if (total - rest > 0) {
        out.push({period: quarterText(q), value: total - rest, kind: "derived", rule: `annual figure ${year} (${total}) minus its other three quarters (${rest})`});
        continue;
      }
    }
    const before = byQuarter.get(q - 1) ?? (out.length ? {value: out[out.length - 1]!.value} : undefined);
    const after = byQuarter.get(q + 1);
    if (before && after) {
      out.push({period: quarterText(q), value: (before.value + after.value) / 2, kind: "derived", rule: "mean of the neighbouring quarters"});
      continue;
    }
    // a longer gap: stop at the last consecutive quarter (the model projects from there)
    break;
  }
  return out;
}

/** The state of the observed past at an origin: monthly inputs, stock readings, the inflow fit. */
export interface OriginState {
  origin: string;
  /** Offset of the origin month from MODEL_START. */
  originOffset: number;
  knownBy: string;
  /** Monthly first applications and nareis arrivals from MODEL_START (NaN = not observed), length `months`. */
  inflowFirst: Float64Array;
  inflowNareis: Float64Array;
  /** Offset of the first month without observed first applications. */
  firstUnobserved: number;
  /** ANCHOR_SERIES.length rows of `months` values: the reading that resets the stock at the end of that month (NaN = none). */
  anchors: Float64Array;
  /** The readings used, per stock (for docs, the CLI and pages). */
  readings: {series: AnchorSeries; date: string; value: number; month: string; source: string}[];
  /** Quarters used as inputs (observed or derived). */
  quarters: {inflow_first: QuarterInput[]; inflow_nareis: QuarterInput[]};
  /** Seasonal fit on the first-application quarters public at the origin (null if fewer than 12). */
  fit: SeasonalFit | null;
  months: number;
}

const GRADE_RANK: Record<string, number> = {P: 0, S: 1, "S-AI": 2, seed: 1, aanname: 3};

/** Month whose end a stock reading describes: day > 15 → that month, else the month before. */
export function stateMonth(date: string): string {
  const month = date.slice(0, 7);
  return Number(date.slice(8, 10)) > 15 ? month : addMonths(month, -1);
}

const cache = new WeakMap<ModelInputs, Map<string, OriginState>>();

/** Builds (and caches per inputs, origin and length) the observed past up to `origin`. */
export function originState(inputs: ModelInputs, origin: string, months: number): OriginState {
  if (!isMonth(origin)) throw new Error(`origin: "${origin}" is not a month like 2025-09`);
  let perInputs = cache.get(inputs);
  if (!perInputs) cache.set(inputs, (perInputs = new Map()));
  const key = `${origin}|${months}`;
  const hit = perInputs.get(key);
  if (hit) return hit;
  const start = monthIndex(MODEL_START);
  const originOffset = monthIndex(origin) - start;
  if (originOffset < 0) throw new Error(`origin ${origin} is before the model start ${MODEL_START}`);
  const info = knownBy(origin, inputs);
  const known = publicBy(inputs, info);
  const inflowFirst = new Float64Array(months).fill(NaN);
  const inflowNareis = new Float64Array(months).fill(NaN);
  const quarters = {inflow_first: quarterInputs(known, "inflow_first"), inflow_nareis: quarterInputs(known, "inflow_nareis")};
  let firstUnobserved = 0;
  for (const [series, target] of [["inflow_first", inflowFirst], ["inflow_nareis", inflowNareis]] as const) {
    for (const q of quarters[series]) {
      const m0 = monthIndex(quarterEndMonth(quarterIndex(q.period))) - 2 - start;
      for (let k = 0; k < 3; k++) {
        const t = m0 + k;
        if (t >= 0 && t < months && t <= originOffset) target[t] = q.value / 3;
      }
    }
  }
  while (firstUnobserved < months && inflowFirst[firstUnobserved] === inflowFirst[firstUnobserved]) firstUnobserved++;
  // stock readings: per stock and state month, the best grade, then the latest reading
  const anchors = new Float64Array(ANCHOR_SERIES.length * months).fill(NaN);
  const readings: OriginState["readings"] = [];
  ANCHOR_SERIES.forEach((series, k) => {
    const best = new Map<number, Observation>();
    for (const o of known) {
      if (o.series !== series || o.kind !== "stock") continue;
      const t = monthIndex(stateMonth(o.date)) - start;
      // a reading of the start state (begin 2022) is the register's start value, not a reset
      if (t < 0 || t > originOffset || t >= months) continue;
      const prev = best.get(t);
      if (!prev) best.set(t, o);
      else {
        const a = GRADE_RANK[o.grade] ?? 9;
        const b = GRADE_RANK[prev.grade] ?? 9;
        if (a < b || (a === b && o.date > prev.date)) best.set(t, o);
      }
    }
    for (const [t, o] of [...best].sort((a, b) => a[0] - b[0])) {
      anchors[k * months + t] = o.value;
      readings.push({series, date: o.date, value: o.value, month: monthString(start + t), source: o.source});
    }
  });
  // seasonal fit on the longest run of consecutive quarters ending at the last public one
  let fit: SeasonalFit | null = null;
  const firstQuarters = quarters.inflow_first;
  if (firstQuarters.length >= 12) fit = fitSeasonalBaseline(firstQuarters.map((q) => ({period: q.period, value: q.value})));
  const state: OriginState = {origin, originOffset, knownBy: info, inflowFirst, inflowNareis, firstUnobserved, anchors, readings, quarters, fit, months};
  perInputs.set(key, state);
  return state;
}

/**
 * The last month a series was observed (public by the data vintage): stocks by the reading's state
 * month, flows by the end of their period. Null when the series has no observation.
 */
export function lastObservationOf(inputs: ModelInputs, series: SeriesId): string | null {
  let best: string | null = null;
  for (const o of inputs.observations) {
    if (o.series !== series || availableFrom(o) > inputs.dataVintage) continue;
    let month: string;
    switch (o.kind) {
      case "stock":
        month = stateMonth(o.date);
        break;
      case "flow_month":
        month = o.date;
        break;
      case "flow_quarter":
        month = quarterEndMonth(quarterIndex(o.date));
        break;
      default:
        month = `${o.date.slice(0, 4)}-12`;
    }
    if (best === null || month > best) best = month;
  }
  return best;
}
