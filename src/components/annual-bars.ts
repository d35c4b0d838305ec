/**
 * Grouped annual bars comparing runs (e.g. cost per year: baseline vs scenario). Values are modelled.
 */
import type {FigureOptions} from "./figure.js";
import type {LineRole} from "./scenario-chart.js";
import {annualCompare} from "./annual-compare.js";

export interface AnnualBar {
  year: number;
  role: LineRole;
  label: string;
  value: number;
}

export interface AnnualBarsOptions extends FigureOptions {
  format: (value: number) => string;
  tickFormat?: (value: number) => string;
}

/** Draws one group of bars per year, one bar per run. */
/** Reuses the element of the last call with the same inputs (chart-memo.ts). */
/** The annual comparison without observations (annual-compare.ts), so it is redrawn in place as well. */
export function annualBars(rows: AnnualBar[], options: AnnualBarsOptions): HTMLElement {
  return annualCompare({bars: rows, observed: []}, options);
}
