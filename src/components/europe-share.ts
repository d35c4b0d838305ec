/**
 * Bars of NL's share of the EU27's asylum applicants per year, with NL's share of the EU27 population
 * as a line for reference. Every bar carries an SVG <title>.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {formatCount, formatPercent} from "./format.js";
import type {ShareRow} from "../europe/types.js";

export interface ShareOptions {
  width: number;
  height?: number;
  caption: string;
}

export function europeShare(rows: readonly ShareRow[], {width, height = 260, caption}: ShareOptions): Element {
  const title = (d: ShareRow) => `${d.year}: ${formatPercent(d.share)} van de asielzoekers in de EU27 (${formatCount(d.nl)} van ${formatCount(d.eu27)}); bevolkingsaandeel ${formatPercent(d.populationShare)}`;
  return plotChart({
    width,
    height,
    marginLeft: 48,
    caption,
    x: {label: null, tickFormat: "d", type: "band"},
    y: {label: "aandeel in de EU27", grid: true, zero: true, tickFormat: (d: number) => formatPercent(d, 0)},
    color: {legend: true, domain: ["Aandeel asielzoekers", "Aandeel bevolking"], range: ["#e8710a", "#1f3a5f"]},
    marks: [
      Plot.barY(rows, {x: "year", y: "share", fill: () => "Aandeel asielzoekers", title}),
      Plot.line(rows, {x: "year", y: "populationShare", stroke: () => "Aandeel bevolking", strokeWidth: 2, strokeDasharray: "5 3"}),
      Plot.dot(rows, {x: "year", y: "populationShare", fill: () => "Aandeel bevolking", r: 2.5}),
      Plot.ruleY([0])
    ]
  }) as unknown as Element;
}
