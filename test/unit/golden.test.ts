/**
 * Speed work changes no number: the model's outputs for the scenarios in
 * test/fixtures/golden-outputs.json (written by `npm run golden`) match the recorded ones to 1e-9
 * relative (1e-6 absolute near zero), every series at every month, and a seeded band alike.
 */
import {readFileSync} from "node:fs";
import {beforeAll, describe, expect, test} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {GOLDEN_FILE, goldenOutputs, type GoldenCase} from "../../scripts/golden.js";
import type {ModelInputs} from "../../src/model/types.js";

const fixture = JSON.parse(readFileSync(GOLDEN_FILE, "utf8")) as {digits: number; cases: GoldenCase[]};
let inputs: ModelInputs;
beforeAll(async () => {
  inputs = await loadModelInputs();
});

/** Positions where `actual` differs from `expected` beyond the tolerance (first few). */
export function mismatches(expected: readonly number[], actual: ArrayLike<number>, where: string): string[] {
  const out: string[] = [];
  if (actual.length !== expected.length) return [`${where}: ${actual.length} months, expected ${expected.length}`];
  for (let t = 0; t < expected.length && out.length < 5; t++) {
    const e = expected[t]!;
    const a = actual[t]!;
    if (Object.is(a, e)) continue;
    const ok = Math.abs(a - e) <= Math.max(1e-6, 1e-9 * Math.abs(e));
    if (!ok) out.push(`${where}[${t}]: ${a}, expected ${e}`);
  }
  return out;
}

describe("golden outputs (speed work changes no number)", () => {
  test("the fixture holds single runs and bands of the scenarios the script defines", () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(12);
    expect(fixture.cases.some((c) => c.band)).toBe(true);
    expect(fixture.cases.some((c) => c.scenario.backtest)).toBe(true);
    expect(fixture.cases.some((c) => c.scenario.freeRun)).toBe(true);
  });

  test("the tolerance catches a change in the 8th significant digit", () => {
    expect(mismatches([123456.789], [123456.789 * (1 + 1e-8)], "x")).toHaveLength(1);
    expect(mismatches([123456.789], [123456.789 * (1 + 1e-11)], "x")).toHaveLength(0);
  });

  for (const c of fixture.cases) {
    test(c.name, () => {
      const now = goldenOutputs(c, inputs);
      expect(Object.keys(now).sort()).toEqual(Object.keys(c.series).sort());
      const bad: string[] = [];
      for (const [id, expected] of Object.entries(c.series)) {
        const actual = now[id]!;
        if (Array.isArray(expected)) bad.push(...mismatches(expected, actual as number[], id));
        else for (const q of ["p10", "p50", "p90"] as const) bad.push(...mismatches(expected[q], (actual as typeof expected)[q], `${id}.${q}`));
      }
      expect(bad.slice(0, 10)).toEqual([]);
    });
  }
});
