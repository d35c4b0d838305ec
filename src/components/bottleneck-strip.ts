/**
 * A strip with one coloured cell per month for the binding constraint of the chain (IND decisions,
 * reception places, housing, or none), on a time axis. The observed past (up to the forecast origin)
 * is drawn lighter and separated from the projection by a black line at the origin. Values are
 * modelled; the Dutch legend below the strip names the four colours.
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {accessibleFigure} from "./figure.js";
import {formatShortMonth} from "./format.js";
import {memoChart} from "./chart-memo.js";

export type StripKind = "ind" | "opvang" | "huisvesting" | "geen";

export interface StripCell {
  /** "YYYY-MM". */
  month: string;
  kind: StripKind;
  past: boolean;
  /** Dutch tooltip text. */
  title: string;
}

export interface StripOptions {
  width: number;
  /** "YYYY-MM": the last month of the observed past. */
  origin: string;
  caption: string;
  summary: string;
}

export const STRIP_LABELS: Record<StripKind, string> = {
  ind: "IND-beslissingen",
  opvang: "opvangplekken",
  huisvesting: "woningen voor vergunninghouders",
  geen: "geen knelpunt"
};

export const STRIP_COLORS: Record<StripKind, string> = {ind: "#805ad5", opvang: "#c53030", huisvesting: "#d69e2e", geen: "#cbd5e0"};

const KINDS: StripKind[] = ["ind", "opvang", "huisvesting", "geen"];

function date(month: string, add = 0): Date {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + add;
  return new Date(Date.UTC(y, m, 1));
}

/** Draws the strip and its legend. */
/** Narrowest drawing width (px). */
const MIN_WIDTH = 240;

/** Reuses the element of the last call with the same inputs (chart-memo.ts). */
export function bottleneckStrip(data: Parameters<typeof drawBottleneckStrip>[0], options: Parameters<typeof drawBottleneckStrip>[1]): ReturnType<typeof drawBottleneckStrip> {
  return memoChart("bottleneckStrip", data, options, drawBottleneckStrip);
}

function drawBottleneckStrip(cells: readonly StripCell[], {width: givenWidth, origin, caption, summary}: StripOptions): HTMLElement {
  // Framework reports width 0 while a page is laid out again (e.g. a full-page screenshot): draw at a minimum
  const width = Math.max(MIN_WIDTH, givenWidth);
  const plot = plotChart({
    width,
    height: 92,
    marginLeft: 12,
    marginRight: 16,
    marginTop: 22,
    marginBottom: 26,
    x: {type: "utc", label: null, tickFormat: (d: Date) => String(d.getUTCFullYear()), ticks: "year"},
    y: {axis: null, domain: [0, 1]},
    marks: [
      Plot.rect(cells as StripCell[], {
        x1: (d: StripCell) => date(d.month),
        x2: (d: StripCell) => date(d.month, 1),
        y1: 0,
        y2: 1,
        fill: (d: StripCell) => STRIP_COLORS[d.kind],
        fillOpacity: (d: StripCell) => (d.past ? 0.45 : 1),
        inset: 0.3,
        title: "title",
        className: "strip-cells"
      }),
      Plot.ruleX([date(origin, 1)], {stroke: "#111", strokeWidth: 2, y1: -0.15, y2: 1.15}),
      Plot.text([date(origin, 1)], {x: (d: Date) => d, y: 1, text: () => "waargenomen ◂ ▸ projectie", dy: -10, lineAnchor: "bottom", fontSize: 11, fill: "#1a202c"})
    ]
  });
  const figure = accessibleFigure(plot, caption, summary);
  figure.classList.add("bottleneck-strip");
  const legend = document.createElement("ul");
  legend.className = "strip-legend";
  legend.style.cssText = "list-style:none;display:flex;flex-wrap:wrap;gap:0.25rem 1rem;padding:0;margin:0.25rem 0;font-size:0.9rem";
  for (const kind of KINDS) {
    const li = document.createElement("li");
    li.dataset.kind = kind;
    const swatch = document.createElement("span");
    swatch.className = "strip-swatch";
    swatch.style.cssText = `display:inline-block;width:0.9em;height:0.9em;border-radius:2px;vertical-align:-0.1em;background:${STRIP_COLORS[kind]}`;
    swatch.setAttribute("aria-hidden", "true");
    li.append(swatch, ` ${STRIP_LABELS[kind]}`);
    legend.append(li);
  }
  const past = document.createElement("li");
  past.dataset.kind = "verleden";
  past.textContent = `lichter: tot en met ${formatShortMonth(date(origin))}, waar het model de waarnemingen volgt`;
  legend.append(past);
  figure.insertBefore(legend, figure.querySelector("figcaption"));
  return figure;
}
