/**
 * Model vs observed, for docs/calibration.md and the sources page:
 * - calibration: a free run (observed inputs up to the origin, no stock resets) against every
 *   observation dated 2022–2023;
 * - check: the same run against observations dated 2024 and later (2024 data set the 2024 steps of
 *   some parameters, the 2025 data the 2025 steps: docs/calibration.md says which);
 * - backtests: runs from the scoreboard's main origins with only what was public then, against the
 *   observations of the next twelve months;
 * - the MPP presets' modelled total against the MPP figure of each forecast year.
 */
import {loadModelInputs} from "./model-inputs.js";
import {type SeasonalFit} from "../src/model/baseline.js";
import {compareWithObservations, errorBySeries, type ComparisonRow} from "../src/model/calibrate.js";
import {defaultOrigin, originState} from "../src/model/origin.js";
import {MODEL_START} from "../src/model/constants.js";
import {addMonths, monthIndex} from "../src/model/months.js";
import {run} from "../src/model/run.js";
import {fit2025, IND_RATES, modelRate} from "./fit-2025.js";
import type {ModelInputs, SeriesId} from "../src/model/types.js";

export interface Row extends ComparisonRow {
  /** "input": the model takes this series as given, so it matches by construction. */
  role: "input" | "target";
}

export interface Block {
  rows: Row[];
  /** Mean absolute relative error per series, targets only. */
  bySeries: {series: SeriesId; n: number; meanAbsRelativeError: number}[];
}

export interface Backtest extends Block {
  id: string;
  label: string;
  /** Origin: the last month of the observed past. */
  origin: string;
  /** First and last month compared. */
  start: string;
  end: string;
  /** Stock readings the run was reset to (public at the origin's information date). */
  readings: {series: string; month: string; value: number}[];
}

export interface CalibrationReport {
  modelVersion: string;
  dataVintage: string;
  origin: string;
  calibration: Block;
  check: Block;
  backtests: Backtest[];
  mpp: {preset: string; year: number; target: number; modelTotal: number; modelFirst: number; modelNareis: number}[];
  baseline: Omit<SeasonalFit, "adjusted">;
  grantRates2025: {indRate2024: number; modelRate2024: number; indRateQ1: number; modelRateQ1: number; indRateJanSep: number; modelRateJanSep: number};
}

/** Series the model takes as inputs up to the origin (observed), so they match by construction. */
const INPUT_SERIES = new Set<SeriesId>(["inflow_first", "inflow_nareis"]);

/**
 * Rows that match by construction: observed inputs, and housing in 2024 (the register's 2024
 * taakstelling is derived from the 30.210 permit holders who left COA in 2024).
 */
function isInput(r: ComparisonRow, inputs: ReadonlySet<SeriesId>): boolean {
  return inputs.has(r.series) || (r.series === "housed" && r.date === "2024");
}

function block(rows: ComparisonRow[], inputs: ReadonlySet<SeriesId>): Block {
  const tagged = rows.map((r): Row => ({...r, role: isInput(r, inputs) ? "input" : "target"}));
  return {rows: tagged, bySeries: errorBySeries(tagged.filter((r) => r.role === "target"))};
}

function sumYear(x: Float64Array, t0: number): number {
  let s = 0;
  for (let t = t0; t < t0 + 12 && t < x.length; t++) s += x[t]!;
  return s;
}

/** The backtest origins reported in docs/calibration.md (the scoreboard has more). */
export const REPORT_ORIGINS = ["2023-04", "2024-01", "2024-10", "2025-04"] as const;

/** Builds the whole report (deterministic). */
export function buildCalibration(inputs: ModelInputs): CalibrationReport {
  const free = run({preset: "ongewijzigd", overrides: {}, measures: [], freeRun: true}, inputs);
  const calibration = block(compareWithObservations(free, inputs.observations, [2022, 2023]), INPUT_SERIES);
  const check = block(compareWithObservations(free, inputs.observations, [2024, 2100]), INPUT_SERIES);

  const backtests: Backtest[] = REPORT_ORIGINS.map((origin) => {
    const out = run({preset: "ongewijzigd", overrides: {}, measures: [], origin, backtest: true}, inputs);
    const state = originState(inputs, origin, monthIndex("2030-12") - monthIndex(MODEL_START) + 1);
    const from = addMonths(origin, 1);
    const to = addMonths(origin, 12);
    const rows = compareWithObservations(out, inputs.observations).filter((r) => {
      const month = r.date.length === 4 ? `${r.date}-12` : r.date.length === 7 && r.date[4] === "-" && r.date[5] === "Q" ? r.date : r.date.slice(0, 7);
      if (/^\d{4}-Q\d$/.test(month)) {
        const end = `${month.slice(0, 4)}-${String(Number(month.slice(6)) * 3).padStart(2, "0")}`;
        return end >= addMonths(from, 2) && end <= to;
      }
      return month >= from && month <= to && r.date.length !== 4;
    });
    const b = block(rows, new Set());
    return {id: `backtest-${origin}`, label: `Oorsprong ${origin}: alleen wat toen bekend was, twaalf maanden vooruit`, origin, start: from, end: to, readings: state.readings.map((x) => ({series: x.series, month: x.month, value: x.value})), ...b};
  });

  const mpp = inputs.presets
    .filter((p) => p.dated?.inflow_mpp_total_per_year)
    .flatMap((p) => {
      const s = run({preset: p.id, overrides: {}, measures: []}, inputs).series;
      return p.dated!.inflow_mpp_total_per_year!.map((step) => {
        const t0 = Number(step.from.slice(0, 4)) * 12 - monthIndex(MODEL_START);
        return {preset: p.id, year: Number(step.from.slice(0, 4)), target: step.value, modelTotal: sumYear(s.inflow_total, t0), modelFirst: sumYear(s.inflow_first, t0), modelNareis: sumYear(s.inflow_nareis, t0)};
      });
    });

  const origin = defaultOrigin(inputs);
  const {adjusted: _adjusted, ...baseline} = originState(inputs, origin, free.months).fit!;
  const fit = fit2025(inputs);
  const grantRates2025 = {
    indRate2024: IND_RATES.y2024,
    modelRate2024: modelRate(inputs, "2024-01", "2024-12"),
    indRateQ1: IND_RATES.q1,
    modelRateQ1: modelRate(inputs, "2025-01", "2025-03"),
    indRateJanSep: IND_RATES.janSep,
    modelRateJanSep: modelRate(inputs, "2025-01", "2025-09")
  };
  void fit;
  return {modelVersion: inputs.modelVersion, dataVintage: inputs.dataVintage, origin, calibration, check, backtests, mpp, baseline, grantRates2025};
}

