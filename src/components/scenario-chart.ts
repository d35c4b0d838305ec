/**
 * A monthly scenario chart: the baseline ("ongewijzigd beleid"), the changed baseline (assumptions
 * changed, no measures), the user's scenario with its P10–P90 band, and observed points. Months up to
 * the last observed month are drawn solid, later months dashed (modelled projection).
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {accessibleFigure, type FigureOptions} from "./figure.js";
import {formatCount, formatShortMonth, formatTick} from "./format.js";
import {memoChart} from "./chart-memo.js";
import {area, line as line_} from "d3";
import {fitsDomain, followY, HEADROOM, layerMark, liveChart, MIN_FILL, moveChartY, niceDomain, setSummary, SVG_NS, type FollowY, type Layer, type LayerScales} from "./live-chart.js";
import {monthTip} from "./month-tip.js";

export type LineRole = "baseline" | "changed" | "scenario";

export interface ScenarioLine {
  role: LineRole;
  label: string;
  values: ArrayLike<number>;
  /** Overrides the role's colour (e.g. for a capacity line drawn beside a need line). */
  color?: string;
}

export interface ScenarioChartData {
  /** "YYYY-MM" of index 0 of every series. */
  start: string;
  lines: ScenarioLine[];
  band?: {p10: ArrayLike<number>; p90: ArrayLike<number>; label: string};
  observed?: {date: Date; value: number; label: string}[];
}

export interface ScenarioChartOptions extends FigureOptions {
  /** "YYYY-MM": months after it are modelled projections (dashed). */
  lastObserved?: string;
  /** Display window, "YYYY-MM" (inclusive). */
  from?: string;
  to?: string;
  format?: (value: number) => string;
  /** Tick labels of the y axis (default: Dutch thousands separators). */
  tickFormat?: (value: number) => string;
  /** Horizontal reference lines, e.g. available capacity. */
  rules?: {value: number; label: string}[];
}

export const ROLE_COLORS: Record<LineRole, string> = {baseline: "#6b7280", changed: "#d97706", scenario: "#1d4ed8"};
const ROLE_WIDTH: Record<LineRole, number> = {baseline: 1.5, changed: 1.5, scenario: 2.5};

/** Converts "YYYY-MM" plus an offset in months into a UTC Date (first of the month). */
export function monthDate(start: string, offset = 0): Date {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7)) - 1 + offset;
  return new Date(Date.UTC(year, month, 1));
}

