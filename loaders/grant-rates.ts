/**
 * Grant rates of the Netherlands and five EU states (nr. 3100's comparison), from the UNHCR decisions
 * extract, checked against Eurostat country totals.
 *
 * Reads and validates the committed CSVs with `loaders/read.ts`, then does the table work with Arquero:
 * first-instance decision counts per country × nationality × year, rates under two computed
 * definitions, NL against each peer and the pooled peers, the most deviating nationalities, the
 * composition decomposition of the gap, and the UNHCR-versus-Eurostat totals check.
 */
import * as aq from "arquero";
import {DataError, readCsv, readOrigin, type Row, type TableSpec} from "./read.js";
import type {
  Comparator,
  ComputedDefinition,
  CountryYear,
  Decomposition,
  DefinitionInfo,
  Deviation,
  Geo,
  GrantRatesData,
  Nationality,
  NationalitySeries,
  PublishedPoint,
  SourceInfo,
  TotalsCheck
} from "../src/grant/types.js";

const op = aq.op;

/** Sets a table's expression parameters (`$` in expressions); typed to keep the chain a ColumnTable. */
function bind(table: aq.ColumnTable, values: Record<string, unknown>): aq.ColumnTable {
  return table.params(values) as aq.ColumnTable;
}

/** Join keys matched by the same names in both tables (a bare string array would mean [left key, right key]). */
function keys(...names: string[]): [string[], string[]] {
  return [names, names];
}

export const DECISIONS_FILE = "unhcr_asylum_decisions_6countries_2014_2025.csv";
export const APPLICATIONS_FILE = "unhcr_asylum_applications_6countries_2014_2025.csv";
export const EUROSTAT_FILE = "eurostat_country_totals_2014_2022_via_toshkov.csv";
export const STATEMENTS_FILE = "recognition_rate_statements_eu_and_peers.csv";
export const AIDA_FILE = "aida_first_instance_decisions_by_nationality_2022_2024.csv";

export const COUNTRIES: Geo[] = ["NL", "BE", "DE", "FR", "AT", "SE"];
/** The comparable peers that are pooled. Austria is left out: it reports only first and appeal combined. */
export const PEERS: Geo[] = ["BE", "DE", "FR", "SE"];
export const NOT_COMPARABLE: Geo[] = ["AT"];

/**
 * The UNHCR decision levels that count as first instance, per country (see the reference README):
 * NL FI + RA; BE FI + RA; DE NA/RA up to 2020, then FI/RA; FR FI (OFPRA) only; SE FI + RA;
 * AT only FA (first instance and appeal combined: not comparable).
 */
export const FIRST_INSTANCE_LEVELS: Record<Geo, string[]> = {
  NL: ["FI", "RA"],
  BE: ["FI", "RA"],
  DE: ["NA", "FI", "RA"],
  FR: ["FI"],
  AT: ["FA"],
  SE: ["FI", "RA"]
};

/** Default minimum number of decisions (the rate's denominator) below which no rate is shown. */
export const DEFAULT_MIN_DECISIONS = 50;
/** Number of nationalities (by NL decisions over all years) shown in the per-nationality view. */
export const DEFAULT_MAIN_NATIONALITIES = 20;
/** Number of nationalities per year in the "most deviating" ranking. */
export const DEFAULT_DEVIATIONS_PER_YEAR = 10;
/** Below this absolute gap (0.5 percentage point) no composition share is reported. */
export const MIN_GAP_FOR_SHARE = 0.005;

const DECISION_CODES = ["recognized", "other_complementary", "rejected", "otherwise_closed", "total"] as const;

export const DECISIONS_SPEC: TableSpec = {
  columns: [
    {name: "dataset", type: "string", codes: ["unhcr_asylum_decisions"]},
    {name: "geo", type: "string", codes: COUNTRIES},
    {name: "coa_iso", type: "string"},
    {name: "citizen_iso3", type: "string"},
    {name: "citizen_name", type: "string"},
    {name: "year", type: "year", min: 2000, max: 2030},
    {name: "procedure_type", type: "string"},
    {name: "dec_level", type: "string", codes: ["FI", "RA", "NA", "FA", "AR", "JR"]},
    {name: "dec_pc", type: "string", codes: ["P", "C"]},
    {name: "decision", type: "string", codes: DECISION_CODES},
    {name: "count", type: "integer", min: 0}
  ],
  key: ["geo", "citizen_iso3", "year", "procedure_type", "dec_level", "dec_pc", "decision"]
};

