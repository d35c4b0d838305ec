import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {
  DECISIONS_SPEC,
  DataErrorForTests,
  countryYearRates,
  decomposition,
  deviations,
  firstInstanceCells,
  mainNationalities,
  publishedDutchRates,
  rate,
  readDecisions,
  toDecisionRows,
  totalsCheck,
  withPooledPeers,
  type Cell,
  type DecisionRow
} from "./grant-helpers.js";
import {readCsv} from "../../loaders/read.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "grant");

/** Builds decision rows for one country, nationality, year and level from the four counts. */
function rows(
  geo: DecisionRow["geo"],
  citizen: string,
  year: number,
  [recognized, other, rejected, closed]: [number, number, number, number],
  {level = "FI", unit = "P"}: {level?: string; unit?: "P" | "C"} = {}
): DecisionRow[] {
  const parts = {recognized, other_complementary: other, rejected, otherwise_closed: closed} as const;
  const base = {geo, citizen, citizenName: citizen, year, level, unit, line: 0};
  return [
    ...Object.entries(parts).map(([decision, count]) => ({...base, decision: decision as DecisionRow["decision"], count})),
    {...base, decision: "total" as const, count: recognized + other + rejected + closed}
  ];
}

describe("rate definitions", () => {
  const cell = {positive: 60, rejected: 20, closed: 20};

  test("rate(cell, 'eurostat') leaves otherwise closed cases out of the denominator", () => {
    expect(rate(cell, "eurostat", 0)).toBe(0.75);
  });

  test("rate(cell, 'all') counts otherwise closed cases in the denominator", () => {
    expect(rate(cell, "all", 0)).toBe(0.6);
  });

  test("rate(cell) is null for a zero-decision cell, whatever the minimum", () => {
    expect(rate({positive: 0, rejected: 0, closed: 0}, "eurostat", 0)).toBeNull();
    expect(rate({positive: 0, rejected: 0, closed: 7}, "eurostat", 0)).toBeNull();
  });

  test("rate(cell) is null below the minimum and shown at the minimum", () => {
    expect(rate({positive: 30, rejected: 19, closed: 0}, "eurostat", 50)).toBeNull();
    expect(rate({positive: 30, rejected: 20, closed: 0}, "eurostat", 50)).toBe(0.6);
    // 49 in-merit decisions plus closed cases reach 50 only under "all".
    expect(rate({positive: 30, rejected: 19, closed: 1}, "all", 50)).toBe(0.6);
  });
});

describe("firstInstanceCells", () => {
  test("firstInstanceCells(rows) sums first-instance levels and drops appeal levels", () => {
    const cells = firstInstanceCells([
      ...rows("NL", "SYR", 2022, [10, 5, 3, 2]),
      ...rows("NL", "SYR", 2022, [1, 0, 4, 0], {level: "RA"}),
      ...rows("NL", "SYR", 2022, [100, 0, 100, 0], {level: "JR"}),
      ...rows("FR", "SYR", 2022, [7, 0, 3, 0]),
      ...rows("FR", "SYR", 2022, [50, 0, 50, 0], {level: "AR"}),
      ...rows("DE", "SYR", 2019, [8, 1, 1, 0], {level: "NA"})
    ]);
    expect(cells).toEqual([
      {geo: "DE", citizen: "SYR", year: 2019, positive: 9, rejected: 1, closed: 0},
      {geo: "FR", citizen: "SYR", year: 2022, positive: 7, rejected: 3, closed: 0},
      {geo: "NL", citizen: "SYR", year: 2022, positive: 16, rejected: 7, closed: 2}
    ]);
  });

  test("firstInstanceCells(rows) drops Belgian rows counted in cases, not persons", () => {
    const cells = firstInstanceCells([...rows("BE", "AFG", 2015, [10, 0, 10, 0]), ...rows("BE", "AFG", 2015, [500, 0, 5, 0], {unit: "C"})]);
    expect(cells).toEqual([{geo: "BE", citizen: "AFG", year: 2015, positive: 10, rejected: 10, closed: 0}]);
  });

  test("firstInstanceCells(rows) keeps Austria's combined FA level", () => {
    const cells = firstInstanceCells(rows("AT", "AFG", 2016, [4, 1, 5, 0], {level: "FA"}));
    expect(cells).toEqual([{geo: "AT", citizen: "AFG", year: 2016, positive: 5, rejected: 5, closed: 0}]);
  });
});

