/**
 * Annual totals: realised series drawn solid, modelled runs (presets and the user's scenario) drawn
 * dashed from the first modelled year. Every point has a title naming run, year and value.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {accessibleFigure} from "./figure.js";
import {formatCount, nl} from "./format.js";
import {memoChart} from "./chart-memo.js";
import {line} from "d3";
import {fitsDomain, HEADROOM, layerMark, liveChart, niceDomain, setSummary, SVG_NS, type Layer, type LayerScales} from "./live-chart.js";
import {monthTip, type TipRow, type TipSource} from "./month-tip.js";

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

/** Draws realised (solid) and modelled (dashed) annual lines; reuses the element of the last call with the same inputs (chart-memo.ts) and redraws the modelled lines of a kept chart in place (live-chart.ts). */
export function annualProjection(points: AnnualPoint[], options: AnnualProjectionOptions): HTMLElement {
  return memoChart("annualProjection", points, options, drawAnnualProjection);
}

interface ProjectionState {
  domain: [number, number];
  layer: Layer;
  points: AnnualPoint[];
}

const title = (d: AnnualPoint) => `${d.label}, ${d.year}: ${formatCount(d.value)} (${d.kind === "realised" ? "gerealiseerd" : "gemodelleerd"})`;

function drawAnnualProjection(points: AnnualPoint[], options: AnnualProjectionOptions): HTMLElement {
  const {width, height = 320, yLabel, caption, summary, colors} = options;
  const labels = [...new Set(points.map((d) => d.label))];
  const realised = points.filter((d) => d.kind === "realised");
  const modelled = points.filter((d) => d.kind === "modelled");
  const years = [...new Set(points.map((d) => d.year))].sort((a, b) => a - b);
  let lo = 0;
  let hi = 0;
  for (const d of points) {
    if (!Number.isFinite(d.value)) continue;
    lo = Math.min(lo, d.value);
    hi = Math.max(hi, d.value);
  }
  // the frame: everything but the modelled values (the realised series are observations)
  const key = JSON.stringify([width, height, yLabel, caption, labels, labels.map((l) => colors[l] ?? ""), years, realised, modelled.map((d) => [d.label, d.year, d.emphasis ?? false])]);
  return liveChart<ProjectionState>(
    `annualProjection\u0000${key}`,
    (state, element) => {
      if (!fitsDomain(lo, hi, state.domain)) return false;
      state.points = points;
      drawModelled(state.layer.g!, state.layer.scales!, points, colors);
      setSummary(element, summary);
      return true;
    },
    (previous) => {
      const state: ProjectionState = {domain: niceDomain(lo, hi, height, previous ? HEADROOM : 1), layer: {g: null, scales: null}, points};
      const plot = plotChart({
        width,
        height,
        marginLeft: 60,
        x: {label: null, tickFormat: "d", ticks: Math.max(2, Math.floor(width / 70)), domain: [years[0], years.at(-1)]},
        y: {label: yLabel, grid: true, domain: state.domain, tickFormat: (v: number) => nl.format(",")(v)},
        color: {domain: labels, range: labels.map((l) => colors[l] ?? "#888"), legend: true},
        marks: [
          Plot.ruleY([0]),
          Plot.line(realised, {x: "year", y: "value", stroke: "label", strokeWidth: 2.5}),
          layerMark(state.layer, (g, scales) => drawModelled(g, scales, state.points, colors)),
          Plot.dot(realised, {x: "year", y: "value", fill: "label", stroke: "label", r: 3, title})
        ]
      });
      const svg = plot instanceof SVGSVGElement ? plot : plot.querySelector<SVGSVGElement>(":scope > svg");
      if (svg && state.layer.scales) monthTip(svg, state.layer.scales, () => tipOf(state.points, years, colors));
      return {element: accessibleFigure(plot, caption, summary), state};
    }
  );
}

/** Each modelled run as a dashed line (the user's scenario thicker) with open dots, each dot titled with its value. */
function drawModelled(g: SVGGElement, scales: LayerScales, points: readonly AnnualPoint[], colors: Record<string, string>): void {
  const runs = new Map<string, AnnualPoint[]>();
  for (const d of points) {
    if (d.kind !== "modelled") continue;
    const run = runs.get(d.label);
    if (run) run.push(d);
    else runs.set(d.label, [d]);
  }
  const doc = g.ownerDocument;
  g.replaceChildren();
  for (const [label, run] of runs) {
    const color = colors[label] ?? "#888";
    const path = doc.createElementNS(SVG_NS, "path");
    path.setAttribute("fill", "none");
    path.setAttribute("stroke", color);
    path.setAttribute("stroke-width", String(run.some((d) => d.emphasis) ? 3 : 1.5));
    path.setAttribute("stroke-dasharray", "6 3");
    path.setAttribute("stroke-linecap", "round");
    path.setAttribute("stroke-linejoin", "round");
    const shape = line<AnnualPoint>()
      .defined((d) => Number.isFinite(d.value))
      .x((d) => scales.x(d.year))
      .y((d) => scales.y(d.value));
    path.setAttribute("d", shape(run) ?? "");
    g.append(path);
    for (const d of run) {
      if (!Number.isFinite(d.value)) continue;
      const dot = doc.createElementNS(SVG_NS, "circle");
      dot.setAttribute("cx", String(scales.x(d.year)));
      dot.setAttribute("cy", String(scales.y(d.value)));
      dot.setAttribute("r", "3");
      dot.setAttribute("fill", "white");
      dot.setAttribute("stroke", color);
      const t = doc.createElementNS(SVG_NS, "title");
      t.textContent = title(d); // text only
      dot.append(t);
      g.append(dot);
    }
  }
}

/** The tip at a year: every run's value that year, realised and modelled. */
function tipOf(points: readonly AnnualPoint[], years: readonly number[], colors: Record<string, string>): TipSource {
  return {
    first: 0,
    last: years.length - 1,
    dates: years,
    lines: (i) => {
      const rows: TipRow[] = points
        .filter((d) => d.year === years[i] && Number.isFinite(d.value))
        .map((d) => ({label: `${d.label} (${d.kind === "realised" ? "gerealiseerd" : "gemodelleerd"})`, color: colors[d.label] ?? "#888", value: d.value, text: formatCount(d.value)}));
      return {title: String(years[i]), rows, band: null};
    }
  };
}
