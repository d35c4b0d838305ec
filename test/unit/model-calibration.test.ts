import {beforeAll, describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {buildCalibration, solveMppPresets, toMarkdown, type CalibrationReport} from "../../loaders/calibration.js";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {modelValue, observationWindow, planBacktest, stockAt} from "../../src/model/calibrate.js";
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

  it("planBacktest(inputs, 2024-01) starts from the observed stocks of end 2023 with observed CBS inflow", () => {
    const plan = planBacktest(inputs, "2024-01", "2024-12");
    expect(plan.scenario.overrides.init_backlog).toBe(50000);
    expect(plan.scenario.overrides.init_nareis_backlog).toBe(26630);
    expect(plan.scenario.observed!.inflow_first.length).toBe(9);
    expect(plan.scenario.observed!.inflow_first[0]).toBeCloseTo(8965 / 3, 9);
    expect(report.backtests.map((b) => b.id)).toEqual(["backtest-2023", "backtest-2024"]);
    expect(report.backtests[1].rows.length).toBeGreaterThan(5);
  });

  it("stockAt(observations, series, start) ignores readings older than four months", () => {
    expect(stockAt(inputs.observations, "coa_permit_waiting", "2024-01")!.date).toBe("2023-10-15");
    expect(stockAt(inputs.observations, "coa_permit_waiting", "2022-01")).toBeNull();
  });

  it("buildCalibration(inputs) reproduces each MPP preset's own 2023 total within 1%", () => {
    expect(report.mpp.map((m) => m.target2023)).toEqual([49000, 67000, 77000]);
    for (const m of report.mpp) expect(Math.abs(m.modelTotal2023 / m.target2023 - 1), m.preset).toBeLessThan(0.01);
  });

  it("solveMppPresets(inputs) gives the first-application shares stored in data/scenarios.json (re-solve after a model change)", () => {
    for (const r of solveMppPresets(inputs)) {
      expect(Math.abs(r.modelTotal2023 - r.target), r.preset).toBeLessThan(1);
      const stored = inputs.presets.find((p) => p.id === r.preset)!.overrides.mpp_first_share;
      expect(Math.abs(stored - r.share), r.preset).toBeLessThan(0.005);
    }
  });

  it("docs/calibration.md holds the tables of the current model and data (regenerate with loaders/calibration.ts --markdown)", () => {
    expect(readFileSync("docs/calibration.md", "utf8")).toContain(toMarkdown(report));
  });
});
