import {beforeAll, describe, expect, it} from "vitest";
import fc from "fast-check";
import {availableFrom, defaultOrigin, knownBy, lastObservationOf, originState, quarterInputs, stateMonth} from "../../src/model/origin.js";
import {prepare} from "../../src/model/prepare.js";
import {run} from "../../src/model/run.js";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import type {ModelInputs, Observation} from "../../src/model/types.js";

let inputs: ModelInputs;
beforeAll(async () => {
  inputs = await loadModelInputs();
});

const obs = (o: Partial<Observation>): Observation => ({series: "inflow_first", date: "2024-Q3", value: 1, kind: "flow_quarter", source: "t", grade: "P", ...o});

describe("the forecast origin", () => {
  it("availableFrom(observation) uses the published date, else the rule per kind", () => {
    expect(availableFrom(obs({published: "2025-11-03"}))).toBe("2025-11-03");
    expect(availableFrom(obs({published: "2025-07"}))).toBe("2025-07-31");
    expect(availableFrom(obs({}))).toBe("2024-10-31");
    expect(availableFrom(obs({kind: "stock", date: "2025-01-06", series: "coa_total"}))).toBe("2025-02-31");
    expect(availableFrom(obs({kind: "flow_year", date: "2024"}))).toBe("2025-02-28");
  });

  it("knownBy(origin) is the end of origin + 2 months, never after the vintage", () => {
    expect(knownBy("2024-10", inputs)).toBe("2024-12-31");
    expect(knownBy("2025-09", inputs)).toBe("2025-11-03");
  });

  it("defaultOrigin(inputs) is the last month of the latest public quarter of first applications: 2025-09", () => {
    expect(defaultOrigin(inputs)).toBe("2025-09");
  });

  it("stateMonth(reading date) maps a reading early in a month onto the previous month end", () => {
    expect(stateMonth("2025-01-06")).toBe("2024-12");
    expect(stateMonth("2024-12-31")).toBe("2024-12");
    expect(stateMonth("2023-09-25")).toBe("2023-09");
  });

  it("quarterInputs(observations) derives an interior gap from the annual figure, else from its neighbours, and stops at a longer gap", () => {
    const q = (date: string, value: number, series: Observation["series"] = "inflow_first") => obs({date, value, series});
    const first = quarterInputs([q("2024-Q1", 100), q("2024-Q2", 200), q("2024-Q3", 300), obs({kind: "flow_year", date: "2024", value: 1000}), q("2025-Q1", 50)], "inflow_first");
    expect(first.map((x) => [x.period, x.value, x.kind])).toEqual([
      ["2024-Q1", 100, "observed"],
      ["2024-Q2", 200, "observed"],
      ["2024-Q3", 300, "observed"],
      ["2024-Q4", 400, "derived"],
      ["2025-Q1", 50, "observed"]
    ]);
    const nareis = quarterInputs([q("2024-Q3", 100, "inflow_nareis"), q("2025-Q1", 300, "inflow_nareis")], "inflow_nareis");
    expect(nareis[1]).toMatchObject({period: "2024-Q4", value: 200, kind: "derived"});
    const gap = quarterInputs([q("2024-Q1", 100), q("2024-Q4", 100)], "inflow_first");
    expect(gap.map((x) => x.period)).toEqual(["2024-Q1"]);
  });

  it("originState(inputs, 2024-10) uses only what was public by the end of 2024: no December 2024 readings, CBS up to 2024-Q3", () => {
    const st = originState(inputs, "2024-10", 108);
    expect(st.knownBy).toBe("2024-12-31");
    expect(st.quarters.inflow_first.at(-1)!.period).toBe("2024-Q3");
    expect(st.readings.some((r) => r.month === "2024-12")).toBe(false);
    expect(st.readings.filter((r) => r.series === "backlog_total").at(-1)).toMatchObject({month: "2024-09", value: 49470});
    // months after the last public quarter are not observed
    expect(Number.isNaN(st.inflowFirst[33])).toBe(true);
    expect(st.inflowFirst[32]).toBeCloseTo(8115 / 3, 9);
  });

  it("lastObservationOf(inputs, series) gives each series its own last observed month", () => {
    expect(lastObservationOf(inputs, "inflow_first")).toBe("2025-09");
    expect(lastObservationOf(inputs, "inflow_nareis")).toBe("2025-09");
    expect(lastObservationOf(inputs, "backlog_total")).toBe("2025-05");
    expect(lastObservationOf(inputs, "nareis_backlog")).toBe("2024-12");
    expect(lastObservationOf(inputs, "coa_total")).toBe("2024-12");
    expect(lastObservationOf(inputs, "capacity_shortage")).toBeNull();
  });

  it("prepare(scenario) applies scenario changes only after the origin, and a backtest leaves out later baseline measures", () => {
    const p = prepare({preset: "ongewijzigd", overrides: {}, measures: [], overridesFrom: "2024-01"}, inputs);
    expect(p.origin).toBe("2025-09");
    expect(p.plan.overridesFrom).toBe(45);
    expect(p.plan.sampleFrom).toBe(45);
    const b = prepare({preset: "ongewijzigd", overrides: {}, measures: [], origin: "2024-10", backtest: true}, inputs);
    expect(b.plan.skipBaselineAfter).toBe(33);
    expect(b.plan.knownBy).toBe("2024-12");
  });

  it("run(any scenario) never changes the observed past: outputs up to the origin equal the baseline's (property)", () => {
    const base = run({preset: "ongewijzigd", overrides: {}, measures: []}, inputs).series;
    fc.assert(
      fc.property(fc.double({min: 1000, max: 6000, noNaN: true}), fc.double({min: 0.5, max: 1.1, noNaN: true}), (decisions, realisation) => {
        const s = run({preset: "ongewijzigd", overrides: {ind_decisions_per_month: decisions, housing_realisation: realisation}, measures: [], overridesFrom: "2023-01"}, inputs).series;
        for (let t = 0; t <= 44; t++) {
          if (s.backlog_total[t] !== base.backlog_total[t] || s.coa_total[t] !== base.coa_total[t] || s.inflow_first[t] !== base.inflow_first[t]) return false;
        }
        return s.backlog_total[60] !== base.backlog_total[60] || Math.abs(decisions - 2200) < 1;
      }),
      {numRuns: 40}
    );
  });

  it("switching off a baseline measure never rewrites the observed past", () => {
    // default origin (2025-09): the Syria pause ended in June 2025, so the scenario path is unchanged
    const base = run({preset: "ongewijzigd", overrides: {}, measures: []}, inputs).series;
    const off = run({preset: "ongewijzigd", overrides: {}, measures: [], off: ["beslisstop-syrie"]}, inputs).series;
    expect(Array.from(off.grants)).toEqual(Array.from(base.grants));
    // an origin before the pause (November 2024): the paths differ only from December 2024 (offset 35)
    const base24 = run({preset: "ongewijzigd", overrides: {}, measures: [], origin: "2024-11"}, inputs).series;
    const off24 = run({preset: "ongewijzigd", overrides: {}, measures: [], origin: "2024-11", off: ["beslisstop-syrie"]}, inputs).series;
    for (let t = 0; t < 35; t++) expect(off24.grants[t]).toBe(base24.grants[t]);
    // with the 2025 country policy the paused (high-grant) group is granted less often than the rest,
    // so deciding it instead of the others changes the grants in the first half of 2025
    expect(Math.abs(off24.grants[36]! - base24.grants[36]!)).toBeGreaterThan(50);
  });

  it("a free run (retrospective) applies a switched-off baseline measure over its whole period", () => {
    const base = run({preset: "ongewijzigd", overrides: {}, measures: [], freeRun: true}, inputs).series;
    const off = run({preset: "ongewijzigd", overrides: {}, measures: [], freeRun: true, off: ["beslisstop-syrie"]}, inputs).series;
    for (let t = 0; t < 35; t++) expect(off.grants[t]).toBe(base.grants[t]);
    expect(Math.abs(off.grants[36]! - base.grants[36]!)).toBeGreaterThan(50);
  });
});
