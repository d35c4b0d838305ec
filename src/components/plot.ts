/**
 * Plot.plot with accessibility fixes applied once for every chart on the site: Plot labels its mark
 * groups with `aria-label` on plain `<g>` elements, which has no meaning without a role (axe-core
 * "aria-prohibited-attr"); those labels are removed, and the chart's own summary is given by the
 * figure around it (see figure.ts).
 */
import * as Plot from "@observablehq/plot";

/** Renders a Plot chart and removes role-less aria-labels from its groups. */
export function plotChart(options: Plot.PlotOptions): ReturnType<typeof Plot.plot> {
  const chart = Plot.plot(options);
  for (const g of chart.querySelectorAll("g[aria-label]")) if (!g.getAttribute("role")) g.removeAttribute("aria-label");
  for (const svg of chart.querySelectorAll("svg[aria-label]")) if (!svg.getAttribute("role")) svg.setAttribute("role", "img");
  return chart;
}
