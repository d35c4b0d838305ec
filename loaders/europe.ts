/**
 * Inflow in European perspective: Eurostat asylum applicants (`migr_asyappctza`) per 1.000 inhabitants
 * for NL, BE, DE, FR, AT, SE and the EU27, NL's share of the EU27's applicants, NL's rank among the six,
 * and the main citizenships per 1.000 inhabitants of the receiving country.
 *
 * Two Eurostat extracts of different vintages are used, never mixed in one series:
 * - `totals_2025` (SDMX export committed May 2025): all applicants, citizen TOTAL, six countries, to 2024;
 * - `citizenship_2024` (bulk download Jan 2024): by citizenship, all and first-time applicants, six
 *   countries and the EU27, to 2022.
 * Population: Eurostat demo_gind (last update 27 Mar 2025), 1 January of the same year, for every row.
 */
import {DataError, readCsv, readOrigin, type Row, type TableSpec} from "./read.js";
import type {
  ApplicantType,
  ApplicationsVintage,
  CitizenshipRow,
  EuGeo,
  EuropeData,
  EuropeSource,
  PerCapitaRow,
  RankRow,
  ShareRow
} from "../src/europe/types.js";

export const CITIZENSHIP_FILE = "eurostat_migr_asyappctza_by_citizenship_2008_2022.csv";
export const TOTALS_FILE = "eurostat_migr_asyappctza_totals_2008_2024.csv";
export const POPULATION_FILE = "population_6countries_eu27_2013_2024_multi_source.csv";
/** The one population source used for every rate (the reference data's recommended default). */
export const POPULATION_SOURCE = "estat_demo_gind_2025-03-27";

export const COUNTRIES: EuGeo[] = ["NL", "BE", "DE", "FR", "AT", "SE"];
const GEO_CODES = ["NL", "BE", "DE", "FR", "AT", "SE", "EU27_2020"];
/** First year shown (the issue asks for 2014–2024). */
export const FIRST_YEAR = 2014;
/** Number of citizenships (by NL applicants over the years shown) in the by-citizenship view. */
export const MAIN_CITIZENSHIPS = 8;

export const CITIZENSHIP_SPEC: TableSpec = {
  columns: [
    {name: "geo", type: "string", codes: GEO_CODES},
    {name: "citizen", type: "string"},
    {name: "citizen_is_aggregate", type: "string", codes: ["True", "False"]},
    {name: "year", type: "year", min: 2000, max: 2030},
    {name: "applicant_type", type: "string", codes: ["ASY_APP", "NASY_APP", "SSEQ"]},
    {name: "count", type: "integer", min: 0}
  ],
  key: ["geo", "citizen", "year", "applicant_type"]
};

export const TOTALS_SPEC: TableSpec = {
  columns: [
    {name: "dataset", type: "string", codes: ["migr_asyappctza"]},
    {name: "geo", type: "string", codes: COUNTRIES},
    {name: "citizen", type: "string", codes: ["TOTAL", "UA"]},
    {name: "year", type: "year", min: 2000, max: 2030},
    {name: "applicant_type", type: "string", codes: ["ASY_APP"]},
    {name: "sex", type: "string", codes: ["T"]},
    {name: "age", type: "string", codes: ["TOTAL"]},
    {name: "unit", type: "string", codes: ["PER"]},
    {name: "count", type: "integer", min: 0},
    {name: "obs_flag", type: "string", optional: true}
  ],
  key: ["geo", "citizen", "year"]
};

export const POPULATION_SPEC: TableSpec = {
  columns: [
    {name: "source_id", type: "string"},
    {name: "geo", type: "string", codes: GEO_CODES},
    {name: "year", type: "year", min: 2000, max: 2030},
    {name: "population", type: "integer", min: 100000},
    {name: "flag", type: "string", optional: true}
  ],
  key: ["source_id", "geo", "year"]
};

/** Eurostat's EU27_2020 is called EU27 on the site. */
export function toGeo(code: string): EuGeo {
  return (code === "EU27_2020" ? "EU27" : code) as EuGeo;
}

/** Applicants per 1.000 inhabitants. Throws on a population that is not a positive number. */
export function perThousand(count: number, population: number): number {
  if (!(population > 0) || !Number.isFinite(count) || count < 0) {
    throw new Error(`perThousand: invalid count ${count} or population ${population}`);
  }
  return (count / population) * 1000;
}

/** Population on 1 January by geo and year, from one source. */
export type PopulationTable = Map<string, number>;

const popKey = (geo: EuGeo, year: number) => `${geo} ${year}`;

/** Keeps the rows of one population source and indexes them by geo and year. */
export function populationTable(rows: readonly Row[], source = POPULATION_SOURCE): PopulationTable {
  const table: PopulationTable = new Map();
  for (const r of rows) if (r.source_id === source) table.set(popKey(toGeo(r.geo as string), r.year as number), r.population as number);
  return table;
}

