/**
 * Forecast fans from several origins against what was realised: for each origin a P10–P90 band and a
 * dashed point forecast for the twelve months after it, and the realised values (a line for monthly
 * flows, dots for stock readings). Every point carries an SVG <title> (screen readers, tests).
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {formatCount, nl} from "./format.js";

export interface FanInput {
  origin: string;
  months: string[];
  point: number[];
  p10: number[];
  p90: number[];
}

export interface ForecastFanOptions {
  width: number;
  height?: number;
  yLabel: string;
  caption: string;
  /** Realised values are stock readings (dots) rather than a monthly flow (line). */
  readings?: boolean;
  /** Label of a month in titles ("sep 2025"). */
  monthLabel: (month: string) => string;
}

const date = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));

/** Draws the fans and the realised values; returns the figure element. */
export function forecastFan(
  data: {observed: {month: string; value: number; derived: boolean}[]; fans: FanInput[]},
  {width, height = 280, yLabel, caption, readings = false, monthLabel}: ForecastFanOptions
): HTMLElement | SVGSVGElement {
  const rows = data.fans.flatMap((f) =>
    f.months.map((m, i) => ({origin: `vanaf ${monthLabel(f.origin)}`, date: date(m), month: m, point: f.point[i]!, p10: f.p10[i]!, p90: f.p90[i]!}))
  );
  const observed = data.observed.map((o) => ({...o, date: date(o.month)}));
  const first = rows.length ? Math.min(...rows.map((r) => +r.date)) : Date.UTC(2023, 0, 1);
  const shown = observed.filter((o) => +o.date >= first - 6 * 30.44 * 86400000);
  const title = (d: (typeof rows)[number]) => `Prognose ${d.origin}, ${monthLabel(d.month)}: ${formatCount(d.point)} (P10–P90 ${formatCount(d.p10)} – ${formatCount(d.p90)})`;
  const obsTitle = (d: (typeof observed)[number]) => `Gerealiseerd, ${monthLabel(d.month)}: ${formatCount(d.value)}${d.derived ? " (afgeleid)" : ""}`;
  return plotChart({
    width,
    height,
    marginLeft: 60,
    caption,
    x: {type: "utc", label: null},
    y: {label: yLabel, grid: true, zero: true, tickFormat: nl.format(",")},
    color: {legend: true, type: "ordinal", scheme: "observable10"},
    marks: [
      Plot.ruleY([0]),
      Plot.areaY(rows, {x: "date", y1: "p10", y2: "p90", fill: "origin", fillOpacity: 0.14, z: "origin"}),
      Plot.line(rows, {x: "date", y: "point", stroke: "origin", strokeWidth: 1.5, strokeDasharray: "4,3", z: "origin"}),
      Plot.dot(rows, {x: "date", y: "point", stroke: "origin", r: 1.5, title}),
      readings
        ? Plot.dot(shown, {x: "date", y: "value", fill: "black", r: 3.5, title: obsTitle})
        : Plot.line(shown, {x: "date", y: "value", stroke: "black", strokeWidth: 2}),
      readings ? Plot.dot([], {x: "date", y: "value"}) : Plot.dot(shown, {x: "date", y: "value", fill: (d: (typeof observed)[number]) => (d.derived ? "white" : "black"), stroke: "black", r: 2, title: obsTitle}),
      Plot.tip(rows, Plot.pointer({x: "date", y: "point", title}))
    ]
  });
}
