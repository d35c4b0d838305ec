import {describe, expect, test} from "vitest";
import {
  IND_SPEC,
  computeGrantRates,
  eurostatRates,
  indRates,
  indYearPoints,
  rateAgreement,
  readGrantRateInputs,
  withPerCapita
} from "../../loaders/grant-rates.js";
import {populationTable, POPULATION_SOURCE} from "../../loaders/europe.js";
import {parseCsv, type Row} from "../../loaders/read.js";
import {countryPoints, defaultGrantState, effectiveDefinition, fallsBack, grantSearch, nationalityPoints, readGrantUrl, summary} from "../../src/grant/select.js";
import type {CountryYear} from "../../src/grant/types.js";

const IND_HEADER = "period,period_type,grant_rate_pct,as_stated,definition_scope,source,url_or_ref,source_grade,checked_against_source";

describe("IND grant rates (Dutch definition)", () => {
  const rows = parseCsv(
    "ind.csv",
    `${IND_HEADER}
2009,year,45,45%,all asylum applications,Rapportage Vreemdelingenketen,ref,S,no
2010,year,45,45%,all asylum applications,same,ref,S,no
'voorgaande jaren',years,70-85,'tussen de 70 en 85%',average inwilligingspercentage,rijksoverheid.nl,https://www.rijksoverheid.nl/x,P,yes
2025-Q1,quarter,40,'ongeveer 40%',average inwilligingspercentage,rijksoverheid.nl 2025-09-26,https://www.rijksoverheid.nl/y,P,yes
2025,year,36,36%,,upday 2026-02-03,ref,S,no
2024,year,58,58%,,upday 2026-02-03,ref,S,no
"2021 (Eurostat definition, for contrast)",year,73,"73% of 16,525","Eurostat first instance, Dublin not counted as rejection",NOS,https://nos.nl/z,S,yes
`,
    IND_SPEC
  );
  const ind = indRates(rows, "ind.csv");

  test("every row gets its definition in Dutch; 'same' repeats the source above", () => {
    expect(ind.map((r) => r.definition)).toEqual([
      "alle asielaanvragen",
      "alle asielaanvragen",
      "gemiddeld inwilligingspercentage",
      "gemiddeld inwilligingspercentage",
      "definitie niet vermeld in de bron",
      "Eurostat, eerste aanleg; Dublin telt niet als afwijzing (ter vergelijking, geen IND-definitie)"
    ]);
    expect(ind[1].source).toBe("Rapportage Vreemdelingenketen");
    expect(ind[5].asStated).toBe("73% van 16.525");
  });

  test("a range has no single value; figures published after the data vintage are left out unless published earlier", () => {
    expect(ind[2].value).toBeNull();
    // 2025 (published February 2026) is dropped; 2024 stays with its earlier publication named
    expect(ind.some((r) => r.period === "2025")).toBe(false);
    expect(ind[4]).toMatchObject({period: "2024", value: 0.58, afterVintage: false});
    expect(ind[4].source).toMatch(/4 maart 2025/);
  });

  test("only whole calendar years on the IND definition become chart points", () => {
    expect(indYearPoints(ind).map((p) => [p.year, p.value])).toEqual([[2009, 0.45], [2010, 0.45], [2024, 0.58]]);
  });

  test("an untranslated definition or a malformed percentage fails naming file, row and field", () => {
    const bad = parseCsv("ind.csv", `${IND_HEADER}\n2011,year,50,50%,something new,src,ref,S,no\n`, IND_SPEC);
    expect(() => indRates(bad, "ind.csv")).toThrow(/ind\.csv, row 2, field "definition_scope"/);
    const pct = parseCsv("ind.csv", `${IND_HEADER}\n2011,year,about 50,50%,,src,ref,S,no\n`, IND_SPEC);
    expect(() => indRates(pct, "ind.csv")).toThrow(/row 2, field "grant_rate_pct"/);
  });
});