export const APPLICATIONS_SPEC: TableSpec = {
  columns: [
    {name: "geo", type: "string", codes: COUNTRIES},
    {name: "citizen_iso3", type: "string"},
    {name: "year", type: "year", min: 2000, max: 2030},
    {name: "app_type", type: "string"},
    {name: "dec_level", type: "string"},
    {name: "app_pc", type: "string", codes: ["P", "C"]},
    {name: "count", type: "integer", min: 0}
  ]
};

export const EUROSTAT_SPEC: TableSpec = {
  columns: [
    {name: "dataset", type: "string", codes: ["migr_asyappctza", "migr_asydcfsta", "migr_asytpfa"]},
    {name: "geo", type: "string", codes: COUNTRIES},
    {name: "citizen", type: "string", codes: ["TOTAL"]},
    {name: "year", type: "year", min: 2000, max: 2030},
    {
      name: "measure",
      type: "string",
      codes: [
        "applicants_total_first_and_subsequent",
        "applicants_first_time",
        "first_instance_total_positive",
        "first_instance_geneva_convention_status",
        "temporary_protection_grants"
      ]
    },
    {name: "count", type: "integer", min: 0}
  ],
  key: ["dataset", "geo", "year", "measure"]
};

export const STATEMENTS_SPEC: TableSpec = {
  columns: [
    {name: "geo", type: "string"},
    {name: "year", type: "year", min: 2000, max: 2030},
    {name: "scope", type: "string"},
    {name: "measure", type: "string"},
    {name: "value", type: "number", min: 0},
    {name: "unit", type: "string", codes: ["%", "persons"]},
    {name: "as_stated", type: "string"},
    {name: "source_url", type: "string"},
    {name: "source_title", type: "string"},
    {name: "source_grade", type: "string", codes: ["P", "S"]}
  ]
};

export const AIDA_SPEC: TableSpec = {
  columns: [
    {name: "geo", type: "string", codes: COUNTRIES},
    {name: "year", type: "year", min: 2000, max: 2030},
    {name: "citizen", type: "string"},
    {name: "measure", type: "string"},
    {name: "count", type: "integer", min: 0},
    {name: "source_url", type: "string"},
    {name: "source_note", type: "string"}
  ]
};

/** One validated row of the UNHCR decisions extract. */
export interface DecisionRow {
  geo: Geo;
  citizen: string;
  citizenName: string;
  year: number;
  level: string;
  unit: "P" | "C";
  decision: (typeof DECISION_CODES)[number];
  count: number;
  /** Line in the CSV (header = 1), for error messages. */
  line: number;
}

/** First-instance counts in persons for one country (or the pooled peers), nationality and year. */
export interface Cell {
  geo: Comparator;
  citizen: string;
  year: number;
  positive: number;
  rejected: number;
  closed: number;
}

/** Converts validated CSV rows into typed decision rows and checks that `total` is the sum of the other four. */
export function toDecisionRows(file: string, rows: Row[]): DecisionRow[] {
  const typed: DecisionRow[] = rows.map((r, i) => ({
    geo: r.geo as Geo,
    citizen: r.citizen_iso3 as string,
    citizenName: r.citizen_name as string,
    year: r.year as number,
    level: r.dec_level as string,
    unit: r.dec_pc as "P" | "C",
    decision: r.decision as DecisionRow["decision"],
    count: r.count as number,
    line: i + 2
  }));
  // total = recognized + other + rejected + otherwise_closed in every (country, nationality, year, level, unit).
  const sums = aq
    .from(typed)
    .derive({part: (d) => (d.decision === "total" ? 0 : d.count), whole: (d) => (d.decision === "total" ? d.count : 0)})
    .groupby("geo", "citizen", "year", "level", "unit")
    .rollup({part: op.sum("part"), whole: op.sum("whole"), hasTotal: (d) => op.sum(d.decision === "total" ? 1 : 0)})
    .filter((d) => d.hasTotal > 0 && d.part !== d.whole)
    .objects() as {geo: string; citizen: string; year: number; part: number; whole: number}[];
  if (sums.length > 0) {
    const bad = sums[0];
    const totalRow = typed.find(
      (d) => d.geo === bad.geo && d.citizen === bad.citizen && d.year === bad.year && d.decision === "total"
    );
    throw new DataError(
      file,
      totalRow?.line ?? null,
      "count",
      `total ${bad.whole} for ${bad.geo} ${bad.citizen} ${bad.year} is not the sum of its parts (${bad.part})`
    );
  }
  return typed;
}