/** One count of applicants before it is divided by the population. */
export interface CountRow {
  geo: EuGeo;
  year: number;
  type: ApplicantType;
  count: number;
}

/**
 * Divides each count by the population of its geo on 1 January of its year. A count without a
 * population fails (naming file, geo and year) rather than being dropped silently.
 */
export function perCapitaRows(counts: readonly CountRow[], population: PopulationTable, vintage: ApplicationsVintage, populationFile = POPULATION_FILE): PerCapitaRow[] {
  return counts.map((c) => {
    const pop = population.get(popKey(c.geo, c.year));
    if (pop == null) throw new DataError(populationFile, null, "population", `no population for ${c.geo} on 1 January ${c.year} (source ${POPULATION_SOURCE})`);
    return {geo: c.geo, year: c.year, type: c.type, vintage, count: c.count, population: pop, per1000: perThousand(c.count, pop)};
  });
}

/** Citizen TOTAL counts from the by-citizenship extract (all and first-time applicants, countries and EU27). */
export function citizenshipTotals(rows: readonly Row[], fromYear = FIRST_YEAR): CountRow[] {
  return rows
    .filter((r) => r.citizen === "TOTAL" && (r.applicant_type === "ASY_APP" || r.applicant_type === "NASY_APP") && (r.year as number) >= fromYear)
    .map((r) => ({geo: toGeo(r.geo as string), year: r.year as number, type: r.applicant_type as ApplicantType, count: r.count as number}));
}

/** Citizen TOTAL counts of all applicants from the later totals extract (six countries). */
export function totalsCounts(rows: readonly Row[], fromYear = FIRST_YEAR): CountRow[] {
  return rows
    .filter((r) => r.citizen === "TOTAL" && (r.year as number) >= fromYear)
    .map((r) => ({geo: r.geo as EuGeo, year: r.year as number, type: "ASY_APP" as const, count: r.count as number}));
}

/** NL's share of the EU27 per year and applicant type, where both are in the same rows. */
export function euShare(rows: readonly PerCapitaRow[]): ShareRow[] {
  const out: ShareRow[] = [];
  for (const nl of rows.filter((r) => r.geo === "NL")) {
    const eu = rows.find((r) => r.geo === "EU27" && r.year === nl.year && r.type === nl.type && r.vintage === nl.vintage);
    if (!eu || eu.count === 0) continue;
    out.push({year: nl.year, type: nl.type, nl: nl.count, eu27: eu.count, share: nl.count / eu.count, populationShare: nl.population / eu.population});
  }
  return out.sort((a, b) => a.type.localeCompare(b.type) || a.year - b.year);
}

/**
 * NL's rank among the six countries per year, type and vintage (1 = most applicants per inhabitant),
 * with the five others pooled (their applicants over their inhabitants). Years in which one of the six
 * is missing are left out. Ties share the better rank.
 */
