/**
 * Line chart of asylum applicants per 1.000 inhabitants per country and year. One line per series
 * (a country within one Eurostat extract); series from different extracts or definitions are different
 * lines, never joined. Every dot carries an SVG <title> naming series, year and value.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {formatCount, formatDecimal, nl} from "./format.js";

export interface PerCapitaPoint {
  /** Series id (country and extract); lines join only points of one series. */
  series: string;
  /** Legend label, e.g. "Nederland". */
  label: string;
  year: number;
  per1000: number;
  count: number;
  /** Drawn thicker (NL). */
  highlight?: boolean;
  /** Drawn dashed (e.g. the EU27, which comes from another extract). */
  dashed?: boolean;
}

export interface PerCapitaOptions {
  width: number;
  height?: number;
  yLabel: string;
  caption: string;
  /** Legend label → colour. */
  colors: Record<string, string>;
  /** Decimals in titles (default 2). */
  digits?: number;
}

const two = nl.format(",.2f");

/** Formats a rate per 1.000 inhabitants: 2 decimals, Dutch. */
export function formatPer1000(value: number, digits = 2): string {
  return digits === 2 ? two(value) : formatDecimal(value);
}

export function europePerCapita(points: readonly PerCapitaPoint[], {width, height = 320, yLabel, caption, colors, digits = 2}: PerCapitaOptions): Element {
  const labels = Object.keys(colors).filter((l) => points.some((p) => p.label === l));
  const title = (d: PerCapitaPoint) => `${d.label}, ${d.year}: ${formatPer1000(d.per1000, digits)} per 1.000 inwoners (${formatCount(d.count)} personen)`;
  return plotChart({
    width,
    height,
    marginLeft: 48,
    marginRight: 12,
    caption,
    x: {label: null, tickFormat: "d", ticks: Math.max(3, Math.floor(width / 80))},
    y: {label: yLabel, grid: true, zero: true, tickFormat: nl.format(",.1f")},
    color: {legend: true, domain: labels, range: labels.map((l) => colors[l])},
    marks: [
      Plot.ruleY([0]),
      Plot.line(points.filter((d) => !d.dashed), {x: "year", y: "per1000", z: "series", stroke: "label", strokeWidth: (d: PerCapitaPoint) => (d.highlight ? 3 : 1.5)}),
      Plot.line(points.filter((d) => d.dashed), {x: "year", y: "per1000", z: "series", stroke: "label", strokeWidth: 2, strokeDasharray: "5 3"}),
      Plot.dot(points, {x: "year", y: "per1000", fill: "label", r: (d: PerCapitaPoint) => (d.highlight ? 3.5 : 2.5), title}),
      Plot.tip(points, Plot.pointer({x: "year", y: "per1000", title}))
    ]
  }) as unknown as Element;
}
