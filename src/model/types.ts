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
  /**
   * "YYYY-MM": when this step was public (a plan, budget or law announced in advance). Backtests keep
   * a step only if it was announced by the origin's information date; absent = known only afterwards.
   */
  announced?: string;
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
  /**
   * Range of the Monte Carlo band when it is narrower than the plausible range (e.g. a grant rate whose
   * range reaches the 2025 level reached through a measure, while the band varies the base rate).
   */
  bandLow?: number;
  bandHigh?: number;
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
  /**
   * Embedded measures in "set" mode: the value the parameter would have had without the measure
   * (switching the measure off sets this value over the measure's period).
   */
  without?: number;
}

/** An output a measure is documented to move (checked by test/unit/measure-targets.test.ts). */
export interface MeasureTarget {
  /**
   * An outcome id (src/model/outcomes.ts), "<series>@YYYY-MM" (a stock in a month), "<series>:YYYY"
   * (a calendar-year sum), or "retro:<series>" (the largest change during the measure's period in the
   * free-run retrospective, for measures that acted before the forecast origin).
   */
  output: string;
  /** Sign of (with the measure − without it). */
  sign: 1 | -1;
  /** Smallest absolute change at default strength that counts as "doing something". */
  min: number;
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
  /** adopted = vastgesteld; passed_house = aangenomen door de Tweede Kamer; proposed = voorgenomen; draft = concept. */
  status: "adopted" | "passed_house" | "proposed" | "draft";
  /** Id of the policy event in data/nl_policy_events_2024_2026.csv this entry represents. */
  event?: string;
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
  /**
   * True = in force (or in force in the past) and part of every preset's baseline, from defaultStart
   * to defaultEnd at strength 1; a scenario can switch it off (`Scenario.off`).
   */
  inBaseline?: boolean;
  /**
   * True = the measure's effect is already in the register's values (they are calibrated on
   * observations made while it was in force). The baseline is the register itself; switching the
   * measure off removes its effect (add −change, divide by the factor, or set `without`).
   */
  embedded?: boolean;
  /** Dutch: which parameters it moves and how, in plain words. */
  mechanism?: string;
  /** Strength range (the default is 1) with the reasoning for low and high (Dutch). */
  strengthLow?: number;
  strengthHigh?: number;
  rangeReason?: string;
  /** Outputs the measure is documented to move, with the sign. */
  targets?: MeasureTarget[];
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
  /** Ids of baseline measures (Measure.inBaseline) switched off in this scenario. */
  off?: string[];
  /**
   * Backtests: dated parameter steps not announced by the origin's information date are held at
   * their value at the origin (so that no parameter carries information from after the origin).
   */
  backtest?: boolean;
  /**
   * Calibration runs: follow the observed inputs up to the origin but never reset stocks to readings,
   * so that the model's own dynamics can be compared with the readings.
   */
  freeRun?: boolean;
  /**
   * User-supplied monthly inputs from `start`, e.g. {"inflow_first": [...]}; see OBSERVED_INPUTS.
   * They replace the model's (and the observations') values in those months.
   */
  observed?: Record<string, number[]>;
  /** "YYYY-MM", first month of the output; default MODEL_START. The model always simulates from MODEL_START. */
  start?: string;
  /** "YYYY-MM", default HORIZON_END (inclusive). */
  end?: string;
  /**
   * "YYYY-MM": the forecast origin, the last month of the observed past. Up to it, inputs follow the
   * observations known at the origin and stocks are reset to observed readings; after it, the model
   * projects. Default: the preset's origin, else the latest month with observed first applications.
   */
  origin?: string;
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
  /** Scalar overrides, applied after the preset's origin. */
  overrides: Record<string, number>;
  /** Dated overrides (a parameter replaced by a stepped series), applied after the preset's origin. */
  dated?: Record<string, DatedValue[]>;
  measures: ScenarioMeasure[];
  /**
   * "YYYY-MM": the preset's own forecast origin (an MPP edition: the month before its publication).
   * Absent = the default origin of the data (the latest month with observed first applications).
   */
  origin?: string;
}

export type ObservationKind = "stock" | "flow_month" | "flow_quarter" | "flow_year" | "mean_year";

/**
 * One observed value (`data/chain-observations.csv`).
 * `date`: stock "YYYY-MM-DD" (the reading's date); flow_month "YYYY-MM"; flow_quarter "YYYY-Qn";
 * flow_year and mean_year "YYYY". (`flow_quarter` and `mean_year` extend the contract.)
 */
export interface Observation {
  series: SeriesId;
  /** "YYYY-MM" or "YYYY-MM-DD": when the figure became public; absent = the rule in src/model/origin.ts (availableFrom). */
  published?: string;
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
  /** "YYYY-MM-DD": publication date of the newest observation this release uses (data/release.json). */
  dataVintage: string;
  /**
   * SHA-256 (first 16 hex digits) of these inputs without this field, set by the loader; the
   * precomputed bands (src/explorer/precomputed-band.ts) carry it, so a file of another build is never used.
   */
  fingerprint?: string;
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
  "in_system",
  /** Cumulative stock corrections at observed readings up to the forecast origin (entered + adjusted − left = in_system). */
  "adjusted_cumulative"
] as const;

/** Monthly series ids: flows are persons (or €) per month, stocks are persons at month end. */
export type SeriesId = (typeof SERIES_IDS)[number];

export interface RunOutput {
  /** "YYYY-MM"; months[i] = start + i. */
  start: string;
  months: number;
  series: Record<SeriesId, Float64Array>;
  summary: Summary;
  /** "YYYY-MM": the forecast origin of the run (the last month of the observed past). */
  origin: string;
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
