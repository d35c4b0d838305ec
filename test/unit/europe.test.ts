import {writeFileSync, mkdtempSync} from "node:fs";
import {join} from "node:path";
import {tmpdir} from "node:os";
import {describe, expect, test} from "vitest";
import {
  CITIZENSHIP_SPEC,
  POPULATION_SPEC,
  TOTALS_SPEC,
  citizenshipRows,
  computeEurope,
  euShare,
  mainCitizenships,
  nlRanks,
  perCapitaRows,
  perThousand,
  populationTable,
  POPULATION_SOURCE,
  type CountRow
} from "../../loaders/europe.js";
import {DataError, parseCsv, readCsv, type Row} from "../../loaders/read.js";

const pop = (geo: string, year: number, population: number, source = POPULATION_SOURCE): Row => ({source_id: source, geo, year, population, flag: null});

describe("per-capita arithmetic", () => {
  test("perThousand divides by the population and multiplies by 1000", () => {
    expect(perThousand(35_000, 17_500_000)).toBeCloseTo(2, 12);
    expect(perThousand(0, 1_000_000)).toBe(0);
  });

  test("perThousand refuses a zero or missing population instead of returning Infinity or NaN", () => {
    expect(() => perThousand(10, 0)).toThrow();
    expect(() => perThousand(10, Number.NaN)).toThrow();
    expect(() => perThousand(-1, 100)).toThrow();
  });

  test("perCapitaRows uses the population of the same geo on 1 January of the same year, from one source", () => {
    const table = populationTable([pop("NL", 2023, 18_000_000), pop("NL", 2024, 20_000_000), pop("NL", 2024, 1_000_000, "worldbank"), pop("EU27_2020", 2024, 400_000_000)]);
    const counts: CountRow[] = [
      {geo: "NL", year: 2024, type: "ASY_APP", count: 40_000},
      {geo: "EU27", year: 2024, type: "ASY_APP", count: 1_000_000}
    ];
    const rows = perCapitaRows(counts, table, "totals_2025");
    expect(rows.map((r) => r.per1000)).toEqual([2, 2.5]);
    expect(rows[0].population).toBe(20_000_000);
  });

  test("a count without a population fails naming the file, geo and year", () => {
    const table = populationTable([pop("NL", 2023, 18_000_000)]);
    expect(() => perCapitaRows([{geo: "BE", year: 2023, type: "ASY_APP", count: 1}], table, "totals_2025")).toThrow(/population.*BE on 1 January 2023/);
    expect(() => perCapitaRows([{geo: "BE", year: 2023, type: "ASY_APP", count: 1}], table, "totals_2025")).toThrow(DataError);
  });
});

describe("share and rank", () => {
  const table = populationTable(
    [["NL", 10], ["BE", 10], ["DE", 80], ["FR", 70], ["AT", 9], ["SE", 11], ["EU27_2020", 400]].map(([g, p]) => pop(g as string, 2022, (p as number) * 1_000_000))
  );
  const counts: CountRow[] = [
    ["NL", 30_000], ["BE", 40_000], ["DE", 160_000], ["FR", 140_000], ["AT", 90_000], ["SE", 11_000], ["EU27", 1_200_000]
  ].map(([geo, count]) => ({geo: geo as CountRow["geo"], year: 2022, type: "ASY_APP" as const, count: count as number}));
  const rows = perCapitaRows(counts, table, "citizenship_2024");

  test("NL's share of the EU27 and of its population", () => {
    const [s] = euShare(rows);
    expect(s.share).toBeCloseTo(30_000 / 1_200_000, 12);
    expect(s.populationShare).toBeCloseTo(10 / 400, 12);
  });

  test("rank 1 = most per inhabitant; the five others are pooled, not averaged", () => {
    const [r] = nlRanks(rows);
    // per 1000: NL 3, BE 4, DE 2, FR 2, AT 10, SE 1 → NL third.
    expect(r.rank).toBe(3);
    expect(r.of).toBe(6);
    expect(r.nlPer1000).toBeCloseTo(3, 12);
    // (40+160+140+90+11) thousand over (10+80+70+9+11) million = 441/180 per 1000.
    expect(r.othersPer1000).toBeCloseTo(441 / 180, 12);
    expect(r.ratioToOthers).toBeCloseTo(3 / (441 / 180), 12);
    expect(r.eu27Per1000).toBeCloseTo(3, 12);
    expect(r.top).toEqual({geo: "AT", per1000: 10});
  });

  test("a year in which one of the six is missing gets no rank", () => {
    expect(nlRanks(rows.filter((r) => r.geo !== "SE"))).toEqual([]);
  });

  test("ties share the better rank", () => {
    const tied = rows.map((r) => (r.geo === "BE" ? {...r, per1000: 3} : r));
    expect(nlRanks(tied)[0].rank).toBe(2);
  });
});

