/**
 * Annual sums of modelled runs (bars: baseline, changed baseline, scenario) beside observed annual
 * figures (a black tick with a dot across the year's group), so a reader sees at once where the model
 * meets the published numbers and where it projects. Bars are modelled; ticks are observed.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {accessibleFigure, type FigureOptions} from "./figure.js";
import {formatTick} from "./format.js";
import {ROLE_COLORS, type LineRole} from "./scenario-chart.js";
import {memoChart} from "./chart-memo.js";
import {scaleBand} from "d3";
import {fitsDomain, followY, HEADROOM, layerMark, liveChart, moveChartY, niceDomain, setSummary, SVG_NS, type FollowY, type Layer, type LayerScales} from "./live-chart.js";

export interface AnnualModelBar {
  year: number;
  role: LineRole;
  label: string;
  value: number;
}

export interface AnnualObserved {
  year: number;
  value: number;
  /** Source of the observed figure (shown in the point's title). */
  source: string;
}

export interface AnnualCompareOptions extends FigureOptions {
  format: (value: number) => string;
  tickFormat?: (value: number) => string;
  /** Legend label of the observed ticks (default "waargenomen"). */
  observedLabel?: string;
}

/** Draws one group of bars per year (one bar per run) with the observed value as a tick over the group; reuses the element of the last call with the same inputs (chart-memo.ts) and redraws a kept chart in place (live-chart.ts). */
export function annualCompare(data: AnnualCompareData, options: AnnualCompareOptions): HTMLElement {
  return memoChart("annualCompare", data, options, drawAnnualCompare);
}

export interface AnnualCompareData {
  bars: AnnualModelBar[];
  observed: AnnualObserved[];
}

interface AnnualState {
  domain: [number, number];
  layer: Layer;
  bars: AnnualModelBar[];
  /** The y axis, the zero rule and the observations, moved in place when the bars leave the axis (live-chart.ts moveY). */
  follow: FollowY;
}

function drawAnnualCompare(data: AnnualCompareData, options: AnnualCompareOptions): HTMLElement {
  const {width, height = 240, yLabel, caption, summary, format, tickFormat, observedLabel = "waargenomen"} = options;
  const labels = [...new Set(data.bars.map((d) => d.label))];
  const years = [...new Set(data.bars.map((d) => d.year))];
  const observed = data.observed.filter((d) => years.includes(d.year) && Number.isFinite(d.value));
  let lo = 0;
  let hi = 0;
  for (const d of [...data.bars, ...observed]) {
    if (!Number.isFinite(d.value)) continue;
    lo = Math.min(lo, d.value);
    hi = Math.max(hi, d.value);
  }
  const roles = labels.map((l) => data.bars.find((d) => d.label === l)!.role);
  const yTickFormat = tickFormat ?? formatTick;
  const key = JSON.stringify([years, labels, roles, observed, width, height, yLabel, caption, observedLabel, String(format), String(tickFormat ?? "")]);
  return liveChart<AnnualState>(
    `annualCompare\u0000${key}`,
    (state, element) => {
      if (!fitsDomain(lo, hi, state.domain)) {
        // the domain a chart built now would get (with this one as `previous`)
        const domain = niceDomain(lo, hi, height, HEADROOM);
        if (!moveChartY([state.layer], state.follow, domain, yTickFormat)) return false;
        state.domain = domain;
      }
      state.bars = data.bars;
      drawBars(state.layer.g!, state.layer.scales!, state.bars, labels, format);
      setSummary(element, summary);
      return true;
    },
    (previous) => {
      const state: AnnualState = {domain: niceDomain(lo, hi, height, previous ? HEADROOM : 1), layer: {g: null, scales: null}, bars: data.bars, follow: {range: null, marks: []}};
      const follow = followY(state.follow);
      const colorDomain = [...labels, ...(observed.length ? [observedLabel] : [])];
      const colorRange = [...roles.map((role) => ROLE_COLORS[role]), ...(observed.length ? ["#111"] : [])];
      const plot = plotChart({
        width,
        height,
        marginLeft: 60,
        x: {type: "band", domain: years, label: null, tickFormat: "d", padding: 0.1},
        y: {label: yLabel, grid: true, domain: state.domain, tickFormat: yTickFormat},
        color: {domain: colorDomain, range: colorRange, legend: true},
        marks: [
          layerMark(state.layer, (g, scales) => drawBars(g, scales, state.bars, labels, format)),
          Plot.ruleY([0], {render: follow}),
          observed.length ? Plot.tickY(observed, {x: "year", y: "value", stroke: "#111", strokeWidth: 2.5, render: follow}) : null,
          observed.length ? Plot.dot(observed, {x: "year", y: "value", fill: "#111", r: 3.5, title: (d: AnnualObserved) => `${observedLabel}, ${d.year}: ${format(d.value)} (${d.source})`, render: follow}) : null
        ]
      });
      return {element: accessibleFigure(plot, caption, summary), state};
    }
  );
}

/** A bar per run in each year's group (the group's width split as Plot splits a facet: 10% padding), each with its value as a tooltip. */
function drawBars(g: SVGGElement, scales: LayerScales, bars: readonly AnnualModelBar[], labels: readonly string[], format: (value: number) => string): void {
  const inner = scaleBand<string>().domain(labels).range([0, scales.bandwidth ?? 0]).padding(0.1);
  const y0 = scales.y(0);
  const doc = g.ownerDocument;
  while (g.children.length > bars.length) g.lastElementChild!.remove();
  bars.forEach((d, k) => {
    let rect = g.children[k] as SVGRectElement | undefined;
    if (!rect) {
      rect = doc.createElementNS(SVG_NS, "rect");
      rect.append(doc.createElementNS(SVG_NS, "title"));
      g.append(rect);
    }
    const x = scales.x(d.year) + (inner(d.label) ?? 0);
    const y = Number.isFinite(d.value) ? scales.y(d.value) : y0;
    rect.setAttribute("x", String(x));
    rect.setAttribute("width", String(inner.bandwidth()));
    rect.setAttribute("y", String(Math.min(y, y0)));
    rect.setAttribute("height", String(Math.abs(y0 - y)));
    rect.setAttribute("fill", ROLE_COLORS[d.role]);
    // text only: a label and a number
    rect.firstElementChild!.textContent = `${d.label}, ${d.year}: ${format(d.value)} (gemodelleerd)`;
  });
}
