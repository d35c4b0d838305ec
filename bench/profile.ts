/**
 * Workload for a CPU profile of the model (`npx tsx --cpu-prof --cpu-prof-dir=<dir> bench/profile.ts`,
 * then `npx tsx bench/profile-summary.ts <dir>/*.cpuprofile`): runInto repeated, then 1.000-run bands.
 * WHAT=runs|band|both (default both).
 */
import {loadModelInputs} from "../loaders/model-inputs.js";
import {band} from "../src/model/band.js";
import {compile} from "../src/model/params.js";
import {prepare} from "../src/model/prepare.js";
import {createBuffers, runInto} from "../src/model/run.js";
import {benchScenario} from "./models/current.js";

const what = process.env.WHAT ?? "both";
const inputs = await loadModelInputs();
const scenario = benchScenario(inputs);
if (what !== "band") {
  const prepared = prepare(scenario, inputs);
  const buffers = createBuffers(prepared.months, compile(inputs).parameters.length);
  for (let i = 0; i < 200000; i++) runInto(scenario, inputs, buffers, undefined, prepared);
}
if (what !== "runs") for (let i = 0; i < 10; i++) band(scenario, inputs, 1000, 42);
