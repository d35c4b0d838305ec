import {loadModelInputs} from "../loaders/model-inputs.js";
import * as cur from "./models/current.js";
import * as prev from "./models/previous.js";
const inputs = await loadModelInputs();
const sc = cur.benchScenario(inputs);
const ctx = [cur.api.setup(sc, inputs), prev.api.setup(sc, inputs)];
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
const which = (process.env.CASES ?? "runInto,runIntoSampled,simulate,resolve").split(",") as (keyof typeof ctx[0])[];
for (const w of which) {
  const best = [Infinity, Infinity];
  for (let r = 0; r < 15; r++) for (let k = 0; k < 2; k++) {
    const f = ctx[k]![w];
    const c0 = cpu();
    for (let i = 0; i < 2000; i++) f();
    best[k] = Math.min(best[k]!, (cpu() - c0) / 2000);
  }
  console.log(`${w.padEnd(16)} now ${best[0]!.toFixed(2)} µs  prev ${best[1]!.toFixed(2)} µs  ratio ${(best[1]! / best[0]!).toFixed(2)}`);
}
if (process.env.BAND) {
  const best = [Infinity, Infinity];
  for (let r = 0; r < 5; r++) for (let k = 0; k < 2; k++) {
    const c0 = cpu();
    (k ? prev.api : cur.api).band(sc, inputs, 1000, 42, process.env.BAND === "all" ? undefined : ["backlog_total", "decisions", "lead_time_months", "cases_past_term", "dwangsom_eur"]);
    best[k] = Math.min(best[k]!, (cpu() - c0) / 1000);
  }
  console.log(`band ${process.env.BAND} now ${best[0]!.toFixed(1)} ms prev ${best[1]!.toFixed(1)} ms`);
}
