/**
 * Plot.plot with accessibility fixes applied once for every chart on the site: Plot labels its mark
 * groups with `aria-label` on plain `<g>` elements, which has no meaning without a role (axe-core
 * "aria-prohibited-attr"); those labels are removed, and the chart's own summary is given by the
 * figure around it (see figure.ts).
 *
 * It also remembers each chart's marks, so the chart frame can export the observations drawn in a
 * chart (black dots, the site's convention for "waargenomen") without every page passing them twice.
 */
import * as Plot from "@observablehq/plot";

const marksByChart = new WeakMap<Element, unknown[]>();

const Y_AXIS_PARTS: Record<string, string> = {"y-grid": "grid", "y-axis tick": "tick", "y-axis tick label": "label"};

/** Renders a Plot chart and removes role-less aria-labels from its groups. */
export function plotChart(options: Plot.PlotOptions): ReturnType<typeof Plot.plot> {
  const chart = Plot.plot(options);
  for (const g of chart.querySelectorAll("g[aria-label]")) {
    if (g.getAttribute("role")) continue;
    // the y axis's parts, for charts that move their axis in place (live-chart.ts moveY)
    const part = Y_AXIS_PARTS[g.getAttribute("aria-label")!];
    if (part) g.setAttribute("data-y-axis", part);
    g.removeAttribute("aria-label");
  }
  for (const svg of chart.querySelectorAll("svg[aria-label]")) if (!svg.getAttribute("role")) svg.setAttribute("role", "img");
  marksByChart.set(chart, (options.marks ?? []).flat(Infinity as 1));
  return chart;
}

/** `kept` now shows the marks of `built` (a chart updated in place, chart-frame.ts). */
export function adoptMarks(kept: Element, built: Element): void {
  const marks = marksByChart.get(built);
  if (marks) marksByChart.set(kept, marks);
  else marksByChart.delete(kept);
}

/** The observed points drawn in the Plot charts inside `element`: dots filled black whose data carry a value. */
export function observationsIn(element: Element): {datum: string | number; waarde: number; bron: string}[] {
  const out: {datum: string | number; waarde: number; bron: string}[] = [];
  for (const node of [element, ...element.querySelectorAll("figure, svg")]) {
    for (const mark of marksByChart.get(node) ?? []) {
      if (!(mark instanceof Plot.Dot) || (mark as unknown as {fill?: string}).fill !== "#111") continue;
      const data = (mark as unknown as {data?: unknown}).data;
      if (!Array.isArray(data)) continue;
      for (const d of data as Record<string, unknown>[]) {
        if (typeof d.value !== "number") continue;
        const datum = d.date instanceof Date ? d.date.toISOString().slice(0, 10) : typeof d.year === "number" ? d.year : null;
        if (datum == null) continue;
        out.push({datum, waarde: d.value, bron: String(d.source ?? d.label ?? "")});
      }
    }
  }
  return out;
}
