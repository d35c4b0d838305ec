/** The grant-rate page's texts and rows (src/explorer/pages/toekenning.ts), from the loader's data. */
import {describe, expect, test} from "vitest";
import {computeGrantRates, readGrantRateInputs} from "../../loaders/grant-rates.js";
import {formatPercent} from "../../src/components/format.js";
import {aboutTexts, countryCaption, countryRows, decompositionDownload, definitionInfo, fallTexts, fmtPc, monthYear, pp, ppText, rateLabel} from "../../src/explorer/pages/toekenning.js";
import {countryPoints, decompositionRows, eurostatPoints} from "../../src/grant/select.js";
import type {GrantRatesData} from "../../src/grant/types.js";

const data: GrantRatesData = computeGrantRates(readGrantRateInputs());

describe("toekenning: number formats", () => {
  test("percentage points in words and in tables keep their sign; missing values are a dash", () => {
    expect(ppText(0.123)).toBe("+12,3 procentpunt");
    expect(ppText(-0.01)).toBe("−1,0 procentpunt");
    expect(ppText(null)).toBe("–");
    expect(pp(0.05)).toBe("+5");
    expect(pp(undefined)).toBe("–");
    expect(fmtPc(1.234)).toBe("1,23");
    expect(fmtPc(null)).toBe("–");
    expect(monthYear("2024-12")).toBe("december 2024");
    expect(monthYear("2025-06-12")).toBe("juni 2025");
  });
});

describe("toekenning: country chart", () => {
  test("the caption follows the definition; the Eurostat sentence only when those totals are drawn", () => {
    expect(countryCaption(data, "nl", false)).toMatch(/^Inwilligingspercentage volgens de IND/);
    expect(countryCaption(data, "capita", false)).toMatch(/^Positieve beslissingen in eerste aanleg/);
    const plain = countryCaption(data, "eurostat", false);
    expect(plain.startsWith(`${definitionInfo(data, "eurostat").label}: ${rateLabel("eurostat")}`)).toBe(true);
    expect(plain).not.toContain("Gestippeld");
    expect(countryCaption(data, "eurostat", true)).toContain("Gestippeld met open rondjes");
    expect(rateLabel("all")).toBe("Positief / alle afgehandelde zaken");
    expect(rateLabel("nl")).toBe("Positief / (positief + afgewezen)");
  });

  test("download rows add the Eurostat totals only under the Eurostat-like definition with the toggle on", () => {
    const n = countryPoints(data, "eurostat").length;
    expect(countryRows(data, "eurostat", false)).toHaveLength(n);
    expect(countryRows(data, "eurostat", true)).toHaveLength(n + eurostatPoints(data).length);
    expect(countryRows(data, "all", true)).toHaveLength(countryPoints(data, "all").length);
    expect(countryRows(data, "capita", false).every((r) => r.eenheid === "per 1.000 inwoners")).toBe(true);
    expect(countryRows(data, "nl", false).every((r) => r.bron === "IND (gepubliceerd)")).toBe(true);
  });

  test("an unknown definition is an error, not an empty label", () => {
    expect(() => definitionInfo(data, "xx" as never)).toThrow(/unknown definition/);
  });
});

describe("toekenning: decomposition and texts", () => {
  test("decomposition download rows carry the gap and its two parts", () => {
    const rows = decompositionRows(data, "eurostat");
    const out = decompositionDownload(rows);
    expect(out).toHaveLength(rows.length);
    for (const r of out) expect(r.samenstelling + r.binnen_nationaliteit).toBeCloseTo(r.verschil, 9);
  });

  test("the 2024–2025 texts come from the country years, the decomposition and the IND's figures", () => {
    const f = fallTexts(data);
    const nl = (y: number) => data.countryYear.find((d) => d.geo === "NL" && d.year === y)!;
    expect(f.nl2024).toBe(formatPercent(nl(2024).rate.eurostat));
    expect(f.nl2025).toBe(formatPercent(nl(2025).rate.eurostat));
    const d25 = decompositionRows(data, "eurostat").find((d) => d.year === 2025)!;
    expect(f.gap2025).toBe(ppText(d25.gap));
    expect(f.moratoriumStart).toMatch(/^[a-z]+ \d{4}$/);
    expect(f.ind2024).toMatch(/^\d+%$/);
    expect(f.indParts).toMatch(/^eerste kwartaal 2025 ‘ongeveer \d+%’; tot 22 september 2025 \d+%$/);
  });

  test("the data notes list every country's first-instance levels and the largest differences", () => {
    const a = aboutTexts(data);
    expect(a.levels.split("; ")).toHaveLength(Object.keys(data.meta.levels).length);
    expect(a.checkWorst.split(", ")).toHaveLength(3);
    expect(a.checkWorst).not.toContain("Oostenrijk");
    expect(Number(a.nlClose)).toBeLessThanOrEqual(Number(a.nlYears));
  });
});
