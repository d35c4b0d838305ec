import fc from "fast-check";
import {beforeAll, describe, expect, test} from "vitest";
import {decompose, exactShapley, permutationMarginals, randomPermutation, sampledShapley, type CoalitionValue} from "../../src/model/shapley.js";
import {OUTCOME_IDS, outcomesOf} from "../../src/model/outcomes.js";
import {addMonths} from "../../src/model/months.js";
import {originOf} from "../../src/model/prepare.js";
import {mulberry32} from "../../src/model/rng.js";
import {run} from "../../src/model/run.js";
import type {ModelInputs, Scenario} from "../../src/model/types.js";
import {testInputs} from "../fixtures/model/inputs.js";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));

/** A random game on n players: an arbitrary value table over the 2^n coalitions, k outcomes. */
const game = fc.integer({min: 1, max: 7}).chain((n) =>
  fc.record({n: fc.constant(n), k: fc.integer({min: 1, max: 3}), table: fc.array(fc.double({min: -1e6, max: 1e6, noNaN: true}), {minLength: (1 << n) * 3, maxLength: (1 << n) * 3})})
);

function valueOf(table: number[], k: number): CoalitionValue {
  return (m, into) => {
    let mask = 0;
    m.forEach((x, i) => (mask |= x ? 1 << i : 0));
    for (let j = 0; j < k; j++) into[j] = table[mask * 3 + j]!;
  };
}

describe("Shapley core properties", () => {
  test("exact: the values sum to v(N) − v(∅) (efficiency, 1e-6 relative)", () => {
    fc.assert(
      fc.property(game, ({n, k, table}) => {
        const core = exactShapley(n, valueOf(table, k), k);
        for (let j = 0; j < k; j++) {
          const sum = core.phi.reduce((s, p) => s + p[j]!, 0);
          expect(rel(sum, core.full[j]! - core.empty[j]!)).toBeLessThan(1e-6);
        }
      })
    );
  });

  test("sampled: each permutation's marginals sum to v(N) − v(∅), and so do the estimates", () => {
    fc.assert(
      fc.property(game, fc.integer(), ({n, k, table}, seed) => {
        const value = valueOf(table, k);
        const lookup = (m: readonly boolean[]) => {
          const x = new Float64Array(k);
          value(m, x);
          return x;
        };
        const order = randomPermutation(n, mulberry32(seed));
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({length: n}, (_, i) => i));
        const marg = permutationMarginals(order, lookup, k);
        const full = lookup(new Array(n).fill(true));
        const empty = lookup(new Array(n).fill(false));
        for (let j = 0; j < k; j++) expect(rel(marg.reduce((s, m) => s + m[j]!, 0), full[j]! - empty[j]!)).toBeLessThan(1e-9);
        const core = sampledShapley(n, value, 5, seed, k);
        for (let j = 0; j < k; j++) expect(rel(core.phi.reduce((s, p) => s + p[j]!, 0), full[j]! - empty[j]!)).toBeLessThan(1e-6);
      })
    );
  });

  test("symmetry: two players that are interchangeable in the game get equal values", () => {
    fc.assert(
      fc.property(game, ({n, k, table}) => {
        fc.pre(n >= 2);
        // symmetrise in players 0 and 1: v(S) := value of S with 0 and 1 sorted (a function of |S ∩ {0,1}|)
        const value: CoalitionValue = (m, into) => {
          const s = [...m];
          const both = (s[0] ? 1 : 0) + (s[1] ? 1 : 0);
          s[0] = both >= 1;
          s[1] = both >= 2;
          valueOf(table, k)(s, into);
        };
        const core = exactShapley(n, value, k);
        for (let j = 0; j < k; j++) expect(rel(core.phi[0]![j]!, core.phi[1]![j]!)).toBeLessThan(1e-9);
      })
    );
  });

  test("null player: a player whose membership never changes the value gets 0", () => {
    fc.assert(
      fc.property(game, fc.nat(), ({n, k, table}, pick) => {
        const nullPlayer = pick % n;
        const value: CoalitionValue = (m, into) => {
          const s = [...m];
          s[nullPlayer] = false;
          valueOf(table, k)(s, into);
        };
        const core = exactShapley(n, value, k);
        for (let j = 0; j < k; j++) expect(Math.abs(core.phi[nullPlayer]![j]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, ...table.map(Math.abs)));
        const sampled = sampledShapley(n, value, 4, pick, k);
        for (let j = 0; j < k; j++) expect(sampled.phi[nullPlayer]![j]).toBe(0);
      })
    );
  });

  test("one player: the value is the total effect", () => {
    fc.assert(
      fc.property(fc.double({noNaN: true, min: -1e9, max: 1e9}), fc.double({noNaN: true, min: -1e9, max: 1e9}), (a, b) => {
        const core = exactShapley(1, (m, into) => (into[0] = m[0] ? b : a), 1);
        expect(core.phi[0]![0]).toBe(b - a);
      })
    );
  });
});

describe("model decomposition properties", () => {
  let inputs: ModelInputs;
  let from: string;
  const base: Scenario = {preset: "ongewijzigd", overrides: {}, measures: []};
  beforeAll(async () => {
    inputs = await testInputs();
    from = addMonths(originOf(base, inputs), 1);
  });

  test("for random sets of quantified measures (on, or baseline ones off) the parts sum to the total and v(N) is the scenario run", () => {
    const quantified = () => inputs.measures.filter((m) => m.effects?.length);
    fc.assert(
      fc.property(fc.array(fc.record({pick: fc.nat(), strength: fc.double({min: 0, max: 2, noNaN: true}), delay: fc.integer({min: 0, max: 30})}), {minLength: 1, maxLength: 5}), (choice) => {
        const q = quantified();
        const measures: Scenario["measures"] = [];
        const off: string[] = [];
        for (const c of choice) {
          const m = q[c.pick % q.length]!;
          if (m.inBaseline) {
            if (!off.includes(m.id)) off.push(m.id);
          } else if (!measures.some((x) => x.id === m.id)) measures.push({id: m.id, start: addMonths(from, c.delay), strength: c.strength});
        }
        const scenario: Scenario = {...base, measures, ...(off.length ? {off} : {})};
        const d = decompose(scenario, inputs);
        const vN = outcomesOf(run(scenario, inputs));
        for (const id of OUTCOME_IDS) {
          const sum = d.players.reduce((s, p) => s + p.shapley[id], 0);
          expect(rel(sum, d.total[id]), id).toBeLessThan(1e-6);
          expect(rel(d.scenario[id], vN[id]), id).toBeLessThan(1e-9);
        }
      }),
      {numRuns: 25}
    );
  });
});
