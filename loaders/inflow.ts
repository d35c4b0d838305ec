/**
 * Dutch asylum inflow 2014–2025: reads and validates the committed CBS, IND, UNHCR, MPP and
 * resettlement files and reshapes them into the tidy rows the inflow page shows.
 *
 * Series with different definitions are never summed: each keeps its own `series` id and Dutch
 * label naming producer and definition.
 */
import {groups, sum} from "d3";
import {readCsv, readOrigin, type Row} from "./read.js";
import type {AnnualRow, InflowData, QuarterRow, ScenarioRow, SourceRecord, TotalRow} from "../src/types/inflow.js";

export const FILES = {
  cbsQuarterly: "cbs_nl_first_asylum_requests_nareizigers_quarterly.csv",
  annual: "nl_asylum_inflow_annual_ind_cbs.csv",
  unhcrApplications: "unhcr_asylum_applications_6countries_2014_2025.csv",
  mpp: "mpp_forecasts.csv",
  resettlement: "nl_resettlement_annual.csv"
} as const;

/** CBS news releases in order of publication: a later vintage supersedes an earlier one. */
export const CBS_VINTAGES = ["cbs_news_2020_q2", "cbs_news_2023_q1", "cbs_en_2024_q2", "cbs_news_2024_q3"] as const;

const COUNT = {type: "integer", min: 0} as const;
const YEARS = {min: 2010, max: 2026} as const;

/** "2024-Q3" → 2024 * 4 + 2. */
const quarterNumber = (period: string) => Number(period.slice(0, 4)) * 4 + Number(period.slice(-1)) - 1;

/**
 * The national quarterly series must be continuous: for each measure, the TOTAL quarters (over all
 * vintages) have no missing quarter between the first and the last. Names the row after the gap.
 */
export function quarterGap(rows: readonly Row[]): {index: number; field: string; reason: string} | null {
  const byMeasure = new Map<string, Map<number, number>>();
  rows.forEach((r, index) => {
    if (r.citizen !== "TOTAL") return;
    const m = byMeasure.get(r.measure as string) ?? new Map<number, number>();
    const q = quarterNumber(r.period as string);
    if (!m.has(q)) m.set(q, index);
    byMeasure.set(r.measure as string, m);
  });
  for (const [measure, quarters] of byMeasure) {
    const sorted = [...quarters.keys()].sort((a, b) => a - b);
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k] !== sorted[k - 1] + 1) {
        const name = (q: number) => `${Math.floor(q / 4)}-Q${(q % 4) + 1}`;
        return {
          index: quarters.get(sorted[k])!,
          field: "period",
          reason: `the TOTAL series "${measure}" has a gap: no quarter between ${name(sorted[k - 1])} and ${name(sorted[k])}`
        };
      }
    }
  }
  return null;
}

/** Column specs: the validation every committed inflow file must pass. */
export const SPECS = {
  cbsQuarterly: {
    columns: [
      {name: "vintage", type: "string", codes: CBS_VINTAGES},
      {name: "year", type: "year", ...YEARS},
      {name: "period", type: "quarter", ...YEARS},
      {name: "citizen", type: "string", codes: ["TOTAL", "SY", "YE", "SO", "TR", "IQ", "UNKNOWN", "OTHER"]},
      {name: "measure", type: "string", codes: ["eerste_asielverzoeken", "nareizigers"]},
      {name: "count", ...COUNT},
      {name: "value_as_published_x1000", type: "string"},
      {name: "flag", type: "string", optional: true, codes: ["provisional"]},
      {name: "source_url", type: "string"}
    ],
    key: ["vintage", "period", "citizen", "measure"],
    checkTable: quarterGap
  },
  annual: {
    columns: [
      {name: "year", type: "year", ...YEARS},
      {name: "series", type: "string", codes: ["IND", "CBS", "Vreemdelingenketen", "Ministry weekly", "Ministry", "dpa (agency not named)"]},
      {name: "measure", type: "string"},
      // Signed only for year-on-year changes ("…_change_vs_2022"); every other measure is a count.
      {name: "count", type: "integer", min: -10_000_000},
      {name: "as_stated", type: "string"},
      {name: "source_grade", type: "string", codes: ["P", "S"]},
      {name: "source_titles", type: "string"},
      {name: "note", type: "string", optional: true}
    ],
    key: ["year", "series", "measure"],
    check: (row: Row) =>
      (row.count as number) < 0 && !/_change_vs_\d{4}$/.test(row.measure as string)
        ? {field: "count", reason: `${row.count} is negative; only a "…_change_vs_YYYY" measure may be below 0`}
        : null
  },
  unhcrApplications: {
    columns: [
      {name: "geo", type: "string", codes: ["NL", "BE", "DE", "FR", "AT", "SE"]},
      {name: "citizen_iso3", type: "string"},
      {name: "year", type: "year", min: 2014, max: 2025},
      {name: "procedure_type", type: "string", codes: ["G"]},
      {name: "app_type", type: "string", codes: ["N", "R", "A", "J", "RA"]},
      {name: "dec_level", type: "string", codes: ["FI", "RA", "NA", "FA", "AR", "JR"]},
      {name: "app_pc", type: "string", codes: ["P", "C"]},
      {name: "count", ...COUNT}
    ],
    key: ["geo", "citizen_iso3", "year", "procedure_type", "app_type", "dec_level", "app_pc"]
  },
  mpp: {
    columns: [
      {name: "edition", type: "string"},
      {name: "published_month", type: "month", min: "2020-01", max: "2026-12"},
      {name: "target_year", type: "year", min: 2020, max: 2030, future: true},
      {name: "scenario", type: "string", codes: ["minimum", "medio", "maximum", "meest_waarschijnlijk"]},
      {name: "count", ...COUNT},
      {name: "as_stated", type: "string"},
      {name: "document", type: "string"},
      {name: "source_grade", type: "string", codes: ["P", "S", "seed"]}
    ],
    key: ["edition", "target_year", "scenario"]
  },
  resettlement: {
    columns: [
      {name: "year", type: "year", ...YEARS},
      {name: "measure", type: "string", codes: ["resettlement_classic", "resettlement_one_for_one_turkey"]},
      {name: "count", ...COUNT},
      {name: "document", type: "string"},
      {name: "source_grade", type: "string", codes: ["P", "S"]}
    ],
    key: ["year", "measure"]
  }
} as const;

