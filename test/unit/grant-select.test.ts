import {describe, expect, test} from "vitest";
import {countryPoints, decompositionRows, deviationRows, effectiveDefinition, nationalityPoints, summary} from "../../src/grant/select.js";
import type {GrantRatesData} from "../../src/grant/types.js";
import {computeGrantRates, readGrantRateInputs} from "../../loaders/grant-rates.js";

const data: GrantRatesData = computeGrantRates(readGrantRateInputs());

describe("grant page selection", () => {
  test("effectiveDefinition('nl') falls back to the Eurostat-like definition for computed views", () => {
    expect(effectiveDefinition("nl")).toBe("eurostat");
    expect(effectiveDefinition("all")).toBe("all");
  });

  test("countryPoints(data, 'nl') returns only published NL figures, never computed ones", () => {
    const points = countryPoints(data, "nl");
    expect(points.length).toBe(data.published.length);
    expect(points.every((p) => p.published && p.geo === "NL")).toBe(true);
  });

  test("countryPoints(data, def) flags Austria as not comparable and changes with the definition", () => {
    const e = countryPoints(data, "eurostat");
    const a = countryPoints(data, "all");
    expect(e.filter((p) => p.geo === "AT").every((p) => !p.comparable)).toBe(true);
    const nl2023 = (ps: typeof e) => ps.find((p) => p.geo === "NL" && p.year === 2023)!.rate;
    expect(nl2023(a)).toBeLessThan(nl2023(e));
  });

  test("summary(data, def, year) agrees with the decomposition rows", () => {
    const s = summary(data, "eurostat", 2022);
    const row = decompositionRows(data, "eurostat").find((d) => d.year === 2022)!;
    expect(s.decomposition).toEqual(row);
    expect(s.nlRate).toBe(data.countryYear.find((d) => d.geo === "NL" && d.year === 2022)!.rate.eurostat);
  });

  test("nationalityPoints(data, def, citizen) never returns a rate for a cell below the minimum", () => {
    for (const def of ["eurostat", "all"] as const) {
      const points = nationalityPoints(data, def, "SYR");
      expect(points.length).toBeGreaterThan(0);
      expect(points.every((p) => p.decisions >= data.meta.minDecisions)).toBe(true);
    }
  });

  test("deviationRows(data, def, year) is ordered by the size of the excess grants", () => {
    const rows = deviationRows(data, "eurostat", 2023);
    const sizes = rows.map((d) => Math.abs(d.excessGrants));
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
    expect(rows.every((d) => d.name.length > 0)).toBe(true);
  });
});
