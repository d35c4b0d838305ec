/**
 * Realised annual totals drawn solid, published forecast scenarios drawn dashed from the last realised
 * year before the forecast to the scenario value. Modelled or forecast values are labelled as such.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {formatCount, nl} from "./format.js";
import {memoChart} from "./chart-memo.js";

export interface RealisedPoint {
  year: number;
  value: number;
  seriesLabel: string;
}

export interface ScenarioPoint {
  year: number;
  value: number;
  scenarioLabel: string;
  /** The realised value the dashed line starts from. */
  fromYear: number;
  fromValue: number;
}

export interface ProjectionChartOptions {
  width: number;
  height?: number;
  caption: string;
  yLabel?: string;
}

/** Draws realised totals (solid) and scenarios (dashed), with titles naming each point. */
/** Reuses the element of the last call with the same inputs (chart-memo.ts). */
export function projectionChart(data: Parameters<typeof drawProjectionChart>[0], options: Parameters<typeof drawProjectionChart>[1]): ReturnType<typeof drawProjectionChart> {
  return memoChart("projectionChart", data, options, drawProjectionChart);
}

function drawProjectionChart(
  data: {realised: RealisedPoint[]; scenarios: ScenarioPoint[]},
  {width, height = 320, caption, yLabel = "personen per jaar"}: ProjectionChartOptions
): HTMLElement | SVGSVGElement {
  const segments = data.scenarios.flatMap((s) => [
    {year: s.fromYear, value: s.fromValue, scenarioLabel: s.scenarioLabel},
    {year: s.year, value: s.value, scenarioLabel: s.scenarioLabel}
  ]);
  return plotChart({
    width,
    height,
    marginLeft: 56,
    marginRight: 150,
    caption,
    x: {label: null, tickFormat: "d", ticks: Math.max(2, Math.floor((width - 200) / 60))},
    y: {label: yLabel, grid: true, zero: true, tickFormat: nl.format(",")},
    color: {legend: true},
    marks: [
      Plot.ruleY([0]),
      Plot.line(data.realised, {x: "year", y: "value", stroke: "seriesLabel", strokeWidth: 2.5}),
      Plot.dot(data.realised, {
        x: "year",
        y: "value",
        fill: "seriesLabel",
        r: 3.5,
        title: (d: RealisedPoint) => `${d.seriesLabel}, ${d.year}: ${formatCount(d.value)} (gerealiseerd)`
      }),
      Plot.line(segments, {x: "year", y: "value", z: "scenarioLabel", stroke: "#555", strokeDasharray: "5 4", strokeWidth: 1.5}),
      Plot.dot(data.scenarios, {
        x: "year",
        y: "value",
        stroke: "#555",
        fill: "white",
        r: 4,
        title: (d: ScenarioPoint) => `${d.scenarioLabel}, ${d.year}: ${formatCount(d.value)} (prognose)`
      }),
      Plot.text(data.scenarios, {
        x: "year",
        y: "value",
        text: (d: ScenarioPoint) => `${d.scenarioLabel}: ${formatCount(d.value)}`,
        dx: 8,
        textAnchor: "start",
        fill: "#333"
      }),
      Plot.tip(data.realised, Plot.pointer({x: "year", y: "value", title: (d: RealisedPoint) => `${d.seriesLabel}, ${d.year}: ${formatCount(d.value)}`}))
    ]
  });
}