const num = (row: Row, field: string) => row[field] as number;
const str = (row: Row, field: string) => row[field] as string;

/** Returns the newest-vintage national (TOTAL) CBS quarter rows, sorted by measure and period. */
export function newestQuarters(rows: Row[]): QuarterRow[] {
  const rank = (v: string) => CBS_VINTAGES.indexOf(v as (typeof CBS_VINTAGES)[number]);
  const totals = rows.filter((r) => r.citizen === "TOTAL");
  return groups(totals, (r) => `${r.measure}|${r.period}`)
    .map(([, versions]) => versions.reduce((a, b) => (rank(str(b, "vintage")) > rank(str(a, "vintage")) ? b : a)))
    .map((r): QuarterRow => {
      const period = str(r, "period");
      const year = Number(period.slice(0, 4));
      const quarter = Number(period.slice(-1)) as 1 | 2 | 3 | 4;
      return {
        period,
        year,
        quarter,
        date: `${year}-${String((quarter - 1) * 3 + 1).padStart(2, "0")}-01`,
        measure: str(r, "measure") as QuarterRow["measure"],
        count: num(r, "count"),
        provisional: r.flag === "provisional",
        vintage: str(r, "vintage")
      };
    })
    .sort((a, b) => a.measure.localeCompare(b.measure) || a.period.localeCompare(b.period));
}

/** Sums CBS quarters per year; a year with fewer than four quarters is marked partial. */
export function annualFromQuarters(quarters: QuarterRow[]): AnnualRow[] {
  const labels = {
    eerste_asielverzoeken: {component: "eerste", series: "cbs_first", label: "CBS — eerste asielverzoeken (som van kwartalen)"},
    nareizigers: {component: "nareis", series: "cbs_nareis", label: "CBS — nareizigers (som van kwartalen)"}
  } as const;
  return groups(quarters, (q) => q.measure, (q) => q.year).flatMap(([measure, years]) =>
    years.map(([year, qs]): AnnualRow => ({
      year,
      component: labels[measure].component,
      series: labels[measure].series,
      seriesLabel: labels[measure].label,
      count: sum(qs, (q) => q.count),
      partial: qs.length < 4,
      source: `CBS, nieuwsberichten bij StatLine 83102NED (${qs.length} kwartalen)`
    }))
  );
}

/** Annual first and repeat applications for NL from the UNHCR extract (new = N/FI, repeat = R/RA, persons). */
export function unhcrAnnual(rows: Row[]): AnnualRow[] {
  const nl = rows.filter((r) => r.geo === "NL" && r.app_pc === "P");
  const kinds = [
    {appType: "N", component: "eerste", series: "unhcr_new", label: "UNHCR — nieuwe asielaanvragen (eerste aanleg)"},
    {appType: "R", component: "herhaald", series: "unhcr_repeat", label: "UNHCR — herhaalde asielaanvragen"}
  ] as const;
  return kinds.flatMap((kind) =>
    groups(nl.filter((r) => r.app_type === kind.appType), (r) => num(r, "year")).map(([year, rs]): AnnualRow => ({
      year,
      component: kind.component,
      series: kind.series,
      seriesLabel: kind.label,
      count: sum(rs, (r) => num(r, "count")),
      partial: false,
      source: "UNHCR Refugee Population Statistics Database (pakket refugees 2025.12.1)"
    }))
  );
}

