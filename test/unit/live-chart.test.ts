// @vitest-environment jsdom
/**
 * Charts redrawn in place (live-chart.ts): a chart whose frame (size, labels, window, observations,
 * y domain) is unchanged keeps its SVG and only its data layer is redrawn; the memo of exact inputs
 * (chart-memo.ts) never hands out an element that now shows other data; values that leave the axis
 * rebuild the chart with room to move; the tip reads the current data.
 */
import {beforeEach, describe, expect, test} from "vitest";
import {labelAnchor, scenarioChart, type ScenarioChartData} from "../../src/components/scenario-chart.js";
import {stackedArea} from "../../src/components/stacked-area.js";
import {annualCompare} from "../../src/components/annual-compare.js";
import {clearChartMemo} from "../../src/components/chart-memo.js";
import {axisInPlace, clearLiveCharts, fitsDomain, HEADROOM, MIN_FILL, niceDomain} from "../../src/components/live-chart.js";
import {nearestMonth} from "../../src/components/month-tip.js";
import {legendOf} from "../../src/components/chart-frame.js";

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const values = (a: number, n = 24) => Float64Array.from({length: n}, (_, i) => a + i * 100);
const data = (scenario: number, band?: [number, number] | "pending"): ScenarioChartData => ({
  start: "2024-01",
  lines: [
    {role: "baseline", label: "basis", values: values(40000)},
    {role: "scenario", label: "jouw scenario", values: values(scenario)}
  ],
  band: band === undefined ? undefined : band === "pending" ? {p10: new Float64Array(24).fill(NaN), p90: new Float64Array(24).fill(NaN), label: "P10–P90"} : {p10: values(band[0]), p90: values(band[1]), label: "P10–P90"},
  observed: [{date: new Date(Date.UTC(2024, 5, 1)), value: 40800, label: "COA"}]
});
const options = (summary = "s") => ({width: 640, yLabel: "personen", lastObserved: "2024-09", caption: "Bezetting (gemodelleerd).", summary});
const svgOf = (el: Element) => el.querySelector("svg[class^=plot]")!;
const paths = (el: Element) => [...svgOf(el).querySelectorAll("path[stroke-width]")].map((p) => p.getAttribute("d"));

beforeEach(() => {
  clearChartMemo();
  clearLiveCharts();
});

describe("y domain", () => {
  test("rounded outward to the axis step, 0 included, headroom on request", () => {
    expect(niceDomain(0, 41234, 280)).toEqual([0, 45000]);
    expect(niceDomain(-1200, 3000, 280)[0]).toBeLessThanOrEqual(-1200);
    expect(niceDomain(0, 0, 280)).toEqual([0, 1]);
    expect(niceDomain(0, 41234, 280, HEADROOM)[1]).toBeGreaterThanOrEqual(41234 * HEADROOM);
  });
  test("kept while the values fit and fill at least MIN_FILL of it", () => {
    expect(fitsDomain(0, 40000, [0, 45000])).toBe(true);
    expect(fitsDomain(0, 46000, [0, 45000])).toBe(false);
    expect(fitsDomain(0, 45000 * MIN_FILL - 1, [0, 45000])).toBe(false);
    expect(fitsDomain(-10, 40000, [0, 45000])).toBe(false);
  });
});

