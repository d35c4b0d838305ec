/**
 * Model vs observed, for docs/calibration.md and the explorer's calibration table:
 * - calibration: the default run ("ongewijzigd") against every observation dated 2022–2023;
 * - check: the same run against observations dated 2024 and later (not used to set parameters);
 * - backtests: runs that start from an observed state (2023-01, 2024-01) with observed CBS inflow;
 * - the MPP presets' 2023 total against the MPP figure they were built from.
 */
import {loadCbsQuarters, loadModelInputs} from "./model-inputs.js";
import {fitSeasonalBaseline, type SeasonalFit} from "../src/model/baseline.js";
import {compareWithObservations, errorBySeries, planBacktest, solveMppFirstShare, type BacktestPlan, type ComparisonRow} from "../src/model/calibrate.js";
import {run} from "../src/model/run.js";
import {validateScenario} from "../src/model/scenario.js";
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
  start: string;
  end: string;
  startState: BacktestPlan["startState"];
  observedInputs: BacktestPlan["observedInputs"];
  notices: string[];
}

export interface CalibrationReport {
  modelVersion: string;
  dataVintage: string;
  calibration: Block;
  check: Block;
  backtests: Backtest[];
  mpp: {preset: string; target2023: number; modelTotal2023: number; modelFirst2023: number; modelNareis2023: number}[];
  baseline: Omit<SeasonalFit, "adjusted">;
}

const INPUT_SERIES = new Set<SeriesId>(["inflow_first"]);

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
  for (let t = t0; t < t0 + 12; t++) s += x[t];
  return s;
}

/** Builds the whole report (deterministic). */
export function buildCalibration(inputs: ModelInputs): CalibrationReport {
  const base = run({preset: "ongewijzigd", overrides: {}, measures: []}, inputs);
  const calibration = block(compareWithObservations(base, inputs.observations, [2022, 2023]), INPUT_SERIES);
  const check = block(compareWithObservations(base, inputs.observations, [2024, 2100]), INPUT_SERIES);

  const backtests: Backtest[] = [
    {id: "backtest-2023", label: "Start januari 2023 vanuit de waargenomen stand eind 2022", start: "2023-01", end: "2024-12"},
    {id: "backtest-2024", label: "Start januari 2024 vanuit de waargenomen stand eind 2023", start: "2024-01", end: "2024-12"}
  ].map(({id, label, start, end}) => {
    const plan = planBacktest(inputs, start, end);
    const {scenario, notices} = validateScenario(plan.scenario, inputs);
    const out = run(scenario, inputs);
    const observedInputs = new Set<SeriesId>(plan.observedInputs.map((o) => o.series as SeriesId));
    const b = block(compareWithObservations(out, inputs.observations), observedInputs);
    return {id, label, start, end, startState: plan.startState, observedInputs: plan.observedInputs, notices, ...b};
  });

  const target = (id: string) => inputs.presets.find((p) => p.id === id)!.overrides.inflow_mpp_2023_total;
  const mpp = ["mpp-2023-min", "mpp-2023-medio", "mpp-2023-max"].map((preset) => {
    const s = run({preset, overrides: {}, measures: []}, inputs).series;
    return {
      preset,
      target2023: target(preset),
      modelTotal2023: sumYear(s.inflow_total, 12),
      modelFirst2023: sumYear(s.inflow_first, 12),
      modelNareis2023: sumYear(s.inflow_nareis, 12)
    };
  });

  const {adjusted: _adjusted, ...baseline} = fitSeasonalBaseline(loadCbsQuarters().first);
  return {modelVersion: inputs.modelVersion, dataVintage: inputs.dataVintage, calibration, check, backtests, mpp, baseline};
}

/** Loads the inputs and builds the report. */
export async function loadCalibration(): Promise<CalibrationReport> {
  return buildCalibration(await loadModelInputs());
}

function pct(x: number): string {
  return `${x >= 0 ? "+" : ""}${(100 * x).toFixed(0)}%`;
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
    "### Calibration window 2022-2023 (default run, preset ongewijzigd)",
    table(r.calibration.rows),
    summary(r.calibration),
    "### Check 2024 and later (same run; not used to set parameters)",
    table(r.check.rows),
    summary(r.check)
  ];
  for (const b of r.backtests) {
    parts.push(
      `### ${b.id}: ${b.start} to ${b.end}`,
      `Start state: ${b.startState.map((s) => `${s.parameter} = ${fmt(s.value)} (${s.series}, ${s.date})`).join("; ")}.`,
      `Observed inputs: ${b.observedInputs.map((o) => `${o.series} for ${o.months} months`).join(", ")}; everything else at its default.`,
      table(b.rows),
      summary(b)
    );
  }
  parts.push(
    "### MPP presets: modelled 2023 total vs the MPP figure",
    [
      "| preset | MPP 2023 | model total 2023 | of which first | of which nareis | error |",
      "|---|---:|---:|---:|---:|---:|",
      ...r.mpp.map((m) => `| ${m.preset} | ${fmt(m.target2023)} | ${fmt(m.modelTotal2023)} | ${fmt(m.modelFirst2023)} | ${fmt(m.modelNareis2023)} | ${pct(m.modelTotal2023 / m.target2023 - 1)} |`)
    ].join("\n")
  );
  return parts.join("\n\n") + "\n";
}

/** The calibration step for the MPP presets: the first-application share that makes each preset hit its 2023 total. */
export function solveMppPresets(inputs: ModelInputs): {preset: string; share: number; target: number; modelTotal2023: number}[] {
  return ["mpp-2023-min", "mpp-2023-medio", "mpp-2023-max"].map((preset) => ({preset, ...solveMppFirstShare(inputs, preset, (s) => run(s, inputs))}));
}

if (process.argv[1]?.endsWith("calibration.ts") && process.argv.includes("--markdown")) {
  process.stdout.write(toMarkdown(await loadCalibration()));
}
if (process.argv[1]?.endsWith("calibration.ts") && process.argv.includes("--solve-mpp")) {
  // Prints the values to store as overrides.mpp_first_share in data/scenarios.json.
  for (const r of solveMppPresets(await loadModelInputs())) process.stdout.write(`${r.preset}\tmpp_first_share=${r.share.toFixed(4)}\ttarget=${r.target}\tmodel=${r.modelTotal2023.toFixed(0)}\n`);
}
