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
import type {Markish, RenderFunction} from "@observablehq/plot";
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

/**
 * Switch for the tests: when false, a chart whose data leave its y domain is built anew (the way
 * before the axis moved in place), so a test can compare the two.
 */
export const axisInPlace = {enabled: true};

/**
 * A chart's y axis moved in place. A kept chart whose values leave its y domain used to be built anew
 * by Plot (5–10 ms a chart, plus the layout of a new SVG); a slider moved across its range does that
 * on a fifth to a third of its moves, the slowest ones. Instead the chart remembers what depends on
 * the y scale: Plot's y grid, ticks and tick labels (marked by plot.ts), the groups of the Plot marks
 * given `followY` as their render transform (rules, dots, labels) with their y values, and its layers.
 * `moveY` gives them the positions they would have in a chart built for the new domain: the same
 * ticks (d3's ticks for Plot's count, one per 35 px), labels and coordinates, so the SVG equals a new
 * build's (a unit test compares them).
 */
export interface FollowY {
  /** Range of the chart's y scale (set when Plot builds the chart). */
  range: [number, number] | null;
  /** Groups of marks drawn by Plot with positions from the y scale, their index and y values. */
  marks: {g: SVGGElement; index: readonly number[]; y: ArrayLike<unknown>}[];
}

export function followY(follow: FollowY): RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next!(index, scales, values, dimensions, context) as SVGGElement | null;
    const y = (values.channels as Record<string, {value?: ArrayLike<unknown>} | undefined>).y?.value;
    if (g && y) follow.marks.push({g, index: Array.from(index), y});
    follow.range ??= (scales.scales.y?.range as [number, number] | undefined) ?? null;
    return g;
  };
}

/** Plot's default spacing of y ticks, in px (its axis asks d3 for range / 35 ticks). */
const Y_TICK_SPACING = 35;

const translateY = (transform: string | null, y: number) => (transform ?? "").replace(/^translate\(([^,]+),[^)]*\)/, `translate($1,${y})`);

/** Gives `group` one child per tick (cloning its first child, dropping extra ones) and sets each with `set`. */
function syncTicks(group: Element, ticks: number[], set: (el: Element, tick: number) => void): boolean {
  const template = group.firstElementChild;
  if (!template) return false;
  while (group.childElementCount > ticks.length) group.lastElementChild!.remove();
  while (group.childElementCount < ticks.length) group.append(template.cloneNode(true));
  ticks.forEach((t, k) => set(group.children[k]!, t));
  return true;
}

/**
 * Moves the y axis of the Plot chart `svg` and the marks in `follow` to `domain` and returns the new y
 * scale function for the chart's layers, or null when the chart lacks a part it needs (then build it
 * anew).
 */
export function moveY(svg: SVGSVGElement, follow: FollowY, domain: [number, number], tickFormat: (value: number) => string): ((value: unknown) => number) | null {
  if (!follow.range) return null;
  const grid = svg.querySelector(':scope > g[data-y-axis="grid"]');
  const tick = svg.querySelector(':scope > g[data-y-axis="tick"]');
  const label = svg.querySelector(':scope > g[data-y-axis="label"]');
  if (!grid || !tick || !label) return null;
  const scale = scaleLinear().domain(domain).range(follow.range);
  const [r0, r1] = follow.range;
  const ticks = scale.ticks(Math.abs(r1 - r0) / Y_TICK_SPACING);
  const ok =
    syncTicks(grid, ticks, (el, t) => {
      el.setAttribute("y1", String(scale(t)));
      el.setAttribute("y2", String(scale(t)));
    }) &&
    syncTicks(tick, ticks, (el, t) => el.setAttribute("transform", translateY(el.getAttribute("transform"), scale(t)))) &&
    syncTicks(label, ticks, (el, t) => {
      el.setAttribute("transform", translateY(el.getAttribute("transform"), scale(t)));
      el.textContent = tickFormat(t);
    });
  if (!ok) return null;
  for (const {g, index, y} of follow.marks) {
    index.forEach((i, k) => {
      const el = g.children[k];
      if (!el) return;
      const py = scale(y[i] as number);
      if (el.tagName === "line") {
        el.setAttribute("y1", String(py));
        el.setAttribute("y2", String(py));
      } else if (el.tagName === "circle") el.setAttribute("cy", String(py));
      else el.setAttribute("transform", translateY(el.getAttribute("transform"), py));
    });
  }
  return (value: unknown) => scale(value as number);
}

/**
 * Moves a kept chart's y axis and its `follow` marks to `domain` and gives its `layers` the new y scale
 * (they are redrawn after this); false when it cannot (then the chart is built anew).
 */
export function moveChartY(layers: readonly Layer[], follow: FollowY, domain: [number, number], tickFormat: (value: number) => string): boolean {
  const svg = layers.find((layer) => layer.g)?.g?.ownerSVGElement;
  const y = axisInPlace.enabled && svg ? moveY(svg, follow, domain, tickFormat) : null;
  if (!y) return false;
  for (const layer of layers) if (layer.scales) layer.scales.y = y;
  return true;
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
