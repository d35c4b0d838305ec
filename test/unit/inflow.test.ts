import {describe, expect, test} from "vitest";
import {annualFromQuarters, loadInflow, newestQuarters, realisedTotals} from "../../loaders/inflow.js";
import {loadSources} from "../../loaders/sources.js";
import type {Row} from "../../loaders/read.js";

const quarterRow = (vintage: string, period: string, count: number, measure = "eerste_asielverzoeken"): Row => ({
  vintage,
  year: Number(period.slice(0, 4)),
  period,
  citizen: "TOTAL",
  measure,
  count,
  flag: null
});

describe("newestQuarters", () => {
  test("newestQuarters(rows) keeps the newest vintage of a revised quarter", () => {
    const rows = [quarterRow("cbs_news_2023_q1", "2023-Q1", 6910), quarterRow("cbs_news_2024_q3", "2023-Q1", 6940)];
    expect(newestQuarters(rows).map((q) => [q.period, q.count, q.vintage])).toEqual([["2023-Q1", 6940, "cbs_news_2024_q3"]]);
  });

  test("newestQuarters(rows) ignores rows by nationality", () => {
    const rows = [quarterRow("cbs_news_2024_q3", "2022-Q1", 6450), {...quarterRow("cbs_news_2024_q3", "2022-Q1", 2000), citizen: "SY"}];
    expect(newestQuarters(rows)).toHaveLength(1);
  });
});

describe("annualFromQuarters", () => {
  test("annualFromQuarters(quarters) marks a year with fewer than four quarters as partial", () => {
    const quarters = newestQuarters([
      ...["Q1", "Q2", "Q3", "Q4"].map((q, i) => quarterRow("cbs_news_2024_q3", `2023-${q}`, 100 + i)),
      quarterRow("cbs_news_2024_q3", "2024-Q1", 50)
    ]);
    const annual = annualFromQuarters(quarters);
    expect(annual.map((d) => [d.year, d.count, d.partial])).toEqual([
      [2023, 406, false],
      [2024, 50, true]
    ]);
  });
});

describe("realisedTotals", () => {
  test("realisedTotals(rows) keeps the IND total and the ministry series apart", () => {
    const rows: Row[] = [
      {year: 2022, series: "IND", measure: "total_asylum_influx", count: 47991, source_titles: "IND"},
      {year: 2022, series: "Ministry weekly", measure: "total_asylum_applications", count: 48600, source_titles: "JenV"},
      {year: 2022, series: "CBS", measure: "nareizigers", count: 10925, source_titles: "CBS"}
    ];
    expect(realisedTotals(rows).map((d) => [d.series, d.count])).toEqual([
      ["ind_total", 47991],
      ["ministry_weekly", 48600]
    ]);
  });
});

describe("loadInflow (committed data)", () => {
  const inflow = loadInflow();

  test("loadInflow() covers first applications 2014-2025 from UNHCR", () => {
    const years = inflow.annual.filter((d) => d.series === "unhcr_new").map((d) => d.year);
    expect(years[0]).toBe(2014);
    expect(years.at(-1)).toBe(2025);
    expect(inflow.annual.find((d) => d.series === "unhcr_new" && d.year === 2023)!.count).toBe(38298);
  });

  test("loadInflow() never mixes definitions within a series", () => {
    for (const series of new Set(inflow.annual.map((d) => d.series))) {
      const rows = inflow.annual.filter((d) => d.series === series);
      expect(new Set(rows.map((d) => d.seriesLabel)).size, series).toBe(1);
      expect(new Set(rows.map((d) => d.year)).size, `${series} has one row per year`).toBe(rows.length);
    }
  });

  test("loadInflow() sums CBS 2022 quarters to the published annual figure", () => {
    // CBS reports 35.535 first asylum requests for 2022 (nl_asylum_inflow_annual_ind_cbs.csv).
    expect(inflow.annual.find((d) => d.series === "cbs_first" && d.year === 2022)!.count).toBe(35535);
  });

  test("loadInflow() returns the April 2023 MPP scenarios of nr. 3100", () => {
    const april = inflow.scenarios.filter((d) => d.edition === "2023-I");
    expect(Object.fromEntries(april.map((d) => [d.scenario, d.count]))).toEqual({minimum: 49000, medio: 67000, maximum: 77000, meest_waarschijnlijk: 70000});
  });

  test("loadInflow() carries an origin record for every file it reads", () => {
    expect(inflow.sources.map((s) => s.file).sort()).toEqual(
      ["cbs_nl_first_asylum_requests_nareizigers_quarterly.csv", "mpp_forecasts.csv", "nl_asylum_inflow_annual_ind_cbs.csv", "nl_resettlement_annual.csv", "unhcr_asylum_applications_6countries_2014_2025.csv"]
    );
  });
});

describe("loadSources", () => {
  test("loadSources() finds a valid origin record for every dataset in data/", () => {
    const sources = loadSources();
    expect(sources.length).toBeGreaterThanOrEqual(5);
    for (const s of sources) expect(s.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
