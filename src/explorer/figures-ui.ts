/**
 * How a key figure appears in the text: a span with the Dutch-formatted value ("n.v.t." when the
 * date lies outside the model horizon), its definition and date as a tooltip, its kind, and a stable
 * `data-figure` key so tests can read the same figure on every page.
 */
import type {FigureUnit, KeyFigure, PeakFigure} from "../model/key-figures.js";
import {formatCount, formatDecimal, formatEuro, formatMonth} from "../components/format.js";
import {monthDate} from "../components/scenario-chart.js";

export const NOT_APPLICABLE = "n.v.t.";

/** Formats a value of `unit`; null (outside the horizon) becomes "n.v.t.". */
export function formatFigure(value: number | null, unit: FigureUnit): string {
  if (value === null || !Number.isFinite(value)) return NOT_APPLICABLE;
  if (unit === "euro") return formatEuro(value);
  if (unit === "maanden") return formatDecimal(value);
  return formatCount(value);
}

/** The text of a key figure. */
export function figureText(f: KeyFigure): string {
  return formatFigure(f.value, f.unit);
}

/** The month of a peak as Dutch text ("maart 2026"), or "n.v.t.". */
export function peakMonthText(p: PeakFigure): string {
  return p.month ? formatMonth(monthDate(p.month)) : NOT_APPLICABLE;
}

function span(text: string, key: string, title: string, id?: string): HTMLSpanElement {
  const el = document.createElement("span");
  el.className = "kerncijfer";
  if (id) el.id = id;
  el.dataset.figure = key;
  el.dataset.kind = "gemodelleerd";
  el.title = `${title} (gemodelleerd)`;
  el.textContent = text;
  return el;
}

/** A key figure as a span in the text. */
export function figureSpan(f: KeyFigure, id?: string): HTMLSpanElement {
  return span(figureText(f), f.key, f.label, id);
}

/** A peak value as a span in the text. */
export function peakSpan(p: PeakFigure, id?: string): HTMLSpanElement {
  return span(p.value === null ? NOT_APPLICABLE : formatCount(p.value), p.key, p.label, id);
}

/** A peak month as a span in the text. */
export function peakMonthSpan(p: PeakFigure, id?: string): HTMLSpanElement {
  return span(peakMonthText(p), `${p.key}:month`, p.label, id);
}