/** Loads the inputs and builds the report. */
export async function loadCalibration(): Promise<CalibrationReport> {
  return buildCalibration(await loadModelInputs());
}

function pct(x: number): string {
  return `${x >= 0 ? "+" : ""}${(100 * x).toFixed(0)}%`;
}

function pct0(x: number): string {
  return `${(100 * x).toFixed(0)}%`;
}

function fmt(x: number): string {
  return Math.abs(x) >= 1e6 ? `${(x / 1e6).toFixed(1)} mln` : Math.abs(x) >= 100 ? Math.round(x).toLocaleString("en") : x.toFixed(1);
}

/** Markdown tables of a report (for docs/calibration.md). */
export function toMarkdown(r: CalibrationReport): string {
  const table = (rows: Row[]) =>
    [
      "| series | date | observed | model | error | grade | note |",
      "|---|---|---:|---:|---:|---|---|",
      ...rows.map(
        (x) =>
          `| ${x.series}${x.role === "input" ? " (input)" : ""} | ${x.date} | ${fmt(x.observed)} | ${fmt(x.model)} | ${pct(x.relativeError)} | ${x.grade} | ${(x.note ?? "").replace(/\|/g, "/")} |`
      )
    ].join("\n");
  const summary = (b: Block) =>
    ["| series | n | mean abs. error |", "|---|---:|---:|", ...b.bySeries.map((s) => `| ${s.series} | ${s.n} | ${(100 * s.meanAbsRelativeError).toFixed(0)}% |`)].join("\n");
  const parts = [
    `Model ${r.modelVersion}, data ${r.dataVintage}.`,
    `Forecast origin ${r.origin}. Calibration and check use a free run: observed inputs up to the origin, no resets to stock readings.`,
    "### Calibration window 2022-2023 (free run, preset ongewijzigd)",
    table(r.calibration.rows),
    summary(r.calibration),
    "### Check 2024 and later (same run; not used to set parameters)",
    table(r.check.rows),
    summary(r.check)
  ];
  for (const b of r.backtests) {
    parts.push(
      `### ${b.id}: forecast ${b.start} to ${b.end} from origin ${b.origin}`,
      `Stock readings used up to the origin: ${b.readings.map((x) => `${x.series} ${x.month} = ${fmt(x.value)}`).join("; ") || "none"}.`,
      table(b.rows),
      summary(b)
    );
  }
  parts.push(
    "### MPP presets: modelled total inflow vs the MPP figure per forecast year",
    [
      "| preset | year | MPP | model total | of which first | of which nareis | error |",
      "|---|---:|---:|---:|---:|---:|---:|",
      ...r.mpp.map((m) => `| ${m.preset} | ${m.year} | ${fmt(m.target)} | ${fmt(m.modelTotal)} | ${fmt(m.modelFirst)} | ${fmt(m.modelNareis)} | ${pct(m.modelTotal / m.target - 1)} |`)
    ].join("\n"),
    "### 2025 grant rates (IND definition) against the model",
    [
      "| period | IND | model |",
      "|---|---:|---:|",
      `| 2024 | ${pct0(r.grantRates2025.indRate2024)} | ${pct0(r.grantRates2025.modelRate2024)} |`,
      `| 2025-Q1 | ${pct0(r.grantRates2025.indRateQ1)} | ${pct0(r.grantRates2025.modelRateQ1)} |`,
      `| 2025 Jan–Sep | ${pct0(r.grantRates2025.indRateJanSep)} | ${pct0(r.grantRates2025.modelRateJanSep)} |`
    ].join("\n")
  );
  return parts.join("\n\n") + "\n";
}

if (process.argv[1]?.endsWith("calibration.ts") && process.argv.includes("--markdown")) {
  process.stdout.write(toMarkdown(await loadCalibration()));
}

