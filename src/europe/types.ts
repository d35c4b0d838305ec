/**
 * Row types shared by the Europe loader (`loaders/europe.ts`) and the page (`src/europa.md`).
 * Pure types only: no runtime code.
 */
import type {Origin} from "../types/origin.js";

/** The six countries of the comparison (ISO 3166-1 alpha-2) and the EU of 27 (Eurostat EU27_2020). */
export type EuGeo = "NL" | "BE" | "DE" | "FR" | "AT" | "SE" | "EU27";

/**
 * What is counted (Eurostat `asyl_app`): `ASY_APP` all asylum applicants (first-time and subsequent),
 * `NASY_APP` first-time applicants. Persons, not cases.
 */
export type ApplicantType = "ASY_APP" | "NASY_APP";

/** Which Eurostat extract a count comes from (two vintages: they are never drawn as one line). */
export type ApplicationsVintage = "totals_2025" | "citizenship_2024";

/** Applicants in one country (or the EU27) and year, per 1.000 inhabitants on 1 January of that year. */
export interface PerCapitaRow {
  geo: EuGeo;
  year: number;
  type: ApplicantType;
  vintage: ApplicationsVintage;
  count: number;
  population: number;
  /** count / population × 1000. */
  per1000: number;
}

/** NL's share of the EU27's applicants in one year (same extract for both). */
export interface ShareRow {
  year: number;
  type: ApplicantType;
  nl: number;
  eu27: number;
  /** nl / eu27 (0–1). */
  share: number;
  /** NL's share of the EU27's population on 1 January, for reference. */
  populationShare: number;
}

/** NL's place among the six countries in one year, by applicants per 1.000 inhabitants. */
export interface RankRow {
  year: number;
  type: ApplicantType;
  vintage: ApplicationsVintage;
  /** 1 = most applicants per inhabitant. */
  rank: number;
  of: number;
  nlPer1000: number;
  /** The five other countries pooled: their applicants over their inhabitants, × 1000. */
  othersPer1000: number;
  /** nlPer1000 / othersPer1000. */
  ratioToOthers: number;
  /** The EU27 rate from the by-citizenship extract, when it exists for the year. */
  eu27Per1000: number | null;
  /** The country with the highest rate and its rate. */
  top: {geo: EuGeo; per1000: number};
}

/** Applicants of one citizenship in one receiving country and year, per 1.000 inhabitants of that country. */
export interface CitizenshipRow {
  citizen: string;
  geo: EuGeo;
  year: number;
  type: ApplicantType;
  count: number;
  per1000: number;
}

export type EuropeSource = Pick<Origin, "file" | "producer" | "title" | "url" | "retrieved" | "licence">;

/** Everything the Europe page loads (`src/data/europe.json`). */
export interface EuropeData {
  meta: {
    countries: EuGeo[];
    populationSource: string;
    populationNote: string;
    years: {totals: [number, number]; citizenship: [number, number]};
    sources: EuropeSource[];
  };
  perCapita: PerCapitaRow[];
  share: ShareRow[];
  ranks: RankRow[];
  nationalities: {code: string; name: string}[];
  citizenship: CitizenshipRow[];
}
