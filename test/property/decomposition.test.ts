import fc from "fast-check";
import {describe, expect, test} from "vitest";
import {decompose, decomposition, withPooledPeers, type Cell} from "../../loaders/grant-rates.js";

const line = fc.record({
  nlDecisions: fc.integer({min: 1, max: 20_000}),
  positiveShare: fc.double({min: 0, max: 1, noNaN: true}),
  peerRate: fc.option(fc.double({min: 0, max: 1, noNaN: true}), {nil: null})
});

describe("decomposition properties", () => {
  test("decompose(lines) parts add up to the gap (to floating-point precision)", () => {
    fc.assert(
      fc.property(fc.array(line, {minLength: 1, maxLength: 40}), fc.double({min: 0, max: 1, noNaN: true}), (raw, peerOverall) => {
        const lines = raw.map((l) => ({nlDecisions: l.nlDecisions, nlPositive: Math.round(l.positiveShare * l.nlDecisions), peerRate: l.peerRate}));
        const d = decompose(lines, peerOverall);
        if (d == null) return lines.every((l) => l.peerRate == null);
        expect(Math.abs(d.composition + d.within - d.gap)).toBeLessThanOrEqual(1e-12);
        expect(d.gap).toBe(d.nlRate - d.peerRate);
        expect(d.coverage).toBeGreaterThan(0);
        expect(d.coverage).toBeLessThanOrEqual(1);
        return true;
      })
    );
  });

  test("decompose(lines) has no composition part when NL's mix equals the peers' mix", () => {
    fc.assert(
      fc.property(fc.array(fc.record({n: fc.integer({min: 1, max: 5000}), r: fc.double({min: 0, max: 1, noNaN: true})}), {minLength: 1, maxLength: 20}), (groups) => {
        // Peers have the same weights as NL: the peers' overall rate is the NL-mix counterfactual.
        const total = groups.reduce((s, g) => s + g.n, 0);
        const peerOverall = groups.reduce((s, g) => s + g.n * g.r, 0) / total;
        const d = decompose(groups.map((g) => ({nlDecisions: g.n, nlPositive: Math.round(g.n / 2), peerRate: g.r})), peerOverall)!;
        expect(Math.abs(d.composition)).toBeLessThanOrEqual(1e-12);
      })
    );
  });

  test("decomposition(cells) parts add up to the gap for random country tables", () => {
    const count = fc.integer({min: 0, max: 3000});
    const cell = fc.record({positive: count, rejected: count, closed: count});
    const citizens = ["A", "B", "C", "D"];
    fc.assert(
      fc.property(fc.array(cell, {minLength: 12, maxLength: 12}), (values) => {
        const cells: Cell[] = values.map((v, i) => ({...v, geo: (["NL", "DE", "SE"] as const)[Math.floor(i / 4)], citizen: citizens[i % 4], year: 2022}));
        for (const def of ["eurostat", "all"] as const) {
          for (const d of decomposition(withPooledPeers(cells), "PEERS", def, 50)) {
            expect(Math.abs(d.composition + d.within - d.gap)).toBeLessThanOrEqual(1e-12);
          }
        }
      }),
      {numRuns: 60}
    );
  });
});
