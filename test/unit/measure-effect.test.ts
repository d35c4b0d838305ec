import {beforeAll, describe, expect, test} from "vitest";
import fc from "fast-check";
import {readFileSync} from "node:fs";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {measureReport} from "../../loaders/measure-report.js";
import {isActive, measureEffect, withMeasure} from "../../src/model/measure-effect.js";
import {OUTCOME_IDS} from "../../src/model/outcomes.js";
import {run} from "../../src/model/run.js";
import {SERIES_IDS, type Measure, type ModelInputs, type Scenario} from "../../src/model/types.js";

let inputs: ModelInputs;
let quantified: Measure[];
const baseline: Scenario = {preset: "ongewijzigd", overrides: {}, measures: []};

beforeAll(async () => {
  inputs = await loadModelInputs();
  quantified = inputs.measures.filter((m) => m.effects?.length);
});

describe("every quantified measure visibly does something", () => {
  test("the catalogue quantifies at least 20 measures, each with mechanism, strength range and targets", () => {
    expect(quantified.length).toBeGreaterThanOrEqual(20);
    for (const m of quantified) {
      expect([m.id, typeof m.mechanism]).toEqual([m.id, "string"]);
      expect([m.id, m.strengthLow! <= 1 && m.strengthHigh! >= 1]).toEqual([m.id, true]);
      expect([m.id, (m.targets ?? []).length > 0]).toEqual([m.id, true]);
    }
  });

  test("measureEffect(baseline, m) moves at least one target output of every quantified measure by its stated minimum, with the documented sign", () => {
    const failures: string[] = [];
    for (const m of quantified) {
      const effect = measureEffect(baseline, inputs, m.id);
      // on when it is off in the baseline, off when it is on: the change is always with − without
      expect(effect.active).toBe(m.inBaseline === true);
      if (!effect.targets.some((t) => t.met)) failures.push(`${m.id}: ${effect.targets.map((t) => `${t.target.output} ${t.change}`).join(", ")}`);
    }
    expect(failures).toEqual([]);
  });

  test("a measure in force switched off shows its effect as 'zonder deze maatregel': the two runs share the past and differ after the origin", () => {
    const off = run({...baseline, off: ["stabiele-financiering-coa-41000"]}, inputs);
    const on = run(baseline, inputs);
    const effect = measureEffect({...baseline, off: ["stabiele-financiering-coa-41000"]}, inputs, "stabiele-financiering-coa-41000");
    expect(effect.active).toBe(false);
    expect(effect.forward.cost_2026).toBeLessThan(-50_000_000);
    const cost2026 = (r: typeof on) => r.series.cost_eur.slice(48, 60).reduce((a, b) => a + b, 0);
    expect(effect.forward.cost_2026).toBeCloseTo(cost2026(on) - cost2026(off), 0);
  });

  test("a past measure's effect is a retrospective estimate; the scenario path keeps the observed history", () => {
    const effect = measureEffect(baseline, inputs, "taakstelling-2023-ii");
    for (const id of OUTCOME_IDS) expect(effect.forward[id]).toBe(0);
    expect(effect.retrospective).not.toBeNull();
    expect(effect.retrospective!.during.coa_permit_waiting!.value).toBeLessThan(-500);
    expect(effect.retrospective!.during.coa_permit_waiting!.month >= "2023-07").toBe(true);
  });

  test("withMeasure switches a baseline measure through `off` and any other measure through `measures`, from the month after the origin at the earliest", () => {
    const stable = inputs.measures.find((m) => m.id === "stabiele-financiering-coa-41000")!;
    const door = inputs.measures.find((m) => m.id === "doorstroomlocaties")!;
    expect(withMeasure(baseline, stable, false, inputs).off).toEqual([stable.id]);
    expect(withMeasure({...baseline, off: [stable.id]}, stable, true, inputs).off).toBeUndefined();
    const on = withMeasure(baseline, door, true, inputs);
    expect(isActive(on, door)).toBe(true);
    expect(on.measures[0]!.start > run(baseline, inputs).origin).toBe(true);
    expect(isActive(withMeasure(on, door, false, inputs), door)).toBe(false);
  });
});

describe("measures never change months before the forecast origin", () => {
  test("property: any set of measures switched on and baseline measures switched off leaves every series identical up to the origin", () => {
    const origins = ["2023-06", "2024-09", "2025-09"];
    fc.assert(
      fc.property(
        fc.constantFrom(...origins),
        fc.subarray(quantified.map((m) => m.id), {maxLength: 6}),
        fc.double({min: 0, max: 2, noNaN: true}),
        (origin, ids, strength) => {
          const base = run({...baseline, origin}, inputs);
          const scenario: Scenario = {...baseline, origin, measures: [], off: []};
          for (const id of ids) {
            const m = inputs.measures.find((x) => x.id === id)!;
            if (m.inBaseline) scenario.off!.push(id);
            else scenario.measures.push({id, start: m.defaultStart!, strength});
          }
          const changed = run(scenario, inputs);
          const o = base.months - 1 - (2030 * 12 + 11 - (Number(origin.slice(0, 4)) * 12 + Number(origin.slice(5, 7)) - 1));
          for (const s of SERIES_IDS) for (let t = 0; t <= o; t++) if (changed.series[s][t] !== base.series[s][t]) return false;
          return true;
        }
      ),
      {numRuns: 40}
    );
  });
});

describe("docs/measures.md", () => {
  test("holds the current table of quantified measures and their effects (regenerate with loaders/measure-report.ts --markdown)", () => {
    expect(readFileSync("docs/measures.md", "utf8")).toContain(`<!-- measure-report:start -->\n${measureReport(inputs)}\n<!-- measure-report:end -->`);
  });
});
