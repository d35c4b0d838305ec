/**
 * Wraps a chart with a title, a "Tabel" view of its data and downloads fit for a note:
 *  - SVG and PNG with the title, a subtitle (scenario, data vintage, model version), the legend (taken
 *    from Plot's swatches, which sit outside the chart's SVG), "gemodelleerd" where modelled, the source
 *    and the permalink wrapped to the image width;
 *  - CSV "zoals getoond" (the rows of the chart) and "volledig" (those rows plus the observations drawn
 *    in the chart), both for Dutch Excel: semicolons, decimal comma, UTF-8 byte-order mark, units row.
 * The table view shows the same rows as the CSV "zoals getoond".
 */
import {MODEL_VERSION} from "../model/version.js";
import {dataTable, toDutchCsv, type Row} from "./data-table.js";
import {adoptMarks, observationsIn} from "./plot.js";
import {adoptChart} from "./chart-memo.js";
import {isReused, keepable, reuse} from "./kept-node.js";
import {adoptLive} from "./live-chart.js";
import type {Kind} from "./provenance.js";

export interface ChartFrameOptions {
  title: string;
  source: string;
  /** Returns the permalink at the moment of download (the URL changes with the controls). */
  permalink: () => string;
  /** Rows of the data the chart displays. */
  rows: () => Row[];
  filename: string;
  /** Extra legend entries; Plot's own legend is read from the chart. */
  legend?: {label: string; color: string}[];
  /** Show the title above the chart (default true; false when the page already has a heading). */
  showTitle?: boolean;
  /** Rows of everything behind the chart (default: `rows`); the observations are added to them. */
  fullRows?: () => Row[];
  /** Observations behind the chart (default: the observed points drawn in it). */
  observations?: () => Row[];
  /** Units per column key, for the CSV units row and the table headers. */
  units?: Record<string, string>;
  /** What the numbers are (default: "gemodelleerd" when the source names the model, else "waargenomen"). */
  kind?: Kind;
  /** Subtitle of the exports (default: scenario, data vintage and model version from the permalink). */
  subtitle?: () => string;
}

export interface LegendItem {
  label: string;
  color: string;
}

export interface ExportMeta {
  title: string;
  subtitle: string;
  source: string;
  permalink: string;
  legend: LegendItem[];
  modelled: boolean;
}

const SVG_NS = "http://www.w3.org/2000/svg";
/** Average glyph width of 10–11 px system-ui text, used to wrap lines in exported images. */
const CHAR_WIDTH = 0.56;

const DUTCH_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function text(x: number, y: number, content: string, size: number, weight = "normal", fill = "#111", anchor = "start"): SVGTextElement {
  const t = document.createElementNS(SVG_NS, "text");
  t.setAttribute("x", String(x));
  t.setAttribute("y", String(y));
  t.setAttribute("font-size", String(size));
  t.setAttribute("font-weight", weight);
  t.setAttribute("fill", fill);
  if (anchor !== "start") t.setAttribute("text-anchor", anchor);
  t.textContent = content; // text only: nothing from a URL is ever parsed as markup
  return t;
}

/** Wraps text to lines of at most `max` characters, at spaces where possible, else anywhere (URLs). */
export function wrapText(content: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of content.split(" ")) {
    let rest = word;
    while (rest.length) {
      const room = max - (line ? line.length + 1 : 0);
      if (rest.length <= room) {
        line = line ? `${line} ${rest}` : rest;
        rest = "";
      } else if (line && rest.length <= max) {
        lines.push(line);
        line = "";
      } else {
        const cut = Math.max(1, room);
        line = line ? `${line} ${rest.slice(0, cut)}` : rest.slice(0, cut);
        lines.push(line);
        line = "";
        rest = rest.slice(cut);
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** "2025-11-03" → "3 november 2025"; anything else is returned as it is. */
export function dutchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])} ${DUTCH_MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}

/** Names of the presets in data/scenarios.json, for the subtitle of an export. */
const PRESET_NAMES: Record<string, string> = {
  ongewijzigd: "ongewijzigd beleid",
  "mpp-2023-min": "MPP april 2023, minimum",
  "mpp-2023-medio": "MPP april 2023, medio",
  "mpp-2023-max": "MPP april 2023, maximum"
};

/** The default subtitle: scenario (from the permalink), data vintage and model version. */
export function defaultSubtitle(permalink: string): string {
  let q: URLSearchParams;
  try {
    q = new URL(permalink, "http://localhost/").searchParams;
  } catch {
    q = new URLSearchParams();
  }
  const parts: string[] = [];
  if (q.has("p")) {
    const preset = PRESET_NAMES[q.get("p") ?? ""] ?? "eigen basis";
    parts.push(`Scenario: ${preset}${q.has("o") || q.has("m") ? ", aangepast (zie link)" : ""}`);
  }
  const vintage = q.get("d");
  if (vintage) parts.push(`datastand ${dutchDate(vintage)}`);
  parts.push(`model versie ${q.get("v") ?? MODEL_VERSION}`);
  return parts.join(" · ");
}

