import {describe, expect, test} from "vitest";
import {formatCount, formatDecimal, formatDelta, formatEuro, formatExact, formatMonth, formatPercent, formatRounded} from "../../src/components/format.js";
import {changesFrom, lastObservedMonth} from "../../src/explorer/series.js";
import type {ModelInputs} from "../../src/model/types.js";

describe("Dutch formats", () => {
  test("formatCount(49000) uses a dot as thousands separator", () => {
    expect(formatCount(49000)).toBe("49.000");
    expect(formatCount(1234567.4)).toBe("1.234.567");
  });
  test("formatPercent(0.125) uses a decimal comma", () => {
    expect(formatPercent(0.125)).toBe("12,5%");
    expect(formatPercent(0.91, 0)).toBe("91%");
  });
  test("formatDelta and formatDecimal sign and round the Dutch way", () => {
    expect(formatDelta(1500)).toBe("+1.500");
    expect(formatDelta(-16400)).toBe("−16.400");
    expect(formatDecimal(17.56)).toBe("17,6");
    expect(formatRounded(49312)).toBe("49.300");
  });
  test("formatEuro scales to mln and mld", () => {
    expect(formatEuro(2.7e9)).toBe("€\u00a02,7 mld");
    expect(formatEuro(36.8e6)).toBe("€\u00a036,8 mln");
  });
  test("formatters return a dash, never NaN, for missing values", () => {
    for (const f of [formatCount, formatDecimal, formatDelta, formatEuro, formatRounded]) {
      expect(f(NaN)).toBe("–");
      expect(f(undefined)).toBe("–");
    }
    expect(formatPercent(Infinity)).toBe("–");
  });
  test("formatMonth(UTC month start) names that month in any time zone", () => {
    expect(formatMonth(new Date(Date.UTC(2025, 0, 1)))).toBe("januari 2025");
    expect(formatMonth(new Date(Date.UTC(2024, 11, 1)))).toBe("december 2024");
  });
});

describe("observation window", () => {
  const inputs = {observations: [
    {series: "inflow_first", date: "2024-Q2", value: 1, kind: "flow_quarter", source: "", grade: ""},
    {series: "inflow_first", date: "2024-Q3", value: 1, kind: "flow_quarter", source: "", grade: ""},
    {series: "coa_total", date: "2025-01-01", value: 1, kind: "stock", source: "", grade: ""}
  ], dataVintage: "2024-12-31"} as unknown as ModelInputs;
  test("lastObservedMonth(inputs) is the end of the last observed quarter of first applications", () => {
    expect(lastObservedMonth(inputs)).toBe("2024-09");
  });
  test("changesFrom(inputs) is the month after the forecast origin", () => {
    expect(changesFrom(inputs)).toBe("2024-10");
  });
});

describe("notices in Dutch", () => {
  test("noticeInDutch(origin, alias, off notices) speaks Dutch", async () => {
    const {noticeInDutch} = await import("../../src/explorer/ui.js");
    expect(noticeInDutch("origin: 2031-01 is after the latest observed month 2025-09; clamped to 2025-09")).toBe("De prognoseoorsprong januari 2031 ligt buiten de waarnemingen; het model rekent vanaf september 2025.");
    expect(noticeInDutch('preset: "mpp-2023-medio" is now "mpp-2023-i-medio"')).toMatch(/nieuwe naam/);
    expect(noticeInDutch('off[0]: unknown measure "nope"; ignored')).toMatch(/bestaat niet/);
    // a clamped value names the parameter's Dutch label and formats the numbers in Dutch
    const labels = new Map([["inflow_first_per_year", "Eerste asielaanvragen per jaar"]]);
    expect(noticeInDutch("overrides.inflow_first_per_year: 100000000 is above the plausible range; clamped to 60000", labels)).toBe("‘Eerste asielaanvragen per jaar’: 100.000.000 ligt boven het plausibele bereik en is begrensd op 60.000.");
    expect(noticeInDutch("overrides.share_high: 1.5 is above the plausible range; clamped to 0.7")).toBe("‘share_high’: 1,5 ligt boven het plausibele bereik en is begrensd op 0,7.");
 
    // the value the user typed is quoted without rounding (999999999 read as 1.000.000.000 before)
    expect(noticeInDutch("overrides.capacity_emergency: 999999999 is above the plausible range; clamped to 60000")).toContain("999.999.999 ligt boven");
    expect(formatExact(1234.5678)).toBe("1.234,5678");
    expect(formatExact(0.1 + 0.2)).toBe("0,3");
  });
});
