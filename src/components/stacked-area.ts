/**
 * A stacked area of monthly stocks that add up to a total (e.g. COA occupancy by group, IND backlog
 * by track). Every layer is one modelled series; the caption says so.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {accessibleFigure, type FigureOptions} from "./figure.js";
import {formatCount, formatShortMonth, nl} from "./format.js";
import {monthDate, monthIndex} from "./scenario-chart.js";
import {memoChart} from "./chart-memo.js";

export interface StackedLayer {
  label: string;
  color: string;
  values: ArrayLike<number>;
}

export interface StackedAreaOptions extends FigureOptions {
  start: string;
  from?: string;
  to?: string;
}

/** Draws the layers stacked in the given order. */
/** Reuses the element of the last call with the same inputs (chart-memo.ts). */
export function stackedArea(data: Parameters<typeof drawStackedArea>[0], options: Parameters<typeof drawStackedArea>[1]): ReturnType<typeof drawStackedArea> {
  return memoChart("stackedArea", data, options, drawStackedArea);
}

function drawStackedArea(layers: StackedLayer[], {width, height = 260, start, from, to, yLabel, caption, summary}: StackedAreaOptions): HTMLElement {
  const n = layers[0]?.values.length ?? 0;
  const i0 = from ? Math.max(0, monthIndex(start, from)) : 0;
  const i1 = to ? Math.min(n - 1, monthIndex(start, to)) : n - 1;
  const rows = layers.flatMap((layer, order) =>
    Array.from({length: i1 - i0 + 1}, (_, k) => ({date: monthDate(start, i0 + k), value: Math.max(0, layer.values[i0 + k]), label: layer.label, order}))
  );
  const plot = plotChart({
    width,
    height,
    marginLeft: 60,
    x: {type: "utc", label: null},
    y: {label: yLabel, grid: true, tickFormat: (v: number) => nl.format(",")(v)},
    color: {domain: layers.map((l) => l.label), range: layers.map((l) => l.color), legend: true},
    marks: [
      Plot.areaY(rows, {x: "date", y: "value", fill: "label", z: "label", order: layers.map((l) => l.label), fillOpacity: 0.85}),
      Plot.ruleY([0]),
      Plot.tip(rows, Plot.pointerX(Plot.stackY({x: "date", y: "value", z: "label", order: layers.map((l) => l.label), title: (d: {label: string; date: Date; value: number}) => `${d.label}, ${formatShortMonth(d.date)}: ${formatCount(d.value)} (gemodelleerd)`})))
    ]
  });
  return accessibleFigure(plot, caption, summary);
}
