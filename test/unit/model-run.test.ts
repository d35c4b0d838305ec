import {beforeAll, describe, expect, it} from "vitest";
import {run} from "../../src/model/run.js";
import {SERIES_IDS, type ModelInputs} from "../../src/model/types.js";
import {testInputs} from "../fixtures/model/inputs.js";

let inputs: ModelInputs;
beforeAll(async () => {
  inputs = await testInputs();
});

const baseline = {preset: "ongewijzigd", overrides: {}, measures: []};
/** Behaviour in the past is tested from an early origin (changes apply from 2023-01). */
const early = {...baseline, origin: "2022-12"};
const year = (x: Float64Array, y: number) => x.slice((y - 2022) * 12, (y - 2021) * 12).reduce((a, b) => a + b, 0);

describe("run", () => {
  it("run(baseline) returns every series for 2022-01 … 2030-12", () => {
    const out = run(baseline, inputs);
    expect(out.start).toBe("2022-01");
    expect(out.months).toBe(108);
    for (const id of SERIES_IDS) {
      expect(out.series[id], id).toBeInstanceOf(Float64Array);
      expect(out.series[id].length, id).toBe(108);
      expect(out.series[id].every(Number.isFinite), id).toBe(true);
    }
  });

  it("run(baseline) keeps open cases in the accelerated tracks 1, 2 and 4 (IND end 2023: about 5,000)", () => {
    const out = run(baseline, inputs);
    const s = out.series;
    const fast = (t: number) => s.backlog_track1[t] + s.backlog_track2[t] + s.backlog_track4[t];
    // end 2023 (offset 23): IND reported about 5,000 safe-country/Dublin cases open
    expect(fast(23)).toBeGreaterThan(3000);
    expect(fast(23)).toBeLessThan(7000);
    // April 2024 (offset 27): 2,830 open Dublin cases
    expect(s.backlog_track1[27]).toBeGreaterThan(0.7 * 2830);
    expect(s.backlog_track1[27]).toBeLessThan(1.3 * 2830);
    for (let t = 0; t < out.months; t++) expect(s.backlog_track1[t], `month ${t}`).toBeGreaterThan(100);
  });

  it("run(accelerated_decision_months longer) leaves more open cases in track 1 and never more in track 3", () => {
    const a = run({...early, overrides: {accelerated_decision_months: 3}}, inputs).series;
    const b = run({...early, overrides: {accelerated_decision_months: 7}}, inputs).series;
    expect(b.backlog_track1[30]).toBeGreaterThan(a.backlog_track1[30]);
    for (let t = 0; t < 108; t++) expect(b.backlog_track3[t]).toBeLessThanOrEqual(a.backlog_track3[t] + 1e-6);
  });

  it("run(baseline) gives departures of the size DT&V reports, with unknown destination not the sum of the other two", () => {
    const s = run(baseline, inputs).series;
    const dtv: Record<number, [number, number, number]> = {2022: [2450, 1850, 4310], 2024: [3240, 2750, 5740]};
    for (const y of [2022, 2024]) {
      const m = [year(s.departed_independent, y), year(s.departed_forced, y), year(s.departed_unknown, y)];
      m.forEach((v, i) => expect(Math.abs(v / dtv[y][i] - 1), `${y} category ${i}`).toBeLessThan(0.25));
      expect(Math.abs(m[2] - m[0] - m[1])).toBeGreaterThan(100);
    }
  });

  it("run(departure_unknown_share higher) moves people from unregistered to unknown destination only", () => {
    const a = run({...early, overrides: {departure_unknown_share: 0.25}}, inputs).series;
    const b = run({...early, overrides: {departure_unknown_share: 0.35}}, inputs).series;
    expect(b.departed_unknown[40]).toBeGreaterThan(a.departed_unknown[40]);
    expect(b.departed_unregistered[40]).toBeLessThan(a.departed_unregistered[40]);
    expect(b.departed_independent[40]).toBeCloseTo(a.departed_independent[40], 9);
    expect(b.left_cumulative[107]).toBeCloseTo(a.left_cumulative[107], 6);
  });

  it("run(baseline) keeps permit holders waiting bounded: the need-based taakstelling counts the arrears", () => {
    const need = run(baseline, inputs).series;
    const fixed = run({...baseline, overrides: {taakstelling_need_based: 0}}, inputs).series;
    expect(need.coa_permit_waiting[107]).toBeLessThan(15000);
    expect(need.coa_permit_waiting[107]).toBeLessThan(need.coa_permit_waiting[48]);
    // without arrears the 70% realisation is a shortfall every half-year that is never made up
    expect(fixed.coa_permit_waiting[107]).toBeGreaterThan(4 * need.coa_permit_waiting[107]);
  });

  it("run(baseline) is deterministic", () => {
    const a = run(baseline, inputs);
    const b = run(baseline, inputs);
    expect(Array.from(a.series.coa_total)).toEqual(Array.from(b.series.coa_total));
  });

  it("run(baseline) conserves people: entered + corrections at readings = in system + left every month", () => {
    const s = run(baseline, inputs).series;
    for (let t = 0; t < 108; t++) {
      expect(s.entered_cumulative[t] + s.adjusted_cumulative[t] - s.left_cumulative[t]).toBeCloseTo(s.in_system[t], 4);
    }
  });

  it("run(baseline) reproduces the observed CBS quarters of first applications 2022-2024", () => {
    const s = run(baseline, inputs).series.inflow_first;
    const q = (i: number) => s[3 * i] + s[3 * i + 1] + s[3 * i + 2];
    expect(q(0)).toBeCloseTo(6450, -1);
    expect(q(2)).toBeCloseTo(11015, -1);
    expect(q(7)).toBeCloseTo(12975, -1);
    expect(q(10)).toBeCloseTo(8115, -1);
    // 2024-Q4 derived: IND 2024 (32.180) minus CBS Q1-Q3 2024 (24.790)
    expect(q(11)).toBeCloseTo(7390, -1);
    // 2025 (CBS via ANP): 4.500, 5.295, 6.800
    expect(q(12)).toBeCloseTo(4500, -1);
    expect(q(13)).toBeCloseTo(5295, -1);
    expect(q(14)).toBeCloseTo(6800, -1);
  });

  it("run(baseline) reproduces the observed nareis arrivals 2025 and the stock readings up to the origin", () => {
    const s = run(baseline, inputs).series;
    const q = (x: Float64Array, i: number) => x[3 * i] + x[3 * i + 1] + x[3 * i + 2];
    expect(q(s.inflow_nareis, 12)).toBeCloseTo(3700, -1);
    expect(q(s.inflow_nareis, 14)).toBeCloseTo(4600, -1);
    expect(s.backlog_total[35]).toBeCloseTo(50910, 0); // Dec 2024 (IND)
    expect(s.backlog_total[40]).toBeCloseTo(51160, 0); // May 2025 (IND)
    expect(s.nareis_backlog[35]).toBeCloseTo(66040, 0); // Dec 2024 (IND)
    expect(s.coa_total[35]).toBeCloseTo(72610, 0); // 6 Jan 2025 (COA): state end of Dec 2024
    expect(s.coa_permit_waiting[35]).toBeCloseTo(17460, 0);
  });

  it("run(baseline) forecasts from the default origin 2025-09", () => {
    const out = run(baseline, inputs);
    expect(out.origin).toBe("2025-09");
    // after the origin, first applications follow the statistical baseline fitted on 2013-Q1 … 2025-Q3
    const after = year(out.series.inflow_first, 2026);
    expect(after).toBeGreaterThan(20000);
    expect(after).toBeLessThan(28000);
  });

  it("run(start later than the model start) derives its state from the observed past, not from 2022 start values", () => {
    const full = run(baseline, inputs).series;
    const later = run({...baseline, start: "2023-04"}, inputs);
    expect(later.start).toBe("2023-04");
    expect(later.series.coa_total[35 - 15]).toBeCloseTo(full.coa_total[35], 9);
  });

  it("run(baseline) starts from the observed stocks of early 2022", () => {
    const s = run(baseline, inputs).series;
    expect(s.backlog_total[0]).toBeGreaterThan(19000);
    expect(s.backlog_total[0]).toBeLessThan(23000);
    expect(s.coa_total[0]).toBeGreaterThan(33000);
    expect(s.coa_total[0]).toBeLessThan(40000);
  });

  it("run(mpp-2025-ii-min / max) give the MPP total inflow of 2026 and differ only after the edition's publication", () => {
    const min = run({...baseline, preset: "mpp-2025-ii-min"}, inputs);
    const max = run({...baseline, preset: "mpp-2025-ii-max"}, inputs);
    expect(min.origin).toBe("2025-08");
    expect(year(min.series.inflow_total, 2026) / 39000).toBeCloseTo(1, 1);
    expect(year(max.series.inflow_total, 2026) / 67100).toBeCloseTo(1, 1);
    for (let t = 0; t <= 43; t++) expect(max.series.inflow_first[t], `month ${t}`).toBe(min.series.inflow_first[t]);
    expect(max.series.inflow_first[48]).toBeGreaterThan(min.series.inflow_first[48]);
  });

  it("run(mpp preset) follows the observations that were public before its publication", () => {
    // MPP December 2024: origin 2024-11, information date 2025-01-31 (CBS up to 2024-Q3 public)
    const mpp = run({...baseline, preset: "mpp-2024-ii-max"}, inputs).series;
    const base = run({...baseline, origin: "2024-11"}, inputs).series;
    for (let t = 0; t <= 34; t++) expect(mpp.inflow_first[t], `month ${t}`).toBe(base.inflow_first[t]);
    expect(year(mpp.inflow_total, 2025) / 74800).toBeCloseTo(1, 1);
  });

  it("run(mpp preset) applies inflow_growth_after_mpp after the edition's last year", () => {
    const flat = run({...baseline, preset: "mpp-2025-ii-max"}, inputs).series.inflow_total;
    const grow = run({...baseline, preset: "mpp-2025-ii-max", overrides: {inflow_growth_after_mpp: 0.1}}, inputs).series.inflow_total;
    expect(year(grow, 2026)).toBeCloseTo(year(flat, 2026), 0);
    expect(year(grow, 2027) / year(flat, 2027)).toBeGreaterThan(1.07);
    expect(year(grow, 2027) / year(flat, 2027)).toBeLessThan(1.13);
  });

  it("run(scenario with observed inflow_first) uses the observed months, then the parameters", () => {
    const out = run({...baseline, start: "2026-01", observed: {inflow_first: [1000, 2000, 3000]}}, inputs);
    expect(Array.from(out.series.inflow_first.slice(0, 3))).toEqual([1000, 2000, 3000]);
    expect(out.series.inflow_first[3]).toBeCloseTo(run(baseline, inputs).series.inflow_first[51], 9);
  });

  it("run(scenario with a shorter period) honours start and end", () => {
    const out = run({...baseline, start: "2024-01", end: "2024-12"}, inputs);
    expect(out.months).toBe(12);
    expect(out.start).toBe("2024-01");
  });

  it("run(baseline).summary names peak months inside the horizon and a cost for each year", () => {
    const {summary} = run(baseline, inputs);
    expect(summary.peakOccupancy.month >= "2022-01" && summary.peakOccupancy.month <= "2030-12").toBe(true);
    expect(summary.nareisPeak.value).toBeGreaterThan(0);
    expect(summary.costPerYear.map((c) => c.year)).toEqual([2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(["ind", "opvang", "huisvesting", "geen"]).toContain(summary.bottleneck);
    for (const c of summary.costPerYear) expect(c.regular + c.emergency).toBeCloseTo(c.value, 0);
    expect(summary.costPerYear[1].emergency).toBeGreaterThan(0);
  });

  it("run(more IND decisions in 2023) moves the nareis peak and raises nareis arrivals a year later", () => {
    const more = run({...early, measures: [{id: "test-ind-boost", start: "2023-01", end: "2023-12", strength: 1}]}, inputs);
    const base = run(early, inputs);
    const y2024 = (x: Float64Array) => x.slice(24, 36).reduce((a, b) => a + b, 0);
    expect(y2024(more.series.nareis_arrivals)).toBeGreaterThan(y2024(base.series.nareis_arrivals));
  });

  it("run(scenario with an unknown override) throws naming the parameter", () => {
    expect(() => run({...baseline, overrides: {no_such: 1}}, inputs)).toThrow(/no_such/);
  });
});
