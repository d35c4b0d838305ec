/**
 * Pure selection logic for the grant-rate page: which numbers each view shows under the definition
 * the reader picked. No DOM, no Framework; the page and the unit tests call the same functions.
 */
import type {
  Comparator,
  ComputedDefinition,
  Decomposition,
  Definition,
  Deviation,
  Geo,
  GrantRatesData,
  PublishedPoint
} from "./types.js";

/** Dutch labels for the countries and the pooled peers. */
export const COMPARATOR_LABELS: Record<Comparator, string> = {
  NL: "Nederland",
  BE: "België",
  DE: "Duitsland",
  FR: "Frankrijk",
  AT: "Oostenrijk",
  SE: "Zweden",
  PEERS: "Vier vergelijkingslanden samen"
};

/**
 * The computed definition a per-nationality view uses. The Dutch definition exists only as published
 * national totals, so per-nationality views fall back to the Eurostat-like definition.
 */
export function effectiveDefinition(definition: Definition): ComputedDefinition {
  return definition === "nl" ? "eurostat" : definition;
}

/** Whether a view falls back to another definition than the one selected (true only for `nl`). */
export function fallsBack(definition: Definition): boolean {
  return definition === "nl";
}

/** One point of the country chart. */
export interface CountryPoint {
  geo: Comparator;
  label: string;
  year: number;
  rate: number;
  decisions: number;
  comparable: boolean;
  published: boolean;
}

/**
 * The points of the country chart under a definition: computed rates for the six countries and the
 * pooled peers, or, for the Dutch definition, only NL's published figures (never computed).
 * Cells without a rate (below the minimum) are left out.
 */
export function countryPoints(data: GrantRatesData, definition: Definition): CountryPoint[] {
  if (definition === "nl") {
    return data.published.map((p) => ({
      geo: "NL",
      label: COMPARATOR_LABELS.NL,
      year: p.year,
      rate: p.value,
      decisions: 0,
      comparable: true,
      published: true
    }));
  }
  return data.countryYear
    .filter((d) => d.rate[definition] != null)
    .map((d) => ({
      geo: d.geo,
      label: COMPARATOR_LABELS[d.geo],
      year: d.year,
      rate: d.rate[definition] as number,
      decisions: definition === "eurostat" ? d.positive + d.rejected : d.positive + d.rejected + d.closed,
      comparable: !data.meta.notComparable.includes(d.geo as Geo),
      published: false
    }));
}

/** The rate of one country (or the pooled peers) in one year under a computed definition, or null. */
export function countryRate(data: GrantRatesData, geo: Comparator, year: number, definition: ComputedDefinition): number | null {
  return data.countryYear.find((d) => d.geo === geo && d.year === year)?.rate[definition] ?? null;
}

/** The published Dutch-definition figure for a year, if any. */
export function publishedFor(data: GrantRatesData, year: number): PublishedPoint | undefined {
  return data.published.find((p) => p.year === year);
}

/** The decomposition rows for a comparator under the effective definition, by year. */
export function decompositionRows(data: GrantRatesData, definition: Definition, comparator: Comparator = "PEERS"): Decomposition[] {
  const def = effectiveDefinition(definition);
  return data.decomposition.filter((d) => d.definition === def && d.comparator === comparator).sort((a, b) => a.year - b.year);
}

/** One point of the per-nationality chart. */
export interface NationalityPoint {
  geo: Comparator;
  label: string;
  year: number;
  rate: number;
  decisions: number;
}

/** NL, each peer and the pooled peers for one nationality, per year, under the effective definition. */
export function nationalityPoints(data: GrantRatesData, definition: Definition, citizen: string): NationalityPoint[] {
  const def = effectiveDefinition(definition);
  return data.nationalitySeries
    .filter((s) => s.c === citizen)
    .flatMap((s) =>
      s.y.map((year, i) => ({
        geo: s.g,
        label: COMPARATOR_LABELS[s.g],
        year,
        rate: (def === "eurostat" ? s.re[i] : s.ra[i]) as number,
        decisions: def === "eurostat" ? s.de[i] : s.da[i]
      }))
    )
    .filter((d) => d.rate != null);
}

/** The most deviating nationalities in one year under the effective definition, largest first. */
export function deviationRows(data: GrantRatesData, definition: Definition, year: number): (Deviation & {name: string})[] {
  const def = effectiveDefinition(definition);
  return data.deviations
    .filter((d) => d.definition === def && d.year === year)
    .sort((a, b) => Math.abs(b.excessGrants) - Math.abs(a.excessGrants))
    .map((d) => ({...d, name: data.names[d.citizen] ?? d.citizen}));
}

/** The numbers the page's summary sentence states for a year. */
export interface Summary {
  definition: ComputedDefinition;
  year: number;
  nlRate: number | null;
  peerRate: number | null;
  decomposition: Decomposition | null;
}

/** The summary for a year under the effective definition (NL and pooled peers, decomposition). */
export function summary(data: GrantRatesData, definition: Definition, year: number): Summary {
  const def = effectiveDefinition(definition);
  return {
    definition: def,
    year,
    nlRate: countryRate(data, "NL", year, def),
    peerRate: countryRate(data, "PEERS", year, def),
    decomposition: decompositionRows(data, def).find((d) => d.year === year) ?? null
  };
}

/** The smallest and largest coverage (share of NL decisions with a usable peer rate) over the rows. */
export function coverageRange(rows: readonly Decomposition[]): [number, number] | null {
  if (rows.length === 0) return null;
  const values = rows.map((d) => d.coverage);
  return [Math.min(...values), Math.max(...values)];
}