/** Reads and validates the UNHCR decisions extract. */
export function readDecisions(name = DECISIONS_FILE): DecisionRow[] {
  return toDecisionRows(name, readCsv(name, DECISIONS_SPEC));
}

/**
 * Sums the first-instance decisions in persons per country, nationality and year.
 * Rows counted in cases (`dec_pc = C`, some Belgian rows) and levels other than first instance are left out.
 */
export function firstInstanceCells(rows: readonly DecisionRow[], levels: Record<Geo, string[]> = FIRST_INSTANCE_LEVELS): Cell[] {
  const levelTable = aq.from(Object.entries(levels).flatMap(([geo, ls]) => ls.map((level) => ({geo, level}))));
  return aq
    .from(rows as DecisionRow[])
    .filter((d) => d.unit === "P" && d.decision !== "total")
    .semijoin(levelTable, keys("geo", "level"))
    .derive({
      positive: (d) => (d.decision === "recognized" || d.decision === "other_complementary" ? d.count : 0),
      rejected: (d) => (d.decision === "rejected" ? d.count : 0),
      closed: (d) => (d.decision === "otherwise_closed" ? d.count : 0)
    })
    .groupby("geo", "citizen", "year")
    .rollup({positive: op.sum("positive"), rejected: op.sum("rejected"), closed: op.sum("closed")})
    .select("geo", "citizen", "year", "positive", "rejected", "closed")
    .orderby("geo", "citizen", "year")
    .objects() as Cell[];
}

/** Adds pooled-peer cells (geo = "PEERS") summed over `peers`. */
export function withPooledPeers(cells: readonly Cell[], peers: readonly Geo[] = PEERS): Cell[] {
  const pooled = bind(aq.from(cells as Cell[]), {peers})
    .filter((d, $) => op.includes($.peers, d.geo))
    .groupby("citizen", "year")
    .rollup({positive: op.sum("positive"), rejected: op.sum("rejected"), closed: op.sum("closed")})
    .derive({geo: () => "PEERS"})
    .objects() as Cell[];
  return [...cells, ...pooled];
}

/** The denominator of a rate under a definition. */
export function denominator(cell: Pick<Cell, "positive" | "rejected" | "closed">, definition: ComputedDefinition): number {
  return definition === "eurostat" ? cell.positive + cell.rejected : cell.positive + cell.rejected + cell.closed;
}

/** The rate of a cell under a definition; null when the denominator is below `minDecisions` (and always for 0). */
export function rate(
  cell: Pick<Cell, "positive" | "rejected" | "closed">,
  definition: ComputedDefinition,
  minDecisions: number
): number | null {
  const den = denominator(cell, definition);
  if (den === 0 || den < minDecisions) return null;
  return cell.positive / den;
}

/** Totals per country (and pooled peers) and year with rates under both definitions. */
export function countryYearRates(cells: readonly Cell[], minDecisions: number): CountryYear[] {
  const totals = aq
    .from(cells as Cell[])
    .groupby("geo", "year")
    .rollup({positive: op.sum("positive"), rejected: op.sum("rejected"), closed: op.sum("closed")})
    .orderby("geo", "year")
    .objects() as Omit<CountryYear, "rate">[];
  return totals.map((t) => ({
    ...t,
    rate: {eurostat: rate(t, "eurostat", minDecisions), all: rate(t, "all", minDecisions)}
  }));
}

/** One input line of the decomposition: NL's counts for a nationality and the peer rate used for it. */
export interface DecompositionInput {
  /** NL decisions (denominator) for the nationality. */
  nlDecisions: number;
  /** NL positive decisions for the nationality. */
  nlPositive: number;
  /** The comparator's rate for the nationality; null when no usable rate exists (not covered). */
  peerRate: number | null;
  /** Whether `peerRate` is the pooled-peer fallback rather than the comparator's own. */
  fallback?: boolean;
}

