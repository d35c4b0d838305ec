/**
 * Annual totals: realised series drawn solid, modelled runs (presets and the user's scenario) drawn
 * dashed from the first modelled year. Every point has a title naming run, year and value.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {accessibleFigure} from "./figure.js";
import {formatCount, nl} from "./format.js";
import {memoChart} from "./chart-memo.js";

export interface AnnualPoint {
  year: number;
  value: number;
  label: string;
  kind: "realised" | "modelled";
  /** Emphasised line (the user's scenario). */
  emphasis?: boolean;
}

export interface AnnualProjectionOptions {
  width: number;
  height?: number;
  yLabel: string;
  caption: string;
  summary: string;
  colors: Record<string, string>;
}

/** Draws realised (solid) and modelled (dashed) annual lines. */
/** Reuses the element of the last call with the same inputs (chart-memo.ts). */
export function annualProjection(data: Parameters<typeof drawAnnualProjection>[0], options: Parameters<typeof drawAnnualProjection>[1]): ReturnType<typeof drawAnnualProjection> {
  return memoChart("annualProjection", data, options, drawAnnualProjection);
}

function drawAnnualProjection(points: AnnualPoint[], {width, height = 320, yLabel, caption, summary, colors}: AnnualProjectionOptions): HTMLElement {
  const labels = [...new Set(points.map((d) => d.label))];
  const title = (d: AnnualPoint) => `${d.label}, ${d.year}: ${formatCount(d.value)} (${d.kind === "realised" ? "gerealiseerd" : "gemodelleerd"})`;
  const plot = plotChart({
    width,
    height,
    marginLeft: 60,
    x: {label: null, tickFormat: "d", ticks: Math.max(2, Math.floor(width / 70))},
    y: {label: yLabel, grid: true, zero: true, tickFormat: (v: number) => nl.format(",")(v)},
    color: {domain: labels, range: labels.map((l) => colors[l] ?? "#888"), legend: true},
    marks: [
      Plot.ruleY([0]),
      Plot.line(points.filter((d) => d.kind === "realised"), {x: "year", y: "value", stroke: "label", strokeWidth: 2.5}),
      Plot.line(points.filter((d) => d.kind === "modelled"), {
        x: "year",
        y: "value",
        stroke: "label",
        strokeDasharray: "6 3",
        strokeWidth: (d: AnnualPoint) => (d.emphasis ? 3 : 1.5)
      }),
      // two marks: a fill channel mixing labels and the literal "white" would drop the modelled dots
      Plot.dot(points.filter((d) => d.kind === "realised"), {x: "year", y: "value", fill: "label", stroke: "label", r: 3, title}),
      Plot.dot(points.filter((d) => d.kind === "modelled"), {x: "year", y: "value", fill: "white", stroke: "label", r: 3, title}),
      Plot.tip(points, Plot.pointer({x: "year", y: "value", title}))
    ]
  });
  return accessibleFigure(plot, caption, summary);
}