/** The legend of a Plot chart: its swatches (outside the chart's SVG), label and colour. */
export function legendOf(element: Element): LegendItem[] {
  const items: LegendItem[] = [];
  for (const swatch of element.querySelectorAll('[class$="-swatch"]')) {
    const svg = swatch.querySelector("svg");
    const fill = svg?.getAttribute("fill");
    const stroke = svg?.getAttribute("stroke");
    const color = fill && fill !== "none" ? fill : stroke && stroke !== "none" ? stroke : "#111";
    const label = swatch.textContent?.trim() ?? "";
    if (label) items.push({label, color});
  }
  return items;
}

/** Composes a standalone SVG: title, subtitle, legend, the chart, source and wrapped permalink. */
export function composeSvg(chart: SVGSVGElement, meta: ExportMeta): SVGSVGElement {
  const width = Number(chart.getAttribute("width")) || chart.getBoundingClientRect().width || 640;
  const height = Number(chart.getAttribute("height")) || chart.getBoundingClientRect().height || 300;
  const maxChars = Math.max(20, Math.floor((width - 16) / (10 * CHAR_WIDTH)));
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("font-family", "system-ui, sans-serif");
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "white");
  svg.append(background);
  let y = 20;
  const titleLines = wrapText(meta.title, Math.floor((width - (meta.modelled ? 110 : 16)) / (15 * CHAR_WIDTH)));
  for (const line of titleLines) {
    svg.append(text(8, y, line, 15, "bold"));
    y += 19;
  }
  if (meta.modelled) svg.append(text(width - 8, 20, "gemodelleerd", 11, "bold", "#b45309", "end"));
  for (const line of wrapText(meta.subtitle, Math.floor((width - 16) / (11 * CHAR_WIDTH)))) {
    svg.append(text(8, y - 2, line, 11, "normal", "#444"));
    y += 15;
  }
  // Legend: swatches in rows that wrap at the image width.
  let x = 8;
  if (meta.legend.length) y += 4;
  for (const item of meta.legend) {
    const itemWidth = 24 + item.label.length * 11 * CHAR_WIDTH;
    if (x > 8 && x + itemWidth > width - 8) {
      x = 8;
      y += 16;
    }
    const swatch = document.createElementNS(SVG_NS, "rect");
    swatch.setAttribute("x", String(x));
    swatch.setAttribute("y", String(y - 9));
    swatch.setAttribute("width", "10");
    swatch.setAttribute("height", "10");
    swatch.setAttribute("fill", item.color);
    svg.append(swatch, text(x + 14, y, item.label, 11));
    x += itemWidth;
  }
  const top = y + (meta.legend.length ? 10 : 0);
  const clone = chart.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("x", "0");
  clone.setAttribute("y", String(top));
  clone.removeAttribute("class");
  // the page's own markers (live-chart.ts) are no part of the picture
  for (const g of clone.querySelectorAll("[data-y-axis]")) g.removeAttribute("data-y-axis");
  svg.append(clone);
  y = top + height + 16;
  for (const line of wrapText(`Bron: ${meta.source}`, maxChars)) {
    svg.append(text(8, y, line, 10, "normal", "#444"));
    y += 13;
  }
  for (const line of wrapText(`Link: ${meta.permalink}`, maxChars)) {
    svg.append(text(8, y, line, 10, "normal", "#444"));
    y += 13;
  }
  const total = y + 4;
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(total));
  svg.setAttribute("viewBox", `0 0 ${width} ${total}`);
  return svg;
}

/** The chart's own SVG: the largest SVG that is not a legend swatch. */
export function mainSvg(element: Element): SVGSVGElement | null {
  const svgs = ([...element.querySelectorAll("svg")] as SVGSVGElement[]).filter((s) => !s.closest('[class$="-swatch"], [class$="-legend"]'));
  if (element instanceof SVGSVGElement) svgs.unshift(element);
  const area = (s: SVGSVGElement) => (Number(s.getAttribute("width")) || 0) * (Number(s.getAttribute("height")) || 0);
  return svgs.sort((a, b) => area(b) - area(a))[0] ?? null;
}

