/**
 * Bars per year that split the gap between NL's grant rate and a comparator's into a composition part
 * (mix of nationalities) and a within-nationality part (different rates for the same nationality).
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import type {Decomposition} from "../grant/types.js";
import {formatPercent} from "./format.js";

export interface DecompositionOptions {
  width: number;
  height?: number;
  caption: string;
  /** Colours of the two parts. */
  colors: {composition: string; within: string};
}

interface Part {
  year: number;
  part: "Samenstelling" | "Binnen nationaliteit";
  value: number;
}

function pp(value: number): string {
  return `${value >= 0 ? "+" : ""}${formatPercent(value).replace("%", "")} procentpunt`;
}

/** Draws stacked bars (composition, within) per year with the total gap as a black tick. */
export function grantDecomposition(rows: readonly Decomposition[], {width, height = 300, caption, colors}: DecompositionOptions): Element {
  const parts: Part[] = rows.flatMap((d) => [
    {year: d.year, part: "Samenstelling" as const, value: d.composition},
    {year: d.year, part: "Binnen nationaliteit" as const, value: d.within}
  ]);
  return plotChart({
    width,
    height,
    x: {type: "band", label: null, tickFormat: (d: number) => String(d)},
    y: {label: "Verschil NL − vergelijking (procentpunt)", tickFormat: (d: number) => formatPercent(d, 0).replace("%", ""), grid: true},
    color: {domain: ["Samenstelling", "Binnen nationaliteit"], range: [colors.composition, colors.within], legend: true},
    caption,
    marks: [
      Plot.barY(parts, Plot.stackY({x: "year", y: "value", fill: "part", order: ["Samenstelling", "Binnen nationaliteit"]})),
      Plot.ruleY([0]),
      Plot.tickY(rows as Decomposition[], {x: "year", y: "gap", stroke: "black", strokeWidth: 3}),
      Plot.tip(
        rows as Decomposition[],
        Plot.pointerX({
          x: "year",
          y: "gap",
          title: (d: Decomposition) =>
            `${d.year}: verschil ${pp(d.gap)}\nsamenstelling ${pp(d.composition)}\nbinnen nationaliteit ${pp(d.within)}\ngedekt: ${formatPercent(d.coverage)} van de NL-beslissingen`
        })
      )
    ]
  }) as unknown as Element;
}
