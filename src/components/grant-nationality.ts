/** Lines per year of one nationality's grant rate in NL, each peer and the pooled peers. */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import type {NationalityPoint} from "../grant/select.js";
import {formatCount, formatPercent, nl} from "./format.js";

export interface NationalityOptions {
  width: number;
  height?: number;
  yLabel: string;
  caption: string;
  colors: Record<string, string>;
  /** The years on the x axis (so that charts for different nationalities line up). */
  years: number[];
  /** Values are positive decisions per 1.000 inhabitants instead of shares (default false). */
  perCapita?: boolean;
}

/** Draws NL against each peer and the pooled peers for one nationality. */
export function grantNationality(points: readonly NationalityPoint[], {width, height = 320, yLabel, caption, colors, years, perCapita = false}: NationalityOptions): Element {
  const labels = Object.keys(colors);
  const value = (v: number) => (perCapita ? `${nl.format(",.3f")(v)} per 1.000 inwoners` : formatPercent(v));
  return plotChart({
    width,
    height,
    y: perCapita
      ? {zero: true, tickFormat: nl.format(",.2f"), label: yLabel, grid: true}
      : {domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), label: yLabel, grid: true},
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
      Plot.dot(points as NationalityPoint[], {x: "year", y: "rate", fill: "label", r: 2.5, title: (d: NationalityPoint) => `${d.label}, ${d.year}: ${value(d.rate)}`}),
      Plot.tip(
        points as NationalityPoint[],
        Plot.pointer({x: "year", y: "rate", title: (d: NationalityPoint) => `${d.label}, ${d.year}\n${value(d.rate)}${perCapita ? "" : ` van ${formatCount(d.decisions)} beslissingen`}`})
      )
    ]
  }) as unknown as Element;
}
