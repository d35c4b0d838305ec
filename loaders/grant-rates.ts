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
import {POPULATION_FILE, POPULATION_SOURCE, POPULATION_SPEC, perThousand, populationTable, type PopulationTable} from "./europe.js";
import type {
  Comparator,
  ComputedDefinition,
  CountryYear,
  Decomposition,
  DefinitionInfo,
  Deviation,
  EurostatRate,
  Geo,
  GrantRatesData,
  IndRateRow,
  Nationality,
  NationalitySeries,
  PolicyEvent,
  PublishedPoint,
  RateAgreement,
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
export const IND_FILE = "ind_inwilligingspercentage_nl.csv";
export const EUROSTAT_ANNUAL_FILE = "eurostat_first_instance_decisions_annual_2008_2022.csv";
export const EUROSTAT_QUARTERLY_FILE = "eurostat_migr_asydcfstq_quarterly_totals_2008Q1_2023Q1.csv";
/** The project's policy events (copied by the integrator); the page cites two of them. */
export const EVENTS_FILE = "nl_policy_events_2024_2026.csv";
/** The events the page names as causes of the 2025 fall. */
export const FALL_EVENTS = ["syria_decision_moratorium", "country_policy_syria_yemen_turkey"];

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

export const IND_SPEC: TableSpec = {
  columns: [
    {name: "period", type: "string"},
    {name: "period_type", type: "string", codes: ["year", "years", "half-year", "quarter", "part-year", "12 months"]},
    {name: "grant_rate_pct", type: "string", optional: true},
    {name: "as_stated", type: "string"},
    {name: "definition_scope", type: "string", optional: true},
    {name: "source", type: "string"},
    {name: "url_or_ref", type: "string", optional: true},
    {name: "source_grade", type: "string"},
    {name: "checked_against_source", type: "string"}
  ],
  key: ["period", "source"]
};

const EUROSTAT_GEOS = ["NL", "BE", "DE", "FR", "AT", "SE", "EU27_2020"];

export const EUROSTAT_ANNUAL_SPEC: TableSpec = {
  columns: [
    {name: "geo", type: "string", codes: EUROSTAT_GEOS},
    {name: "year", type: "year", min: 2000, max: 2030},
    {name: "n_quarters", type: "integer", min: 4, max: 4},
    {name: "first_instance_decisions_total", type: "integer", min: 0},
    {name: "first_instance_positive", type: "integer", min: 0},
    {name: "first_instance_rejected_implied", type: "integer", min: 0},
    {name: "positive_rate_pct", type: "number", min: 0, max: 100}
  ],
  key: ["geo", "year"]
};

export const EUROSTAT_QUARTERLY_SPEC: TableSpec = {
  columns: [
    {name: "geo", type: "string", codes: EUROSTAT_GEOS},
    {name: "year", type: "year", min: 2000, max: 2030},
    {name: "quarter", type: "string", codes: ["Q1", "Q2", "Q3", "Q4"]},
    {name: "citizen", type: "string", codes: ["TOTAL"]},
    {name: "decisions_total", type: "integer", min: 0},
    {name: "decisions_total_positive", type: "integer", min: 0},
    {name: "rejected_implied", type: "integer", min: 0}
  ],
  key: ["geo", "year", "quarter"]
};

export const EVENTS_SPEC: TableSpec = {
  columns: [
    {name: "event_id", type: "string"},
    {name: "date_start", type: "string"},
    {name: "date_end", type: "string", optional: true},
    {name: "source", type: "string"},
    {name: "url", type: "string"}
  ],
  key: ["event_id"]
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
export function nationalitySeries(cells: readonly Cell[], citizens: readonly string[], minDecisions: number, population?: PopulationTable): NationalitySeries[] {
  const popOf = (geo: Comparator, year: number): number | null => {
    if (!population) return null;
    if (geo === "PEERS") {
      const parts = PEERS.map((g) => population.get(`${g} ${year}`));
      return parts.every((p) => p != null) ? parts.reduce((s, p) => s + (p as number), 0) : null;
    }
    return population.get(`${geo} ${year}`) ?? null;
  };
  const series = bind(aq.from(cells as Cell[]), {citizens, min: minDecisions})
    .filter((d, $) => op.includes($.citizens, d.citizen))
    .derive({de: (d) => d.positive + d.rejected, da: (d) => d.positive + d.rejected + d.closed})
    .filter((d, $) => d.da >= $.min)
    .derive({
      re: (d, $) => (d.de >= $.min && d.de > 0 ? d.positive / d.de : null),
      ra: (d, $) => (d.da >= $.min && d.da > 0 ? d.positive / d.da : null)
    })
    .orderby("citizen", "geo", "year")
    .groupby("citizen", "geo")
    .rollup({y: op.array_agg("year"), de: op.array_agg("de"), da: op.array_agg("da"), re: op.array_agg("re"), ra: op.array_agg("ra"), pos: op.array_agg("positive")})
    .rename({citizen: "c", geo: "g"})
    .objects() as (Omit<NationalitySeries, "pc"> & {pos: number[]})[];
  return series.map(({pos, ...s}) => ({
    ...s,
    pc: s.y.map((year, i) => {
      const p = popOf(s.g, year);
      return p == null ? null : perThousand(pos[i], p);
    })
  }));
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

/** Dutch descriptions of the IND table's `definition_scope` values; an unknown value fails the build. */
export const IND_DEFINITIONS: Record<string, string> = {
  "": "definitie niet vermeld in de bron",
  "all asylum applications": "alle asielaanvragen",
  "first applications": "eerste aanvragen",
  "first applications decided": "afgehandelde eerste aanvragen",
  "first applications decided Jan–Dec 2017; Dublin rejections 30% (2016: 19%)": "afgehandelde eerste aanvragen januari–december 2017; Dublinafwijzingen 30% (2016: 19%)",
  "general + extended procedure": "algemene en verlengde asielprocedure",
  "average inwilligingspercentage in previous years (as stated in MPP news item)": "gemiddeld inwilligingspercentage in eerdere jaren (zoals vermeld bij de prognose van september 2025)",
  "average inwilligingspercentage": "gemiddeld inwilligingspercentage",
  "share of first applications decided": "aandeel van de afgehandelde eerste aanvragen",
  "Eurostat first instance, Dublin not counted as rejection": "Eurostat, eerste aanleg; Dublin telt niet als afwijzing (ter vergelijking, geen IND-definitie)"
};

/** Dutch wording for the few `as_stated` cells that paraphrase in English. */
const IND_AS_STATED: Record<string, string> = {
  "'under 50% each year'": "‘elk jaar onder de 50%’",
  "33% (4,730 granted)": "33% (4.730 ingewilligd)",
  "73% of 16,525": "73% van 16.525",
  "56% ('boven de vijftig procent' in kerncijfers)": "56% (‘boven de vijftig procent’ in de kerncijfers)"
};

/** Dutch labels for the IND table's period types. */
const PERIOD_TYPES: Record<string, string> = {
  year: "jaar", years: "meerdere jaren", "half-year": "halfjaar", quarter: "kwartaal", "part-year": "deel van het jaar", "12 months": "12 maanden"
};

/**
 * Every row of the IND grant-rate table with its definition in Dutch. Ranges ("70-85") and statements
 * without a number get value null; "same" in the source column repeats the row above. Rows whose source
 * is dated 2026 were published after this release's data vintage (2025-11-03) and are left out, except
 * where the same figure was published before it (EARLIER_PUBLICATION).
 */
export function indRates(rows: readonly Row[], file = IND_FILE): IndRateRow[] {
  let previousSource = "";
  let previousUrl: string | null = null;
  return rows.flatMap((r, i) => {
    const line = i + 2;
    const scope = (r.definition_scope as string | null) ?? "";
    const definition = IND_DEFINITIONS[scope];
    if (definition == null) throw new DataError(file, line, "definition_scope", `no Dutch description for "${scope}" (add it to IND_DEFINITIONS)`);
    const raw = (r.grant_rate_pct as string | null) ?? "";
    let value: number | null = null;
    if (/^\d+(\.\d+)?$/.test(raw)) {
      value = Number(raw) / 100;
      if (value > 1) throw new DataError(file, line, "grant_rate_pct", `${raw} is above 100`);
    } else if (raw !== "" && !/^\d+-\d+$/.test(raw)) {
      throw new DataError(file, line, "grant_rate_pct", `"${raw}" is neither a percentage nor a range like 70-85`);
    }
    const source = r.source === "same" ? previousSource : (r.source as string);
    const ref = (r.url_or_ref as string | null) ?? null;
    const url = ref && /^https?:\/\//.test(ref) ? ref : r.source === "same" ? previousUrl : null;
    previousSource = source;
    previousUrl = url;
    const asStated = r.as_stated as string;
    const late = /2026/.test(String(r.source));
    const earlier = EARLIER_PUBLICATION[r.period as string];
    if (late && !earlier) return [];
    return [{
      period: r.period as string,
      periodType: PERIOD_TYPES[r.period_type as string],
      value,
      asStated: IND_AS_STATED[asStated] ?? asStated,
      definition,
      source,
      url,
      grade: r.source_grade as string,
      checked: String(r.checked_against_source).startsWith("yes"),
      ind: !String(r.period).includes("Eurostat"),
      afterVintage: false,
      ...(late && earlier ? {source: `${source}; eerder gepubliceerd: ${earlier}`} : {})
    }];
  });
}

/** IND figures whose row cites a 2026 source but which were published before the data vintage. */
export const EARLIER_PUBLICATION: Record<string, string> = {
  "2024": "antwoord op Kamervragen van het lid Rajkowski, 4 maart 2025 (2025D08674)"
};

/** The IND figures for whole calendar years with a single number: the points of the chart. */
export function indYearPoints(rows: readonly IndRateRow[]): PublishedPoint[] {
  return rows
    .filter((r) => r.ind && r.periodType === "jaar" && r.value != null && /^\d{4}$/.test(r.period))
    .map((r) => ({
      year: Number(r.period),
      value: r.value as number,
      scope: r.definition,
      asStated: r.asStated,
      source: r.source,
      url: r.url ?? "",
      grade: (r.grade.startsWith("P") ? "P" : "S") as "P" | "S",
      afterVintage: r.afterVintage
    }))
    .sort((a, b) => a.year - b.year);
}

/**
 * Eurostat first-instance rates: the annual sums (complete years) and 2023-Q1 on its own, per country,
 * the EU27 and the four peers pooled (BE, DE, FR, SE summed before the rate is taken). The file's own
 * percentage must agree with positive / total (within 0,05 point), else the build fails.
 */
export function eurostatRates(annual: readonly Row[], quarterly: readonly Row[], peers: readonly Geo[] = PEERS, file = EUROSTAT_ANNUAL_FILE): EurostatRate[] {
  const geo = (code: string) => (code === "EU27_2020" ? "EU27" : code) as EurostatRate["geo"];
  const out: EurostatRate[] = [];
  annual.forEach((r, i) => {
    const decisions = r.first_instance_decisions_total as number;
    const positive = r.first_instance_positive as number;
    if (positive > decisions) throw new DataError(file, i + 2, "first_instance_positive", `${positive} positive decisions exceed ${decisions} decisions`);
    if (decisions > 0 && Math.abs((positive / decisions) * 100 - (r.positive_rate_pct as number)) > 0.051) {
      throw new DataError(file, i + 2, "positive_rate_pct", `${r.positive_rate_pct} does not equal positive / total (${((positive / decisions) * 100).toFixed(2)})`);
    }
    if (decisions > 0) out.push({geo: geo(r.geo as string), period: String(r.year), year: r.year as number, quarterOnly: false, decisions, positive, rate: positive / decisions});
  });
  for (const r of quarterly) {
    if (r.year !== 2023 || r.quarter !== "Q1") continue;
    const decisions = r.decisions_total as number;
    const positive = r.decisions_total_positive as number;
    if (decisions > 0) out.push({geo: geo(r.geo as string), period: "2023-Q1", year: 2023, quarterOnly: true, decisions, positive, rate: positive / decisions});
  }
  const periods = [...new Set(out.map((d) => d.period))];
  for (const period of periods) {
    const parts = out.filter((d) => d.period === period && peers.includes(d.geo as Geo));
    if (parts.length !== peers.length) continue;
    const decisions = parts.reduce((s, d) => s + d.decisions, 0);
    const positive = parts.reduce((s, d) => s + d.positive, 0);
    out.push({geo: "PEERS", period, year: parts[0].year, quarterOnly: parts[0].quarterOnly, decisions, positive, rate: positive / decisions});
  }
  return out.sort((a, b) => a.geo.localeCompare(b.geo) || a.period.localeCompare(b.period));
}

/** The UNHCR-based Eurostat-like rate against the genuine Eurostat rate, per country and complete year. */
export function rateAgreement(countryYear: readonly CountryYear[], eurostat: readonly EurostatRate[]): RateAgreement[] {
  const out: RateAgreement[] = [];
  for (const c of countryYear) {
    const e = eurostat.find((d) => d.geo === c.geo && d.year === c.year && !d.quarterOnly);
    if (!e || c.rate.eurostat == null) continue;
    out.push({geo: c.geo, year: c.year, unhcr: c.rate.eurostat, eurostat: e.rate, difference: c.rate.eurostat - e.rate});
  }
  return out.sort((a, b) => a.geo.localeCompare(b.geo) || a.year - b.year);
}

/**
 * Adds the population on 1 January and positive decisions per 1.000 inhabitants to each country-year;
 * the pooled peers get the sum of their populations. Years without population (2025) stay null.
 */
export function withPerCapita(countryYear: readonly CountryYear[], population: PopulationTable, peers: readonly Geo[] = PEERS): CountryYear[] {
  const pop = (geo: Comparator, year: number): number | null => {
    if (geo === "PEERS") {
      const parts = peers.map((g) => population.get(`${g} ${year}`));
      return parts.every((p) => p != null) ? parts.reduce((s, p) => s + (p as number), 0) : null;
    }
    return population.get(`${geo} ${year}`) ?? null;
  };
  return countryYear.map((c) => {
    const population = pop(c.geo, c.year);
    return {...c, population, perCapita: population == null ? null : perThousand(c.positive, population)};
  });
}

/** The two policy events the page cites for the 2025 fall; a missing one fails the build. */
export function policyEvents(rows: readonly Row[], ids: readonly string[] = FALL_EVENTS): PolicyEvent[] {
  for (const id of ids) if (!rows.some((r) => r.event_id === id)) throw new DataError(EVENTS_FILE, null, "event_id", `no row for "${id}"`);
  return rows.filter((r) => ids.includes(r.event_id as string)).map((r) => ({id: r.event_id as string, start: r.date_start as string, end: (r.date_end as string | null) ?? null, source: r.source as string, url: r.url as string}));
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
    id: "capita",
    label: "Per inwoner",
    note:
      "Positieve beslissingen in eerste aanleg (vluchtelingenstatus en aanvullende bescherming, personen) per 1.000 inwoners op 1 januari van hetzelfde jaar (Eurostat demo_gind). Dit is geen percentage van de beslissingen: het zegt hoeveel mensen per inwoner bescherming kregen, en hangt dus ook af van de instroom en het aantal beslissingen. Voor 2025 ontbreekt de bevolking in dezelfde bron. De ontleding en de afwijkingen per nationaliteit gebruiken hierbij de Eurostat-achtige definitie."
  },
  {
    id: "nl",
    label: "Nederlandse definitie (IND)",
    note:
      "Het inwilligingspercentage van de IND rekent ook Dublinafdoeningen mee in de noemer; daarom valt het lager uit dan een Eurostat-percentage. Per nationaliteit en voor andere landen is het niet gepubliceerd; de grafiek toont alleen de gepubliceerde Nederlandse jaarcijfers (2009–2025, met per jaar wat het cijfer telt), niets is hier berekend."
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
  /** IND grant-rate table (eu/ind_inwilligingspercentage_nl.csv). */
  ind: Row[];
  eurostatAnnual: Row[];
  eurostatQuarterly: Row[];
  population: Row[];
  events: Row[];
}

/** Reads and validates every input from `data/` (including origin records). */
export function readGrantRateInputs(): GrantRateInputs {
  const decisions = readDecisions();
  const applications = readCsv(APPLICATIONS_FILE, APPLICATIONS_SPEC);
  const eurostat = readCsv(EUROSTAT_FILE, EUROSTAT_SPEC);
  const statements = readCsv(STATEMENTS_FILE, STATEMENTS_SPEC);
  // The AIDA tables are validated here (they back the cross-check in docs/grant-rates.md).
  readCsv(AIDA_FILE, AIDA_SPEC);
  const ind = readCsv(IND_FILE, IND_SPEC);
  const eurostatAnnual = readCsv(EUROSTAT_ANNUAL_FILE, EUROSTAT_ANNUAL_SPEC);
  const eurostatQuarterly = readCsv(EUROSTAT_QUARTERLY_FILE, EUROSTAT_QUARTERLY_SPEC);
  const population = readCsv(POPULATION_FILE, POPULATION_SPEC);
  const events = readCsv(EVENTS_FILE, EVENTS_SPEC);
  const sources = [DECISIONS_FILE, APPLICATIONS_FILE, EUROSTAT_FILE, STATEMENTS_FILE, AIDA_FILE, IND_FILE, EUROSTAT_ANNUAL_FILE, EUROSTAT_QUARTERLY_FILE, POPULATION_FILE, EVENTS_FILE].map(sourceInfo);
  return {decisions, applications, eurostat, statements, sources, ind, eurostatAnnual, eurostatQuarterly, population, events};
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
  const population = populationTable(inputs.population);
  const countryYear = withPerCapita(countryYearRates(cells, minDecisions), population);
  const ind = indRates(inputs.ind);
  const eurostat = eurostatRates(inputs.eurostatAnnual, inputs.eurostatQuarterly);
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
      sources: inputs.sources,
      populationSource: POPULATION_SOURCE
    },
    countryYear,
    published: indYearPoints(ind),
    nationalities,
    names: Object.fromEntries([...new Set([...main, ...devs.map((d) => d.citizen)])].sort().map((c) => [c, names.get(c) ?? c])),
    nationalitySeries: nationalitySeries(cells, main, minDecisions, population),
    deviations: devs,
    decomposition: definitions.flatMap((def) => comparators.flatMap((c) => decomposition(cells, c, def, minDecisions))),
    check: totalsCheck(cells, inputs.applications, inputs.eurostat),
    indRates: ind,
    eurostat,
    agreement: rateAgreement(countryYear, eurostat),
    events: policyEvents(inputs.events)
  };
}

/** Rounds every non-integer number to `digits` decimals (keeps the page's JSON small). */
export function roundNumbers<T>(value: T, digits = 4): T {
  const f = 10 ** digits;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "number" && !Number.isInteger(v) ? Math.round(v * f) / f : v)));
}
