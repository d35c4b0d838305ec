/** The band's selection-based quantiles equal d3.quantile on a sorted copy (type 7), for any data. */
import fc from "fast-check";
import {quantile as d3quantile} from "d3";
import {describe, expect, test} from "vitest";
import {quantile, quantiles} from "../../src/model/band.js";

/** -0 and 0 are the same number here (Object.is, which toBe uses, tells them apart). */
const z = (v: number | undefined) => (v === undefined ? v : v + 0);
const zs = (a: ArrayLike<number>) => Array.from(a, (v) => v + 0).sort((p, q) => p - q);

// small integer values make ties common; wide doubles exercise the ordering
const value = fc.oneof(fc.integer({min: -3, max: 3}), fc.double({min: -1e6, max: 1e6, noNaN: true}));

describe("band quantiles", () => {
  test("quantiles(x, …, [0.1, 0.5, 0.9]) equals d3.quantile for every length (ties, equal values, n ≥ 600 included)", () => {
    fc.assert(
      fc.property(fc.array(value, {minLength: 1, maxLength: 1500}), fc.integer({min: 0, max: 5}), (values, pad) => {
        // the slice sits inside a larger buffer, as in the band's store
        const x = new Float64Array(values.length + 2 * pad).fill(99);
        x.set(values, pad);
        const out = new Float64Array(3);
        quantiles(x, pad, values.length, [0.1, 0.5, 0.9], out);
        for (const [j, p] of [0.1, 0.5, 0.9].entries()) expect(z(out[j])).toBe(z(d3quantile(values, p)));
        // the slice still holds the same values, the padding is untouched
        expect(zs(x.subarray(pad, pad + values.length))).toEqual(zs(values));
        expect(Array.from(x.subarray(0, pad)).concat(Array.from(x.subarray(pad + values.length))).every((v) => v === 99)).toBe(true);
      }),
      {numRuns: 300}
    );
  });

  test("long slices (the sampled narrowing of Floyd–Rivest) give d3.quantile too", () => {
    fc.assert(
      fc.property(fc.array(value, {minLength: 601, maxLength: 2500}), (values) => {
        const out = new Float64Array(3);
        quantiles(Float64Array.from(values), 0, values.length, [0.1, 0.5, 0.9], out);
        expect(Array.from(out, z)).toEqual([0.1, 0.5, 0.9].map((p) => z(d3quantile(values, p))));
      }),
      {numRuns: 60}
    );
  });

  test("quantile(x, …, p) for any p in [0, 1] equals d3.quantile", () => {
    fc.assert(
      fc.property(fc.array(value, {minLength: 1, maxLength: 800}), fc.double({min: 0, max: 1, noNaN: true}), (values, p) => {
        expect(z(quantile(Float64Array.from(values), 0, values.length, p))).toBe(z(d3quantile(values, p)));
      }),
      {numRuns: 300}
    );
  });
});
