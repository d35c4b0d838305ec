/** chart-memo.ts: a chart is rebuilt only when one of its inputs changed. */
import {beforeEach, describe, expect, test} from "vitest";
import {clearChartMemo, memoChart} from "../../src/components/chart-memo.js";

let built = 0;
const build = () => ({id: ++built}) as unknown as Element;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const data = (values: number[]) => ({start: "2024-01", lines: [{role: "scenario", label: "jouw scenario", values: Float64Array.from(values)}], observed: [{date: new Date(Date.UTC(2024, 5, 1)), value: 3, label: "COA"}]});

describe("memoChart", () => {
  beforeEach(() => {
    clearChartMemo();
    built = 0;
  });

  test("the same inputs give the same element; any changed number, string or function gives a new one", async () => {
    const format = (x: number) => String(x);
    const a = memoChart("k", data([1, 2, NaN]), {width: 600, caption: "c", format}, build);
    await nextTask();
    expect(memoChart("k", data([1, 2, NaN]), {width: 600, caption: "c", format: (x: number) => String(x)}, build)).toBe(a);
    await nextTask();
    expect(memoChart("k", data([1, 2.5, NaN]), {width: 600, caption: "c", format}, build)).not.toBe(a);
    await nextTask();
    expect(memoChart("k", data([1, 2, NaN]), {width: 601, caption: "c", format}, build)).not.toBe(a);
    await nextTask();
    expect(memoChart("k", data([1, 2, NaN]), {width: 600, caption: "d", format}, build)).not.toBe(a);
    await nextTask();
    expect(memoChart("k", data([1, 2, NaN]), {width: 600, caption: "c", format: (x: number) => `${x} %`}, build)).not.toBe(a);
    await nextTask();
    expect(memoChart("other", data([1, 2, NaN]), {width: 600, caption: "c", format}, build)).not.toBe(a);
    await nextTask();
    // the observed date is an input too
    const moved = data([1, 2, NaN]);
    moved.observed[0].date = new Date(Date.UTC(2024, 6, 1));
    const b = memoChart("k", moved, {width: 600, caption: "c", format}, build);
    expect(b).not.toBe(a);
    await nextTask();
    const again = data([1, 2, NaN]);
    again.observed[0].date = new Date(Date.UTC(2024, 6, 1));
    expect(memoChart("k", again, {width: 600, caption: "c", format}, build)).toBe(b);
  });

  test("two identical charts in one task get two elements", () => {
    const a = memoChart("k", data([1]), {width: 600}, build);
    const b = memoChart("k", data([1]), {width: 600}, build);
    expect(b).not.toBe(a);
  });
});
