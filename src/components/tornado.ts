/**
 * Tornado chart of a sensitivity ranking on one outcome: per assumption a bar from the outcome with
 * the assumption at its low end to the outcome at its high end (all else at the scenario's values),
 * around a vertical line at the scenario's own outcome; the largest swing on top. Values are modelled.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {accessibleFigure} from "./figure.js";

export interface TornadoItem {
  /** Dutch label of the assumption. */
  label: string;
  /** "4.000 – 60.000 personen per jaar": the range it was varied over. */
  range: string;
  atLow: number;
  atHigh: number;
}

export interface TornadoOptions {
  width: number;
  /** The scenario's own outcome (the vertical line). */
  base: number;
  format: (value: number) => string;
  xLabel: string;
  caption: string;
  summary: string;
}

export const TORNADO_COLORS = {low: "#2b6cb0", high: "#c05621"};

interface Segment {
  row: string;
  end: "laag" | "hoog";
  x1: number;
  x2: number;
}

/** Draws the tornado (rows in the order given: sort by swing before). */
/** Narrowest drawing width (px). */
const MIN_WIDTH = 240;

export function tornadoChart(items: readonly TornadoItem[], {width: givenWidth, base, format, xLabel, caption, summary}: TornadoOptions): HTMLElement {
  // Framework reports width 0 while a page is laid out again (e.g. a full-page screenshot): draw at a minimum
  const width = Math.max(MIN_WIDTH, givenWidth);
  const rows = items.map((d, i) => `${i + 1}. ${d.label}`);
  const segments: Segment[] = items.flatMap((d, i) => [
    {row: rows[i]!, end: "laag" as const, x1: base, x2: d.atLow},
    {row: rows[i]!, end: "hoog" as const, x1: base, x2: d.atHigh}
  ]);
  const xs = [base, ...items.flatMap((d) => [d.atLow, d.atHigh])];
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.06;
  lo -= pad;
  hi += pad;
  const bar = 18;
  const step = bar + 26;
  const marginTop = 40;
  const marginBottom = 40;
  // the label above each bar: name and range, or the name alone when that does not fit
  const chars = Math.floor(width / 6.6);
  const labels = items.map((d, i) => {
    const full = `${rows[i]} (${d.range})`;
    return full.length <= chars ? full : rows[i]!.length <= chars ? rows[i]! : `${rows[i]!.slice(0, chars - 1)}…`;
  });
  const plot = plotChart({
    width,
    height: marginTop + marginBottom + step * Math.max(0, items.length - 1) + bar,
    marginLeft: 12,
    marginRight: 12,
    marginTop,
    marginBottom,
    x: {domain: [lo, hi], label: xLabel, labelAnchor: "center", grid: true, tickFormat: (v: number) => format(v), ticks: Math.max(2, Math.floor(width / 140))},
    y: {domain: rows, axis: null, paddingInner: 1 - bar / step, paddingOuter: 0, align: 0},
    color: {domain: ["laag", "hoog"], range: [TORNADO_COLORS.low, TORNADO_COLORS.high], legend: true, tickFormat: (d: string) => (d === "laag" ? "aanname op de lage grens" : "aanname op de hoge grens")},
    marks: [
      Plot.barX(segments, {y: "row", x1: "x1", x2: "x2", fill: "end"}),
      Plot.ruleX([base], {stroke: "#111", strokeWidth: 2}),
      Plot.text(items, {y: (_: TornadoItem, i: number) => rows[i], x: lo, text: (_: TornadoItem, i: number) => labels[i], textAnchor: "start", lineAnchor: "bottom", dy: -(bar / 2 + 4), fontSize: 12, fill: "#1a202c", stroke: "white", strokeWidth: 3})
    ]
  });
  return accessibleFigure(plot, caption, summary);
}
