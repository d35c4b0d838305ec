/**
 * A monthly scenario chart: the baseline ("ongewijzigd beleid"), the changed baseline (assumptions
 * changed, no measures), the user's scenario with its P10–P90 band, and observed points. Months up to
 * the last observed month are drawn solid, later months dashed (modelled projection).
 */
import * as Plot from "@observablehq/plot";
import {plotChart} from "./plot.js";
import {accessibleFigure, type FigureOptions} from "./figure.js";
import {formatCount, formatShortMonth, nl} from "./format.js";
import {memoChart} from "./chart-memo.js";

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

/** One part (history or projection) of every line as columns: no object per point, no accessor per channel. */
interface Columns {
  x: Date[];
  y: number[];
  z: string[];
  width: number[];
}

function columns(lines: readonly ScenarioLine[], dates: readonly Date[], from: number, to: number): Columns {
  const c: Columns = {x: [], y: [], z: [], width: []};
  for (const line of lines) {
    for (let i = from; i <= to; i++) {
      const value = line.values[i];
      if (!Number.isFinite(value)) continue;
      c.x.push(dates[i]);
      c.y.push(value);
      c.z.push(line.label);
      c.width.push(ROLE_WIDTH[line.role]);
    }
  }
  return c;
}

/** Draws the chart; returns a figure element with an accessible summary. A chart with the same inputs as before is reused (chart-memo.ts). */
export function scenarioChart(data: ScenarioChartData, options: ScenarioChartOptions): HTMLElement {
  return memoChart("scenario", data, options, drawScenarioChart);
}

function drawScenarioChart(data: ScenarioChartData, options: ScenarioChartOptions): HTMLElement {
  const {width, height = 280, yLabel, caption, lastObserved, from, to, summary, rules = []} = options;
  const format = options.format ?? formatCount;
  const n = data.lines[0]?.values.length ?? 0;
  const i0 = from ? Math.max(0, monthIndex(data.start, from)) : 0;
  const i1 = to ? Math.min(n - 1, monthIndex(data.start, to)) : n - 1;
  const split = lastObserved ? monthIndex(data.start, lastObserved) : -1;
  const dates = monthDates(data.start, Math.max(n, i1 + 1, split + 1));
  // Columns per part (the month at the split belongs to both parts so the solid and dashed lines join).
  const history = columns(data.lines, dates, i0, Math.min(i1, split));
  const projection = columns(data.lines, dates, Math.max(i0, split), i1);
  const band = data.band
    ? Array.from({length: i1 - i0 + 1}, (_, k) => ({date: dates[i0 + k], low: data.band!.p10[i0 + k], high: data.band!.p90[i0 + k]})).filter(
        (d) => Number.isFinite(d.low) && Number.isFinite(d.high)
      )
    : [];
  const labels = data.lines.map((l) => l.label);
  const colors = data.lines.map((l) => l.color ?? ROLE_COLORS[l.role]);
  const observed = (data.observed ?? []).filter((d) => d.date >= dates[i0] && d.date <= monthDate(data.start, i1));
  // this series' own last observation (it differs per series: COA occupancy Jan 2025, IND backlog May 2025 …)
  const lastObservation = (data.observed ?? []).reduce<{date: Date; value: number} | null>((a, d) => (!a || d.date > a.date ? d : a), null);
  const splitDate = monthDate(data.start, split);
  // The tip's texts, one per point of both parts, as before (a point's text is made here, not on hover).
  const tipX = [...history.x, ...projection.x];
  const tipY = [...history.y, ...projection.y];
  const tipTitle = [...history.x.map((date, j) => `${history.z[j]}, ${shortMonth(date)}: ${format(history.y[j])}`), ...projection.x.map((date, j) => `${projection.z[j]}, ${shortMonth(date)}: ${format(projection.y[j])}${date > splitDate ? " (gemodelleerd)" : ""}`)];
  const plot = plotChart({
    width,
    height,
    marginLeft: 60,
    x: {type: "utc", label: null},
    y: {label: yLabel, grid: true, zero: true, tickFormat: options.tickFormat ?? ((v: number) => nl.format(",")(v))},
    color: {domain: [...labels, ...(observed.length ? ["waargenomen"] : []), ...(band.length ? [data.band!.label] : [])], range: [...colors, ...(observed.length ? ["#111"] : []), ...(band.length ? ["#93c5fd"] : [])], legend: true},
    marks: [
      Plot.ruleY([0]),
      band.length ? Plot.areaY(band, {x: "date", y1: "low", y2: "high", fill: "#93c5fd", fillOpacity: 0.35}) : null,
      ...rules.map((r) => Plot.ruleY([r.value], {stroke: "#b91c1c", strokeDasharray: "2 3"})),
      ...rules.map((r) => Plot.text([r], {x: dates[i0], y: "value", text: () => r.label, dy: -6, textAnchor: "start", fill: "#b91c1c", fontSize: 10})),
      Plot.line({length: history.x.length}, {x: history.x, y: history.y, z: history.z, stroke: history.z, strokeWidth: history.width}),
      Plot.line({length: projection.x.length}, {x: projection.x, y: projection.y, z: projection.z, stroke: projection.z, strokeWidth: projection.width, strokeDasharray: "6 3"}),
      observed.length
        ? Plot.dot(observed, {x: "date", y: "value", fill: "#111", r: 3, title: (d) => `waargenomen, ${formatShortMonth(d.date)}: ${format(d.value)} (${d.label})`})
        : null,
      lastObserved ? Plot.ruleX([splitDate], {stroke: "#9ca3af", strokeDasharray: "1 3"}) : null,
      lastObservation
        ? Plot.text([lastObservation], {x: "date", y: "value", text: () => `laatste waarneming: ${formatShortMonth(lastObservation.date)}`, dy: -10, textAnchor: "end", fill: "#111", fontSize: 10, stroke: "white", strokeWidth: 3})
        : null,
      Plot.tip({length: tipX.length}, Plot.pointerX({x: tipX, y: tipY, title: tipTitle}))
    ]
  });
  const when = lastObservation ? ` Laatste waarneming van deze reeks: ${formatShortMonth(lastObservation.date)}.` : "";
  return accessibleFigure(plot, caption + when, summary);
}
