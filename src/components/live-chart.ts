/**
 * Charts redrawn in place. A slider move re-runs every chart of a page; building a Plot chart costs
 * ~5–10 ms (scales, axes, legend, DOM) and its layout more, while what changes is mostly a few paths.
 * `liveChart` keeps, per chart *frame* (everything a chart's axes, legend and annotations depend on:
 * size, labels, window, observations, y domain), the element built last and lets the chart redraw its
 * data layer in it. A chart whose new data no longer fit its frame (for instance its values leave the
 * y domain) is built anew.
 *
 * The data layer is a Plot render-function mark (Plot's documented extension point): Plot calls it
 * while it builds the chart, with the chart's own scale functions, so the first drawing and every
 * redraw use the same code and the same scales.
 *
 * Reuse is coordinated with chart-memo.ts: an element is handed out at most once per task, and when
 * an element is redrawn the memo forgets the inputs it showed before.
 */
import type {Markish} from "@observablehq/plot";
import {scaleLinear} from "d3";
import {adoptEntries, forgetChart, isHandedOut, keepRecent} from "./chart-memo.js";

export const SVG_NS = "http://www.w3.org/2000/svg";

interface Entry {
  element: HTMLElement;
  state: unknown;
}

/** Frames kept (each a chart's DOM); a page shows at most ~15 charts at a time. */
const LIMIT = 48;
const registry = new Map<string, Entry[]>();
let size = 0;

/**
 * The element kept for frame `key`, redrawn by `update(state, element)` when that returns true (the
 * new data fit the frame); otherwise `build(previous)` makes a new one, where `previous` is the state
 * of the chart built last for this key (so a chart can keep its axis steady while the user moves a
 * slider).
 */
export function liveChart<S>(key: string, update: (state: S, element: HTMLElement) => boolean, build: (previous: S | undefined) => {element: HTMLElement; state: S}): HTMLElement {
  const list = registry.get(key);
  let previous: S | undefined;
  if (list) {
    for (let i = list.length - 1; i >= 0; i--) {
      const entry = list[i];
      if (isHandedOut(entry.element)) continue;
      previous ??= entry.state as S;
      if (update(entry.state as S, entry.element)) {
        forgetChart(entry.element);
        // most recently used last
        list.splice(i, 1);
        list.push(entry);
        registry.delete(key);
        registry.set(key, list);
        return entry.element;
      }
    }
  }
  const made = build(previous);
  const entries = list ?? [];
  entries.push(made);
  size++;
  // two per frame: a page may show two charts with the same frame (for instance before and after a change)
  if (entries.length > 2) {
    entries.shift();
    size--;
  }
  size = keepRecent(registry, key, entries, size, LIMIT);
  return made.element;
}

/** Share of the y domain the data must span for a kept chart to keep its axis (below it the chart is rebuilt, tighter). */
export const MIN_FILL = 0.4;
/** Headroom of an axis rebuilt while the user moves a control, so the next moves fit it. */
export const HEADROOM = 1.3;

/**
 * The y domain for values spanning [lo, hi] (0 included): rounded outward to the axis's tick step
 * (d3's `nice`, with about as many ticks as Plot draws at this height), widened by `headroom`.
 */
export function niceDomain(lo: number, hi: number, height: number, headroom = 1): [number, number] {
  const a = Math.min(0, lo) * headroom;
  const b = Math.max(0, hi) * headroom;
  if (!(b > a)) return [a, a + 1];
  const [d0, d1] = scaleLinear().domain([a, b]).nice(Math.max(2, (height - 50) / 35)).domain();
  return [d0, d1];
}

/** Whether values spanning [lo, hi] (0 included) still fit `domain` and fill at least `minFill` (MIN_FILL) of it. */
export function fitsDomain(lo: number, hi: number, domain: readonly [number, number], minFill = MIN_FILL): boolean {
  const a = Math.min(0, lo);
  const b = Math.max(0, hi);
  return a >= domain[0] && b <= domain[1] && b - a >= minFill * (domain[1] - domain[0]);
}

/** Scale functions handed to a data layer. */
export interface LayerScales {
  x: (value: unknown) => number;
  y: (value: unknown) => number;
  /** Width of a band of the x scale (a band scale: a group of bars). */
  bandwidth?: number;
}

/** A data layer: an SVG group that a chart redraws with its scales. */
export interface Layer {
  g: SVGGElement | null;
  scales: LayerScales | null;
}

/**
 * A Plot mark that creates `layer`'s group, remembers the chart's x and y scale functions in it and
 * calls `draw` once; later redraws call `draw` on the same group.
 */
export function layerMark(layer: Layer, draw: (g: SVGGElement, scales: LayerScales) => void): Markish {
  return (_index, scales, _values, _dimensions, context) => {
    const g = context.document.createElementNS(SVG_NS, "g") as SVGGElement;
    layer.g = g;
    layer.scales = {x: scales.x as LayerScales["x"], y: scales.y as LayerScales["y"], bandwidth: scales.scales.x?.bandwidth};
    draw(g, layer.scales);
    return g;
  };
}

/** Updates the accessible figure around a chart (figure.ts) with a new screen-reader summary. */
export function setSummary(figure: HTMLElement, summary: string): void {
  if (figure.getAttribute("aria-label") !== summary) figure.setAttribute("aria-label", summary);
  const alt = figure.querySelector(":scope > p.sr-only");
  if (alt && alt.textContent !== summary) alt.textContent = summary;
}

/**
 * `kept` now shows what `built` was built to show (chart-frame.ts moved the changed parts of `built`,
 * its SVG with the data layer among them, into `kept`, which stays on the page): the frame kept for
 * `built` is redrawn in `kept` from now on, and the frame `kept` showed before (its SVG is gone) is
 * forgotten.
 */
export function adoptLive(kept: Element, built: Element): void {
  size -= adoptEntries(registry, kept as HTMLElement, built as HTMLElement);
}

/** Forgets every kept frame (tests). */
export function clearLiveCharts(): void {
  registry.clear();
  size = 0;
}
