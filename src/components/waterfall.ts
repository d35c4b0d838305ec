/**
 * Waterfall of a Shapley decomposition on one outcome: from the baseline (a black tick) through one
 * floating bar per measure (its Shapley value) to the scenario (a black tick). Inside each bar a dark
 * line shows the measure's own effect (only this measure switched on); the difference between line
 * and bar is its share in the interaction (the part that arises only together with the other
 * measures) — so the interaction is visible where effects do not add up, while the bars still add up
 * to the total. For a sampled
 * decomposition each bar carries an error bar of ± 2 standard errors. Values are modelled.
 *
 * The x axis does not start at zero: it spans the baseline, the scenario and every intermediate
 * total, so that effects of a few hundred on a stock of tens of thousands stay visible.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {accessibleFigure} from "./figure.js";
import {memoChart} from "./chart-memo.js";

export interface WaterfallPart {
  label: string;
  /** Shapley value. */
  value: number;
  /** Own effect v({i}) − v(∅). */
  solo: number;
  /** Standard error (sampled decompositions only). */
  se?: number;
}

export interface WaterfallData {
  baseline: number;
  scenario: number;
  parts: WaterfallPart[];
  /** Label of the start and end ticks. */
  baselineLabel: string;
  scenarioLabel: string;
}

export interface WaterfallOptions {
  width: number;
  format: (value: number) => string;
  /** Axis label, e.g. "personen in de opvang op 1 januari 2027". */
  xLabel: string;
  caption: string;
  summary: string;
}

export const WATERFALL_COLORS = {down: "#2b6cb0", up: "#c05621", share: "#cbd5e0", tick: "#111"};

interface Row {
  row: string;
  kind: "start" | "part" | "end";
  from: number;
  to: number;
  /** Own-effect segment end (parts). */
  soloTo: number;
  se: number;
  text: string;
}

function signed(value: number, format: (v: number) => string): string {
  return `${value >= 0 ? "+" : "−"}${format(Math.abs(value))}`;
}

/** The rows of the waterfall (cumulative positions), exported for tests. */
/** Narrowest drawing width (px). */
const MIN_WIDTH = 240;

export function waterfallRows(data: WaterfallData, format: (v: number) => string): Row[] {
  const rows: Row[] = [{row: data.baselineLabel, kind: "start", from: data.baseline, to: data.baseline, soloTo: data.baseline, se: 0, text: format(data.baseline)}];
  let at = data.baseline;
  data.parts.forEach((p, i) => {
    // a row label must be unique in a band scale: number the measures
    rows.push({row: `${i + 1}. ${p.label}`, kind: "part", from: at, to: at + p.value, soloTo: at + p.solo, se: p.se ?? 0, text: signed(p.value, format)});
    at += p.value;
  });
  rows.push({row: data.scenarioLabel, kind: "end", from: data.scenario, to: data.scenario, soloTo: data.scenario, se: 0, text: format(data.scenario)});
  return rows;
}

/** Wraps a long label over lines of at most `max` characters. */
function wrap(text: string, max: number): string {
  const words = text.split(" ");
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && (line + " " + w).length > max) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.slice(0, 3).join("\n");
}

/** Draws the waterfall (horizontal: one row per step, its label above the row). */
/** Reuses the element of the last call with the same inputs (chart-memo.ts). */
export function waterfall(data: Parameters<typeof drawWaterfall>[0], options: Parameters<typeof drawWaterfall>[1]): ReturnType<typeof drawWaterfall> {
  return memoChart("waterfall", data, options, drawWaterfall);
}