describe("withPooledPeers", () => {
  test("withPooledPeers(cells) sums BE, DE, FR and SE but not NL or Austria", () => {
    const cells: Cell[] = [
      {geo: "NL", citizen: "IRQ", year: 2022, positive: 1, rejected: 1, closed: 0},
      {geo: "AT", citizen: "IRQ", year: 2022, positive: 100, rejected: 0, closed: 0},
      {geo: "DE", citizen: "IRQ", year: 2022, positive: 30, rejected: 70, closed: 5},
      {geo: "SE", citizen: "IRQ", year: 2022, positive: 10, rejected: 10, closed: 1}
    ];
    const pooled = withPooledPeers(cells).filter((d) => d.geo === "PEERS");
    expect(pooled).toEqual([{citizen: "IRQ", year: 2022, positive: 40, rejected: 80, closed: 6, geo: "PEERS"}]);
  });

  test("withPooledPeers(cells) pools the peers present when one is missing", () => {
    const cells: Cell[] = [{geo: "FR", citizen: "ERI", year: 2020, positive: 9, rejected: 1, closed: 0}];
    expect(withPooledPeers(cells).find((d) => d.geo === "PEERS")).toMatchObject({positive: 9, rejected: 1});
  });
});

describe("decomposition", () => {
  // Two nationalities. NL: A 90/100 positive, B 10/100. Peers: A 80/100 in DE, B 20/400 in DE.
  const base: Cell[] = [
    {geo: "NL", citizen: "A", year: 2022, positive: 90, rejected: 10, closed: 0},
    {geo: "NL", citizen: "B", year: 2022, positive: 10, rejected: 90, closed: 0},
    {geo: "DE", citizen: "A", year: 2022, positive: 80, rejected: 20, closed: 0},
    {geo: "DE", citizen: "B", year: 2022, positive: 20, rejected: 380, closed: 0}
  ];

  test("decomposition(cells, 'PEERS') splits the gap into composition and within parts", () => {
    const [d] = decomposition(withPooledPeers(base), "PEERS", "eurostat", 50);
    // NL 100/200 = 0.5; peers 100/500 = 0.2; NL mix with peer rates: (0.8 + 0.05) / 2 = 0.425.
    expect(d.nlRate).toBeCloseTo(0.5, 12);
    expect(d.peerRate).toBeCloseTo(0.2, 12);
    expect(d.counterfactual).toBeCloseTo(0.425, 12);
    expect(d.composition).toBeCloseTo(0.225, 12);
    expect(d.within).toBeCloseTo(0.075, 12);
    expect(d.compositionShare).toBeCloseTo(0.75, 12);
    expect(d.coverage).toBe(1);
  });

  test("decomposition(cells, peer) falls back to the pooled rate when the peer's cell is too small", () => {
    const cells = withPooledPeers([...base, {geo: "FR", citizen: "A", year: 2022, positive: 5, rejected: 5, closed: 0}, {geo: "FR", citizen: "B", year: 2022, positive: 30, rejected: 70, closed: 0}]);
    const [d] = decomposition(cells, "FR", "eurostat", 50);
    // FR has 10 decisions for A (< 50): the pooled rate for A (85/110) is used instead.
    expect(d.fallbackShare).toBe(0.5);
    expect(d.counterfactual).toBeCloseTo((85 / 110 + 30 / 100) / 2, 12);
    expect(d.coverage).toBe(1);
  });

  test("decomposition(cells) leaves out nationalities without any usable peer rate and reports coverage", () => {
    const cells = withPooledPeers([...base, {geo: "NL", citizen: "C", year: 2022, positive: 100, rejected: 0, closed: 0}]);
    const [d] = decomposition(cells, "PEERS", "eurostat", 50);
    expect(d.coverage).toBeCloseTo(200 / 300, 12);
    expect(d.nlRate).toBeCloseTo(0.5, 12);
    expect(d.nlRateAll).toBeCloseTo(200 / 300, 12);
  });

  test("decomposition(cells) gives no row for a year in which the comparator has too few decisions", () => {
    const cells = withPooledPeers([
      {geo: "NL", citizen: "A", year: 2022, positive: 90, rejected: 10, closed: 0},
      {geo: "SE", citizen: "A", year: 2022, positive: 10, rejected: 10, closed: 0}
    ]);
    expect(decomposition(cells, "PEERS", "eurostat", 50)).toEqual([]);
  });

  test("deviations(cells) ranks nationalities by grants above the pooled peers' rates", () => {
    const devs = deviations(withPooledPeers(base), "eurostat", 50);
    // A: 100 × (0.9 − 0.8) = 10 extra grants; B: 100 × (0.1 − 0.05) = 5.
    expect(devs.map((d) => d.citizen)).toEqual(["A", "B"]);
    expect(devs[0].excessGrants).toBeCloseTo(10, 12);
    expect(devs[1].excessGrants).toBeCloseTo(5, 12);
  });
});

