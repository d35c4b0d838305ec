/**
 * The tip of a monthly chart redrawn in place (scenario-chart.ts): on pointer movement over the chart
 * it marks the nearest month and lists every line's value there, with the band. Plot's own tip binds
 * the data of the moment the chart is built, which a chart redrawn in place (live-chart.ts) has
 * replaced since; this tip reads the chart's current data (`source()`) each time it is shown.
 * Observations keep their own tooltip (the `title` of Plot's dots).
 */
import {SVG_NS, type LayerScales} from "./live-chart.js";

export interface TipRow {
  label: string;
  color: string;
  value: number;
  text: string;
}

export interface TipSource {
  /** First and last month index shown. */
  first: number;
  last: number;
  /** The x value of every index (a month's date, or a year). */
  dates: readonly (Date | number)[];
  /** The tip at month index i. */
  lines: (i: number) => {title: string; rows: TipRow[]; band: {label: string; text: string} | null};
}

/** Index of the month in first..last whose x position is nearest to `px`. */
export function nearestMonth(px: number, x: (d: Date | number) => number, source: Pick<TipSource, "first" | "last" | "dates">): number {
  let best = source.first;
  let distance = Infinity;
  for (let i = source.first; i <= source.last; i++) {
    const d = Math.abs(x(source.dates[i]) - px);
    if (d < distance) {
      distance = d;
      best = i;
    }
  }
  return best;
}

function el<K extends keyof SVGElementTagNameMap>(doc: Document, name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG_NS, name) as SVGElementTagNameMap[K];
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  return node;
}

/** Adds the tip to `svg` (Plot's SVG of a chart whose x and y scales are `scales`). */
export function monthTip(svg: SVGSVGElement, scales: LayerScales, source: () => TipSource): void {
  let tip: SVGGElement | null = null;
  const hide = () => {
    tip?.remove();
    tip = null;
  };
  const show = (event: PointerEvent) => {
    const matrix = svg.getScreenCTM?.();
    if (!matrix) return;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const s = source();
    const i = nearestMonth(point.x, scales.x, s);
    const {title, rows, band} = s.lines(i);
    const doc = svg.ownerDocument;
    const x = scales.x(s.dates[i]);
    const width = Number(svg.getAttribute("width")) || svg.viewBox.baseVal.width;
    const height = Number(svg.getAttribute("height")) || svg.viewBox.baseVal.height;
    hide();
    tip = el(doc, "g", {class: "month-tip", "pointer-events": "none", "font-size": 10, "text-anchor": "start"});
    tip.append(el(doc, "line", {x1: x, x2: x, y1: 20, y2: height - 30, stroke: "#9ca3af"}));
    for (const row of rows) tip.append(el(doc, "circle", {cx: x, cy: scales.y(row.value), r: 3.5, fill: row.color, stroke: "white", "stroke-width": 1.5}));
    const box = el(doc, "g", {});
    const text = el(doc, "text", {x: 8, y: 0, fill: "#111"});
    const lines: [string, string | null][] = [[title, null], ...rows.map((r): [string, string | null] => [`${r.label}: ${r.text}`, r.color]), ...(band ? [[`${band.label}: ${band.text}`, "#93c5fd"] as [string, string]] : [])];
    lines.forEach(([content, color], k) => {
      const span = el(doc, "tspan", {x: color ? 18 : 8, dy: k ? "1.3em" : "1.1em"});
      if (!k) span.setAttribute("font-weight", "bold");
      span.textContent = content; // text only: labels and numbers, never markup
      text.append(span);
      // a swatch beside the line's text (baseline of line k: 11 + 13k px)
      if (color) box.append(el(doc, "rect", {x: 8, y: 11 + 13 * k - 7.5, width: 7, height: 7, fill: color}));
    });
    const background = el(doc, "rect", {x: 0, y: 0, rx: 3, fill: "white", stroke: "#9ca3af", "fill-opacity": 0.95});
    box.prepend(background);
    box.append(text);
    tip.append(box);
    svg.append(tip);
    const w = (text.getBBox?.().width ?? 150) + 16;
    const h = lines.length * 13 + 10;
    background.setAttribute("width", String(w));
    background.setAttribute("height", String(h));
    // right of the month, or left of it where the box would leave the chart; never outside the chart (narrow screens)
    const left = Math.max(0, Math.min(width - w, x + 10 + w > width ? x - 10 - w : x + 10));
    box.setAttribute("transform", `translate(${left},${Math.max(0, Math.min(24, height - h))})`);
  };
  svg.addEventListener("pointermove", show);
  svg.addEventListener("pointerdown", show);
  svg.addEventListener("pointerleave", hide);
}
