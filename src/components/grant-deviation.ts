/**
 * Dumbbell chart of the nationalities where NL deviates most from the pooled peers in one year:
 * NL's rate and the peers' rate per nationality, ordered by the grants NL made above (or below) what
 * the peers' rate would have given.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import type {Deviation} from "../grant/types.js";
import {formatCount, formatDelta, formatPercent} from "./format.js";

export interface DeviationOptions {
  width: number;
  caption: string;
  xLabel: string;
  colors: {nl: string; peers: string};
}

type Row = Deviation & {name: string};

/** Draws one row per nationality: a segment from the peers' rate to NL's rate. */
export function grantDeviation(rows: readonly Row[], {width, caption, xLabel, colors}: DeviationOptions): Element {
  const order = rows.map((d) => d.name);
  const long = rows.flatMap((d) => [
    {name: d.name, who: "Nederland", rate: d.nlRate, n: d.nlDecisions},
    {name: d.name, who: "Vier vergelijkingslanden samen", rate: d.peerRate, n: d.peerDecisions}
  ]);
  return plotChart({
    width,
    height: 40 + rows.length * 26,
    marginLeft: 110,
    marginRight: 60,
    x: {domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), label: xLabel, grid: true},
    y: {domain: order, label: null},
    color: {domain: ["Nederland", "Vier vergelijkingslanden samen"], range: [colors.nl, colors.peers], legend: true},
    caption,
    marks: [
      Plot.link(rows as Row[], {y1: "name", y2: "name", x1: "peerRate", x2: "nlRate", stroke: "#999", strokeWidth: 2}),
      Plot.dot(long, {y: "name", x: "rate", fill: "who", r: 5}),
      Plot.text(rows as Row[], {
        y: "name",
        x: 1,
        text: (d: Row) => `${formatDelta(d.excessGrants)}`,
        textAnchor: "start",
        dx: 12,
        fontVariant: "tabular-nums"
      }),
      Plot.tip(
        long,
        Plot.pointer({y: "name", x: "rate", title: (d: (typeof long)[number]) => `${d.name} — ${d.who}\n${formatPercent(d.rate)} van ${formatCount(d.n)} beslissingen`})
      )
    ]
  }) as unknown as Element;
}
