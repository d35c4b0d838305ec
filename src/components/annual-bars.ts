/**
 * Grouped annual bars comparing runs (e.g. cost per year: baseline vs scenario). Values are modelled.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {accessibleFigure, type FigureOptions} from "./figure.js";
import {nl} from "./format.js";
import {ROLE_COLORS, type LineRole} from "./scenario-chart.js";
import {memoChart} from "./chart-memo.js";

export interface AnnualBar {
  year: number;
  role: LineRole;
  label: string;
  value: number;
}

export interface AnnualBarsOptions extends FigureOptions {
  format: (value: number) => string;
  tickFormat?: (value: number) => string;
}

/** Draws one group of bars per year, one bar per run. */
/** Reuses the element of the last call with the same inputs (chart-memo.ts). */
export function annualBars(data: Parameters<typeof drawAnnualBars>[0], options: Parameters<typeof drawAnnualBars>[1]): ReturnType<typeof drawAnnualBars> {
  return memoChart("annualBars", data, options, drawAnnualBars);
}

function drawAnnualBars(rows: AnnualBar[], {width, height = 240, yLabel, caption, summary, format, tickFormat}: AnnualBarsOptions): HTMLElement {
  const labels = [...new Set(rows.map((d) => d.label))];
  const plot = plotChart({
    width,
    height,
    marginLeft: 60,
    x: {axis: null, domain: labels},
    fx: {label: null, tickFormat: "d"},
    y: {label: yLabel, grid: true, tickFormat: tickFormat ?? ((v: number) => nl.format(",")(v))},
    color: {domain: labels, range: labels.map((l) => ROLE_COLORS[rows.find((d) => d.label === l)!.role]), legend: true},
    marks: [
      Plot.barY(rows, {fx: "year", x: "label", y: "value", fill: "label", title: (d: AnnualBar) => `${d.label}, ${d.year}: ${format(d.value)} (gemodelleerd)`}),
      Plot.ruleY([0])
    ]
  });
  return accessibleFigure(plot, caption, summary);
}