async function toPng(svg: SVGSVGElement): Promise<Blob> {
  const source = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([source], {type: "image/svg+xml;charset=utf-8"}));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("SVG kon niet als afbeelding worden geladen"));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = Number(svg.getAttribute("width")) * scale;
    canvas.height = Number(svg.getAttribute("height")) * scale;
    const context = canvas.getContext("2d")!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG mislukt"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** True when the numbers are modelled: the option, else a source that names the model. */
function isModelled(options: ChartFrameOptions): boolean {
  return options.kind ? options.kind === "gemodelleerd" : /gemodelleerd|ketenmodel/i.test(options.source);
}

/** Everything an export carries besides the chart. */
export function exportMeta(chart: Element, options: ChartFrameOptions): ExportMeta {
  const permalink = options.permalink();
  const legend = [...legendOf(chart), ...(options.legend ?? [])];
  return {title: options.title, subtitle: options.subtitle?.() ?? defaultSubtitle(permalink), source: options.source, permalink, legend, modelled: isModelled(options)};
}

/** The rows of the full CSV: the chart's rows (or the full rows) followed by the observations. */
export function fullRowsOf(chart: Element, options: ChartFrameOptions): Row[] {
  const rows = (options.fullRows ?? options.rows)();
  const observations = options.observations ? options.observations() : observationsIn(chart).map((o) => ({datum: o.datum, reeks: "waargenomen", waarde: o.waarde, bron: o.bron}));
  return [...rows, ...observations];
}

let frames = 0;

/**
 * A frame stays on the page while its chart changes. A slider move re-runs the cell that builds the
 * charts and Framework removes and re-inserts every displayed node; for a frame that is already on
 * the page, `chartFrame` returns the same element with only the chart swapped (and nothing at all
 * when the chart is unchanged, chart-memo.ts), and that element skips the one removal Framework does
 * before displaying it again, and the insertion where it already is (kept-node.ts). So it stays attached, and the
 * unchanged parts of the page keep their layout: no new DOM, no re-layout of the frame's heading,
 * buttons and table.
 */
interface Slot {
  figure: HTMLElement;
  chart: Element;
  options: ChartFrameOptions;
  /** Re-renders the table when it is open (the data changed). */
  refresh(): void;
}

const slots = new Map<string, Slot>();
/** Returns a figure with a heading, the chart, a "Tabel" toggle and CSV / SVG / PNG downloads. */
export function chartFrame(chart: Element, options: ChartFrameOptions): HTMLElement {
  const key = `${typeof location === "undefined" ? "" : location.pathname}\u0000${options.filename}\u0000${options.title}\u0000${options.showTitle !== false}`;
  const slot = slots.get(key);
  if (slot && slot.figure.isConnected && !isReused(slot.figure)) {
    if (slot.chart !== chart) {
      // A chart with other legend entries (a line that comes or goes) replaces the one shown, which is
      // kept for its frame (live-chart.ts): moving back (a slider back at its default) shows it again,
      // redrawn in place, instead of a new Plot build. Otherwise the chart shown takes the new one's
      // changed parts.
      if (!chart.isConnected && swatchCount(slot.chart) === swatchCount(chart) && morph(slot.chart, chart)) {
        adoptMarks(slot.chart, chart);
        adoptChart(slot.chart, chart);
        adoptLive(slot.chart, chart);
      }
      else {
        slot.chart.replaceWith(chart);
        slot.chart = chart;
      }
    }
    slot.options = options;
    slot.refresh();
    reuse(slot.figure);
    mark();
    return slot.figure;
  }
  const n = ++frames;
  const figure = document.createElement("figure");
  figure.className = "chart-frame";
  const current: Slot = {figure, chart, options, refresh: () => undefined};
  // Framework's removal and re-insertion when it displays this same frame again (see Slot) are skipped
  keepable(figure);
  if (options.showTitle !== false) {
    const heading = document.createElement("h3");
    heading.textContent = options.title;
    figure.append(heading);
  }
  figure.append(chart);
  const bar = document.createElement("div");
  bar.className = "downloads no-print";
  const button = (label: string, description: string, action: () => void | Promise<void>) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.setAttribute("aria-label", `${description}: ${options.title}`);
    b.addEventListener("click", () => void action());
    bar.append(b);
    return b;
  };
  const tableBox = document.createElement("div");
  tableBox.id = `chart-table-${n}`;
  tableBox.className = "chart-table";
  tableBox.hidden = true;
  const renderTable = (open: boolean) => tableBox.replaceChildren(...(open ? [dataTable(current.options.rows(), {caption: current.options.title, units: current.options.units})] : []));
  const toggle = button("Tabel", "Toon de gegevens als tabel", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = open ? "Verberg tabel" : "Tabel";
    toggle.setAttribute("aria-label", `${open ? "Verberg tabel" : "Toon de gegevens als tabel"}: ${options.title}`);
    tableBox.hidden = !open;
    // Rendered at the moment of opening (and again when the chart changes), so the table always shows the current scenario.
    renderTable(open);
  });
  current.refresh = () => {
    if (toggle.getAttribute("aria-expanded") === "true") renderTable(true);
  };
  toggle.classList.add("table-toggle");
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", tableBox.id);
  const csv = (rows: Row[], suffix: string) => {
    const meta = exportMeta(current.chart, current.options);
    const content = toDutchCsv(rows, {title: meta.title, subtitle: meta.subtitle, source: meta.source, permalink: meta.permalink, units: current.options.units});
    download(new Blob([content], {type: "text/csv;charset=utf-8"}), `${current.options.filename}${suffix}.csv`);
  };
  button("CSV zoals getoond", "Download CSV zoals getoond, voor Excel", () => csv(current.options.rows(), ""));
  button("CSV volledig", "Download CSV volledig, met waarnemingen, voor Excel", () => csv(fullRowsOf(current.chart, current.options), "-volledig"));
  button("SVG", "Download de grafiek als SVG", () => {
    const svg = mainSvg(current.chart);
    if (!svg) return;
    const composed = composeSvg(svg, exportMeta(current.chart, current.options));
    download(new Blob([new XMLSerializer().serializeToString(composed)], {type: "image/svg+xml"}), `${current.options.filename}.svg`);
  });
  button("PNG", "Download de grafiek als PNG", async () => {
    const svg = mainSvg(current.chart);
    if (!svg) return;
    download(await toPng(composeSvg(svg, exportMeta(current.chart, current.options))), `${current.options.filename}.png`);
  });
  figure.append(bar, tableBox);
  slots.set(key, current);
  mark();
  return figure;
}

