/**
 * Benchmark of the chain model (`npm run bench`): full-horizon runs per second on one core, µs per
 * run, and the time for a 1.000-run band. Prints figures; not a timed test.
 *
 * Times are this process's CPU time (process.cpuUsage), best of several batches, so that other
 * processes on a shared machine disturb the figures as little as possible. Wall-clock figures are
 * printed beside them.
 */
import {loadModelInputs} from "../loaders/model-inputs.js";
import {band} from "../src/model/band.js";
import {compile, resolveParameters} from "../src/model/params.js";
import {createBuffers, run, runInto, simulate} from "../src/model/run.js";
import {prepare} from "../src/model/prepare.js";
import type {Scenario} from "../src/model/types.js";

const inputs = await loadModelInputs();
const scenario: Scenario = {
  preset: "mpp-2023-i-medio",
  overrides: {grant_rate_mid: 0.45, housing_realisation: 0.8},
  measures: inputs.measures.filter((m) => m.effects && !m.inBaseline).slice(0, 2).map((m) => ({id: m.id, start: "2025-01", strength: 1})),
  overridesFrom: "2025-01"
};
const P = compile(inputs).parameters.length;
const buffers = createBuffers(108, P);

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** Best-of-`batches` CPU µs per call, and the wall-clock µs of that batch. */
function measure(runs: number, batches: number, f: () => void): {cpu: number; wall: number} {
  for (let i = 0; i < Math.min(3000, runs); i++) f(); // warm-up
  let best = {cpu: Infinity, wall: Infinity};
  for (let b = 0; b < batches; b++) {
    const c0 = cpuMicros();
    const w0 = performance.now();
    for (let i = 0; i < runs; i++) f();
    const cpu = (cpuMicros() - c0) / runs;
    const wall = ((performance.now() - w0) * 1000) / runs;
    if (cpu < best.cpu) best = {cpu, wall};
  }
  return best;
}

function line(label: string, m: {cpu: number; wall: number}): void {
  const rate = Math.round(1e6 / m.cpu).toLocaleString("en");
  console.log(`${label.padEnd(50)} ${rate.padStart(9)} runs/s  ${m.cpu.toFixed(2).padStart(6)} µs/run (CPU)  ${m.wall.toFixed(2).padStart(6)} µs/run (wall)`);
}

console.log(`model ${inputs.modelVersion}, data ${inputs.dataVintage}, Node ${process.version}, 108 months, ${P} parameters, scenario with preset, overrides and 2 measures`);
const prepared = prepare(scenario, inputs);
line("runInto: resolve + simulate, preallocated", measure(50000, 7, () => runInto(scenario, inputs, buffers, undefined, prepared)));
line("run: + output arrays and summary", measure(30000, 7, () => run(scenario, inputs)));
const ps = resolveParameters(scenario, inputs, {out: buffers.params, plan: prepared.plan});
line("  of which simulate only", measure(50000, 7, () => simulate(ps, prepared, buffers)));
line("  of which resolveParameters only", measure(50000, 7, () => resolveParameters(scenario, inputs, {out: buffers.params, plan: prepared.plan})));
line("  of which prepare (origin state cached)", measure(50000, 7, () => prepare(scenario, inputs)));

band(scenario, inputs, 50, 1); // warm-up
for (const [label, opts] of [
  ["band n=1000, all series", {}],
  ["band n=1000, 4 series", {series: ["coa_total", "backlog_total", "nareis_arrivals", "capacity_shortage"] as const}]
] as const) {
  let best = {cpu: Infinity, wall: Infinity};
  for (let b = 0; b < 3; b++) {
    const c0 = cpuMicros();
    const w0 = performance.now();
    band(scenario, inputs, 1000, 42, opts);
    const cpu = (cpuMicros() - c0) / 1000;
    if (cpu < best.cpu) best = {cpu, wall: performance.now() - w0};
  }
  console.log(`${label.padEnd(50)} ${best.cpu.toFixed(0).padStart(9)} ms (CPU)  ${best.wall.toFixed(0).padStart(6)} ms (wall)`);
}

// Effect per measure and sensitivity: the exact Shapley decomposition over 10 players (the first 10
// quantified measures of the catalogue: switched on, or switched off when in force; 1.024 runs) and the
// tornado (every varied assumption at its low and high).
{
  const {decompose} = await import("../src/model/shapley.js");
  const {sensitivity} = await import("../src/model/sensitivity.js");
  const {defaultEntry} = await import("../src/model/measure-effect.js");
  const {addMonths} = await import("../src/model/months.js");
  const {originOf} = await import("../src/model/prepare.js");
  const basis: Scenario = {preset: "ongewijzigd", overrides: {}, measures: []};
  const from = addMonths(originOf(basis, inputs), 1);
  const ten = inputs.measures.filter((m) => m.effects?.length).slice(0, 10);
  const players: Scenario = {...basis, measures: ten.filter((m) => !m.inBaseline).map((m) => defaultEntry(m, from)), off: ten.filter((m) => m.inBaseline).map((m) => m.id)};
  for (const [label, f] of [
    [`decompose, exact, ${ten.length} players`, () => decompose(players, inputs)],
    ["sensitivity (tornado), all assumptions", () => sensitivity(basis, inputs)]
  ] as const) {
    f();
    let best = {cpu: Infinity, wall: Infinity};
    for (let b = 0; b < 5; b++) {
      const c0 = cpuMicros();
      const w0 = performance.now();
      f();
      const cpu = (cpuMicros() - c0) / 1000;
      if (cpu < best.cpu) best = {cpu, wall: performance.now() - w0};
    }
    console.log(`${label.padEnd(50)} ${best.cpu.toFixed(1).padStart(9)} ms (CPU)  ${best.wall.toFixed(1).padStart(6)} ms (wall)`);
  }
}
