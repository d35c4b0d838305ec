import {beforeAll, describe, expect, it} from "vitest";
import {decompose, exactShapley, playersOf, sampledShapley} from "../../src/model/shapley.js";
import {defaultEntry} from "../../src/model/measure-effect.js";
import {OUTCOME_IDS, outcomesOf} from "../../src/model/outcomes.js";
import {addMonths} from "../../src/model/months.js";
import {originOf} from "../../src/model/prepare.js";
import {run} from "../../src/model/run.js";
import type {Measure, ModelInputs, Scenario} from "../../src/model/types.js";
import {testInputs} from "../fixtures/model/inputs.js";

let inputs: ModelInputs;
let from: string;
const base: Scenario = {preset: "ongewijzigd", overrides: {}, measures: []};
/** Quantified measures not in the baseline (switched on) and in it (switched off), from the catalogue. */
let onMeasures: Measure[];
let offMeasures: Measure[];

beforeAll(async () => {
  inputs = await testInputs();
  from = addMonths(originOf(base, inputs), 1);
  onMeasures = inputs.measures.filter((m) => m.effects?.length && !m.inBaseline && !m.defaultEnd);
  offMeasures = inputs.measures.filter((m) => m.effects?.length && m.inBaseline);
});

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));

function on(...ms: Measure[]): Scenario {
  return {...base, measures: ms.map((m) => defaultEntry(m, from))};
}