/** The number of entries in a chart's legend (Plot's swatches). */
function swatchCount(chart: Element): number {
  return chart.querySelectorAll('[class$="-swatch"]').length;
}

/** Same element, same attributes and the same kinds of children: `kept` can take the children of `next`. */
function sameShape(kept: Element, next: Element): boolean {
  if (kept.tagName !== next.tagName || kept.childNodes.length !== next.childNodes.length) return false;
  for (let i = 0; i < kept.childNodes.length; i++) {
    const a = kept.childNodes[i];
    const b = next.childNodes[i];
    if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
  }
  return true;
}

function syncAttributes(kept: Element, next: Element): void {
  for (const name of kept.getAttributeNames()) if (!next.hasAttribute(name)) kept.removeAttribute(name);
  for (const name of next.getAttributeNames()) {
    const value = next.getAttribute(name)!;
    if (kept.getAttribute(name) !== value) kept.setAttribute(name, value);
  }
}

/**
 * Updates the chart on the page (`kept`: the accessible figure with Plot's figure or SVG, caption and
 * summary) to show `next`, replacing only the children that differ: an unchanged caption, summary or
 * legend stays attached and keeps its layout. Plot's SVG is always taken from `next` (its pointer
 * listeners for the tip belong to the new data). False when the two differ in shape.
 */
function morph(kept: Element, next: Element): boolean {
  if (!(kept instanceof HTMLElement) || !sameShape(kept, next)) return false;
  syncAttributes(kept, next);
  const a = [...kept.childNodes];
  const b = [...next.childNodes];
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    // Plot's SVG is always new (its tip listens to the new data); the rest is compared
    if (x instanceof SVGElement) {
      x.replaceWith(y);
      continue;
    }
    if (x.isEqualNode(y)) continue;
    if (x instanceof HTMLElement && x.tagName === "FIGURE" && y instanceof Element && morph(x, y)) {
      // Plot's own figure (legend + SVG) kept: it now draws the marks of the new one
      adoptMarks(x, y);
      continue;
    }
    if (x.nodeType === 3 || (x instanceof HTMLElement && x.childElementCount === 0 && y instanceof HTMLElement && y.childElementCount === 0)) {
      // text (a caption, a summary): new text in the same element
      if (x instanceof HTMLElement && y instanceof HTMLElement) {
        syncAttributes(x, y);
        x.textContent = y.textContent;
      } else x.textContent = y.textContent;
      continue;
    }
    x.replaceWith(y);
  }
  return true;
}

let marked = false;

/**
 * The User Timing mark `asielketen:render`, once per task that renders charts (Framework renders all
 * charts of a change in one task): bench/ui.bench.ts waits, from a later animation frame, for a mark
 * later than the input event.
 */
function mark(): void {
  if (marked) return;
  marked = true;
  performance.clearMarks?.("asielketen:render");
  performance.mark?.("asielketen:render");
  setTimeout(() => (marked = false), 0);
}
