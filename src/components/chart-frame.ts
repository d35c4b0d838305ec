/**
 * Wraps a chart with a title and download buttons: CSV of the displayed data, and SVG / PNG images with
 * the title, the source and the permalink baked in, so an exported image can always be traced back.
 */
import {csvFormat} from "d3";

export interface ChartFrameOptions {
  title: string;
  source: string;
  /** Returns the permalink at the moment of download (the URL changes with the controls). */
  permalink: () => string;
  /** Rows of the data the chart displays. */
  rows: () => Record<string, unknown>[];
  filename: string;
  legend?: {label: string; color: string}[];
  /** Show the title above the chart (default true; false when the page already has a heading). */
  showTitle?: boolean;
}

const SVG_NS = "http://www.w3.org/2000/svg";

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

function text(x: number, y: number, content: string, size: number, weight = "normal", fill = "#111"): SVGTextElement {
  const t = document.createElementNS(SVG_NS, "text");
  t.setAttribute("x", String(x));
  t.setAttribute("y", String(y));
  t.setAttribute("font-size", String(size));
  t.setAttribute("font-weight", weight);
  t.setAttribute("fill", fill);
  t.textContent = content; // text only: nothing from a URL is ever parsed as markup
  return t;
}

/** Composes a standalone SVG: title, legend, the chart, source and permalink. */
export function composeSvg(chart: SVGSVGElement, {title, source, legend = []}: Pick<ChartFrameOptions, "title" | "source" | "legend">, permalink: string): SVGSVGElement {
  const width = Number(chart.getAttribute("width")) || chart.getBoundingClientRect().width || 640;
  const height = Number(chart.getAttribute("height")) || chart.getBoundingClientRect().height || 300;
  const top = legend.length ? 52 : 32;
  const bottom = 44;
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("xmlns", SVG_NS);
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height + top + bottom));
  svg.setAttribute("viewBox", `0 0 ${width} ${height + top + bottom}`);
  svg.setAttribute("font-family", "system-ui, sans-serif");
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "white");
  svg.append(background, text(8, 20, title, 15, "bold"));
  let x = 8;
  for (const item of legend) {
    const swatch = document.createElementNS(SVG_NS, "rect");
    swatch.setAttribute("x", String(x));
    swatch.setAttribute("y", "32");
    swatch.setAttribute("width", "10");
    swatch.setAttribute("height", "10");
    swatch.setAttribute("fill", item.color);
    svg.append(swatch, text(x + 14, 41, item.label, 11));
    x += 24 + item.label.length * 6;
  }
  const clone = chart.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("x", "0");
  clone.setAttribute("y", String(top));
  svg.append(clone);
  svg.append(text(8, height + top + 18, `Bron: ${source}`, 10, "normal", "#444"));
  svg.append(text(8, height + top + 34, `Link: ${permalink}`, 10, "normal", "#444"));
  return svg;
}

/** The largest SVG inside an element (Plot figures also hold small legend swatches). */
export function mainSvg(element: Element): SVGSVGElement | null {
  const svgs = [...element.querySelectorAll("svg")] as SVGSVGElement[];
  if (element instanceof SVGSVGElement) svgs.unshift(element);
  return svgs.sort((a, b) => (Number(b.getAttribute("width")) || 0) * (Number(b.getAttribute("height")) || 0) - (Number(a.getAttribute("width")) || 0) * (Number(a.getAttribute("height")) || 0))[0] ?? null;
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

/** Returns a figure with a heading, the chart and CSV / SVG / PNG download buttons. */
export function chartFrame(chart: Element, options: ChartFrameOptions): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "chart-frame";
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
  };
  button("CSV", "Download de getoonde gegevens als CSV", () => {
    const csv = `# ${options.title}\n# Bron: ${options.source}\n# Link: ${options.permalink()}\n${csvFormat(options.rows())}`;
    download(new Blob([csv], {type: "text/csv;charset=utf-8"}), `${options.filename}.csv`);
  });
  button("SVG", "Download de grafiek als SVG", () => {
    const svg = mainSvg(chart);
    if (!svg) return;
    const composed = composeSvg(svg, options, options.permalink());
    download(new Blob([new XMLSerializer().serializeToString(composed)], {type: "image/svg+xml"}), `${options.filename}.svg`);
  });
  button("PNG", "Download de grafiek als PNG", async () => {
    const svg = mainSvg(chart);
    if (!svg) return;
    download(await toPng(composeSvg(svg, options, options.permalink())), `${options.filename}.png`);
  });
  figure.append(bar);
  // One User Timing mark per rendered chart: bench/ui.bench.ts waits for the latest after an input event.
  performance.clearMarks?.("asielketen:render");
  performance.mark?.("asielketen:render");
  return figure;
}
