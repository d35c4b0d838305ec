/**
 * Line chart of first-instance grant rates per country and year (NL, four peers, pooled peers and
 * Austria, flagged as not comparable), or the published Dutch-definition points.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import type {CountryPoint} from "../grant/select.js";
import {formatCount, formatPercent} from "./format.js";

export interface CountryRatesOptions {
  width: number;
  height?: number;
  /** What the rate counts, shown as the y-axis label. */
  yLabel: string;
  /** Source and definition, shown as the caption. */
  caption: string;
  /** Colour per series label (shared with the other charts on the page). */
  colors: Record<string, string>;
}

/** Draws the country chart: computed rates as lines, published figures as labelled dots. */
export function grantCountryRates(points: readonly CountryPoint[], {width, height = 360, yLabel, caption, colors}: CountryRatesOptions): Element {
  const computed = points.filter((d) => !d.published);
  const published = points.filter((d) => d.published);
  const labels = Object.keys(colors);
  return plotChart({
    width,
    height,
    marginRight: 10,
    y: {domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), label: yLabel, grid: true},
    x: {tickFormat: (d: number) => String(d), label: null, ticks: width < 500 ? 5 : 10},
    color: {domain: labels, range: labels.map((l) => colors[l]), legend: true},
    caption,
    marks: [
      Plot.ruleY([0]),
      Plot.line(
        computed.filter((d) => d.comparable),
        {x: "year", y: "rate", z: "label", stroke: "label", strokeWidth: (d: CountryPoint) => (d.geo === "NL" || d.geo === "PEERS" ? 3 : 1.5)}
      ),
      // Austria: first instance and appeal combined, not comparable: dashed.
      Plot.line(
        computed.filter((d) => !d.comparable),
        {x: "year", y: "rate", z: "label", stroke: "label", strokeWidth: 1.5, strokeDasharray: "4 3"}
      ),
      Plot.dot(computed, {x: "year", y: "rate", fill: "label", r: (d: CountryPoint) => (d.geo === "NL" || d.geo === "PEERS" ? 3 : 2)}),
      Plot.dot(published, {x: "year", y: "rate", fill: "label", r: 6, symbol: "diamond"}),
      Plot.text(published, {x: "year", y: "rate", text: (d: CountryPoint) => formatPercent(d.rate, 0), dy: -14, fontWeight: "bold"}),
      Plot.tip(
        computed,
        Plot.pointer({
          x: "year",
          y: "rate",
          title: (d: CountryPoint) =>
            `${d.label}, ${d.year}\n${formatPercent(d.rate)} van ${formatCount(d.decisions)} beslissingen${d.comparable ? "" : "\nNiet vergelijkbaar: eerste aanleg en beroep samen"}`
        })
      ),
      Plot.tip(published, Plot.pointer({x: "year", y: "rate", title: (d: CountryPoint) => `Nederland, ${d.year}: ${formatPercent(d.rate, 0)} (gepubliceerd)`}))
    ]
  }) as unknown as Element;
}