describe("scenario chart redrawn in place", () => {
  test("same frame: the same element and SVG, new paths and summary; back to the first inputs shows the first data", async () => {
    const a = scenarioChart(data(39000), options("A"));
    const pathsA = paths(a);
    await nextTask();
    const b = scenarioChart(data(38000), options("B"));
    expect(b).toBe(a);
    expect(svgOf(b)).toBe(svgOf(a));
    expect(paths(b)).not.toEqual(pathsA);
    expect(b.getAttribute("aria-label")).toBe("B");
    expect(b.querySelector(".sr-only")!.textContent).toBe("B");
    await nextTask();
    // the memo must not answer A's inputs with the element that now shows B
    const again = scenarioChart(data(39000), options("A"));
    expect(paths(again)).toEqual(pathsA);
    expect(again.getAttribute("aria-label")).toBe("A");
  });

  test("values leaving the axis move it in place, with headroom for the next moves", async () => {
    const a = scenarioChart(data(39000), options());
    const svg = svgOf(a);
    await nextTask();
    const b = scenarioChart(data(90000), options());
    expect(svgOf(b)).toBe(svg);
    const top = Math.max(...[...svgOf(b).querySelectorAll("[aria-label='y-axis tick label'] text, text")].map((t) => Number((t.textContent ?? "").replaceAll(".", ""))).filter(Number.isFinite));
    expect(top).toBeGreaterThanOrEqual((90000 + 2300) * 1.0);
    await nextTask();
    // a little higher still fits the headroom: redrawn in place
    const c = scenarioChart(data(95000), options());
    expect(svgOf(c)).toBe(svgOf(b));
  });

  test("two charts with the same frame in one render get two elements", () => {
    const a = scenarioChart(data(39000), options());
    const b = scenarioChart(data(38000), options());
    expect(b).not.toBe(a);
    expect(paths(a)).not.toEqual(paths(b));
  });

  test("the band's legend entry stays while the band is computed, and the band arrives in place", async () => {
    const pending = scenarioChart(data(39000, "pending"), options());
    expect(legendOf(pending).map((d) => d.label)).toContain("P10–P90");
    const area = () => svgOf(pending).querySelector("path[fill='#93c5fd']")!;
    expect(area().getAttribute("d")).toBe("");
    await nextTask();
    const ready = scenarioChart(data(39000, [38000, 42000]), options());
    expect(ready).toBe(pending);
    expect(area().getAttribute("d")).toMatch(/^M/);
  });
});

describe("new line labels are written into the legend in place", () => {
  const labelled = (a: string, b: string, scenario = 39000): ScenarioChartData => ({
    ...data(scenario),
    lines: [
      {role: "baseline", label: "basis", values: values(40000)},
      {role: "changed", label: a, values: values(scenario - 500)},
      {role: "scenario", label: b, values: values(scenario)}
    ]
  });
  test("the same SVG, the legend and the tip's labels new; the HTML equals a chart built with them", async () => {
    const first = scenarioChart(labelled("A: ongewijzigd", "B: MPP 2024-II"), options());
    await nextTask();
    const moved = scenarioChart(labelled("A: MPP 2023-I midden", "B: MPP 2024-II", 39500), options());
    expect(moved).toBe(first);
    expect(legendOf(moved).map((l) => l.label)).toEqual(["basis", "A: MPP 2023-I midden", "B: MPP 2024-II", "waargenomen"]);
    clearChartMemo();
    clearLiveCharts();
    const built = scenarioChart(labelled("A: MPP 2023-I midden", "B: MPP 2024-II", 39500), options());
    expect(built).not.toBe(first);
    expect(moved.outerHTML).toBe(built.outerHTML);
  });
  test("labels that would share a swatch (two lines with one label, or the observations' entry) build the chart anew", async () => {
    const first = scenarioChart(labelled("A", "B"), options());
    await nextTask();
    const same = scenarioChart(labelled("B", "B"), options());
    expect(same).not.toBe(first);
    expect(legendOf(same).map((l) => l.label)).toEqual(["basis", "B", "waargenomen"]);
    await nextTask();
    const observed = scenarioChart(labelled("A", "waargenomen"), options());
    expect(observed).not.toBe(same);
    expect(legendOf(observed).map((l) => l.label)).toEqual(["basis", "A", "waargenomen"]);
  });
});

