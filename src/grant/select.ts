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
  EurostatRate,
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
  return definition === "nl" || definition === "capita" ? "eurostat" : definition;
}

/**
 * Whether the composition views fall back to another definition than the one selected: the Dutch
 * definition exists only as national totals, and per inhabitant is not a rate that can be decomposed.
 */
export function fallsBack(definition: Definition): boolean {
  return definition === "nl" || definition === "capita";
}

/** Whether the values under a definition are shares (0–1) rather than counts per 1.000 inhabitants. */
export function isShare(definition: Definition): boolean {
  return definition !== "capita";
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
  if (definition === "capita") {
    return data.countryYear
      .filter((d) => d.perCapita != null)
      .map((d) => ({
        geo: d.geo,
        label: COMPARATOR_LABELS[d.geo],
        year: d.year,
        rate: d.perCapita as number,
        decisions: d.positive,
        comparable: !data.meta.notComparable.includes(d.geo as Geo),
        published: false
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
        rate: (definition === "capita" ? s.pc[i] : def === "eurostat" ? s.re[i] : s.ra[i]) as number,
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
  /** Positive decisions per 1.000 inhabitants (NL, pooled peers); null without population. */
  perCapita: {nl: number | null; peers: number | null};
}

/** The summary for a year under the effective definition (NL and pooled peers, decomposition). */
export function summary(data: GrantRatesData, definition: Definition, year: number): Summary {
  const def = effectiveDefinition(definition);
  return {
    definition: def,
    year,
    nlRate: countryRate(data, "NL", year, def),
    peerRate: countryRate(data, "PEERS", year, def),
    decomposition: decompositionRows(data, def).find((d) => d.year === year) ?? null,
    perCapita: {
      nl: data.countryYear.find((d) => d.geo === "NL" && d.year === year)?.perCapita ?? null,
      peers: data.countryYear.find((d) => d.geo === "PEERS" && d.year === year)?.perCapita ?? null
    }
  };
}

/** The page's state as it is kept in the URL (keys prefixed `g_`, beside the scenario's keys). */
export interface GrantState {
  definition: Definition;
  year: number;
  comparator: Comparator;
  citizen: string;
  devYear: number;
  /** Whether the genuine Eurostat totals are drawn beside the UNHCR-based rates. */
  eurostat: boolean;
}

export const DEFINITION_IDS: Definition[] = ["eurostat", "all", "capita", "nl"];

/** The default state: Eurostat-like, 2023 (nr. 3100's last year), pooled peers, Syria. */
export function defaultGrantState(data: GrantRatesData): GrantState {
  const years = data.meta.years;
  const year = years.includes(2023) ? 2023 : years[years.length - 1];
  const citizen = data.nationalities.some((n) => n.code === "SYR") ? "SYR" : data.nationalities[0].code;
  return {definition: "eurostat", year, comparator: "PEERS", citizen, devYear: year, eurostat: true};
}

/**
 * Reads the state from the URL (`g_def`, `g_year`, `g_cmp`, `g_cit`, `g_dev`, `g_es`). Unknown or
 * out-of-range values are replaced by the default and reported in Dutch; nothing from the URL is
 * ever shown as given.
 */
export function readGrantUrl(search: string, data: GrantRatesData): {state: GrantState; notices: string[]} {
  const params = new URLSearchParams(search);
  const state = defaultGrantState(data);
  const notices: string[] = [];
  const def = params.get("g_def");
  if (def != null) {
    if ((DEFINITION_IDS as string[]).includes(def)) state.definition = def as Definition;
    else notices.push("De definitie in de link is onbekend; de Eurostat-achtige definitie wordt getoond.");
  }
  const year = (key: string, label: string): number | null => {
    const raw = params.get(key);
    if (raw == null) return null;
    const y = Number(raw);
    if (/^\d{4}$/.test(raw) && data.meta.years.includes(y)) return y;
    const [lo, hi] = [data.meta.years[0], data.meta.years[data.meta.years.length - 1]];
    notices.push(`Het ${label} in de link valt buiten ${lo}–${hi} of is ongeldig; ${state.year} wordt getoond.`);
    return null;
  };
  state.year = year("g_year", "jaar") ?? state.year;
  state.devYear = year("g_dev", "jaar bij de afwijkingen") ?? state.year;
  const cmp = params.get("g_cmp");
  if (cmp != null) {
    if (cmp === "PEERS" || (data.meta.peers as string[]).includes(cmp)) state.comparator = cmp as Comparator;
    else notices.push("Het vergelijkingsland in de link is onbekend; de vier landen samen worden getoond.");
  }
  const cit = params.get("g_cit");
  if (cit != null) {
    if (data.nationalities.some((n) => n.code === cit)) state.citizen = cit;
    else notices.push("De nationaliteit in de link staat niet in de lijst; Syrië wordt getoond.");
  }
  const es = params.get("g_es");
  if (es != null) {
    if (es === "0" || es === "1") state.eurostat = es === "1";
    else notices.push("De keuze voor de Eurostat-totalen in de link is ongeldig; ze worden getoond.");
  }
  return {state, notices};
}

/** The search string with the page's keys set; other keys (e.g. the scenario's) are kept. */
export function grantSearch(search: string, state: GrantState): string {
  const params = new URLSearchParams(search);
  params.set("g_def", state.definition);
  params.set("g_year", String(state.year));
  params.set("g_cmp", state.comparator);
  params.set("g_cit", state.citizen);
  params.set("g_dev", String(state.devYear));
  params.set("g_es", state.eurostat ? "1" : "0");
  return `?${params.toString()}`;
}

/** Eurostat first-instance rates for the chart: NL and the pooled peers (annual and 2023-Q1). */
export function eurostatPoints(data: GrantRatesData, geos: readonly (Comparator | "EU27")[] = ["NL", "PEERS"]): (EurostatRate & {label: string})[] {
  return data.eurostat
    .filter((d) => geos.includes(d.geo) && d.year >= data.meta.years[0])
    .map((d) => ({...d, label: `${d.geo === "EU27" ? "EU27" : COMPARATOR_LABELS[d.geo]} (Eurostat)`}));
}

/** The largest absolute difference between the UNHCR-based and the Eurostat rate, per country. */
export function agreementSummary(data: GrantRatesData): {geo: Comparator; maxAbs: number; year: number; years: [number, number]}[] {
  const geos = [...new Set(data.agreement.map((a) => a.geo))];
  return geos.map((geo) => {
    const rows = data.agreement.filter((a) => a.geo === geo);
    const worst = rows.reduce((a, b) => (Math.abs(b.difference) > Math.abs(a.difference) ? b : a));
    return {geo, maxAbs: Math.abs(worst.difference), year: worst.year, years: [rows[0].year, rows[rows.length - 1].year]};
  });
}

/** One nationality's NL and pooled-peer rates (Eurostat-like) in two years, for the text on 2024–2025. */
export function nationalityChange(data: GrantRatesData, citizen: string, from: number, to: number): {nl: [number | null, number | null]; peers: [number | null, number | null]; nlDecisions: [number, number]} {
  const get = (geo: Comparator, year: number) => {
    const s = data.nationalitySeries.find((x) => x.c === citizen && x.g === geo);
    const i = s ? s.y.indexOf(year) : -1;
    return {rate: i >= 0 ? (s!.re[i] ?? null) : null, decisions: i >= 0 ? s!.de[i] : 0};
  };
  const a = get("NL", from);
  const b = get("NL", to);
  return {nl: [a.rate, b.rate], peers: [get("PEERS", from).rate, get("PEERS", to).rate], nlDecisions: [a.decisions, b.decisions]};
}

/** The smallest and largest coverage (share of NL decisions with a usable peer rate) over the rows. */
export function coverageRange(rows: readonly Decomposition[]): [number, number] | null {
  if (rows.length === 0) return null;
  const values = rows.map((d) => d.coverage);
  return [Math.min(...values), Math.max(...values)];
}
