/**
 * Types of the chain model (see docs/model-interface.md for the contract these implement).
 *
 * Pure type declarations: no runtime code, safe to import from Node, the CLI, tests and pages.
 */

/** One source behind a parameter, measure or preset. */
export interface SourceRef {
  /** Document title and number, or a dataset title. */
  document: string;
  /** Section inside the document ("Opvang", "§2.1" …). */
  section?: string;
  url?: string;
  /** Publication or retrieval date, ISO. */
  date?: string;
  grade?: "P" | "S" | "S-AI" | "seed" | "aanname";
}

/** One step of a dated series: the value holds from this month until the next step. */
export interface DatedValue {
  /** "YYYY-MM". */
  from: string;
  value: number;
}

export type ParameterGroup = "instroom" | "ind" | "opvang" | "uitstroom" | "nareis" | "kosten";

/** One row of the parameter register (`data/parameters.json`). */
export interface Parameter {
  id: string;
  /** Dutch label. */
  label: string;
  /** Dutch: what it means and how the model uses it. */
  description: string;
  /** Dutch unit text: "personen per jaar", "aandeel", "maanden", "€ per persoon per jaar". */
  unit: string;
  group: ParameterGroup;
  value: number | DatedValue[];
  /** Plausible range: used for bands, slider ranges and URL clamping. */
  low: number;
  high: number;
  /** Slider step. */
  step?: number;
  kind: "lever" | "assumption";
  basis: SourceRef[];
  /** True = varied in the Monte Carlo band. */
  uncertain: boolean;
}

/** One change a measure makes to one parameter. */
export interface MeasureEffect {
  /** A Parameter id. */
  parameter: string;
  mode: "set" | "add" | "scale";
  /** At strength 1; scaled linearly by strength (scale: 1 + (change - 1) * strength). */
  change: number;
}

/** One entry of the measures catalogue (`data/measures.json`). */
export interface Measure {
  id: string;
  /** Dutch. */
  name: string;
  /** Dutch, one or two sentences. */
  summary: string;
  pillar: "instroom" | "doorstroom" | "opvang" | "uitstroom" | "terugkeer" | "stelsel";
  source: SourceRef;
  status: "adopted" | "proposed" | "draft";
  /** Absent = not quantifiable from public sources. */
  effects?: MeasureEffect[];
  /** Dutch: where the effect size comes from (required when effects are present). */
  quantification?: string;
  /** Dutch: why no effect is modelled (required when effects are absent). */
  notQuantifiable?: string;
  /** "YYYY-MM". */
  defaultStart?: string;
  defaultEnd?: string;
  rampMonths?: number;
}

/** A measure switched on in a scenario. */
export interface ScenarioMeasure {
  id: string;
  /** "YYYY-MM": first month with (part of) the effect. */
  start: string;
  /** "YYYY-MM": last month with the effect (inclusive); absent = the catalogue's defaultEnd, else to the end. */
  end?: string;
  /** 0 … 2; 1 = the catalogue's effect size. */
  strength: number;
  /** Months over which the effect grows linearly to full strength; absent = the catalogue's default, else 0. */
  rampMonths?: number;
}

/** What a URL, a CLI file, a preset and a test all describe. */
export interface Scenario {
  /** A Preset id. */
  preset: string;
  /** Parameter id → value (scalar; replaces the parameter, dated or not, from `overridesFrom`). */
  overrides: Record<string, number>;
  measures: ScenarioMeasure[];
  /** Observed monthly inputs from `start`, e.g. {"inflow_first": [...]}; see OBSERVED_INPUTS. */
  observed?: Record<string, number[]>;
  /** "YYYY-MM", default "2022-01". */
  start?: string;
  /** "YYYY-MM", default "2030-12" (inclusive). */
  end?: string;
  /**
   * Extension of the contract: "YYYY-MM" from which `overrides` apply (default: `start`).
   * Lets a slider change the future without overwriting the calibrated history.
   */
  overridesFrom?: string;
}

/** A named scenario. */
export interface Preset {
  id: string;
  name: string;
  description: string;
  basis: SourceRef[];
  overrides: Record<string, number>;
  measures: ScenarioMeasure[];
}

export type ObservationKind = "stock" | "flow_month" | "flow_quarter" | "flow_year" | "mean_year";

/**
 * One observed value (`data/chain-observations.csv`).
 * `date`: stock "YYYY-MM-DD" (the reading's date); flow_month "YYYY-MM"; flow_quarter "YYYY-Qn";
 * flow_year and mean_year "YYYY". (`flow_quarter` and `mean_year` extend the contract.)
 */
export interface Observation {
  series: SeriesId;
  date: string;
  value: number;
  kind: ObservationKind;
  source: string;
  grade: string;
  note?: string;
}

/** Everything the model needs besides the scenario. */
export interface ModelInputs {
  parameters: Parameter[];
  measures: Measure[];
  presets: Preset[];
  observations: Observation[];
  modelVersion: string;
  dataVintage: string;
}

export const SERIES_IDS = [
  // instroom
  "inflow_first",
  "inflow_repeat",
  "inflow_resettlement",
  "inflow_nareis",
  "inflow_total",
  "inflow_amv",
  /** Extension: other cases entering the IND backlog (not part of the MPP inflow). */
  "inflow_other_ind",
  // IND
  "backlog_track1",
  "backlog_track2",
  "backlog_track3",
  "backlog_track4",
  "backlog_total",
  "decisions",
  "grants",
  "rejections",
  "lead_time_months",
  "cases_past_term",
  "dwangsom_eur",
  // nareis
  "nareis_requests",
  "nareis_backlog",
  "nareis_grants",
  "nareis_arrivals",
  // opvang
  "coa_in_procedure",
  "coa_permit_waiting",
  "coa_rejected",
  "coa_nareis",
  "coa_total",
  "capacity_need",
  "capacity_available",
  "capacity_shortage",
  "cost_eur",
  /** Extension: cost_eur split by reception type. */
  "cost_regular_eur",
  "cost_emergency_eur",
  "nidos_caseload",
  // uitstroom
  "housed",
  "housing_capacity",
  "doorstroom_occupied",
  "departed_independent",
  "departed_forced",
  "departed_unknown",
  /** Extension: left reception after rejection without a departure DT&V registers (see docs/model.md §6). */
  "departed_unregistered",
  "dublin_transfers",
  // conservation
  "entered_cumulative",
  "left_cumulative",
  "in_system"
] as const;

/** Monthly series ids: flows are persons (or €) per month, stocks are persons at month end. */
export type SeriesId = (typeof SERIES_IDS)[number];

export interface RunOutput {
  /** "YYYY-MM"; months[i] = start + i. */
  start: string;
  months: number;
  series: Record<SeriesId, Float64Array>;
  summary: Summary;
}

export interface Summary {
  peakOccupancy: {value: number; month: string};
  /** Peak of monthly nareis arrivals. */
  nareisPeak: {value: number; month: string};
  maxShortage: {value: number; month: string};
  backlogEnd: number;
  /** Total reception cost per calendar year; `regular` and `emergency` split it by reception type (extension). */
  costPerYear: {year: number; value: number; regular: number; emergency: number}[];
  bottleneck: "ind" | "opvang" | "huisvesting" | "geen";
}

export interface BandOutput {
  p10: Record<SeriesId, Float64Array>;
  p50: Record<SeriesId, Float64Array>;
  p90: Record<SeriesId, Float64Array>;
  n: number;
  seed: number;
}
