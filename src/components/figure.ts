/** The options every chart on the site takes: its size, y-axis label, caption and screen-reader summary. */
export interface FigureOptions {
  width: number;
  height?: number;
  yLabel: string;
  /** What the chart counts and where its data come from. */
  caption: string;
  /** A short text alternative with the key numbers. */
  summary: string;
}

/** Wraps a chart in a figure with a caption (source and what it counts) and a screen-reader summary. */
export function accessibleFigure(chart: Element, caption: string, summary: string): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "scenario-chart";
  figure.setAttribute("role", "group");
  figure.setAttribute("aria-label", summary);
  const captionEl = document.createElement("figcaption");
  captionEl.textContent = caption;
  const alt = document.createElement("p");
  alt.className = "sr-only";
  alt.textContent = summary;
  figure.append(chart, captionEl, alt);
  return figure;
}
