/**
 * Annual stacked bars by category, with up to a few columns per year (e.g. "gemodelleerd" next to
 * "waargenomen (DT&V)"), so the composition of a flow can be compared with published figures.
 * Every bar segment's title names the column, so modelled and observed values are never confused.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {accessibleFigure, type FigureOptions} from "./figure.js";
import {nl} from "./format.js";
import {memoChart} from "./chart-memo.js";

export interface StackedAnnualRow {
  year: number;
  /** Column within the year, e.g. "gemodelleerd" or "waargenomen (DT&V)". */
  column: string;
  category: string;
  value: number;
}

export interface AnnualStackedOptions extends FigureOptions {
  format: (value: number) => string;
  /** Categories in stacking order with their colours. */
  categories: {label: string; color: string}[];
  /** Columns in display order; the first is drawn without outline (modelled), later ones outlined. */
  columns: string[];
  /** Short x-axis labels of the columns (default: the column names). */
  columnLabels?: Record<string, string>;
}

/** Draws per year one stacked bar per column. */
/** Reuses the element of the last call with the same inputs (chart-memo.ts). */
export function annualStacked(data: Parameters<typeof drawAnnualStacked>[0], options: Parameters<typeof drawAnnualStacked>[1]): ReturnType<typeof drawAnnualStacked> {
  return memoChart("annualStacked", data, options, drawAnnualStacked);
}

function drawAnnualStacked(rows: StackedAnnualRow[], {width, height = 260, yLabel, caption, summary, format, categories, columns, columnLabels = {}}: AnnualStackedOptions): HTMLElement {
  const years = [...new Set(rows.map((d) => d.year))].sort((a, b) => a - b);
  const order = categories.map((c) => c.label);
  const plot = plotChart({
    width,
    height,
    marginLeft: 60,
    marginBottom: 40,
    x: {domain: columns, label: null, tickFormat: (c: string) => columnLabels[c] ?? c, tickSize: 0, padding: 0.15},
    fx: {label: null, tickFormat: "d", domain: years, axis: "top", padding: 0.15},
    y: {label: yLabel, grid: true, tickFormat: (v: number) => nl.format(",")(v)},
    color: {domain: order, range: categories.map((c) => c.color), legend: true},
    marks: [
      Plot.barY(rows, {
        fx: "year",
        x: "column",
        y: "value",
        fill: "category",
        order,
        // "none", not null: Plot drops marks whose channel value is null.
        stroke: (d: StackedAnnualRow) => (d.column === columns[0] ? "none" : "#111"),
        title: (d: StackedAnnualRow) => `${d.category}, ${d.year}, ${d.column}: ${format(d.value)}`
      }),
      Plot.ruleY([0])
    ]
  });
  return accessibleFigure(plot, caption, summary);
}