export function nlRanks(rows: readonly PerCapitaRow[], countries: readonly EuGeo[] = COUNTRIES): RankRow[] {
  const groups = new Map<string, PerCapitaRow[]>();
  for (const r of rows) {
    if (!countries.includes(r.geo)) continue;
    const k = `${r.year}|${r.type}|${r.vintage}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const out: RankRow[] = [];
  for (const group of groups.values()) {
    if (group.length !== countries.length) continue;
    const nl = group.find((r) => r.geo === "NL");
    if (!nl) continue;
    const others = group.filter((r) => r.geo !== "NL");
    const othersPer1000 = perThousand(
      others.reduce((s, r) => s + r.count, 0),
      others.reduce((s, r) => s + r.population, 0)
    );
    const top = group.reduce((a, b) => (b.per1000 > a.per1000 ? b : a));
    const eu = rows.find((r) => r.geo === "EU27" && r.year === nl.year && r.type === nl.type);
    out.push({
      year: nl.year,
      type: nl.type,
      vintage: nl.vintage,
      rank: 1 + group.filter((r) => r.per1000 > nl.per1000).length,
      of: group.length,
      nlPer1000: nl.per1000,
      othersPer1000,
      ratioToOthers: nl.per1000 / othersPer1000,
      eu27Per1000: eu ? eu.per1000 : null,
      top: {geo: top.geo, per1000: top.per1000}
    });
  }
  return out.sort((a, b) => a.vintage.localeCompare(b.vintage) || a.type.localeCompare(b.type) || a.year - b.year);
}

/** The citizenships (non-aggregate codes) with the most NL applicants of a type over the years. */
export function mainCitizenships(rows: readonly Row[], n = MAIN_CITIZENSHIPS, fromYear = FIRST_YEAR, type: ApplicantType = "ASY_APP"): string[] {
  const sums = new Map<string, number>();
  for (const r of rows) {
    if (r.geo !== "NL" || r.citizen_is_aggregate !== "False" || r.applicant_type !== type || (r.year as number) < fromYear) continue;
    sums.set(r.citizen as string, (sums.get(r.citizen as string) ?? 0) + (r.count as number));
  }
  return [...sums.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([c]) => c);
}

/** Applicants of the given citizenships per 1.000 inhabitants of the receiving country. */
export function citizenshipRows(rows: readonly Row[], citizens: readonly string[], population: PopulationTable, fromYear = FIRST_YEAR): CitizenshipRow[] {
  return rows
    .filter((r) => citizens.includes(r.citizen as string) && (r.applicant_type === "ASY_APP" || r.applicant_type === "NASY_APP") && (r.year as number) >= fromYear)
    .map((r) => {
      const geo = toGeo(r.geo as string);
      const pop = population.get(popKey(geo, r.year as number));
      if (pop == null) throw new DataError(POPULATION_FILE, null, "population", `no population for ${geo} on 1 January ${r.year}`);
      return {citizen: r.citizen as string, geo, year: r.year as number, type: r.applicant_type as ApplicantType, count: r.count as number, per1000: perThousand(r.count as number, pop)};
    })
    .sort((a, b) => a.citizen.localeCompare(b.citizen) || a.geo.localeCompare(b.geo) || a.type.localeCompare(b.type) || a.year - b.year);
}

/** Dutch names of the Eurostat (ISO 3166-1 alpha-2) citizenship codes that can appear on the page. */
export const CITIZEN_NAMES: Record<string, string> = {
  SY: "Syrië", AF: "Afghanistan", ER: "Eritrea", IQ: "Irak", TR: "Turkije", IR: "Iran", YE: "Jemen",
  MA: "Marokko", DZ: "Algerije", SO: "Somalië", NG: "Nigeria", AL: "Albanië", GE: "Georgië", RU: "Rusland",
  PK: "Pakistan", UA: "Oekraïne", XK: "Kosovo", RS: "Servië", MK: "Noord-Macedonië", LY: "Libië", EG: "Egypte",
  ET: "Ethiopië", SD: "Soedan", CO: "Colombia", VE: "Venezuela", BD: "Bangladesh", TN: "Tunesië", GN: "Guinee",
  PS: "Palestina", STLS: "Staatloos", UNK: "Onbekend", LB: "Libanon", MN: "Mongolië", AM: "Armenië", AZ: "Azerbeidzjan"
};

function sourceInfo(name: string): EuropeSource {
  const o = readOrigin(name);
  return {file: o.file, producer: o.producer, title: o.title, url: o.url, retrieved: o.retrieved, licence: o.licence};
}

/** The validated inputs of {@link computeEurope}. */
export interface EuropeInputs {
  citizenship: Row[];
  totals: Row[];
  population: Row[];
}

export function readEuropeInputs(): EuropeInputs {
  return {
    citizenship: readCsv(CITIZENSHIP_FILE, CITIZENSHIP_SPEC),
    totals: readCsv(TOTALS_FILE, TOTALS_SPEC),
    population: readCsv(POPULATION_FILE, POPULATION_SPEC)
  };
}

/** Computes everything the Europe page shows. */
export function computeEurope(inputs: EuropeInputs, sources: EuropeSource[] = []): EuropeData {
  const pop = populationTable(inputs.population);
  const fromCitizenship = perCapitaRows(citizenshipTotals(inputs.citizenship), pop, "citizenship_2024");
  const fromTotals = perCapitaRows(totalsCounts(inputs.totals), pop, "totals_2025");
  const perCapita = [...fromTotals, ...fromCitizenship];
  const main = mainCitizenships(inputs.citizenship);
  const yearsOf = (rows: PerCapitaRow[]): [number, number] => [Math.min(...rows.map((r) => r.year)), Math.max(...rows.map((r) => r.year))];
  return {
    meta: {
      countries: COUNTRIES,
      populationSource: POPULATION_SOURCE,
      populationNote:
        "Bevolking op 1 januari van hetzelfde jaar, Eurostat demo_gind (bijgewerkt 27 maart 2025), voor alle landen, de EU27 en alle jaren. Andere bronnen (tps00001, demo_pjan, Wereldbank halverwege het jaar) wijken tot 0,7% af; Duitsland 2023 is na de volkstelling herzien.",
      years: {totals: yearsOf(fromTotals), citizenship: yearsOf(fromCitizenship)},
      sources
    },
    perCapita,
    share: euShare(fromCitizenship),
    ranks: nlRanks(perCapita),
    nationalities: main.map((code) => ({code, name: CITIZEN_NAMES[code] ?? code})),
    citizenship: citizenshipRows(inputs.citizenship, main, pop)
  };
}

/** Reads, validates and computes (the shim's entry point). */
export function loadEurope(): EuropeData {
  return computeEurope(readEuropeInputs(), [CITIZENSHIP_FILE, TOTALS_FILE, POPULATION_FILE].map(sourceInfo));
}
