/**
 * Benchmark of the chain model (`npm run bench`): full-horizon runs per second on one core, µs per
 * run, and the time for a 1.000-run band. Prints figures; not a timed test.
 */
import {loadModelInputs} from "../loaders/model-inputs.js";
import {band} from "../src/model/band.js";
import {compile} from "../src/model/params.js";
import {createBuffers, run, runInto} from "../src/model/run.js";
import type {Scenario} from "../src/model/types.js";

const inputs = await loadModelInputs();
const scenario: Scenario = {preset: "mpp-2023-medio", overrides: {grant_rate_mid: 0.45}, measures: [], overridesFrom: "2025-01"};
const P = compile(inputs).parameters.length;
const buffers = createBuffers(108, P);

function time(label: string, runs: number, f: () => void): number {
  for (let i = 0; i < Math.min(2000, runs); i++) f(); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) f();
  const ns = Number(process.hrtime.bigint() - t0);
  const us = ns / 1000 / runs;
  console.log(`${label.padEnd(52)} ${Math.round(1e6 / us).toLocaleString("en").padStart(9)} runs/s   ${us.toFixed(2).padStart(7)} µs/run`);
  return us;
}

console.log(`model ${inputs.modelVersion}, data ${inputs.dataVintage}, Node ${process.version}, 108 months, ${P} parameters`);
time("runInto (preallocated buffers; resolve + simulate)", 200000, () => {
  runInto(scenario, inputs, buffers);
});
time("run (allocates output, computes summary)", 100000, () => {
  run(scenario, inputs);
});
for (const n of [1000]) {
  band(scenario, inputs, 50, 1); // warm-up
  const t0 = performance.now();
  const b = band(scenario, inputs, n, 42);
  const ms = performance.now() - t0;
  console.log(`band n=${n} (all ${Object.keys(b.p50).length} series)`.padEnd(52) + ` ${ms.toFixed(0).padStart(9)} ms`);
  const t1 = performance.now();
  band(scenario, inputs, n, 42, {series: ["coa_total", "backlog_total", "nareis_arrivals", "capacity_shortage"]});
  console.log(`band n=${n} (4 series)`.padEnd(52) + ` ${(performance.now() - t1).toFixed(0).padStart(9)} ms`);
}
