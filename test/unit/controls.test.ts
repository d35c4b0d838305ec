import {beforeAll, describe, expect, it} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {clampedOverrides, controlKind, relativeValue, RELATIVE_STEPS} from "../../src/explorer/controls.js";
import {decodeScenarioFromSearch} from "../../src/model/scenario.js";
import type {ModelInputs, Parameter} from "../../src/model/types.js";

let inputs: ModelInputs;
const p = (id: string): Parameter => {
  const found = inputs.parameters.find((x) => x.id === id);
  if (!found) throw new Error(id);
  return found;
};
beforeAll(async () => {
  inputs = await loadModelInputs();
});

describe("control kinds", () => {
  it("0/1 parameters are switches, years are selects, the rest sliders", () => {
    expect(controlKind(p("inflow_path_mpp"))).toBe("switch");
    expect(controlKind(p("taakstelling_need_based"))).toBe("switch");
    expect(controlKind(p("taakstelling_need_from_year"))).toBe("year");
    expect(controlKind(p("capacity_emergency"))).toBe("slider");
    expect(inputs.parameters.filter((x) => /schakelaar/.test(x.unit)).every((x) => controlKind(x) === "switch")).toBe(true);
  });
});

describe("relative steps", () => {
  it("+10% and +20% give round changes of the basis value, clamped to the range", () => {
    expect(RELATIVE_STEPS).toEqual([-0.2, -0.1, 0.1, 0.2]);
    expect(relativeValue(p("ind_decisions_per_month"), 3373, 0.1)).toBeCloseTo(3710.3, 9);
    expect(relativeValue(p("ind_decisions_per_month"), 3373, -0.2)).toBeCloseTo(2698.4, 9);
    expect(relativeValue(p("housing_realisation"), 1.0, 0.2)).toBe(1.1);
  });
});

describe("clamped values", () => {
  it("are read from the URL reader's notices with the given and the clamped value", () => {
    const {notices} = decodeScenarioFromSearch("?p=ongewijzigd&o=occupancy_rate:5,capacity_emergency:-3,capacity_flex:100", inputs);
    const clamped = clampedOverrides(notices);
    expect(clamped.get("occupancy_rate")).toEqual({given: 5, clamped: 0.97});
    expect(clamped.get("capacity_emergency")).toEqual({given: -3, clamped: 0});
    expect(clamped.has("capacity_flex")).toBe(false);
  });
});
