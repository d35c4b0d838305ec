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

/** What the page's switcher can select; `nl` (IND inwilligingspercentage) exists only as published figures. */
export type Definition = ComputedDefinition | "nl";

/** Decision counts (persons, first instance) and the rates under both computed definitions. */
export interface CountryYear {
  geo: Comparator;
  year: number;
  positive: number;
  rejected: number;
  closed: number;
  /** Rate under each computed definition; null when the denominator is below the minimum. */
  rate: Record<ComputedDefinition, number | null>;
}

/** One published Dutch-definition figure (IND inwilligingspercentage), never computed here. */
export interface PublishedPoint {
  year: number;
  /** Share 0–1. */
  value: number;
  scope: string;
  asStated: string;
  source: string;
  url: string;
  grade: "P" | "S";
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
}