describe("the y axis moved in place equals a chart built for the new domain", () => {
  const withRules = (_: number) => ({...options(), rules: [{value: 5000, label: "capaciteit"}]});
  /** Both lines scale with `scenario`; one observation, low, so the axis can shrink. */
  const scaled = (scenario: number): ScenarioChartData => ({
    ...data(scenario),
    lines: [
      {role: "baseline", label: "basis", values: values(scenario * 0.9)},
      {role: "scenario", label: "jouw scenario", values: values(scenario)}
    ],
    observed: [{date: new Date(Date.UTC(2024, 5, 1)), value: 1000, label: "COA"}]
  });
  /**
   * The chart after `steps` (each a render in its own task), with the axis moved in place or the chart
   * built anew. Each step leaves every earlier domain (so the built path cannot fall back on an older
   * chart that still fits).
   */
  async function after(steps: {data: ScenarioChartData; options: ReturnType<typeof options>}[], inPlace: boolean) {
    clearChartMemo();
    clearLiveCharts();
    axisInPlace.enabled = inPlace;
    try {
      const first = scenarioChart(steps[0]!.data, steps[0]!.options);
      let last: HTMLElement = first;
      for (const step of steps.slice(1)) {
        await nextTask();
        last = scenarioChart(step.data, step.options);
      }
      return {kept: svgOf(last) === svgOf(first), html: last.outerHTML};
    } finally {
      axisInPlace.enabled = true;
    }
  }
  const cases: [string, {data: ScenarioChartData; options: ReturnType<typeof options>}[]][] = [
    ["up, past the domain", [{data: data(39000), options: withRules(0)}, {data: data(90000), options: withRules(0)}]],
    ["up, then down below the fill", [{data: scaled(39000), options: withRules(0)}, {data: scaled(150000), options: withRules(0)}, {data: scaled(8000), options: withRules(0)}]],
    ["below zero (the zero rule moves)", [{data: data(39000), options: options()}, {data: data(-60000), options: options()}]],
    ["with a band, then a band still computed", [{data: data(39000, [30000, 50000]), options: options()}, {data: data(80000, [60000, 120000]), options: options()}, {data: data(200000, "pending"), options: options()}]],
    ["a much wider range, then one below zero", [{data: scaled(10), options: options()}, {data: scaled(50000), options: options()}, {data: scaled(-30000), options: options()}]]
  ];
  test.each(cases)("%s", async (_, steps) => {
    const moved = await after(steps, true);
    const built = await after(steps, false);
    expect(moved.kept).toBe(true);
    expect(built.kept).toBe(false);
    expect(moved.html).toBe(built.html);
  });
});

describe("the y axis moved in place: stacked areas and annual bars equal a new build", () => {
  async function after<T>(inputs: T[], draw: (input: T) => HTMLElement, inPlace: boolean) {
    clearChartMemo();
    clearLiveCharts();
    axisInPlace.enabled = inPlace;
    try {
      const first = draw(inputs[0]!);
      let last = first;
      for (const input of inputs.slice(1)) {
        await nextTask();
        last = draw(input);
      }
      return {kept: svgOf(last) === svgOf(first), html: last.outerHTML};
    } finally {
      axisInPlace.enabled = true;
    }
  }
  test("stacked area: up past the axis, then down below its fill", async () => {
    const opts = {width: 600, start: "2024-01", yLabel: "x", caption: "c", summary: "s"};
    const draw = (k: number) => stackedArea([{label: "a", color: "#111", values: values(1000 * k)}, {label: "b", color: "#222", values: values(200 * k)}], opts);
    const [moved, built] = [await after([20, 150, 2], draw, true), await after([20, 150, 2], draw, false)];
    expect([moved.kept, built.kept]).toEqual([true, false]);
    expect(moved.html).toBe(built.html);
  });
  test("annual bars with observations: up past the axis, then below zero", async () => {
    const opts = {width: 600, yLabel: "x", caption: "c", summary: "s", format: (v: number) => String(v)};
    const draw = (v: number) => annualCompare({bars: [2024, 2025].flatMap((year) => [{year, role: "baseline" as const, label: "basis", value: 3000}, {year, role: "scenario" as const, label: "jouw scenario", value: v}]), observed: [{year: 2024, value: 3100, source: "IND"}]}, opts);
    const [moved, built] = [await after([3200, 90000, -50000], draw, true), await after([3200, 90000, -50000], draw, false)];
    expect([moved.kept, built.kept]).toEqual([true, false]);
    expect(moved.html).toBe(built.html);
  });
});