/** IND annual figures: first applications, repeat applications, nareizigers (IND series only). */
export function indAnnual(rows: Row[]): AnnualRow[] {
  const kinds = {
    first_asylum_applications: {component: "eerste", series: "ind_first", label: "IND — eerste asielaanvragen"},
    repeat_asylum_applications: {component: "herhaald", series: "ind_repeat", label: "IND — herhaalde asielaanvragen"},
    nareizigers: {component: "nareis", series: "ind_nareis", label: "IND — nareizigers"}
  } as const;
  return rows
    .filter((r) => r.series === "IND" && str(r, "measure") in kinds)
    .map((r): AnnualRow => {
      const kind = kinds[str(r, "measure") as keyof typeof kinds];
      return {
        year: num(r, "year"),
        component: kind.component,
        series: kind.series,
        seriesLabel: kind.label,
        count: num(r, "count"),
        partial: false,
        source: `IND jaarcijfers (${str(r, "source_titles").split(" | ")[0]})`
      };
    });
}

/** Realised total inflow: the IND total (first + repeat + nareis) and the ministry's weekly sums (MPP-like). */
export function realisedTotals(rows: Row[]): TotalRow[] {
  const kinds: Record<string, {series: string; label: string}> = {
    "IND|total_asylum_influx": {series: "ind_total", label: "IND — totale asielinstroom (eerste + herhaald + nareis)"},
    "Ministry weekly|total_asylum_applications": {
      series: "ministry_weekly",
      label: "Ministerie — som weekcijfers (incl. hervestiging en relocatie, afgerond)"
    }
  };
  return rows
    .filter((r) => `${r.series}|${r.measure}` in kinds)
    .map((r): TotalRow => {
      const kind = kinds[`${r.series}|${r.measure}`];
      return {
        year: num(r, "year"),
        series: kind.series,
        seriesLabel: kind.label,
        count: num(r, "count"),
        source: str(r, "source_titles").split(" | ")[0]
      };
    })
    .sort((a, b) => a.series.localeCompare(b.series) || a.year - b.year);
}

function scenarioRows(rows: Row[]): ScenarioRow[] {
  return rows.map((r) => ({
    edition: str(r, "edition"),
    publishedMonth: str(r, "published_month"),
    targetYear: num(r, "target_year"),
    scenario: str(r, "scenario") as ScenarioRow["scenario"],
    count: num(r, "count"),
    asStated: str(r, "as_stated"),
    document: str(r, "document")
  }));
}

function resettlementAnnual(rows: Row[]): AnnualRow[] {
  return groups(rows, (r) => num(r, "year")).map(([year, rs]) => ({
    year,
    component: "hervestiging",
    series: "jenv_resettlement",
    seriesLabel: "JenV — hervestiging (klassiek + 1-op-1 Turkije)",
    count: sum(rs, (r) => num(r, "count")),
    partial: false,
    source: str(rs[0], "document")
  }));
}

/** Loads, validates and reshapes every inflow dataset. Throws a DataError on the first bad cell. */
export function loadInflow(): InflowData {
  const cbs = readCsv(FILES.cbsQuarterly, SPECS.cbsQuarterly);
  const annual = readCsv(FILES.annual, SPECS.annual);
  const unhcr = readCsv(FILES.unhcrApplications, SPECS.unhcrApplications);
  const mpp = readCsv(FILES.mpp, SPECS.mpp);
  const resettlement = readCsv(FILES.resettlement, SPECS.resettlement);
  const quarterly = newestQuarters(cbs);
  const sources: SourceRecord[] = Object.values(FILES).map((file) => {
    const {producer, title, url, retrieved, licence, processing} = readOrigin(file);
    return {file, producer, title, url, retrieved, licence, processing};
  });
  return {
    quarterly,
    annual: [...unhcrAnnual(unhcr), ...indAnnual(annual), ...annualFromQuarters(quarterly), ...resettlementAnnual(resettlement)]
      .filter((r) => r.year >= 2014)
      .sort((a, b) => a.component.localeCompare(b.component) || a.series.localeCompare(b.series) || a.year - b.year),
    totals: realisedTotals(annual),
    scenarios: scenarioRows(mpp),
    sources
  };
}