/** Index of month `month` relative to `start` (both "YYYY-MM"). */
export function monthIndex(start: string, month: string): number {
  return (Number(month.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(month.slice(5, 7)) - Number(start.slice(5, 7));
}

/** The first of each month from `start`, months i0..i1 (Plot only reads them; cached per start so a re-render allocates none). */
const monthCache = new Map<string, Date[]>();
export function monthDates(start: string, count: number): readonly Date[] {
  let dates = monthCache.get(start);
  if (!dates) monthCache.set(start, (dates = []));
  while (dates.length < count) dates.push(monthDate(start, dates.length));
  return dates;
}

/** Short month labels ("jan 2025") of the cached month dates. */
const monthLabels = new WeakMap<Date, string>();
function shortMonth(date: Date): string {
  let label = monthLabels.get(date);
  if (label === undefined) monthLabels.set(date, (label = formatShortMonth(date)));
  return label;
}

/** Draws the chart; returns a figure element with an accessible summary. A chart with the same inputs as before is reused (chart-memo.ts). */
export function scenarioChart(data: ScenarioChartData, options: ScenarioChartOptions): HTMLElement {
  return memoChart("scenario", data, options, drawScenarioChart);
}

/** What a drawn chart keeps to redraw its data layer in place (live-chart.ts). */
interface ScenarioState {
  domain: [number, number];
  band: Layer;
  lines: Layer;
  /** The data shown now: what the layers and the tip read. */
  view: View;
  /** How far the last band drawn reached beyond the lines, as a factor of their highest value (1: not beyond). */
  bandReach: number;
  /** The y axis and the Plot marks that move with it (live-chart.ts moveY). */
  follow: FollowY;
  /** The lines' labels in the legend. */
  labels: readonly string[];
}

/** The chart's data in its window, read by the data layers and the tip. */
interface View {
  data: ScenarioChartData;
  i0: number;
  i1: number;
  split: number;
  dates: readonly Date[];
  format: (value: number) => string;
}

/** Everything but the data of the lines and the band: when it is unchanged, the chart can be redrawn in place. */
function frameOf(data: ScenarioChartData, options: ScenarioChartOptions) {
  const {height = 280, lastObserved, from, to} = options;
  const n = data.lines[0]?.values.length ?? 0;
  const i0 = from ? Math.max(0, monthIndex(data.start, from)) : 0;
  const i1 = to ? Math.min(n - 1, monthIndex(data.start, to)) : n - 1;
  const split = lastObserved ? monthIndex(data.start, lastObserved) : -1;
  const dates = monthDates(data.start, Math.max(n, i1 + 1, split + 1));
  const observed = (data.observed ?? []).filter((d) => d.date >= dates[i0] && d.date <= monthDate(data.start, i1));
  // this series' own last observation (it differs per series: COA occupancy Jan 2025, IND backlog May 2025 …)
  const lastObservation = (data.observed ?? []).reduce<{date: Date; value: number} | null>((a, d) => (!a || d.date > a.date ? d : a), null);
  // the values the y axis must hold: lines and band in the window, reference lines, observations
  let lo = Infinity;
  let hi = -Infinity;
  const extend = (v: number) => {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const line of data.lines) for (let i = i0; i <= i1; i++) if (Number.isFinite(line.values[i])) extend(line.values[i]);
  const linesHi = hi;
  let bandValues = 0;
  if (data.band) {
    for (let i = i0; i <= i1; i++) {
      const [low, high] = [data.band.p10[i], data.band.p90[i]];
      if (Number.isFinite(low) && Number.isFinite(high)) {
        extend(low);
        extend(high);
        bandValues++;
      }
    }
  }
  for (const r of options.rules ?? []) extend(r.value);
  for (const d of observed) extend(d.value);
  if (lastObservation) extend(lastObservation.value);
  const key = JSON.stringify([
    data.start, n, i0, i1, split, height, options.width, options.yLabel, options.caption, options.rules ?? [], String(options.tickFormat ?? ""), String(options.format ?? ""),
    // the lines' labels are not part of the frame: a new label is written into the legend in place (relabel)
    data.lines.map((l) => [l.role, l.color ?? ""]), data.band?.label ?? null, observed.map((d) => [d.date.getTime(), d.value, d.label]),
    lastObservation ? [lastObservation.date.getTime(), lastObservation.value] : null
  ]);
  return {
    key, labels: data.lines.map((l) => l.label), height, i0, i1, split, dates, observed, lastObservation, lo: Number.isFinite(lo) ? lo : 0, hi: Number.isFinite(hi) ? hi : 0,
    // a band still being computed (its legend entry is drawn, its values are not there yet)
    pending: Boolean(data.band) && bandValues === 0,
    // how far the band reaches above the lines
    bandReach: bandValues && linesHi > 0 && hi > linesHi ? hi / linesHi : 1,
    linesHi: Number.isFinite(linesHi) ? linesHi : 0
  };
}

function drawScenarioChart(data: ScenarioChartData, options: ScenarioChartOptions): HTMLElement {
  const frame = frameOf(data, options);
  const format = options.format ?? formatCount;
  const view: View = {data, i0: frame.i0, i1: frame.i1, split: frame.split, dates: frame.dates, format};
  return liveChart<ScenarioState>(
    `scenario\u0000${frame.key}`,
    (state, element) => {
      // new labels for the same lines (another scenario's name): written into the legend, or a new build
      if (!sameLabels(state.labels, frame.labels)) {
        if (!relabel(element, frame.labels, (frame.observed.length ? 1 : 0) + (data.band ? 1 : 0))) return false;
        state.labels = frame.labels;
      }
      // While the band is computed the axis does not shrink: the band will need the room again.
      if (!fitsDomain(frame.lo, frame.hi, state.domain, frame.pending ? 0 : MIN_FILL)) {
        // the domain a chart built now would get (the build below, with this chart as `previous`), the axis moved to it in place
        const domain = yDomain(frame, state);
        if (!moveChartY([state.band, state.lines], state.follow, domain, tickFormatOf(options))) return false;
        state.domain = domain;
      }
      state.view = view;
      if (!frame.pending) state.bandReach = frame.bandReach;
      if (state.band.g) drawBand(state.band.g, state.band.scales!, view);
      drawLines(state.lines.g!, state.lines.scales!, view);
      setSummary(element, options.summary);
      return true;
    },
    // A chart built while the user moves a control gets headroom, so the next moves fit its axis; one built
    // while its band is computed also makes room for a band reaching as far above the lines as the last.
    (previous) => {
      const built = buildScenarioChart(view, options, frame, yDomain(frame, previous));
      built.state.bandReach = frame.pending && previous ? previous.bandReach : frame.pending ? 1 : frame.bandReach;
      return built;
    }
  );
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Writes the lines' new labels into the chart's legend: Plot's swatches, one per colour-domain entry in
 * the order of the domain (the lines first, see buildScenarioChart), each an SVG followed by its label
 * as a text node; `others` entries (observations, band) follow them. False (the chart is built anew)
 * when the chart's legend or the new labels do not have a swatch for each: two lines with one label,
 * or a label equal to the observations' or the band's entry, which Plot's legend shows once.
 */
function relabel(element: HTMLElement, labels: readonly string[], others: number): boolean {
  const swatches = element.querySelectorAll('[class$="-swatch"]');
  if (swatches.length !== labels.length + others) return false;
  const texts = [...swatches].map((s) => s.lastChild);
  if (!texts.every((t) => t instanceof Text)) return false;
  const rest = (texts.slice(labels.length) as Text[]).map((t) => t.data);
  if (new Set([...labels, ...rest]).size !== swatches.length) return false;
  labels.forEach((label, i) => {
    const text = texts[i] as Text;
    if (text.data !== label) text.data = label;
  });
  return true;
}

/**
 * The y domain of a chart built (or moved) for `frame`; `previous` is the chart shown before it, if
 * any: then the domain gets headroom, and while the band is computed room for a band reaching as far
 * above the lines as the last one.
 */
function yDomain(frame: ReturnType<typeof frameOf>, previous: ScenarioState | undefined): [number, number] {
  const reach = frame.pending && previous ? previous.bandReach : 1;
  return niceDomain(frame.lo, Math.max(frame.hi, frame.linesHi * reach), frame.height, previous ? HEADROOM : 1);
}

const tickFormatOf = (options: ScenarioChartOptions) => options.tickFormat ?? formatTick;

/** The band as one area path (its gaps, e.g. while the band is computed, left open). */
function drawBand(g: SVGGElement, scales: LayerScales, view: View): void {
  const band = view.data.band;
  let path = g.firstChild as SVGPathElement | null;
  if (!path) {
    path = g.ownerDocument.createElementNS(SVG_NS, "path");
    path.setAttribute("fill", BAND_COLOR);
    path.setAttribute("fill-opacity", "0.35");
    g.append(path);
  }
  const months = band ? range(view.i0, view.i1) : [];
  const shape = area<number>()
    .defined((i) => Number.isFinite(band!.p10[i]) && Number.isFinite(band!.p90[i]))
    .x((i) => scales.x(view.dates[i]))
    .y0((i) => scales.y(band!.p10[i]))
    .y1((i) => scales.y(band!.p90[i]));
  path.setAttribute("d", shape(months) ?? "");
}

/** Every line as two paths: solid up to the last observed month, dashed after it (the month at the split in both, so they join). */
function drawLines(g: SVGGElement, scales: LayerScales, view: View): void {
  const {data, i0, i1, split} = view;
  const parts: [number, number, boolean][] = [[i0, Math.min(i1, split), false], [Math.max(i0, split), i1, true]];
  const paths = g.children;
  let k = 0;
  for (const line of data.lines) {
    for (const [from, to, dashed] of parts) {
      let path = paths[k++] as SVGPathElement | undefined;
      if (!path) {
        path = g.ownerDocument.createElementNS(SVG_NS, "path");
        path.setAttribute("fill", "none");
        path.setAttribute("stroke", line.color ?? ROLE_COLORS[line.role]);
        path.setAttribute("stroke-width", String(ROLE_WIDTH[line.role]));
        path.setAttribute("stroke-linecap", "round");
        path.setAttribute("stroke-linejoin", "round");
        if (dashed) path.setAttribute("stroke-dasharray", "6 3");
        g.append(path);
      }
      const shape = line_<number>()
        .defined((i) => Number.isFinite(line.values[i]))
        .x((i) => scales.x(view.dates[i]))
        .y((i) => scales.y(line.values[i]));
      path.setAttribute("d", (from <= to ? shape(range(from, to)) : null) ?? "");
    }
  }
}

const ranges = new Map<string, number[]>();
/** The integers from..to (cached: the same few windows are drawn again and again). */
function range(from: number, to: number): number[] {
  const key = `${from}:${to}`;
  let r = ranges.get(key);
  if (!r) ranges.set(key, (r = Array.from({length: Math.max(0, to - from + 1)}, (_, k) => from + k)));
  return r;
}

const BAND_COLOR = "#93c5fd";

function buildScenarioChart(view: View, options: ScenarioChartOptions, frame: ReturnType<typeof frameOf>, domain: [number, number]): {element: HTMLElement; state: ScenarioState} {
  const {width, yLabel, caption, lastObserved, summary, rules = []} = options;
  const {data, i0, i1, split, dates} = view;
  const {observed, lastObservation, height} = frame;
  const state: ScenarioState = {domain, band: {g: null, scales: null}, lines: {g: null, scales: null}, view, bandReach: 1, follow: {range: null, marks: []}, labels: frame.labels};
  const follow = followY(state.follow);
  const labels = data.lines.map((l) => l.label);
  const colors = data.lines.map((l) => l.color ?? ROLE_COLORS[l.role]);
  const splitDate = monthDate(data.start, split);
  const plot = plotChart({
    width,
    height,
    marginLeft: 60,
    x: {type: "utc", label: null, domain: [dates[i0], dates[i1]]},
    y: {label: yLabel, grid: true, domain, tickFormat: tickFormatOf(options)},
    // the band's legend entry stays while the band is computed (the frame, and so the chart, stay the same)
    color: {domain: [...labels, ...(observed.length ? ["waargenomen"] : []), ...(data.band ? [data.band.label] : [])], range: [...colors, ...(observed.length ? ["#111"] : []), ...(data.band ? [BAND_COLOR] : [])], legend: true},
    marks: [
      Plot.ruleY([0], {render: follow}),
      data.band ? layerMark(state.band, (g, scales) => drawBand(g, scales, state.view)) : null,
      ...rules.map((r) => Plot.ruleY([r.value], {stroke: "#b91c1c", strokeDasharray: "2 3", render: follow})),
      ...rules.map((r) => Plot.text([r], {x: dates[i0], y: "value", text: () => r.label, dy: -6, textAnchor: "start", fill: "#b91c1c", fontSize: 10, render: follow})),
      layerMark(state.lines, (g, scales) => drawLines(g, scales, state.view)),
      observed.length
        ? Plot.dot(observed, {x: "date", y: "value", fill: "#111", r: 3, title: (d) => `waargenomen, ${formatShortMonth(d.date)}: ${view.format(d.value)} (${d.label})`, render: follow})
        : null,
      lastObserved ? Plot.ruleX([splitDate], {stroke: "#9ca3af", strokeDasharray: "1 3"}) : null,
      lastObservation
        ? Plot.text([lastObservation], {x: "date", y: "value", text: () => `laatste waarneming: ${formatShortMonth(lastObservation.date)}`, dy: -10, textAnchor: labelAnchor(lastObservation.date, dates[i0]!, dates[i1]!, width), fill: "#111", fontSize: 10, stroke: "white", strokeWidth: 3, render: follow})
        : null
    ]
  });
  const svg = plot instanceof SVGSVGElement ? plot : plot.querySelector<SVGSVGElement>(":scope > svg");
  if (svg && state.lines.scales) monthTip(svg, state.lines.scales, () => tipOf(state.view, splitDate));
  const when = lastObservation ? ` Laatste waarneming van deze reeks: ${formatShortMonth(lastObservation.date)}.` : "";
  return {element: accessibleFigure(plot, caption + when, summary), state};
}

/**
 * Where the "laatste waarneming" label goes: ending at the point (left of it), unless that would run
 * into the y axis's labels, as it does when the last observation lies near the chart's left edge (a
 * horizon starting shortly before it, or a narrow screen); then it starts at the point.
 */
export function labelAnchor(date: Date, from: Date, to: Date, width: number): "start" | "end" {
  const [left, right] = [60, 20]; // the chart's marginLeft and Plot's default marginRight
  const x = left + ((+date - +from) / Math.max(1, +to - +from)) * (width - left - right);
  // ~5,5 px per character at 10 px: "laatste waarneming: sep 2025" is about 150 px wide
  return x - 150 < left ? "start" : "end";
}

/** The tip's content at month i: the month, then every line's value and the band. */
function tipOf(view: View, splitDate: Date) {
  return {
    first: view.i0,
    last: view.i1,
    dates: view.dates,
    lines: (i: number) => {
      const date = view.dates[i];
      const rows: {label: string; color: string; value: number; text: string}[] = [];
      for (const line of view.data.lines) {
        const value = line.values[i];
        if (Number.isFinite(value)) rows.push({label: line.label, color: line.color ?? ROLE_COLORS[line.role], value, text: view.format(value)});
      }
      const band = view.data.band;
      const band_ = band && Number.isFinite(band.p10[i]) && Number.isFinite(band.p90[i]) ? `${view.format(band.p10[i])} – ${view.format(band.p90[i])}` : null;
      return {title: `${shortMonth(date)}${date > splitDate ? " (gemodelleerd)" : ""}`, rows, band: band_ ? {label: band!.label, text: band_} : null};
    }
  };
}