/** The decomposition of one gap: the page's Decomposition row without its definition, comparator and year. */
export type DecompositionResult = Omit<Decomposition, "definition" | "comparator" | "year">;

/**
 * Splits the gap between NL's rate and a comparator's rate into a composition part and a
 * within-nationality part:
 *   gap = nlRate − peerRate = (counterfactual − peerRate) + (nlRate − counterfactual),
 * where counterfactual = Σ w_n · peerRate_n with w_n NL's share of decisions in nationality n.
 * Only covered nationalities (with a peer rate) enter nlRate and counterfactual. Returns null when
 * NL has no covered decisions.
 */
export function decompose(lines: readonly DecompositionInput[], peerRateOverall: number): DecompositionResult | null {
  let nlDecisions = 0;
  let nlPositiveAll = 0;
  let covered = 0;
  let coveredPositive = 0;
  let weighted = 0;
  let fallback = 0;
  for (const line of lines) {
    nlDecisions += line.nlDecisions;
    nlPositiveAll += line.nlPositive;
    if (line.peerRate == null) continue;
    covered += line.nlDecisions;
    coveredPositive += line.nlPositive;
    weighted += line.nlDecisions * line.peerRate;
    if (line.fallback) fallback += line.nlDecisions;
  }
  if (covered === 0) return null;
  const nlRate = coveredPositive / covered;
  const counterfactual = weighted / covered;
  const gap = nlRate - peerRateOverall;
  const composition = counterfactual - peerRateOverall;
  const within = nlRate - counterfactual;
  return {
    nlRate,
    nlRateAll: nlPositiveAll / nlDecisions,
    counterfactual,
    peerRate: peerRateOverall,
    gap,
    composition,
    within,
    compositionShare: Math.abs(gap) < MIN_GAP_FOR_SHARE ? null : composition / gap,
    coverage: covered / nlDecisions,
    fallbackShare: fallback / nlDecisions,
    nlDecisions,
    coveredDecisions: covered
  };
}

interface RateCell {
  citizen: string;
  year: number;
  den: number;
  pos: number;
}

function rateCells(cells: readonly Cell[], geo: Comparator, definition: ComputedDefinition): aq.ColumnTable {
  return bind(aq.from(cells as Cell[]), {geo, eurostat: definition === "eurostat"})
    .filter((d, $) => d.geo === $.geo)
    .derive({den: (d, $) => ($.eurostat ? d.positive + d.rejected : d.positive + d.rejected + d.closed), pos: (d) => d.positive})
    .select("citizen", "year", "den", "pos");
}

/**
 * The decomposition of NL against one comparator for every year. For a single peer, a nationality
 * whose cell has fewer than `minDecisions` falls back to the pooled-peer rate when that cell is large
 * enough; otherwise the nationality is not covered.
 */
export function decomposition(
  cells: readonly Cell[],
  comparator: Comparator,
  definition: ComputedDefinition,
  minDecisions: number
): Decomposition[] {
  const nl = rateCells(cells, "NL", definition).filter((d) => d.den > 0);
  const own = bind(rateCells(cells, comparator, definition), {min: minDecisions})
    .filter((d, $) => d.den >= $.min && d.den > 0)
    .derive({ownRate: (d) => d.pos / d.den})
    .select("citizen", "year", "ownRate");
  const pooled = bind(rateCells(cells, "PEERS", definition), {min: minDecisions})
    .filter((d, $) => d.den >= $.min && d.den > 0)
    .derive({pooledRate: (d) => d.pos / d.den})
    .select("citizen", "year", "pooledRate");
  const joined = nl
    .join_left(own, keys("citizen", "year"))
    .join_left(pooled, keys("citizen", "year"))
    .objects() as (RateCell & {ownRate?: number | null; pooledRate?: number | null})[];
  const totals = bind(aq.from(cells as Cell[]), {geo: comparator, eurostat: definition === "eurostat"})
    .filter((d, $) => d.geo === $.geo)
    .groupby("year")
    .rollup({pos: op.sum("positive"), den: (d, $) => op.sum($.eurostat ? d.positive + d.rejected : d.positive + d.rejected + d.closed)})
    .objects() as {year: number; pos: number; den: number}[];
  const result: Decomposition[] = [];
  for (const {year, pos, den} of totals.sort((a, b) => a.year - b.year)) {
    if (den < minDecisions || den === 0) continue;
    const lines: DecompositionInput[] = joined
      .filter((d) => d.year === year)
      .map((d) => {
        const ownRate = d.ownRate ?? null;
        const pooledRate = d.pooledRate ?? null;
        return {
          nlDecisions: d.den,
          nlPositive: d.pos,
          peerRate: ownRate ?? pooledRate,
          fallback: ownRate == null && pooledRate != null
        };
      });
    const parts = decompose(lines, pos / den);
    if (parts) result.push({definition, comparator, year, ...parts});
  }
  return result;
}

