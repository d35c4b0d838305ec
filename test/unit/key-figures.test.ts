import {beforeAll, describe, expect, it} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {KEY_FIGURE_IDS, keyFigure, keyFigures, peakFigure} from "../../src/model/key-figures.js";
import {run} from "../../src/model/run.js";
import {annualSum, endOfYear, fullYears, monthAt, offsetOf, peakOf, valueAt, yearSum} from "../../src/model/timeline.js";
import {changedBaseline, isModified, presetOnly} from "../../src/model/scenario-diff.js";
import {changedBaseline as reexported} from "../../src/explorer/controls.js";
import type {ModelInputs, RunOutput} from "../../src/model/types.js";

let inputs: ModelInputs;
let base: RunOutput;
beforeAll(async () => {
  inputs = await loadModelInputs();
  base = run({preset: "ongewijzigd", overrides: {}, measures: []}, inputs);
});

describe("timeline", () => {
  const values = Float64Array.from({length: 27}, (_, i) => i + 1); // 2024-11 … 2027-01

  it("offsetOf and monthAt are inverse across year boundaries", () => {
    expect(offsetOf("2024-11", "2025-02")).toBe(3);
    expect(monthAt("2024-11", 3)).toBe("2025-02");
    expect(monthAt("2024-11", -11)).toBe("2023-12");
  });

  it("valueAt gives null outside the series instead of clamping", () => {
    expect(valueAt(values, "2024-11", "2024-11")).toBe(1);
    expect(valueAt(values, "2024-11", "2027-01")).toBe(27);
    expect(valueAt(values, "2024-11", "2024-10")).toBeNull();
    expect(valueAt(values, "2024-11", "2027-02")).toBeNull();
  });

  it("yearSum sums only complete years; annualSum reports the months per year", () => {
    expect(yearSum(values, "2024-11", 2025)).toBe([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].reduce((a, b) => a + b));
    expect(yearSum(values, "2024-11", 2024)).toBeNull();
    expect(yearSum(values, "2024-11", 2027)).toBeNull();
    expect(annualSum(values, "2024-11").map((d) => [d.year, d.months])).toEqual([[2024, 2], [2025, 12], [2026, 12], [2027, 1]]);
    expect(fullYears("2024-11", 27)).toEqual([2025, 2026]);
    expect(fullYears("2025-01", 12)).toEqual([2025]);
  });

  it("endOfYear is the December value (the stand on 1 January of the next year)", () => {
    expect(endOfYear(values, "2024-11", 2025)).toBe(14);
    expect(endOfYear(values, "2024-11", 2027)).toBeNull();
  });

  it("peakOf finds the first highest month", () => {
    expect(peakOf([1, 5, 3, 5], "2024-01")).toEqual({value: 5, month: "2024-02", index: 1});
    expect(peakOf([], "2024-01")).toBeNull();
  });
});

describe("key figures", () => {
  it("a stock is read at the end of December, a flow summed over the calendar year", () => {
    const backlog = keyFigure(base, "ind_backlog", 2025);
    expect(backlog.value).toBe(base.series.backlog_total[offsetOf(base.start, "2025-12")]);
    expect(backlog.label).toBe("IND-voorraad asiel eerste aanleg eind 2025 (stand 31 december)");
    expect(backlog.key).toBe("ind_backlog@2025");
    const decisions = keyFigure(base, "decisions", 2024);
    const i = offsetOf(base.start, "2024-01");
    expect(decisions.value).toBeCloseTo(Array.from(base.series.decisions.subarray(i, i + 12)).reduce((a, b) => a + b), 6);
    expect(decisions.date).toBe("in 2024 (kalenderjaar)");
  });

  it("a combined figure adds its series (departed = independent + forced)", () => {
    const f = keyFigures(base, 2025);
    expect(f.departed.value).toBeCloseTo((f.departed_independent.value ?? NaN) + (f.departed_forced.value ?? NaN), 6);
  });

  it("cost per year equals the model summary's cost for that year", () => {
    const summary = base.summary.costPerYear.find((d) => d.year === 2025)?.value;
    expect(keyFigure(base, "cost", 2025).value).toBeCloseTo(summary ?? NaN, 0);
  });

  it("a year outside the horizon gives null for every figure, never a clamped number", () => {
    const short = run({preset: "ongewijzigd", overrides: {}, measures: [], start: "2026-01", end: "2027-06"}, inputs);
    for (const id of KEY_FIGURE_IDS) {
      expect(keyFigure(short, id, 2025).value, id).toBeNull();
      expect(keyFigure(short, id, 2026).value, id).not.toBeNull();
    }
    expect(keyFigure(short, "ind_backlog", 2027).value).toBeNull(); // December 2027 is past the end
    expect(keyFigure(short, "decisions", 2027).value).toBeNull(); // only half of 2027 is modelled
  });

  it("peaks match the model's own summary and name the period searched", () => {
    const peak = peakFigure(base, "coa_occupancy");
    expect(peak.value).toBe(base.summary.peakOccupancy.value);
    expect(peak.month).toBe(base.summary.peakOccupancy.month);
    expect(peak.label).toMatch(/in 2022–2030$/);
    expect(peakFigure(base, "nareis_arrivals").value).toBe(base.summary.nareisPeak.value);
  });
});

describe("scenario-diff", () => {
  it("changedBaseline keeps assumptions only and lives in the model (re-exported from the controls)", () => {
    const s = {preset: "ongewijzigd", overrides: {occupancy_rate: 0.9, capacity_emergency: 30000}, measures: [{id: "x", start: "2025-01", strength: 1}]};
    expect(changedBaseline(s, inputs)).toEqual({preset: "ongewijzigd", overrides: {occupancy_rate: 0.9}, measures: []});
    expect(changedBaseline({...s, overrides: {capacity_emergency: 30000}}, inputs)).toBeNull();
    expect(reexported).toBe(changedBaseline);
  });

  it("presetOnly keeps the horizon and drops the changes; isModified tells them apart", () => {
    const s = {preset: "mpp-2023-i-max", overrides: {capacity_emergency: 30000}, measures: [], start: "2023-01", end: "2028-12"};
    expect(presetOnly(s)).toEqual({preset: "mpp-2023-i-max", overrides: {}, measures: [], start: "2023-01", end: "2028-12"});
    expect(isModified(s)).toBe(true);
    expect(isModified(presetOnly(s))).toBe(false);
  });
});
