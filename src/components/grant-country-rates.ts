/**
 * Line chart of first-instance grant rates per country and year (NL, four peers, pooled peers and
 * Austria, flagged as not comparable), or the published Dutch-definition points.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import type {CountryPoint} from "../grant/select.js";
import {formatCount, formatPercent, nl} from "./format.js";

/** A genuine Eurostat rate drawn beside the UNHCR-based lines (dotted; 2023-Q1 as a hollow dot). */
export interface EurostatPoint {
  label: string;
  year: number;
  period: string;
  rate: number;
  decisions: number;
  quarterOnly: boolean;
}

export interface CountryRatesOptions {
  width: number;
  height?: number;
  /** What the rate counts, shown as the y-axis label. */
  yLabel: string;
  /** Source and definition, shown as the caption. */
  caption: string;
  /** Colour per series label (shared with the other charts on the page). */
  colors: Record<string, string>;
  /** Genuine Eurostat rates drawn as separate dotted lines (never joined to the UNHCR-based lines). */
  eurostat?: readonly EurostatPoint[];
  /** Values are positive decisions per 1.000 inhabitants instead of shares (default false). */
  perCapita?: boolean;
}

/** Draws the country chart: computed rates as lines, published figures as labelled dots. */
export function grantCountryRates(points: readonly CountryPoint[], {width, height = 360, yLabel, caption, colors, eurostat = [], perCapita = false}: CountryRatesOptions): Element {
  const computed = points.filter((d) => !d.published);
  const published = points.filter((d) => d.published);
  const labels = Object.keys(colors).filter((l) => points.some((p) => p.label === l) || eurostat.some((e) => e.label === l));
  const value = (v: number) => (perCapita ? `${nl.format(",.2f")(v)} per 1.000 inwoners` : formatPercent(v));
  const annual = eurostat.filter((d) => !d.quarterOnly);
  const quarter = eurostat.filter((d) => d.quarterOnly);
  const eurostatTitle = (d: EurostatPoint) => `${d.label}, ${d.period}${d.quarterOnly ? " (alleen eerste kwartaal)" : ""}: ${formatPercent(d.rate)} van ${formatCount(d.decisions)} beslissingen`;
  return plotChart({
    width,
    height,
    marginRight: 10,
    marginLeft: perCapita ? 44 : undefined,
    y: perCapita
      ? {zero: true, tickFormat: nl.format(",.1f"), label: yLabel, grid: true}
      : {domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), label: yLabel, grid: true},
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
      Plot.dot(computed, {x: "year", y: "rate", fill: "label", r: (d: CountryPoint) => (d.geo === "NL" || d.geo === "PEERS" ? 3 : 2), title: (d: CountryPoint) => `${d.label}, ${d.year}: ${value(d.rate)}`}),
      // Genuine Eurostat totals: their own dotted lines, never joined to the UNHCR-based ones.
      Plot.line(annual, {x: "year", y: "rate", z: "label", stroke: "label", strokeWidth: 1.5, strokeDasharray: "1 3", strokeLinecap: "round"}),
      Plot.dot(annual, {x: "year", y: "rate", stroke: "label", fill: "white", r: 2.5, title: eurostatTitle}),
      Plot.dot(quarter, {x: "year", y: "rate", stroke: "label", fill: "white", r: 4, symbol: "square", title: eurostatTitle}),
      Plot.dot(published, {x: "year", y: "rate", fill: "label", r: 6, symbol: "diamond"}),
      Plot.text(published, {x: "year", y: "rate", text: (d: CountryPoint) => formatPercent(d.rate, 0), dy: -14, fontWeight: "bold"}),
      Plot.tip(
        computed,
        Plot.pointer({
          x: "year",
          y: "rate",
          title: (d: CountryPoint) =>
            `${d.label}, ${d.year}\n${value(d.rate)}${perCapita ? ` (${formatCount(d.decisions)} positieve beslissingen)` : ` van ${formatCount(d.decisions)} beslissingen`}${d.comparable ? "" : "\nNiet vergelijkbaar: eerste aanleg en beroep samen"}`
        })
      ),
      Plot.tip(published, Plot.pointer({x: "year", y: "rate", title: (d: CountryPoint) => `Nederland, ${d.year}: ${formatPercent(d.rate, 0)} (gepubliceerd)`}))
    ]
  }) as unknown as Element;
}