describe("country totals", () => {
  test("countryYearRates(cells) shows no rate for a country-year below the minimum", () => {
    const out = countryYearRates(
      [
        {geo: "NL", citizen: "A", year: 2022, positive: 30, rejected: 10, closed: 20},
        {geo: "NL", citizen: "B", year: 2022, positive: 10, rejected: 0, closed: 0}
      ],
      50
    );
    expect(out).toEqual([{geo: "NL", year: 2022, positive: 40, rejected: 10, closed: 20, rate: {eurostat: 0.8, all: 40 / 70}}]);
    expect(countryYearRates(out.map((d) => ({...d, citizen: "X"})), 100)[0].rate).toEqual({eurostat: null, all: null});
  });

  test("totalsCheck(cells) compares UNHCR positives and new applications with Eurostat", () => {
    const check = totalsCheck(
      [{geo: "NL", citizen: "A", year: 2022, positive: 110, rejected: 0, closed: 0}],
      [{geo: "NL", citizen_iso3: "A", year: 2022, app_type: "N", dec_level: "FI", app_pc: "P", count: 90}],
      [
        {geo: "NL", year: 2022, measure: "first_instance_total_positive", count: 100},
        {geo: "NL", year: 2022, measure: "applicants_first_time", count: 100}
      ]
    );
    expect(check.map((c) => [c.measure, c.unhcr, c.eurostat, c.difference])).toEqual([
      ["applicants_first_time", 90, 100, -0.1],
      ["first_instance_total_positive", 110, 100, 0.1]
    ]);
  });

  test("mainNationalities(cells) orders by NL decisions under the all-decisions definition", () => {
    const cells: Cell[] = [
      {geo: "NL", citizen: "A", year: 2022, positive: 1, rejected: 1, closed: 50},
      {geo: "NL", citizen: "B", year: 2022, positive: 20, rejected: 0, closed: 0},
      {geo: "DE", citizen: "C", year: 2022, positive: 999, rejected: 0, closed: 0}
    ];
    expect(mainNationalities(cells, 5)).toEqual(["A", "B"]);
  });

  test("publishedDutchRates(statements) keeps only NL figures from the IND", () => {
    const base = {unit: "%", as_stated: "x", source_url: "u", source_title: "t", source_grade: "S"};
    const points = publishedDutchRates([
      {...base, geo: "NL", year: 2023, scope: "IND general + extended procedure (Dutch definition)", measure: "inwilligingspercentage", value: 62},
      {...base, geo: "SE", year: 2023, scope: "first instance", measure: "recognition_rate", value: 34},
      {...base, geo: "NL", year: 2014, scope: "Eurostat", measure: "positive_decisions", value: 13000, unit: "persons"}
    ]);
    expect(points.map((p) => [p.year, p.value])).toEqual([[2023, 0.62]]);
  });
});

describe("validation", () => {
  const read = (name: string) => () => toDecisionRows(name, readCsv(join(FIXTURES, name), DECISIONS_SPEC));

  test("toDecisionRows(rows) rejects a total that is not the sum of its parts, naming file, row and field", () => {
    expect(read("total-mismatch.csv")).toThrow(DataErrorForTests);
    expect(read("total-mismatch.csv")).toThrow(/total-mismatch\.csv, row 6, field "count": total 21 .* not the sum of its parts \(20\)/);
  });

  test("readCsv(decisions) rejects a non-numeric count, naming file, row and field", () => {
    expect(read("non-numeric-count.csv")).toThrow(/non-numeric-count\.csv, row 3, field "count": "ten" is not an integer/);
  });

  test("readCsv(decisions) rejects an unknown decision code", () => {
    expect(read("unknown-decision.csv")).toThrow(/unknown-decision\.csv, row 3, field "decision": unknown code "granted"/);
  });

  test("readCsv(decisions) rejects a duplicate row", () => {
    expect(read("duplicate-row.csv")).toThrow(/duplicate-row\.csv, row 3, .*duplicate key/);
  });

  test("readCsv(decisions) rejects a negative count", () => {
    expect(read("negative-count.csv")).toThrow(/negative-count\.csv, row 3, field "count": -3 is below the minimum 0/);
  });

  test("readDecisions() reads the committed extract with totals that add up", () => {
    const all = readDecisions();
    expect(all.length).toBe(67790);
    expect(new Set(all.map((d) => d.geo))).toEqual(new Set(["NL", "BE", "DE", "FR", "AT", "SE"]));
  });
});