describe("decompose", () => {
  it("has no players and a zero total for the baseline", () => {
    const d = decompose(base, inputs);
    expect(d.players).toEqual([]);
    expect(d.method).toBe("exact");
    expect(d.runs).toBe(1);
    for (const id of OUTCOME_IDS) expect(d.total[id]).toBe(0);
  });

  it("v(∅) and v(N) are the outcomes of the baseline and scenario runs", () => {
    const scenario = {...on(...onMeasures.slice(0, 3)), off: offMeasures.slice(0, 1).map((m) => m.id)};
    const d = decompose(scenario, inputs);
    const vN = outcomesOf(run(scenario, inputs));
    const v0 = outcomesOf(run(base, inputs));
    for (const id of OUTCOME_IDS) {
      expect(d.scenario[id], id).toBeCloseTo(vN[id], 6);
      expect(d.baseline[id], id).toBeCloseTo(v0[id], 6);
    }
    expect(d.players.map((p) => p.player.key)).toEqual([...onMeasures.slice(0, 3).map((m) => "on:" + m.id), ...offMeasures.slice(0, 1).map((m) => "off:" + m.id)]);
    expect(d.runs).toBe(16);
  });

  it("the parts sum to v(N) − v(∅) and solo effects + interaction give the total", () => {
    const scenario = on(...onMeasures.slice(0, 4));
    const d = decompose(scenario, inputs);
    expect(d.players.length).toBe(4);
    for (const id of OUTCOME_IDS) {
      const sum = d.players.reduce((s, p) => s + p.shapley[id], 0);
      expect(rel(sum, d.total[id]), id).toBeLessThan(1e-6);
      const solo = d.players.reduce((s, p) => s + p.solo[id], 0);
      expect(rel(solo + d.interaction[id], d.total[id]), id).toBeLessThan(1e-9);
      expect(rel(d.total[id], d.scenario[id] - d.baseline[id]), id).toBeLessThan(1e-12);
    }
    // the scenario moves at least one outcome (the catalogue's quantified measures act)
    expect(OUTCOME_IDS.some((id) => Math.abs(d.total[id]) > 1)).toBe(true);
  });

  it("with one player the Shapley value equals the total effect and its solo effect", () => {
    for (const m of onMeasures.slice(0, 3)) {
      const d = decompose(on(m), inputs);
      for (const id of OUTCOME_IDS) {
        expect(d.players[0]!.shapley[id], `${m.id} ${id}`).toBe(d.total[id]);
        expect(d.players[0]!.solo[id]).toBe(d.total[id]);
        expect(d.interaction[id]).toBe(0);
      }
    }
  });

  it("a switched-off baseline measure is a player whose value is its 'zonder' effect", () => {
    const m = offMeasures[0]!;
    const scenario = {...base, off: [m.id]};
    const d = decompose(scenario, inputs);
    expect(d.players.map((p) => p.player)).toEqual([{key: "off:" + m.id, measureId: m.id, action: "off", name: m.name}]);
    const without = outcomesOf(run(scenario, inputs));
    const withIt = outcomesOf(run(base, inputs));
    for (const id of OUTCOME_IDS) expect(d.players[0]!.shapley[id]).toBeCloseTo(without[id] - withIt[id], 6);
  });

  it("two identical measures get equal values (symmetry)", () => {
    const twin = (id: string): Measure => ({id, name: id, summary: "x", pillar: "uitstroom", source: {document: "test"}, status: "proposed", effects: [{parameter: "flex_homes_per_year", mode: "add", change: 4000}], quantification: "test"});
    const twins: ModelInputs = {...inputs, measures: [...inputs.measures, twin("twin-a"), twin("twin-b")]};
    const scenario: Scenario = {...base, measures: [{id: "twin-a", start: from, strength: 1}, {id: onMeasures[0]!.id, start: from, strength: 1}, {id: "twin-b", start: from, strength: 1}]};
    const d = decompose(scenario, twins);
    const [a, , b] = d.players;
    let moved = false;
    for (const id of OUTCOME_IDS) {
      expect(rel(a!.shapley[id], b!.shapley[id]), id).toBeLessThan(1e-9);
      if (Math.abs(a!.shapley[id]) > 1) moved = true;
    }
    expect(moved).toBe(true);
  });

  it("a measure without effect, or acting only after the horizon, gets 0 (null player)", () => {
    const unquantified = inputs.measures.find((m) => !m.effects)!;
    const late = onMeasures[1]!;
    const scenario: Scenario = {...base, measures: [defaultEntry(onMeasures[0]!, from), {id: unquantified.id, start: from, strength: 1}, {id: late.id, start: "2031-01", strength: 1}]};
    const d = decompose(scenario, inputs);
    for (const id of OUTCOME_IDS) {
      expect(d.players[1]!.shapley[id], id).toBe(0);
      expect(d.players[2]!.shapley[id], id).toBe(0);
      expect(d.players[1]!.solo[id]).toBe(0);
    }
  });

  it("above exactUpTo it samples permutations: close to exact, with standard errors, seeded", () => {
    const scenario = {...on(...onMeasures.slice(0, 3)), off: offMeasures.slice(0, 1).map((m) => m.id)};
    const exact = decompose(scenario, inputs);
    const s1 = decompose(scenario, inputs, {exactUpTo: 2, permutations: 300, seed: 7});
    const s2 = decompose(scenario, inputs, {exactUpTo: 2, permutations: 300, seed: 7});
    expect(s1.method).toBe("sampled");
    expect(s1.permutations).toBe(300);
    expect(s1.seed).toBe(7);
    expect(s1).toEqual(s2);
    expect(s1.runs).toBeLessThanOrEqual(16);
    for (const id of OUTCOME_IDS) {
      const sum = s1.players.reduce((s, p) => s + p.shapley[id], 0);
      expect(rel(sum, exact.total[id]), id).toBeLessThan(1e-6);
      s1.players.forEach((p, i) => {
        expect(p.se![id]).toBeGreaterThanOrEqual(0);
        // within 5 standard errors (plus rounding) of the exact value
        expect(Math.abs(p.shapley[id] - exact.players[i]!.shapley[id]), `${p.player.key} ${id}`).toBeLessThanOrEqual(5 * p.se![id] + 1e-6 * Math.max(1, Math.abs(exact.total[id])));
      });
    }
    expect(exact.players[0]!.se).toBeUndefined();
  });

  it("lists each switched-on measure once and ignores 'off' ids that are not baseline measures", () => {
    const m = onMeasures[0]!;
    const ps = playersOf({...base, measures: [defaultEntry(m, from), defaultEntry(m, from)], off: [m.id]}, inputs);
    expect(ps.map((p) => p.key)).toEqual(["on:" + m.id]);
    expect(() => playersOf({...base, measures: [{id: "no-such-measure", start: from, strength: 1}]}, inputs)).toThrow(/unknown measure/);
  });
});

describe("exactShapley / sampledShapley (game core)", () => {
  it("gives the textbook values of a glove game", () => {
    // players 0 (left glove), 1 and 2 (right gloves): a pair is worth 1
    const core = exactShapley(3, (m, into) => {
      into[0] = m[0] && (m[1] || m[2]) ? 1 : 0;
    }, 1);
    expect(core.phi.map((p) => p[0])).toEqual([2 / 3, 1 / 6, 1 / 6].map((x) => expect.closeTo(x, 12)));
    expect(core.runs).toBe(8);
  });

  it("rejects n above 20 and fewer than 2 permutations", () => {
    expect(() => exactShapley(21, () => {})).toThrow(/outside/);
    expect(() => sampledShapley(3, () => {}, 1, 1)).toThrow(/permutations/);
  });
});
