/**
 * A line chart of one or more annual or quarterly series that share a definition family but are never
 * summed: one coloured line with dots per series, a legend, and an SVG <title> per point that names
 * series, period and value (read by screen readers and by the browser tests).
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {formatCount, nl} from "./format.js";
import {memoChart} from "./chart-memo.js";

export interface SeriesPoint {
  /** x position: a year (number) or a Date for quarterly data. */
  x: number | Date;
  /** Period label used in titles: "2023" or "2023-Q4". */
  period: string;
  series: string;
  seriesLabel: string;
  value: number;
  /** Drawn hollow and noted in the title when the period is incomplete or provisional. */
  partial?: boolean;
}

export interface SeriesChartOptions {
  width: number;
  height?: number;
  yLabel?: string;
  /** Caption under the chart: what it counts and where it comes from. */
  caption: string;
  /** Series id → colour, built once on the page so every chart agrees. */
  colors?: Record<string, string>;
  xType?: "year" | "time";
}

/** Draws the series as lines with dots; returns the figure element. */
/** Reuses the element of the last call with the same inputs (chart-memo.ts). */
export function seriesChart(data: Parameters<typeof drawSeriesChart>[0], options: Parameters<typeof drawSeriesChart>[1]): ReturnType<typeof drawSeriesChart> {
  return memoChart("seriesChart", data, options, drawSeriesChart);
}

function drawSeriesChart(points: SeriesPoint[], {width, height = 260, yLabel = "personen", caption, colors, xType = "year"}: SeriesChartOptions): HTMLElement | SVGSVGElement {
  const labels = [...new Set(points.map((d) => d.seriesLabel))];
  const domain = colors ? labels : undefined;
  const range = colors ? labels.map((l) => colors[points.find((d) => d.seriesLabel === l)!.series] ?? "#888") : undefined;
  // Lines join only complete, consecutive periods: a gap in a series or an incomplete period is never
  // bridged by a line (that would draw a change the data do not show).
  const lines = withRuns(points.filter((d) => !d.partial), xType);
  const title = (d: SeriesPoint) => `${d.seriesLabel}, ${d.period}: ${formatCount(d.value)}${d.partial ? " (onvolledig)" : ""}`;
  return plotChart({
    width,
    height,
    marginLeft: 56,
    caption,
    x: xType === "year" ? {label: null, tickFormat: "d", ticks: Math.max(2, Math.floor(width / 80))} : {label: null, type: "utc"},
    y: {label: yLabel, grid: true, zero: true, tickFormat: nl.format(",")},
    color: {legend: labels.length > 1, domain, range},
    marks: [
      Plot.ruleY([0]),
      Plot.line(lines, {x: "x", y: "value", stroke: "seriesLabel", z: "run", strokeWidth: 2}),
      Plot.dot(points, {
        x: "x",
        y: "value",
        stroke: "seriesLabel",
        fill: (d: SeriesPoint) => (d.partial ? "white" : d.seriesLabel),
        r: 3,
        title
      }),
      Plot.tip(points, Plot.pointer({x: "x", y: "value", title}))
    ]
  });
}

/** Tags each point with a run id that changes wherever a series skips a period. */
export function withRuns(points: SeriesPoint[], xType: "year" | "time"): (SeriesPoint & {run: string})[] {
  const step = (a: SeriesPoint, b: SeriesPoint) =>
    xType === "year" ? Number(b.x) - Number(a.x) === 1 : Math.round((+b.x - +a.x) / (86400000 * 30.44)) <= 3;
  const out: (SeriesPoint & {run: string})[] = [];
  const bySeries = new Map<string, SeriesPoint[]>();
  for (const p of points) bySeries.set(p.series, [...(bySeries.get(p.series) ?? []), p]);
  for (const [series, list] of bySeries) {
    const sorted = [...list].sort((a, b) => +a.x - +b.x);
    let run = 0;
    sorted.forEach((p, i) => {
      if (i > 0 && !step(sorted[i - 1], p)) run++;
      out.push({...p, run: `${series}#${run}`});
    });
  }
  return out;
}