/** NL against the pooled peers per nationality: the largest deviations (by excess grants) per year. */
export function deviations(
  cells: readonly Cell[],
  definition: ComputedDefinition,
  minDecisions: number,
  perYear = DEFAULT_DEVIATIONS_PER_YEAR
): Deviation[] {
  const usable = (geo: Comparator) =>
    bind(rateCells(cells, geo, definition), {min: minDecisions})
      .filter((d, $) => d.den >= $.min && d.den > 0)
      .derive({r: (d) => d.pos / d.den});
  return (
    usable("NL")
      .rename({den: "nlDecisions", r: "nlRate"})
      .select("citizen", "year", "nlDecisions", "nlRate")
      .join(usable("PEERS").rename({den: "peerDecisions", r: "peerRate"}).select("citizen", "year", "peerDecisions", "peerRate"), keys("citizen", "year"))
      .derive({difference: (d) => d.nlRate - d.peerRate})
      .derive({excessGrants: (d) => d.nlDecisions * d.difference, magnitude: (d) => op.abs(d.nlDecisions * d.difference)})
      .orderby("year", aq.desc("magnitude"))
      .groupby("year")
      .derive({rank: op.row_number()})
      .ungroup()
      .objects() as (Omit<Deviation, "definition" | "name"> & {rank: number})[]
  )
    .filter((d) => d.rank <= perYear)
    .map((d) => ({
    definition,
    year: d.year,
    citizen: d.citizen,
    nlDecisions: d.nlDecisions,
    peerDecisions: d.peerDecisions,
    nlRate: d.nlRate,
    peerRate: d.peerRate,
    difference: d.difference,
    excessGrants: d.excessGrants
  }));
}

/**
 * Per nationality and comparator, the yearly series of denominators and rates for the given
 * nationalities. Years with fewer than `minDecisions` decisions under both definitions are left out
 * (no rate could be shown).
 */
export function nationalitySeries(cells: readonly Cell[], citizens: readonly string[], minDecisions: number): NationalitySeries[] {
  return bind(aq.from(cells as Cell[]), {citizens, min: minDecisions})
    .filter((d, $) => op.includes($.citizens, d.citizen))
    .derive({de: (d) => d.positive + d.rejected, da: (d) => d.positive + d.rejected + d.closed})
    .filter((d, $) => d.da >= $.min)
    .derive({
      re: (d, $) => (d.de >= $.min && d.de > 0 ? d.positive / d.de : null),
      ra: (d, $) => (d.da >= $.min && d.da > 0 ? d.positive / d.da : null)
    })
    .orderby("citizen", "geo", "year")
    .groupby("citizen", "geo")
    .rollup({y: op.array_agg("year"), de: op.array_agg("de"), da: op.array_agg("da"), re: op.array_agg("re"), ra: op.array_agg("ra")})
    .rename({citizen: "c", geo: "g"})
    .objects() as NationalitySeries[];
}

/** The nationalities with the most NL first-instance decisions (all decisions) over all years. */
export function mainNationalities(cells: readonly Cell[], n: number): string[] {
  return (
    aq
      .from(cells as Cell[])
      .filter((d) => d.geo === "NL")
      .groupby("citizen")
      .rollup({total: (d) => op.sum(d.positive + d.rejected + d.closed)})
      .orderby(aq.desc("total"), "citizen")
      .objects() as {citizen: string; total: number}[]
  )
    .slice(0, n)
    .map((d) => d.citizen);
}

/**
 * Compares UNHCR first-instance positives and new applications with the Eurostat country totals
 * (`first_instance_total_positive`, `applicants_first_time`).
 */
