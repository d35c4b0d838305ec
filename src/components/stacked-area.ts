/**
 * A stacked area of monthly stocks that add up to a total (e.g. COA occupancy by group, IND backlog
 * by track). Every layer is one modelled series; the caption says so.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {accessibleFigure, type FigureOptions} from "./figure.js";
import {formatCount, formatShortMonth, formatTick} from "./format.js";
import {monthDates, monthIndex} from "./scenario-chart.js";
import {memoChart} from "./chart-memo.js";
import {area} from "d3";
import {fitsDomain, followY, HEADROOM, layerMark, liveChart, moveChartY, niceDomain, setSummary, SVG_NS, type FollowY, type Layer, type LayerScales} from "./live-chart.js";
import {monthTip, type TipRow, type TipSource} from "./month-tip.js";

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

/** Draws the layers stacked in the given order; reuses the element of the last call with the same inputs (chart-memo.ts) and redraws a kept chart in place (live-chart.ts). */
export function stackedArea(data: StackedLayer[], options: StackedAreaOptions): HTMLElement {
  return memoChart("stackedArea", data, options, drawStackedArea);
}

interface StackedState {
  domain: [number, number];
  layer: Layer;
  view: StackedView;
  /** The y axis and the zero rule, moved in place when the total leaves the axis (live-chart.ts moveY). */
  follow: FollowY;
}

/** The layers stacked: `tops[k][i]` is the top of layer k at month i (negative values count as 0). */
interface StackedView {
  layers: StackedLayer[];
  tops: Float64Array[];
  i0: number;
  i1: number;
  dates: readonly Date[];
}

function stack(layers: StackedLayer[], n: number): Float64Array[] {
  const tops: Float64Array[] = [];
  let below = new Float64Array(n);
  for (const layer of layers) {
    const top = new Float64Array(n);
    for (let i = 0; i < n; i++) top[i] = below[i] + Math.max(0, layer.values[i] || 0);
    tops.push(top);
    below = top;
  }
  return tops;
}

function drawStackedArea(layers: StackedLayer[], options: StackedAreaOptions): HTMLElement {
  const {width, height = 260, start, from, to, yLabel, caption, summary} = options;
  const n = layers[0]?.values.length ?? 0;
  const i0 = from ? Math.max(0, monthIndex(start, from)) : 0;
  const i1 = to ? Math.min(n - 1, monthIndex(start, to)) : n - 1;
  const tops = stack(layers, n);
  let hi = 0;
  const total = tops.at(-1);
  if (total) for (let i = i0; i <= i1; i++) hi = Math.max(hi, total[i]);
  const view: StackedView = {layers, tops, i0, i1, dates: monthDates(start, Math.max(n, i1 + 1))};
  const key = JSON.stringify([start, n, i0, i1, width, height, yLabel, caption, layers.map((l) => [l.label, l.color])]);
  return liveChart<StackedState>(
    `stackedArea\u0000${key}`,
    (state, element) => {
      if (!fitsDomain(0, hi, state.domain)) {
        // the domain a chart built now would get (with this one as `previous`)
        const domain = niceDomain(0, hi, height, HEADROOM);
        if (!moveChartY([state.layer], state.follow, domain, formatTick)) return false;
        state.domain = domain;
      }
      state.view = view;
      drawLayers(state.layer.g!, state.layer.scales!, view);
      setSummary(element, summary);
      return true;
    },
    (previous) => {
      const state: StackedState = {domain: niceDomain(0, hi, height, previous ? HEADROOM : 1), layer: {g: null, scales: null}, view, follow: {range: null, marks: []}};
      const plot = plotChart({
        width,
        height,
        marginLeft: 60,
        x: {type: "utc", label: null, domain: [view.dates[i0], view.dates[i1]]},
        y: {label: yLabel, grid: true, domain: state.domain, tickFormat: formatTick},
        color: {domain: layers.map((l) => l.label), range: layers.map((l) => l.color), legend: true},
        marks: [layerMark(state.layer, (g, scales) => drawLayers(g, scales, state.view)), Plot.ruleY([0], {render: followY(state.follow)})]
      });
      const svg = plot instanceof SVGSVGElement ? plot : plot.querySelector<SVGSVGElement>(":scope > svg");
      if (svg && state.layer.scales) monthTip(svg, state.layer.scales, () => tipOf(state.view));
      return {element: accessibleFigure(plot, caption, summary), state};
    }
  );
}

/** One area per layer, from the top of the layer below to its own top. */
function drawLayers(g: SVGGElement, scales: LayerScales, view: StackedView): void {
  const months = Array.from({length: Math.max(0, view.i1 - view.i0 + 1)}, (_, k) => view.i0 + k);
  view.layers.forEach((layer, k) => {
    let path = g.children[k] as SVGPathElement | undefined;
    if (!path) {
      path = g.ownerDocument.createElementNS(SVG_NS, "path");
      path.setAttribute("fill", layer.color);
      path.setAttribute("fill-opacity", "0.85");
      g.append(path);
    }
    const top = view.tops[k];
    const below = k ? view.tops[k - 1] : null;
    const shape = area<number>()
      .x((i) => scales.x(view.dates[i]))
      .y0((i) => scales.y(below ? below[i] : 0))
      .y1((i) => scales.y(top[i]));
    path.setAttribute("d", shape(months) ?? "");
  });
}

/** The tip at a month: every layer (top layer first, as stacked), its share drawn at its top, and the total. */
function tipOf(view: StackedView): TipSource {
  return {
    first: view.i0,
    last: view.i1,
    dates: view.dates,
    lines: (i) => {
      const rows: TipRow[] = view.layers
        .map((layer, k) => ({label: layer.label, color: layer.color, value: view.tops[k][i], text: formatCount(Math.max(0, layer.values[i] || 0))}))
        .reverse();
      const total = view.tops.at(-1)?.[i] ?? 0;
      return {title: `${formatShortMonth(view.dates[i])} (gemodelleerd): totaal ${formatCount(total)}`, rows, band: null};
    }
  };
}
