/**
 * Row types shared by the grant-rate loader (`loaders/grant-rates.ts`) and the page (`src/toekenning.md`).
 *
 * Pure types only: no runtime code, so the page and Node code can both import this file.
 */

import type {Origin} from "../types/origin.js";

/** The six countries of the comparison in nr. 3100, as ISO 3166-1 alpha-2 codes. */
export type Geo = "NL" | "BE" | "DE" | "FR" | "AT" | "SE";

/** A country, or the pooled comparable peers (BE, DE, FR and SE together). */
export type Comparator = Geo | "PEERS";

/**
 * A rate definition that can be computed from per-nationality decision counts.
 * - `eurostat`: positive / (positive + rejected), i.e. without otherwise closed cases.
 * - `all`: positive / (positive + rejected + otherwise closed).
 */
export type ComputedDefinition = "eurostat" | "all";

/**
 * What the page's switcher can select; `nl` (IND inwilligingspercentage) exists only as published figures;
 * `capita` is positive first-instance decisions per 1.000 inhabitants (not a rate of decisions).
 */
export type Definition = ComputedDefinition | "nl" | "capita";

/** Decision counts (persons, first instance) and the rates under both computed definitions. */
export interface CountryYear {
  geo: Comparator;
  year: number;
  positive: number;
  rejected: number;
  closed: number;
  /** Rate under each computed definition; null when the denominator is below the minimum. */
  rate: Record<ComputedDefinition, number | null>;
  /** Population on 1 January (Eurostat demo_gind; pooled for PEERS); null where not in the data (2025). */
  population: number | null;
  /** Positive decisions per 1.000 inhabitants; null without population. */
  perCapita: number | null;
}

/** One published Dutch-definition figure (IND inwilligingspercentage) for a calendar year, never computed here. */
export interface PublishedPoint {
  year: number;
  /** Share 0–1. */
  value: number;
  scope: string;
  asStated: string;
  source: string;
  url: string;
  grade: "P" | "S";
  /** Published after the release's data vintage (3 November 2025). */
  afterVintage?: boolean;
}

/** Every row of the IND grant-rate table, including part-years and qualitative statements. */
export interface IndRateRow {
  period: string;
  periodType: string;
  /** Share 0–1, null when the source gives no single number. */
  value: number | null;
  asStated: string;
  /** What the figure counts, in Dutch. */
  definition: string;
  source: string;
  url: string | null;
  grade: string;
  checked: boolean;
  /** Whether the row is on the IND definition (false for the Eurostat figure given for contrast). */
  ind: boolean;
  afterVintage: boolean;
}

/** A Eurostat first-instance rate (migr_asydcfstq): annual sums 2008–2022, and 2023-Q1 alone. */
export interface EurostatRate {
  geo: Comparator | "EU27";
  /** "2019" or "2023-Q1". */
  period: string;
  year: number;
  quarterOnly: boolean;
  decisions: number;
  positive: number;
  rate: number;
}

/** UNHCR-based Eurostat-like rate against the Eurostat rate for one country and year. */
export interface RateAgreement {
  geo: Comparator;
  year: number;
  unhcr: number;
  eurostat: number;
  /** unhcr − eurostat (share points, 0–1 scale). */
  difference: number;
}

/** A policy event the page cites as a cause of the 2025 fall. */
export interface PolicyEvent {
  id: string;
  start: string;
  end: string | null;
  source: string;
  url: string;
}

/** A nationality shown on the page: ISO 3166-1 alpha-3 code and Dutch label. */
export interface Nationality {
  code: string;
  name: string;
}

/**
 * Per nationality and country (or pooled peers): a yearly series of denominators and rates under both
 * definitions. Short keys and parallel arrays keep the JSON the page loads small; years in which the
 * cell has fewer decisions than the minimum under both definitions are left out.
 */
export interface NationalitySeries {
  /** Nationality (ISO3). */
  c: string;
  g: Comparator;
  /** Years, ascending. */
  y: number[];
  /** Denominator under `eurostat` (positive + rejected) per year. */
  de: number[];
  /** Denominator under `all` (positive + rejected + otherwise closed) per year. */
  da: number[];
  /** Rate under `eurostat` per year, null below the minimum. */
  re: (number | null)[];
  /** Rate under `all` per year, null below the minimum. */
  ra: (number | null)[];
  /** Positive decisions per 1.000 inhabitants of the country per year, null without population. */
  pc: (number | null)[];
}

/** One nationality in the "most deviating" ranking for a year and definition. */
export interface Deviation {
  definition: ComputedDefinition;
  year: number;
  citizen: string;
  nlDecisions: number;
  peerDecisions: number;
  nlRate: number;
  peerRate: number;
  /** nlRate − peerRate. */
  difference: number;
  /** nlDecisions × difference: grants above (or below) what peer rates would have given. */
  excessGrants: number;
}

/** The composition decomposition of the gap between NL and one comparator in one year. */
export interface Decomposition {
  definition: ComputedDefinition;
  comparator: Comparator;
  year: number;
  /** NL's rate over the nationalities covered (those with a usable peer rate). */
  nlRate: number;
  /** NL's rate over all nationalities (for reference; differs from nlRate by the uncovered part). */
  nlRateAll: number;
  /** The comparator's actual rate over all its nationalities. */
  peerRate: number;
  /** NL's caseload mix with the comparator's per-nationality rates. */
  counterfactual: number;
  /** nlRate − peerRate. */
  gap: number;
  /** counterfactual − peerRate: the part explained by the mix of nationalities. */
  composition: number;
  /** nlRate − counterfactual: the part from different rates for the same nationality. */
  within: number;
  /** composition / gap; null when |gap| is below 0.5 percentage point. */
  compositionShare: number | null;
  /** Share of NL decisions (denominator) in covered nationalities. */
  coverage: number;
  /** Share of NL decisions for which the pooled-peer rate replaced a too-small single-peer cell. */
  fallbackShare: number;
  /** NL decisions (denominator) in total and covered. */
  nlDecisions: number;
  coveredDecisions: number;
}

/** One line of the UNHCR-versus-Eurostat totals check. */
export interface TotalsCheck {
  geo: Geo;
  year: number;
  measure: "first_instance_total_positive" | "applicants_first_time";
  unhcr: number;
  eurostat: number;
  /** (unhcr − eurostat) / eurostat. */
  difference: number;
}

export interface DefinitionInfo {
  id: Definition;
  label: string;
  note: string;
}

/** The parts of a dataset's origin record the grant-rate page shows. */
export type SourceInfo = Pick<Origin, "file" | "producer" | "title" | "url" | "retrieved" | "licence">;

/** Everything the page loads (`src/data/grant-rates.json`). */
export interface GrantRatesData {
  meta: {
    minDecisions: number;
    countries: Geo[];
    peers: Geo[];
    notComparable: Geo[];
    levels: Record<Geo, string[]>;
    years: number[];
    definitions: DefinitionInfo[];
    sources: SourceInfo[];
    populationSource: string;
  };
  countryYear: CountryYear[];
  published: PublishedPoint[];
  nationalities: Nationality[];
  /** Dutch (or else UNHCR English) names of every nationality that appears in the data sent. */
  names: Record<string, string>;
  nationalitySeries: NationalitySeries[];
  deviations: Deviation[];
  decomposition: Decomposition[];
  check: TotalsCheck[];
  indRates: IndRateRow[];
  eurostat: EurostatRate[];
  agreement: RateAgreement[];
  events: PolicyEvent[];
}