export function totalsCheck(cells: readonly Cell[], applications: Row[], eurostat: Row[]): TotalsCheck[] {
  const positives = aq
    .from(cells as Cell[])
    .filter((d) => d.geo !== "PEERS")
    .groupby("geo", "year")
    .rollup({unhcr: op.sum("positive")})
    .derive({measure: () => "first_instance_total_positive"});
  const newApps = aq
    .from(applications)
    .filter((d) => d.app_type === "N" && d.app_pc === "P")
    .groupby("geo", "year")
    .rollup({unhcr: op.sum("count")})
    .derive({measure: () => "applicants_first_time"});
  const euro = aq
    .from(eurostat)
    .filter((d) => d.measure === "first_instance_total_positive" || d.measure === "applicants_first_time")
    .select({geo: "geo", year: "year", measure: "measure", count: "eurostat"});
  return positives
    .concat(newApps)
    .join(euro, keys("geo", "year", "measure"))
    .derive({difference: (d) => (d.unhcr - d.eurostat) / d.eurostat})
    .orderby("measure", "geo", "year")
    .objects() as TotalsCheck[];
}

/** The Dutch-definition figures (IND inwilligingspercentage) as published; nothing is computed. */
export function publishedDutchRates(statements: Row[]): PublishedPoint[] {
  return (
    aq
      .from(statements)
      .filter((d) => d.geo === "NL" && d.unit === "%" && op.includes(d.scope, "IND"))
      .orderby("year")
      .objects() as Row[]
  ).map((d) => ({
    year: d.year as number,
    value: (d.value as number) / 100,
    scope: d.scope as string,
    asStated: d.as_stated as string,
    source: d.source_title as string,
    url: d.source_url as string,
    grade: d.source_grade as "P" | "S"
  }));
}

/** Dutch names for the nationalities that appear on the page; others keep UNHCR's English name. */
const DUTCH_NAMES: Record<string, string> = {
  AFG: "Afghanistan", AGO: "Angola", ALB: "Albanië", ARM: "Armenië", AZE: "Azerbeidzjan", BDI: "Burundi",
  BFA: "Burkina Faso", BGD: "Bangladesh", BIH: "Bosnië en Herzegovina", BLR: "Belarus", CHN: "China",
  CIV: "Ivoorkust", CMR: "Kameroen", COD: "Congo (DR)", COG: "Congo (Rep.)", COL: "Colombia", CUB: "Cuba",
  DZA: "Algerije", EGY: "Egypte", ERI: "Eritrea", ETH: "Ethiopië", GEO: "Georgië", GIN: "Guinee",
  GMB: "Gambia", IND: "India", IRN: "Iran", IRQ: "Irak", KAZ: "Kazachstan", KGZ: "Kirgizië", KOS: "Kosovo",
  LBN: "Libanon", LBY: "Libië", LKA: "Sri Lanka", MAR: "Marokko", MDA: "Moldavië", MKD: "Noord-Macedonië",
  MLI: "Mali", MNG: "Mongolië", NGA: "Nigeria", NPL: "Nepal", PAK: "Pakistan", PER: "Peru", PSE: "Palestina",
  RUS: "Rusland", SDN: "Soedan", SEN: "Senegal", SLE: "Sierra Leone", SOM: "Somalië", SRB: "Servië",
  SSD: "Zuid-Soedan", SYR: "Syrië", TCD: "Tsjaad", TJK: "Tadzjikistan", TUN: "Tunesië", TUR: "Turkije",
  UKR: "Oekraïne", UNK: "Onbekend", UZB: "Oezbekistan", VEN: "Venezuela", XXA: "Staatloos", YEM: "Jemen"
};

export const DEFINITIONS: DefinitionInfo[] = [
  {
    id: "eurostat",
    label: "Eurostat-achtig",
    note:
      "Positieve beslissingen (vluchtelingenstatus en aanvullende bescherming) gedeeld door positieve plus afgewezen beslissingen in eerste aanleg. Buiten behandeling gestelde en ingetrokken zaken (‘otherwise closed’) tellen niet mee, zoals bij Eurostat. Dit ligt het dichtst bij de vergelijking in Kamerbrief 19 637, nr. 3100."
  },
  {
    id: "all",
    label: "Alle beslissingen",
    note:
      "Positieve beslissingen gedeeld door alle afgehandelde zaken in eerste aanleg, inclusief ‘otherwise closed’ (buiten behandeling gesteld, ingetrokken, overleden). Omdat de noemer groter is, valt dit percentage lager uit; het verschil is groot in landen en jaren met veel zaken die zonder inhoudelijk besluit zijn afgesloten."
  },
  {
    id: "nl",
    label: "Nederlandse definitie (IND)",
    note:
      "Het inwilligingspercentage van de IND rekent ook Dublinafdoeningen mee in de noemer; daarom valt het lager uit dan een Eurostat-percentage. Per nationaliteit en voor andere landen is het niet gepubliceerd; de grafiek toont alleen de gepubliceerde Nederlandse jaarcijfers, niets is hier berekend."
  }
];