describe("genuine Eurostat first-instance rates", () => {
  const annual = (geo: string, year: number, total: number, positive: number, pct?: number): Row => ({
    geo, year, n_quarters: 4, first_instance_decisions_total: total, first_instance_positive: positive,
    first_instance_rejected_implied: total - positive, positive_rate_pct: pct ?? Math.round((positive / total) * 1000) / 10
  });
  const rows = [annual("NL", 2022, 1000, 800), annual("BE", 2022, 100, 50), annual("DE", 2022, 300, 150), annual("FR", 2022, 400, 100), annual("SE", 2022, 200, 50), annual("EU27_2020", 2022, 5000, 2500)];
  const quarter: Row[] = [{geo: "NL", year: 2023, quarter: "Q1", citizen: "TOTAL", decisions_total: 200, decisions_total_positive: 150, rejected_implied: 50}];

  test("the four peers are pooled by summing decisions before the rate is taken", () => {
    const rates = eurostatRates(rows, quarter);
    const peers = rates.find((r) => r.geo === "PEERS" && r.period === "2022")!;
    expect(peers.rate).toBeCloseTo(350 / 1000, 12);
    expect(rates.find((r) => r.geo === "EU27")!.rate).toBe(0.5);
  });

  test("2023-Q1 is kept as a quarter on its own, not as a year", () => {
    const q = eurostatRates(rows, quarter).find((r) => r.period === "2023-Q1")!;
    expect(q).toMatchObject({geo: "NL", quarterOnly: true, rate: 0.75});
  });

  test("a stated percentage that does not match positive / total fails the build", () => {
    expect(() => eurostatRates([annual("NL", 2022, 1000, 800, 70)], [], undefined, "d.csv")).toThrow(/d\.csv, row 2, field "positive_rate_pct"/);
  });

  test("the agreement is the UNHCR-based rate minus the Eurostat rate", () => {
    const cy = [{geo: "NL", year: 2022, positive: 873, rejected: 127, closed: 0, rate: {eurostat: 0.873, all: 0.873}, population: null, perCapita: null}] as CountryYear[];
    const [a] = rateAgreement(cy, eurostatRates(rows, []));
    expect(a.difference).toBeCloseTo(0.073, 12);
  });
});

describe("positive decisions per 1.000 inhabitants", () => {
  const pop = (geo: string, year: number, population: number): Row => ({source_id: POPULATION_SOURCE, geo, year, population, flag: null});
  const table = populationTable([pop("NL", 2024, 18_000_000), pop("BE", 2024, 12_000_000), pop("DE", 2024, 84_000_000), pop("FR", 2024, 68_000_000), pop("SE", 2024, 11_000_000)]);
  const cy = (geo: CountryYear["geo"], year: number, positive: number): CountryYear => ({geo, year, positive, rejected: 0, closed: 0, rate: {eurostat: 1, all: 1}, population: null, perCapita: null});

  test("NL: positives over inhabitants × 1000; peers pooled over their summed population; no population, no value", () => {
    const out = withPerCapita([cy("NL", 2024, 18_000), cy("PEERS", 2024, 175_000), cy("NL", 2025, 9_000)], table);
    expect(out[0].perCapita).toBeCloseTo(1, 12);
    expect(out[1].population).toBe(175_000_000);
    expect(out[1].perCapita).toBeCloseTo(1, 12);
    expect(out[2].perCapita).toBeNull();
  });
});

describe("the page's selection and URL state on the committed data", () => {
  const data = computeGrantRates(readGrantRateInputs());

  test("'capita' falls back to the Eurostat-like definition for the decomposition only", () => {
    expect(effectiveDefinition("capita")).toBe("eurostat");
    expect(fallsBack("capita")).toBe(true);
    const s = summary(data, "capita", 2024);
    expect(s.perCapita.nl).toBeCloseTo((data.countryYear.find((d) => d.geo === "NL" && d.year === 2024)!.positive / 17_942_942) * 1000, 9);
    expect(countryPoints(data, "capita").some((p) => p.year === 2025)).toBe(false);
    expect(nationalityPoints(data, "capita", "SYR").every((p) => p.rate < 5)).toBe(true);
  });

  test("the IND series now runs from 2009 to 2024 with 2023 at 62% (2025's annual figure came after the vintage)", () => {
    expect(data.published[0].year).toBe(2009);
    expect(data.published.at(-1)!.year).toBe(2024);
    expect(data.published.find((p) => p.year === 2023)!.value).toBe(0.62);
  });

  test("readGrantUrl(grantSearch(state)) returns the state; other keys survive", () => {
    const state = {...defaultGrantState(data), definition: "capita" as const, year: 2025, comparator: "SE" as const, citizen: "IRQ", devYear: 2019, eurostat: false};
    const search = grantSearch("?p=ongewijzigd&o=x", state);
    expect(new URLSearchParams(search).get("p")).toBe("ongewijzigd");
    expect(readGrantUrl(search, data)).toEqual({state, notices: []});
  });

  test("bad URL values fall back to the default with one notice each", () => {
    const {state, notices} = readGrantUrl("?g_def=x&g_year=20x4&g_cmp=AT&g_cit=ZZZ&g_es=2&g_dev=1900", data);
    expect(state).toEqual(defaultGrantState(data));
    expect(notices).toHaveLength(6);
  });
});