describe("by citizenship", () => {
  const rows: Row[] = [
    {geo: "NL", citizen: "SY", citizen_is_aggregate: "False", year: 2022, applicant_type: "ASY_APP", count: 500},
    {geo: "NL", citizen: "AF", citizen_is_aggregate: "False", year: 2022, applicant_type: "ASY_APP", count: 300},
    {geo: "NL", citizen: "TOTAL", citizen_is_aggregate: "True", year: 2022, applicant_type: "ASY_APP", count: 900},
    {geo: "NL", citizen: "UNK", citizen_is_aggregate: "True", year: 2022, applicant_type: "ASY_APP", count: 800},
    {geo: "BE", citizen: "SY", citizen_is_aggregate: "False", year: 2022, applicant_type: "ASY_APP", count: 200}
  ];

  test("main citizenships skip aggregates such as TOTAL and UNK", () => {
    expect(mainCitizenships(rows, 2)).toEqual(["SY", "AF"]);
  });

  test("rates are per 1000 inhabitants of the receiving country", () => {
    const table = populationTable([pop("NL", 2022, 1_000_000), pop("BE", 2022, 2_000_000)]);
    const out = citizenshipRows(rows, ["SY"], table);
    expect(out.map((r) => [r.geo, r.per1000])).toEqual([["BE", 0.1], ["NL", 0.5]]);
  });
});

describe("validation of the new files", () => {
  test("a malformed count fails naming file, row and field", () => {
    const text = "geo,citizen,citizen_is_aggregate,year,applicant_type,count\nNL,SY,False,2022,ASY_APP,12\nNL,AF,False,2022,ASY_APP,twelve\n";
    expect(() => parseCsv("bad.csv", text, CITIZENSHIP_SPEC)).toThrow(/bad\.csv, row 3, field "count"/);
  });

  test("an unknown country in the totals extract fails", () => {
    const text = "dataset,geo,citizen,year,applicant_type,sex,age,unit,count,obs_flag\nmigr_asyappctza,IT,TOTAL,2022,ASY_APP,T,TOTAL,PER,5,\n";
    expect(() => parseCsv("t.csv", text, TOTALS_SPEC)).toThrow(/t\.csv, row 2, field "geo"/);
  });

  test("a duplicated population row fails", () => {
    const text = `source_id,geo,year,population,flag\n${POPULATION_SOURCE},NL,2022,17590672,\n${POPULATION_SOURCE},NL,2022,17590672,\n`;
    const dir = mkdtempSync(join(tmpdir(), "europe-"));
    writeFileSync(join(dir, "pop.csv"), text);
    expect(() => readCsv(join(dir, "pop.csv"), POPULATION_SPEC)).toThrow(/row 3.*duplicate key/);
  });
});

describe("the committed data", () => {
  const data = computeEurope({
    citizenship: readCsv("eurostat_migr_asyappctza_by_citizenship_2008_2022.csv", CITIZENSHIP_SPEC),
    totals: readCsv("eurostat_migr_asyappctza_totals_2008_2024.csv", TOTALS_SPEC),
    population: readCsv("population_6countries_eu27_2013_2024_multi_source.csv", POPULATION_SPEC)
  });

  test("NL 2024: 33.515 applicants over 17.942.942 inhabitants", () => {
    const nl = data.perCapita.find((r) => r.geo === "NL" && r.year === 2024 && r.vintage === "totals_2025");
    expect(nl?.count).toBe(33_515);
    expect(nl?.per1000).toBeCloseTo((33_515 / 17_942_942) * 1000, 10);
  });

  test("the two vintages are kept apart (SE 2022 differs between them)", () => {
    const se = data.perCapita.filter((r) => r.geo === "SE" && r.year === 2022 && r.type === "ASY_APP");
    expect(se.map((r) => [r.vintage, r.count]).sort()).toEqual([["citizenship_2024", 18_640], ["totals_2025", 23_845]]);
  });

  test("EU27 share exists only where the EU27 total does (to 2022)", () => {
    expect(Math.max(...data.share.map((s) => s.year))).toBe(2022);
  });
});
