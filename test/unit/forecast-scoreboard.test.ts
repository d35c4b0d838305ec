import {beforeAll, describe, expect, it} from "vitest";
import {buildBacktest} from "../../loaders/backtest.js";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {BACKTEST_ORIGINS, HORIZONS} from "../../src/model/backtest.js";
import {coverageVerdict, errorTable, fanChartData, mppRows, mppSummary, scoreRows, shortMonth, type BacktestData} from "../../src/forecast/scoreboard.js";

let data: BacktestData;
beforeAll(async () => {
  data = buildBacktest(await loadModelInputs(), 40);
}, 60_000);

describe("the forecast scoreboard", () => {
  it("backtest(inputs) scores the four required origins and more, 3, 6 and 12 months ahead", () => {
    for (const o of ["2023-04", "2024-01", "2024-10", "2025-04"]) expect(BACKTEST_ORIGINS).toContain(o);
    expect(data.scoreboard.origins).toEqual([...BACKTEST_ORIGINS]);
    expect(new Set(data.scoreboard.rows.map((r) => r.horizon))).toEqual(new Set(HORIZONS));
    expect(data.scoreboard.rows.length).toBeGreaterThan(60);
  });

  it("backtest rows compare with what was realised: the CBS quarter after an origin, the IND reading", () => {
    const r = data.scoreboard.rows.find((x) => x.origin === "2025-04" && x.series === "inflow_first" && x.horizon === 3)!;
    // May + June + July 2025: 2 × 5.295/3 + 6.800/3
    expect(r.realised).toBeCloseTo((2 * 5295 + 6800) / 3, 6);
    expect(r.inside).toBe(r.realised >= r.p10 && r.realised <= r.p90);
    expect(r.p10).toBeLessThanOrEqual(r.p90);
    const b = data.scoreboard.rows.find((x) => x.origin === "2024-10" && x.series === "backlog_total" && x.horizon === 3)!;
    expect(b).toMatchObject({month: "2024-12", realised: 50910});
  });

  it("backtest coverage is the share of realised values inside P10–P90 and lies near 80%", () => {
    const rows = data.scoreboard.rows;
    expect(data.scoreboard.coverage.overall).toBeCloseTo(rows.filter((r) => r.inside).length / rows.length, 12);
    expect(data.scoreboard.coverage.overall).toBeGreaterThan(0.65);
    expect(data.scoreboard.coverage.overall).toBeLessThan(0.95);
  });

  it("errorTable(data) has a row per series with the mean absolute error per horizon", () => {
    const t = errorTable(data);
    expect(t.map((r) => r.series)).toEqual(["inflow_first", "inflow_nareis", "coa_total", "coa_permit_waiting", "backlog_total"]);
    const first = data.scoreboard.rows.filter((r) => r.series === "inflow_first" && r.horizon === 3);
    expect(t[0]!.byHorizon[3]!.error).toBeCloseTo(first.reduce((s, r) => s + Math.abs(r.error), 0) / first.length, 12);
    expect(t[0]!.label).toBe("Eerste asielaanvragen");
  });

  it("fanChartData(data, series) gives one fan per origin and the realised values", () => {
    const d = fanChartData(data, "coa_total");
    expect(d.fans.length).toBe(BACKTEST_ORIGINS.length);
    expect(d.fans[0]!.months[0]).toBe("2023-05");
    expect(d.observed.some((o) => o.month === "2024-12" && o.value === 72610)).toBe(true);
    expect(fanChartData(data, "inflow_first").observed.some((o) => o.derived)).toBe(true);
  });

  it("mppRows / mppSummary(data) set each MPP edition against the realised total and the model from the same origin", () => {
    const rows = mppRows(data);
    const medio2023 = rows.find((r) => r.edition === "2023-I" && r.scenario === "medio")!;
    expect(medio2023).toMatchObject({year: 2023, mpp: 67000, realised: 50600});
    expect(medio2023.mppError).toBeCloseTo(67000 / 50600 - 1, 12);
    expect(rows.find((r) => r.edition === "2025-II" && r.year === 2026)!.realised).toBeNull();
    const s = mppSummary(data);
    expect(s.n).toBe(rows.filter((r) => r.realised != null).length);
    expect(s.mpp).toBeGreaterThan(s.model);
  });

  it("scoreRows / shortMonth / coverageVerdict speak Dutch", () => {
    expect(Object.keys(scoreRows(data.scoreboard.rows)[0]!)).toContain("binnen_band");
    expect(shortMonth("2025-09")).toBe("sep 2025");
    expect(coverageVerdict(0.5)).toMatch(/te smal/);
    expect(coverageVerdict(0.8)).toMatch(/80%/);
  });
});
