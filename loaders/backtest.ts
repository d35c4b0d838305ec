/**
 * `npm run backtest`: the forecast scoreboard (src/model/backtest.ts) and the MPP vintage tracker,
 * printed as tables; `--json` prints the data for the page (src/data/backtest.json.ts).
 */
import {loadModelInputs} from "./model-inputs.js";
import {backtest} from "../src/model/backtest.js";
import {mppTracker} from "../src/model/mpp-tracker.js";
import type {BacktestData} from "../src/forecast/scoreboard.js";
import type {ModelInputs} from "../src/model/types.js";

export type {BacktestData};

export function buildBacktest(inputs: ModelInputs, n = 200): BacktestData {
  return {
    modelVersion: inputs.modelVersion,
    dataVintage: inputs.dataVintage,
    datedParameters: inputs.parameters.filter((p) => typeof p.value !== "number").length,
    scoreboard: backtest(inputs, {n}),
    mpp: mppTracker(inputs)
  };
}

const pct = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? "+" : ""}${(100 * x).toFixed(0)}%` : "–");
const num = (x: number) => Math.round(x).toLocaleString("en");

/** Plain-text tables of the scoreboard and the tracker. */
export function toText(d: BacktestData): string {
  const s = d.scoreboard;
  const lines = [`Forecast scoreboard — model ${d.modelVersion}, data ${d.dataVintage}, ${s.runs} band runs per origin`, ""];
  lines.push("origin   series              h  month    realised      model        P10        P90   error  inside");
  for (const r of s.rows) {
    lines.push(
      `${r.origin}  ${r.series.padEnd(18)} ${String(r.horizon).padStart(2)}  ${r.month}  ${num(r.realised).padStart(9)}${r.realisedKind === "derived" ? "*" : " "} ${num(r.model).padStart(9)}  ${num(r.p10).padStart(9)}  ${num(r.p90).padStart(9)}  ${pct(r.error).padStart(6)}  ${r.inside ? "yes" : "no"}`
    );
  }
  lines.push("(* realised value rests on a derived quarter)", "", "Mean absolute error per series and horizon:");
  for (const e of s.errors) lines.push(`  ${e.series.padEnd(18)} ${String(e.horizon).padStart(2)} months: ${(100 * e.meanAbsError).toFixed(0)}% (n=${e.n})`);
  lines.push("", `P10–P90 coverage: ${(100 * s.coverage.overall).toFixed(0)}% of ${s.coverage.n} realised values (target about 80%)`);
  for (const c of s.coverage.bySeries) lines.push(`  ${c.series.padEnd(18)} ${(100 * c.coverage).toFixed(0)}% (n=${c.n})`);
  for (const c of s.coverage.byHorizon) lines.push(`  ${String(c.horizon).padStart(2)} months ahead       ${(100 * c.coverage).toFixed(0)}% (n=${c.n})`);
  lines.push("", "Information from after an origin:", ...s.carriedInformation.map((x) => `  - ${x}`));
  lines.push("", "MPP vintage tracker (total inflow: first + repeat + resettlement + nareis):");
  lines.push("edition  scenario  year   MPP        realised   MPP error  model (same origin)  model error");
  for (const m of d.mpp) {
    lines.push(
      `${m.edition.padEnd(8)} ${m.scenario.padEnd(9)} ${m.year}  ${num(m.mpp).padStart(8)}  ${m.realised == null ? "   (open)" : num(m.realised).padStart(9)}  ${m.mppError == null ? "     –" : pct(m.mppError).padStart(9)}  ${num(m.model).padStart(19)}  ${m.modelError == null ? "–" : pct(m.modelError).padStart(11)}`
    );
  }
  return lines.join("\n") + "\n";
}

if (process.argv[1]?.endsWith("backtest.ts")) {
  const data = buildBacktest(await loadModelInputs(), process.argv.includes("--quick") ? 50 : 200);
  process.stdout.write(process.argv.includes("--json") ? JSON.stringify(data) : toText(data));
}
