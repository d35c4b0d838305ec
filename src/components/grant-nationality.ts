/** Lines per year of one nationality's grant rate in NL, each peer and the pooled peers. */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import type {NationalityPoint} from "../grant/select.js";
import {formatCount, formatPercent} from "./format.js";

export interface NationalityOptions {
  width: number;
  height?: number;
  yLabel: string;
  caption: string;
  colors: Record<string, string>;
  /** The years on the x axis (so that charts for different nationalities line up). */
  years: number[];
}

/** Draws NL against each peer and the pooled peers for one nationality. */
export function grantNationality(points: readonly NationalityPoint[], {width, height = 320, yLabel, caption, colors, years}: NationalityOptions): Element {
  const labels = Object.keys(colors);
  return plotChart({
    width,
    height,
    y: {domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), label: yLabel, grid: true},
    x: {domain: [years[0], years[years.length - 1]], tickFormat: (d: number) => String(d), label: null, ticks: width < 500 ? 5 : 10},
    color: {domain: labels, range: labels.map((l) => colors[l]), legend: true},
    caption,
    marks: [
      Plot.line(
        points.filter((d) => d.geo !== "AT"),
        {x: "year", y: "rate", z: "label", stroke: "label", strokeWidth: (d: NationalityPoint) => (d.geo === "NL" || d.geo === "PEERS" ? 3 : 1.5)}
      ),
      // Austria: first instance and appeal combined, not comparable: dashed.
      Plot.line(
        points.filter((d) => d.geo === "AT"),
        {x: "year", y: "rate", z: "label", stroke: "label", strokeWidth: 1.5, strokeDasharray: "4 3"}
      ),
      Plot.dot(points as NationalityPoint[], {x: "year", y: "rate", fill: "label", r: 2.5}),
      Plot.tip(
        points as NationalityPoint[],
        Plot.pointer({x: "year", y: "rate", title: (d: NationalityPoint) => `${d.label}, ${d.year}\n${formatPercent(d.rate)} van ${formatCount(d.decisions)} beslissingen`})
      )
    ]
  }) as unknown as Element;
}
