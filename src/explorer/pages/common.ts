/** Helpers shared by the page modules (src/explorer/pages/*.ts). */
import {defaultValueAt} from "../../model/params.js";
import {annualSum} from "../../model/timeline.js";
import {keyFigure, type KeyFigure, type KeyFigureId} from "../../model/key-figures.js";
import type {ModelInputs, Parameter, Scenario, SeriesId} from "../../model/types.js";
import type {AnnualBar} from "../../components/annual-bars.js";
import {chartFrame, type ChartFrameOptions} from "../../components/chart-frame.js";
import {formatDelta, formatMonth} from "../../components/format.js";
import {monthDate} from "../../components/scenario-chart.js";
import type {Results} from "../session.js";
import {formatFigure} from "../figures-ui.js";
import {changesFrom} from "../series.js";
import {flushSearch} from "../links.js";

/** The register row of parameter `id`; throws for an unknown id (a programming error, not user input). */
export function parameter(inputs: ModelInputs, id: string): Parameter {
  const p = inputs.parameters.find((x) => x.id === id);
  if (!p) throw new Error(`unknown parameter "${id}"`);
  return p;
}

/**
 * The value a parameter has in the scenario from the month changes apply: the override when set,
 * else the register's value in force at that month (dated series resolved, never an array).
 */
export function valueInScenario(inputs: ModelInputs, scenario: Scenario, id: string): number {
  return scenario.overrides[id] ?? defaultValueAt(parameter(inputs, id), scenario.overridesFrom ?? changesFrom(inputs));
}

/** The scenario's and the baseline's value of a key figure. */
export function figurePair(results: Results, id: KeyFigureId, year: number): {mine: KeyFigure; base: KeyFigure} {
  return {mine: keyFigure(results.scenario, id, year), base: keyFigure(results.baseline, id, year)};
}

/** " (basis: 12.000, +1.500)" when the scenario differs from its preset, else "". */
export function versusBase(results: Results, pair: {mine: KeyFigure; base: KeyFigure}, withDelta = true): string {
  if (!results.modified) return "";
  const base = formatFigure(pair.base.value, pair.base.unit);
  if (!withDelta || pair.mine.value === null || pair.base.value === null) return ` (basis: ${base})`;
  const d = pair.mine.value - pair.base.value;
  const delta = pair.mine.unit === "euro" ? `${d >= 0 ? "+" : "−"}${formatFigure(Math.abs(d), "euro")}` : pair.mine.unit === "maanden" ? `${d >= 0 ? "+" : "−"}${formatFigure(Math.abs(d), "maanden")}` : formatDelta(d);
  return ` (basis: ${base}, ${delta})`;
}

/** Calendar-year sums of full years only (partial years at the horizon's edges are left out). */
export function fullYearSums(values: ArrayLike<number>, start: string): {year: number; value: number}[] {
  return annualSum(values, start)
    .filter((d) => d.months === 12)
    .map(({year, value}) => ({year, value}));
}

/** Annual bars for baseline, changed baseline (when any) and scenario (when modified). */
export function annualBarsOf(results: Results, id: SeriesId): AnnualBar[] {
  const {baseline, changed, scenario, modified} = results;
  return [
    ...fullYearSums(baseline.series[id], baseline.start).map((d) => ({...d, role: "baseline" as const, label: "ongewijzigd beleid"})),
    ...(changed ? fullYearSums(changed.series[id], changed.start).map((d) => ({...d, role: "changed" as const, label: "gewijzigde basis"})) : []),
    ...(modified ? fullYearSums(scenario.series[id], scenario.start).map((d) => ({...d, role: "scenario" as const, label: "jouw scenario"})) : [])
  ];
}

/** CSV rows per year: baseline, changed baseline, scenario and (when given) the observation. */
export function annualRows(results: Results, id: SeriesId, observed: {date: string; value: number}[] = []): () => Record<string, string | number>[] {
  return () => {
    const base = new Map(fullYearSums(results.baseline.series[id], results.baseline.start).map((d) => [d.year, d.value]));
    const changed = results.changed ? new Map(fullYearSums(results.changed.series[id], results.changed.start).map((d) => [d.year, d.value])) : null;
    return fullYearSums(results.scenario.series[id], results.scenario.start).map((d) => ({
      jaar: d.year,
      ongewijzigd: Math.round(base.get(d.year) ?? NaN),
      ...(changed ? {gewijzigde_basis: Math.round(changed.get(d.year) ?? NaN)} : {}),
      scenario: Math.round(d.value),
      waargenomen: observed.find((o) => Number(o.date) === d.year)?.value ?? ""
    }));
  };
}

/** A chart with downloads; the permalink is the address bar at the moment of download. */
export function framed(chart: Element, options: Omit<ChartFrameOptions, "permalink">): HTMLElement {
  return chartFrame(chart, {
    ...options,
    permalink: () => {
      // a download right after a slider move: the newest scenario is in the URL first
      flushSearch();
      return window.location.href;
    }
  });
}

/** Observations of one series and kind. */
export function observations(inputs: ModelInputs, id: SeriesId, kind: string): {date: string; value: number; source: string}[] {
  return inputs.observations.filter((o) => o.series === id && o.kind === kind);
}

/** The calendar year the pages' key figures refer to (flows in this year, stocks at its end). */
export const REPORT_YEAR = 2025;

/** A dated register value in words: "€ 27.100 vanaf januari 2022, € 30.400 vanaf januari 2023". */
export function datedValues(p: Parameter, format: (v: number) => string): string {
  if (typeof p.value === "number") return format(p.value);
  return p.value.map((d) => `${format(d.value)} vanaf ${formatMonth(monthDate(d.from))}`).join(", ");
}

/** The documents behind a parameter, for captions ("COA financieel eindverslag 2022; COA jaarverslag 2023"). */
export function basisOf(p: Parameter): string {
  return [...new Set(p.basis.map((b) => b.document))].join("; ");
}

/** "eind 2025" → "Eind 2025". */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
