/**
 * The quantified measures and their effect at default strength, as a Markdown table for
 * docs/measures.md (`npx tsx loaders/measure-report.ts --markdown`; a unit test checks the doc holds
 * the current table). Every effect is the difference of two model runs from the same origin (with −
 * without, src/model/measure-effect.ts); for measures that acted before the origin also the largest
 * change of a free run during the measure's period (the retrospective).
 */
import {loadModelInputs} from "./model-inputs.js";
import {measureEffect} from "../src/model/measure-effect.js";
import {OUTCOME_IDS, OUTCOMES} from "../src/model/outcomes.js";
import type {Measure, ModelInputs, Scenario} from "../src/model/types.js";

const STATUS: Record<Measure["status"], string> = {adopted: "vastgesteld", passed_house: "aangenomen door de Tweede Kamer", proposed: "voorgenomen", draft: "concept"};

function num(x: number, unit: string): string {
  if (!Number.isFinite(x)) return "n/a";
  if (unit === "euro") return `${x < 0 ? "−" : x > 0 ? "+" : ""}€${Math.abs(x / 1e6).toFixed(1)}m`;
  const r = Math.round(x);
  return `${r < 0 ? "−" : r > 0 ? "+" : ""}${Math.abs(r).toLocaleString("en-US")}`;
}

function effectText(m: Measure): string {
  return m
    .effects!.map((e) => `${e.parameter} ${e.mode} ${e.change}${e.without !== undefined ? ` (without: ${e.without})` : ""}`)
    .join("; ");
}

/** The Markdown report (deterministic: same inputs, same text). */
export function measureReport(inputs: ModelInputs): string {
  const scenario: Scenario = {preset: "ongewijzigd", overrides: {}, measures: []};
  const quantified = inputs.measures.filter((m) => m.effects?.length);
  const lines: string[] = [];
  lines.push(`${inputs.measures.length} measures, ${quantified.length} quantified, ${quantified.filter((m) => m.inBaseline).length} of them in the baseline (${quantified.filter((m) => m.embedded).length} embedded in the register).`);
  lines.push("");
  lines.push("| measure | status | baseline | effects (strength 1) | period | strength range |");
  lines.push("|---|---|---|---|---|---|");
  for (const m of quantified) {
    const base = m.inBaseline ? (m.embedded ? "yes (embedded)" : "yes") : "no";
    const period = `${m.defaultStart}${m.defaultEnd ? ` – ${m.defaultEnd}` : " onward"}${m.rampMonths ? `, ${m.rampMonths}-month ramp` : ""}`;
    lines.push(`| \`${m.id}\` | ${STATUS[m.status]} | ${base} | ${effectText(m)} | ${period} | ${m.strengthLow}–${m.strengthHigh} |`);
  }
  lines.push("");
  lines.push("Effect at default strength against the baseline (origin of the baseline; with − without; modelled):");
  lines.push("");
  lines.push(`| measure | ${OUTCOME_IDS.map((id) => OUTCOMES[id].short).join(" | ")} | documented target (change) | retrospective, largest change during the period |`);
  lines.push(`|---|${OUTCOME_IDS.map(() => "---:").join("|")}|---|---|`);
  for (const m of quantified) {
    const e = measureEffect(scenario, inputs, m.id);
    const targets = e.targets.map((t) => `${t.target.output} ${num(t.change, t.target.output.startsWith("cost") || t.target.output.includes("eur") ? "euro" : "")}${t.met ? "" : " (not met)"}`).join("; ");
    const retro = e.retrospective
      ? Object.entries(e.retrospective.during)
          .filter(([, d]) => Math.abs(d!.value) >= 1)
          .map(([s, d]) => `${s} ${num(d!.value, "")} (${d!.month})`)
          .join("; ") || "none"
      : "—";
    lines.push(`| \`${m.id}\` | ${OUTCOME_IDS.map((id) => num(e.forward[id], OUTCOMES[id].unit)).join(" | ")} | ${targets} | ${retro} |`);
  }
  return lines.join("\n");
}

if (process.argv[1]?.endsWith("measure-report.ts") && process.argv.includes("--markdown")) {
  console.log(measureReport(await loadModelInputs()));
}
