import {beforeAll, describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {buildCalibration, toMarkdown, type CalibrationReport} from "../../loaders/calibration.js";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {modelValue, observationWindow} from "../../src/model/calibrate.js";
import {run} from "../../src/model/run.js";
import type {ModelInputs, Observation} from "../../src/model/types.js";

let inputs: ModelInputs;
let report: CalibrationReport;
beforeAll(async () => {
  inputs = await loadModelInputs();
  report = buildCalibration(inputs);
});

const obs = (o: Partial<Observation>): Observation => ({series: "coa_total", date: "2023-01-01", value: 1, kind: "stock", source: "t", grade: "P", ...o});

describe("calibration", () => {
  it("observationWindow(stock read early in a month) maps onto the previous month end", () => {
    const s = 2022 * 12;
    expect(observationWindow(obs({date: "2023-01-01"}), s, 108)).toEqual([11, 11]);
    expect(observationWindow(obs({date: "2023-09-25"}), s, 108)).toEqual([20, 20]);
    expect(observationWindow(obs({date: "2022-01-01"}), s, 108)).toBeNull();
    expect(observationWindow(obs({kind: "flow_quarter", date: "2022-Q2"}), s, 108)).toEqual([3, 5]);
    expect(observationWindow(obs({kind: "flow_year", date: "2031"}), s, 108)).toBeNull();
  });

  it("modelValue(flow_year / mean_year) sums or averages twelve months", () => {
    const out = run({preset: "ongewijzigd", overrides: {}, measures: []}, inputs);
    const sum = out.series.decisions.slice(12, 24).reduce((a, b) => a + b, 0);
    expect(modelValue(obs({series: "decisions", kind: "flow_year", date: "2023"}), out)).toBeCloseTo(sum, 6);
    expect(modelValue(obs({series: "decisions", kind: "mean_year", date: "2023"}), out)).toBeCloseTo(sum / 12, 6);
  });

  it("buildCalibration(inputs) covers the observed 2022-2023 history of every chain stage", () => {
    const series = new Set(report.calibration.rows.map((r) => r.series));
    for (const s of ["inflow_nareis", "inflow_total", "backlog_total", "coa_total", "coa_permit_waiting", "dwangsom_eur", "cost_eur"]) expect(series.has(s as never), s).toBe(true);
    for (const r of report.calibration.rows) expect(Number(r.date.slice(0, 4))).toBeLessThanOrEqual(2023);
    for (const r of report.check.rows) expect(Number(r.date.slice(0, 4))).toBeGreaterThanOrEqual(2024);
  });

  it("buildCalibration(inputs) reproduces the calibrated stocks of 2022-2023 within 25%", () => {
    for (const r of report.calibration.rows.filter((x) => ["backlog_total", "coa_total", "coa_permit_waiting", "decisions", "cost_eur"].includes(x.series))) {
      expect(Math.abs(r.relativeError), `${r.series} ${r.date}`).toBeLessThan(0.25);
    }
  });

  it("buildCalibration(inputs) marks observed inputs as inputs, not targets", () => {
    const first = report.calibration.rows.filter((r) => r.series === "inflow_first");
    expect(first.every((r) => r.role === "input")).toBe(true);
    expect(report.calibration.bySeries.some((s) => s.series === "inflow_first")).toBe(false);
  });

  it("buildCalibration(inputs) backtests from the four main origins with the readings public then", () => {
    expect(report.backtests.map((b) => b.origin)).toEqual(["2023-04", "2024-01", "2024-10", "2025-04"]);
    const b2410 = report.backtests.find((b) => b.origin === "2024-10")!;
    // the IND backlog of December 2024 (public January 2025) is not a reading for an October 2024 origin
    expect(b2410.readings.some((r) => r.series === "backlog_total" && r.month === "2024-12")).toBe(false);
    expect(b2410.readings.some((r) => r.series === "backlog_total" && r.month === "2024-09")).toBe(true);
    expect(b2410.rows.length).toBeGreaterThan(3);
  });

  it("buildCalibration(inputs) reproduces each MPP preset's total inflow in every forecast year after its origin within 3%", () => {
    const full = report.mpp.filter((m) => Number(inputs.presets.find((p) => p.id === m.preset)!.origin!.slice(0, 4)) < m.year);
    expect(full.length).toBeGreaterThanOrEqual(6);
    for (const m of full) expect(Math.abs(m.modelTotal / m.target - 1), `${m.preset} ${m.year}`).toBeLessThan(0.03);
  });

  it("buildCalibration(inputs) follows the 2025 fall of the IND grant rate to within 10 points", () => {
    const g = report.grantRates2025;
    expect(g.modelRateQ1).toBeLessThan(g.modelRate2024 - 0.1);
    expect(Math.abs(g.modelRateJanSep - g.indRateJanSep)).toBeLessThan(0.1);
  });

  it("docs/calibration.md holds the tables of the current model and data (regenerate with loaders/calibration.ts --markdown)", () => {
    expect(readFileSync("docs/calibration.md", "utf8")).toContain(toMarkdown(report));
  });
});