function drawWaterfall(data: WaterfallData, {width: givenWidth, format, xLabel, caption, summary}: WaterfallOptions): HTMLElement {
  // Framework reports width 0 while a page is laid out again (e.g. a full-page screenshot): draw at a minimum
  const width = Math.max(MIN_WIDTH, givenWidth);
  const rows = waterfallRows(data, format);
  const parts = rows.filter((r) => r.kind === "part");
  const ends = rows.filter((r) => r.kind !== "part");
  const xs = rows.flatMap((r) => [r.from, r.to, r.soloTo, r.to - 2 * r.se, r.to + 2 * r.se]);
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.08;
  lo -= pad;
  hi += pad;
  const labelChars = Math.max(28, Math.floor(width / 6.8));
  const labels = rows.map((d) => wrap(`${d.row}: ${d.text}`, labelChars));
  const lines = Math.max(...labels.map((l) => l.split("\n").length));
  // band geometry: a bar of `bar` px, the label lines above it
  const bar = 18;
  const step = bar + 10 + 15 * lines;
  const paddingInner = 1 - bar / step;
  const marginTop = 8 + 15 * lines;
  const marginBottom = 40;
  const plot = plotChart({
    width,
    height: marginTop + marginBottom + step * (rows.length - 1) + bar,
    marginLeft: 12,
    marginRight: 12,
    marginTop,
    marginBottom,
    x: {domain: [lo, hi], label: xLabel, labelAnchor: "center", grid: true, tickFormat: (v: number) => format(v), ticks: Math.max(2, Math.floor(width / 140))},
    y: {domain: rows.map((r) => r.row), axis: null, paddingInner, paddingOuter: 0, align: 0},
    marks: [
      // the measure's Shapley value (the step of the waterfall)
      Plot.barX(parts, {y: "row", x1: "from", x2: "to", fill: (d: Row) => (d.to - d.from >= 0 ? WATERFALL_COLORS.up : WATERFALL_COLORS.down)}),
      // its own effect (only this measure switched on): a dark line inside the bar
      Plot.barX(parts, {y: "row", x1: "from", x2: "soloTo", fill: WATERFALL_COLORS.tick, insetTop: bar / 2 - 2, insetBottom: bar / 2 - 2}),
      Plot.tickX(parts, {y: "row", x: "soloTo", stroke: WATERFALL_COLORS.tick, strokeWidth: 2}),
      // connectors from one total to the next
      Plot.ruleX(rows.slice(0, -1).map((r, i) => ({x: r.to, y1: r.row, y2: rows[i + 1]!.row})), {x: "x", y1: "y1", y2: "y2", stroke: "#718096", strokeDasharray: "2,2"}),
      Plot.tickX(ends, {y: "row", x: "to", stroke: WATERFALL_COLORS.tick, strokeWidth: 3}),
      ...(parts.some((p) => p.se > 0) ? [Plot.ruleY(parts.filter((p) => p.se > 0), {y: "row", x1: (d: Row) => d.to - 2 * d.se, x2: (d: Row) => d.to + 2 * d.se, stroke: "#1a202c", strokeWidth: 1.5, marker: "tick"})] : []),
      Plot.text(rows, {y: "row", x: lo, text: (_: Row, i: number) => labels[i], textAnchor: "start", lineAnchor: "bottom", dy: -(bar / 2 + 4), fontSize: 12, fill: "#1a202c", stroke: "white", strokeWidth: 3})
    ]
  });
  const figure = accessibleFigure(plot, caption, summary);
  const legend = document.createElement("p");
  legend.className = "waterfall-legend";
  legend.style.cssText = "font-size:0.85rem;margin:0.25rem 0";
  const swatch = (color: string, h: string) => {
    const s = document.createElement("span");
    s.setAttribute("aria-hidden", "true");
    s.style.cssText = `display:inline-block;width:1.4em;height:${h};background:${color};vertical-align:middle;margin-right:0.3em`;
    return s;
  };
  legend.append(swatch(WATERFALL_COLORS.down, "0.9em"), swatch(WATERFALL_COLORS.up, "0.9em"), "effect van de maatregel (Shapley-waarde; blauw omlaag, oranje omhoog) — ", swatch(WATERFALL_COLORS.tick, "0.25em"), "eigen effect: alleen deze maatregel aan. Het verschil is het aandeel in de samenloop.");
  figure.insertBefore(legend, figure.querySelector("figcaption"));
  return figure;
}