describe("other charts redrawn in place", () => {
  test("stacked area: same SVG, new layer paths", async () => {
    const layers = (k: number) => [
      {label: "a", color: "#111", values: values(1000 * k)},
      {label: "b", color: "#222", values: values(2000)}
    ];
    const opts = {width: 600, start: "2024-01", yLabel: "x", caption: "c", summary: "s"};
    const first = stackedArea(layers(5), opts);
    const d1 = [...svgOf(first).querySelectorAll("path[fill-opacity]")].map((p) => p.getAttribute("d"));
    await nextTask();
    const second = stackedArea(layers(4.5), opts);
    expect(svgOf(second)).toBe(svgOf(first));
    const d2 = [...svgOf(second).querySelectorAll("path[fill-opacity]")].map((p) => p.getAttribute("d"));
    expect(d2).toHaveLength(2);
    expect(d2).not.toEqual(d1);
  });

  test("annual bars: same SVG, new heights and tooltips", async () => {
    const bars = (v: number) => [2024, 2025].flatMap((year) => [{year, role: "baseline" as const, label: "basis", value: 30000}, {year, role: "scenario" as const, label: "jouw scenario", value: v}]);
    const opts = {width: 600, yLabel: "x", caption: "c", summary: "s", format: (v: number) => String(v)};
    const first = annualCompare({bars: bars(32000), observed: [{year: 2024, value: 31000, source: "IND"}]}, opts);
    await nextTask();
    const second = annualCompare({bars: bars(34000), observed: [{year: 2024, value: 31000, source: "IND"}]}, opts);
    expect(svgOf(second)).toBe(svgOf(first));
    const titles = [...svgOf(second).querySelectorAll("rect > title")].map((t) => t.textContent);
    expect(titles).toContain("jouw scenario, 2025: 34000 (gemodelleerd)");
    expect(titles).not.toContain("jouw scenario, 2025: 32000 (gemodelleerd)");
  });
});

describe("month tip", () => {
  test("the nearest month to a pointer position", () => {
    const dates = Array.from({length: 12}, (_, i) => new Date(Date.UTC(2024, i, 1)));
    const x = (d: Date | number) => (Number(d) - dates[0].getTime()) / 8.64e7; // one px per day
    expect(nearestMonth(0, x, {first: 0, last: 11, dates})).toBe(0);
    expect(nearestMonth(40, x, {first: 0, last: 11, dates})).toBe(1);
    expect(nearestMonth(1000, x, {first: 0, last: 11, dates})).toBe(11);
    expect(nearestMonth(0, x, {first: 3, last: 11, dates})).toBe(3);
  });
});

describe("annual projection redrawn in place", () => {
  test("realised lines kept, modelled lines and their dot titles redrawn", async () => {
    const {annualProjection} = await import("../../src/components/annual-projection.js");
    const points = (v: number) => [
      ...[2022, 2023, 2024].map((year) => ({year, value: 40000 + year - 2022, label: "gerealiseerd", kind: "realised" as const})),
      ...[2024, 2025, 2026].map((year) => ({year, value: year === 2024 ? 40002 : v, label: "jouw scenario", kind: "modelled" as const, emphasis: true}))
    ];
    const opts = {width: 600, yLabel: "personen", caption: "c", summary: "s", colors: {gerealiseerd: "#111", "jouw scenario": "#1d4ed8"}};
    const first = annualProjection(points(45000), opts);
    await nextTask();
    const second = annualProjection(points(43000), opts);
    expect(svgOf(second)).toBe(svgOf(first));
    const titles = [...svgOf(second).querySelectorAll("circle > title")].map((t) => t.textContent);
    expect(titles).toContain("jouw scenario, 2026: 43.000 (gemodelleerd)");
    expect(titles).not.toContain("jouw scenario, 2026: 45.000 (gemodelleerd)");
    expect(titles).toContain("gerealiseerd, 2023: 40.001 (gerealiseerd)");
  });
});

/**
 * A chart frame on a page: `show(chart)` frames the chart (chart-frame.ts) and puts the frame on the
 * page the first time, as a cell displays it.
 */
async function framedOnPage(filename: string) {
  const {chartFrame} = await import("../../src/components/chart-frame.js");
  const frameOptions = {title: filename, source: "Asielketen Verkenner, ketenmodel (gemodelleerd)", permalink: () => "http://x/", rows: () => [], filename};
  const main = document.createElement("main");
  document.body.append(main);
  const show = (chart: HTMLElement) => {
    const frame = chartFrame(chart, frameOptions);
    if (!frame.isConnected) main.append(frame);
    return frame;
  };
  return {show, remove: () => main.remove()};
}

