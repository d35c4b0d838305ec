import {beforeAll, describe, expect, it} from "vitest";
import {run} from "../../src/model/run.js";
import {chainStocks, enteringFlows, FLOWS, leavingFlows, STOCKS} from "../../src/model/structure.js";
import {SERIES_IDS, type ModelInputs, type Scenario} from "../../src/model/types.js";
import {testInputs} from "../fixtures/model/inputs.js";

let inputs: ModelInputs;
beforeAll(async () => {
  inputs = await testInputs();
});

describe("the declared stocks and flows", () => {
  it("every declared flow and chain stock is an output series, with a Dutch label", () => {
    for (const f of FLOWS) expect(SERIES_IDS as readonly string[]).toContain(f.id);
    for (const s of chainStocks()) expect(SERIES_IDS as readonly string[]).toContain(s);
    for (const x of [...STOCKS, ...FLOWS]) expect(x.label).toMatch(/^[a-zA-Zé][a-zA-Zéë0-9 ()–,.-]+$/);
    expect(enteringFlows()).toEqual(["inflow_first", "inflow_repeat", "inflow_other_ind", "inflow_resettlement", "inflow_nareis"]);
    expect(leavingFlows()).toEqual(["housed", "departed_independent", "departed_forced", "departed_unknown", "departed_unregistered", "dublin_transfers"]);
  });

  it("run(scenario): the chain stocks change each month by the declared entering minus leaving flows (plus corrections at readings)", () => {
    const scenarios: Scenario[] = [
      {preset: "ongewijzigd", overrides: {}, measures: []},
      {preset: "mpp-2025-ii-max", overrides: {ind_decisions_per_month: 4000}, measures: [], origin: "2024-01"}
    ];
    for (const scenario of scenarios) {
      const s = run(scenario, inputs).series;
      const total = (t: number) => chainStocks().reduce((a, id) => a + s[id][t]!, 0);
      for (let t = 1; t < s.in_system.length; t++) {
        expect(total(t)).toBeCloseTo(s.in_system[t]!, 6);
        const change = total(t) - total(t - 1);
        const net = enteringFlows().reduce((a, id) => a + s[id][t]!, 0) - leavingFlows().reduce((a, id) => a + s[id][t]!, 0);
        expect(change, `month ${t}`).toBeCloseTo(net + s.adjusted_cumulative[t]! - s.adjusted_cumulative[t - 1]!, 4);
      }
    }
  });
});
