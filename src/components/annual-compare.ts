/**
 * Annual sums of modelled runs (bars: baseline, changed baseline, scenario) beside observed annual
 * figures (a black tick with a dot across the year's group), so a reader sees at once where the model
 * meets the published numbers and where it projects. Bars are modelled; ticks are observed.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {accessibleFigure, type FigureOptions} from "./figure.js";
import {nl} from "./format.js";
import {ROLE_COLORS, type LineRole} from "./scenario-chart.js";
import {memoChart} from "./chart-memo.js";

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

/** Draws one group of bars per year (one bar per run) with the observed value as a tick over the group. */
/** Reuses the element of the last call with the same inputs (chart-memo.ts). */
export function annualCompare(data: Parameters<typeof drawAnnualCompare>[0], options: Parameters<typeof drawAnnualCompare>[1]): ReturnType<typeof drawAnnualCompare> {
  return memoChart("annualCompare", data, options, drawAnnualCompare);
}

function drawAnnualCompare(
  data: {bars: AnnualModelBar[]; observed: AnnualObserved[]},
  {width, height = 240, yLabel, caption, summary, format, tickFormat, observedLabel = "waargenomen"}: AnnualCompareOptions
): HTMLElement {
  const labels = [...new Set(data.bars.map((d) => d.label))];
  const years = [...new Set(data.bars.map((d) => d.year))];
  const observed = data.observed.filter((d) => years.includes(d.year) && Number.isFinite(d.value));
  const colorDomain = [...labels, ...(observed.length ? [observedLabel] : [])];
  const colorRange = [...labels.map((l) => ROLE_COLORS[data.bars.find((d) => d.label === l)!.role]), ...(observed.length ? ["#111"] : [])];
  const plot = plotChart({
    width,
    height,
    marginLeft: 60,
    x: {axis: null, domain: labels},
    fx: {label: null, tickFormat: "d", domain: years},
    y: {label: yLabel, grid: true, zero: true, tickFormat: tickFormat ?? ((v: number) => nl.format(",")(v))},
    color: {domain: colorDomain, range: colorRange, legend: true},
    marks: [
      Plot.barY(data.bars, {fx: "year", x: "label", y: "value", fill: "label", title: (d: AnnualModelBar) => `${d.label}, ${d.year}: ${format(d.value)} (gemodelleerd)`}),
      Plot.ruleY([0]),
      observed.length ? Plot.tickY(observed, {fx: "year", y: "value", stroke: "#111", strokeWidth: 2.5}) : null,
      observed.length
        ? Plot.dot(observed, {fx: "year", frameAnchor: "middle", y: "value", fill: "#111", r: 3.5, title: (d: AnnualObserved) => `${observedLabel}, ${d.year}: ${format(d.value)} (${d.source})`})
        : null
    ]
  });
  return accessibleFigure(plot, caption, summary);
}