function sourceInfo(name: string): SourceInfo {
  const o = readOrigin(name);
  return {file: o.file, producer: o.producer, title: o.title, url: o.url, retrieved: o.retrieved, licence: o.licence};
}

export interface GrantRateOptions {
  /** Minimum decisions (the rate's denominator) for a rate to be shown or used. */
  minDecisions?: number;
  mainNationalities?: number;
  deviationsPerYear?: number;
}

/** The inputs of {@link computeGrantRates}, already validated. */
export interface GrantRateInputs {
  decisions: DecisionRow[];
  applications: Row[];
  eurostat: Row[];
  statements: Row[];
  sources: SourceInfo[];
}

/** Reads and validates every input from `data/` (including origin records). */
export function readGrantRateInputs(): GrantRateInputs {
  const decisions = readDecisions();
  const applications = readCsv(APPLICATIONS_FILE, APPLICATIONS_SPEC);
  const eurostat = readCsv(EUROSTAT_FILE, EUROSTAT_SPEC);
  const statements = readCsv(STATEMENTS_FILE, STATEMENTS_SPEC);
  // The AIDA tables are validated here (they back the cross-check in docs/grant-rates.md).
  readCsv(AIDA_FILE, AIDA_SPEC);
  const sources = [DECISIONS_FILE, APPLICATIONS_FILE, EUROSTAT_FILE, STATEMENTS_FILE, AIDA_FILE].map(sourceInfo);
  return {decisions, applications, eurostat, statements, sources};
}

/** Computes everything the page shows. */
export function computeGrantRates(inputs: GrantRateInputs, options: GrantRateOptions = {}): GrantRatesData {
  const minDecisions = options.minDecisions ?? DEFAULT_MIN_DECISIONS;
  const cells = withPooledPeers(firstInstanceCells(inputs.decisions));
  const names = new Map<string, string>();
  for (const d of inputs.decisions) if (!names.has(d.citizen)) names.set(d.citizen, DUTCH_NAMES[d.citizen] ?? d.citizenName);
  const main = mainNationalities(cells, options.mainNationalities ?? DEFAULT_MAIN_NATIONALITIES);
  const nationalities: Nationality[] = main.map((code) => ({code, name: names.get(code) ?? code}));
  const definitions: ComputedDefinition[] = ["eurostat", "all"];
  const comparators: Comparator[] = ["PEERS", ...PEERS];
  const countryYear = countryYearRates(cells, minDecisions);
  const years = [...new Set(countryYear.map((d) => d.year))].sort((a, b) => a - b);
  const devs = definitions.flatMap((def) => deviations(cells, def, minDecisions, options.deviationsPerYear));
  return {
    meta: {
      minDecisions,
      countries: COUNTRIES,
      peers: PEERS,
      notComparable: NOT_COMPARABLE,
      levels: FIRST_INSTANCE_LEVELS,
      years,
      definitions: DEFINITIONS,
      sources: inputs.sources
    },
    countryYear,
    published: publishedDutchRates(inputs.statements),
    nationalities,
    names: Object.fromEntries([...new Set([...main, ...devs.map((d) => d.citizen)])].sort().map((c) => [c, names.get(c) ?? c])),
    nationalitySeries: nationalitySeries(cells, main, minDecisions),
    deviations: devs,
    decomposition: definitions.flatMap((def) => comparators.flatMap((c) => decomposition(cells, c, def, minDecisions))),
    check: totalsCheck(cells, inputs.applications, inputs.eurostat)
  };
}

/** Rounds every non-integer number to `digits` decimals (keeps the page's JSON small). */
export function roundNumbers<T>(value: T, digits = 4): T {
  const f = 10 ** digits;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "number" && !Number.isInteger(v) ? Math.round(v * f) / f : v)));
}