describe("in a chart frame on the page", () => {
  test("rebuilt, then redrawn in place: the frame keeps showing an SVG with the newest data and summary", async () => {
    const page = await framedOnPage("live-frame-test");
    const show = (value: number, summary: string) => page.show(scenarioChart(data(value), options(summary)));
    const frame = show(39000, "A");
    await nextTask();
    // out of the axis: a new chart, whose SVG chart-frame.ts moves into the chart on the page
    show(90000, "B");
    const svgB = svgOf(frame);
    const pathsB = paths(frame);
    await nextTask();
    // fits: redrawn in place, in the chart on the page
    show(88000, "C");
    expect(frame.querySelectorAll("svg[class^=plot]")).toHaveLength(1);
    expect(svgOf(frame)).toBe(svgB);
    expect(frame.querySelector(".sr-only")!.textContent).toBe("C");
    expect(paths(frame)).not.toEqual(pathsB);
    page.remove();
  });
});

describe("a line that comes and goes in a chart frame", () => {
  test("the chart with the other legend replaces the one shown, and moving back shows the kept one again, redrawn", async () => {
    const page = await framedOnPage("live-frame-lines");
    /** The chart without (a slider at its default) or with the scenario's line. */
    const chart = (value: number, modified: boolean): ScenarioChartData => ({...data(value), lines: modified ? data(value).lines : data(value).lines.slice(0, 1)});
    const show = (value: number, modified: boolean) => page.show(scenarioChart(chart(value, modified), options(String(value))));
    const frame = show(39000, true);
    const withLine = frame.querySelector("figure")!;
    const svgWith = svgOf(frame);
    await nextTask();
    show(40000, false);
    const without = frame.querySelector("figure")!;
    expect(without).not.toBe(withLine);
    expect(legendOf(frame).map((l) => l.label)).toEqual(["basis", "waargenomen"]);
    await nextTask();
    // back: the kept chart with the line, its SVG and its paths redrawn for the new value
    show(38500, true);
    expect(frame.querySelector("figure")).toBe(withLine);
    expect(svgOf(frame)).toBe(svgWith);
    expect(legendOf(frame).map((l) => l.label)).toEqual(["basis", "jouw scenario", "waargenomen"]);
    expect(frame.querySelector(".sr-only")!.textContent).toBe("38500");
    clearChartMemo();
    clearLiveCharts();
    const fresh = scenarioChart(chart(38500, true), options("38500"));
    expect(paths(frame)).toEqual(paths(fresh));
    page.remove();
  });
});

describe("the axis while the band is computed", () => {
  test("does not shrink while the band is pending, and a chart built then makes room for the band's usual reach", async () => {
    const wide = (scenario: number, band: [number, number] | "pending") => scenarioChart(data(scenario, band), options());
    // the band reaches twice as high as the lines
    const first = wide(39000, [20000, 80000]);
    const svg = svgOf(first);
    await nextTask();
    // the next move: only the lines are known (they would fill too little of the axis), the band follows
    expect(svgOf(wide(38000, "pending"))).toBe(svg);
    await nextTask();
    expect(svgOf(wide(38000, [20000, 79000]))).toBe(svg);
    await nextTask();
    // lines that leave the axis: the axis moves (in place) to leave room for a band as far above them as the last one
    const moved = wide(120000, "pending");
    expect(svgOf(moved)).toBe(svg);
    const top = () => Math.max(...[...svg.querySelectorAll("[data-y-axis='label'] text")].map((t) => Number((t.textContent ?? "").replaceAll(".", ""))));
    expect(top()).toBeGreaterThanOrEqual(240000);
    await nextTask();
    // so the band arrives without another move of the axis
    const before = top();
    expect(svgOf(wide(120000, [100000, 240000]))).toBe(svg);
    expect(top()).toBe(before);
  });
});

describe("the 'laatste waarneming' label", () => {
  const d = (month: string) => new Date(`${month}-01T00:00:00Z`);
  test("ends at the point, unless that runs into the y axis's labels near the left edge", () => {
    // the default horizon at 1280 px: room to the left of September 2025
    expect(labelAnchor(d("2025-09"), d("2022-01"), d("2030-12"), 640)).toBe("end");
    // a horizon from 2024 (the label at January 2025 would cross the axis), and a narrow screen
    expect(labelAnchor(d("2025-01"), d("2024-01"), d("2030-12"), 640)).toBe("start");
    expect(labelAnchor(d("2025-09"), d("2022-01"), d("2030-12"), 300)).toBe("start");
    // degenerate windows never divide by zero
    expect(labelAnchor(d("2025-01"), d("2025-01"), d("2025-01"), 640)).toBe("start");
  });
});
