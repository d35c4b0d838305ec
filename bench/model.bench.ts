/**
 * Benchmark of the chain model (`npm run bench`). Prints figures; not a timed test.
 *
 * For each case: the median over REPS repetitions (each a batch of calls) of the time per call, as
 * wall-clock time (performance.now) and as this process's CPU time (process.cpuUsage), for this
 * model and for the previous release side by side in the same process, with the ratio
 * previous / current (> 1 = faster now). The previous release is a committed copy of the model at
 * commit 55ec1b3, release 2 (bench/previous/src/model); both run on the same loadModelInputs() object.
 * Repetitions alternate between the two models so that a busy spell on a shared machine hits both.
 *
 * Environment: REPS (default 9), BATCH_MS (target milliseconds per batch, default 120), BEFORE (a
 * copy of src/model to compare with instead of the previous release).
 */
import {loadModelInputs} from "../loaders/model-inputs.js";
import * as cur from "./models/current.js";
import * as prev from "./models/previous.js";
import type {ModelApi} from "./models/api.js";
import {adapterAt} from "./models/adapter.js";
import type {Scenario} from "../src/model/types.js";
import {IND_SERIES} from "../src/explorer/pages/ind.js";

const REPS = Math.max(7, Number(process.env.REPS ?? 9));
const BATCH_MS = Number(process.env.BATCH_MS ?? 120);

const inputs = await loadModelInputs();

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

function median(x: number[]): number {
  const s = [...x].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

interface Timing {
  cpu: number;
  wall: number;
}

/** Calls per batch so that one batch takes about BATCH_MS (from a short trial). */
function batchSize(f: () => void): number {
  let n = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) f();
    const dt = performance.now() - t0;
    if (dt > 20 || n >= 1 << 20) return Math.max(1, Math.round((n * BATCH_MS) / Math.max(dt, 1e-3)));
    n *= 2;
  }
}

/** Median µs per call (CPU and wall) of `f` for each model, repetitions interleaved. */
function compare(fs: (() => void)[]): Timing[] {
  const sizes = fs.map((f) => {
    // warm-up (JIT): at least 300 ms, then up to 1.000 calls or 1 s. A large function (simulate) is
    // optimised on a background thread; on a busy machine its code arrived after the first case's
    // batches had been sized and timed with the interpreter (875 µs per runInto instead of 12).
    const t0 = performance.now();
    for (let i = 0; performance.now() - t0 < 300 || (i < 1000 && performance.now() - t0 < 1000); i++) f();
    return batchSize(f);
  });
  const cpu: number[][] = fs.map(() => []);
  const wall: number[][] = fs.map(() => []);
  for (let r = 0; r < REPS; r++) {
    fs.forEach((f, k) => {
      const n = sizes[k]!;
      const c0 = cpuMicros();
      const w0 = performance.now();
      for (let i = 0; i < n; i++) f();
      wall[k]!.push(((performance.now() - w0) * 1000) / n);
      cpu[k]!.push((cpuMicros() - c0) / n);
    });
  }
  return fs.map((_, k) => ({cpu: median(cpu[k]!), wall: median(wall[k]!)}));
}

function fmt(us: number): string {
  if (us >= 1000) return `${(us / 1000).toFixed(1)} ms`;
  return `${us.toFixed(2)} µs`;
}

const rows: string[][] = [];
function report(label: string, [now, before]: Timing[], perSecond = true): void {
  rows.push([
    label,
    fmt(now!.wall),
    fmt(now!.cpu),
    perSecond ? Math.round(1e6 / now!.cpu).toLocaleString("en") : "",
    fmt(before!.wall),
    fmt(before!.cpu),
    (before!.wall / now!.wall).toFixed(2) + "×",
    (before!.cpu / now!.cpu).toFixed(2) + "×"
  ]);
  // print as we go (a long bench shows progress)
  console.log(`  ${label}: now ${fmt(now!.wall)} wall / ${fmt(now!.cpu)} CPU; previous ${fmt(before!.wall)} / ${fmt(before!.cpu)}`);
}

// BEFORE=<dir of a copy of src/model> puts that copy in the "previous" columns instead of release 2
// (`git archive <commit> src/model | tar -x -C /tmp/before`, then BEFORE=/tmp/before/src/model)
const before = process.env.BEFORE;
const models: ModelApi[] = [cur.api, before ? await adapterAt(before) : prev.api];
const benchScenario = cur.benchScenario(inputs);
console.log(
  `model ${inputs.modelVersion}, data ${inputs.dataVintage}, Node ${process.version}, ${inputs.parameters.length} parameters; ` +
    `scenario with preset, overrides and 2 measures; median of ${REPS} repetitions, previous = ${before ?? "release 2 (55ec1b3)"}`
);
const ctx = models.map((m) => m.setup(benchScenario, inputs));
report("runInto (resolve + simulate, preallocated)", compare(ctx.map((c) => c.runInto)));
report("runInto with a Monte Carlo draw (a band's run)", compare(ctx.map((c) => c.runIntoSampled)));
// the explorer's own scenario: origin at the newest observations, so more of the run is shared past
const explorer = models.map((m) => m.setup(cur.explorerScenario(), inputs));
report("runInto, explorer scenario (origin 2025)", compare(explorer.map((c) => c.runInto)));
report("runInto with a draw, explorer scenario", compare(explorer.map((c) => c.runIntoSampled)));
report("run (+ output arrays and summary)", compare(ctx.map((c) => c.run)));
report("  simulate only", compare(ctx.map((c) => c.simulate)));
report("  resolveParameters only", compare(ctx.map((c) => c.resolve)));
report("  prepare (origin state cached)", compare(ctx.map((c) => c.prepare)));
report("band n=1000, all series", compare(models.map((m) => () => m.band(benchScenario, inputs, 1000, 42))), false);
report("band n=1000, all series, explorer scenario", compare(models.map((m) => () => m.band(cur.explorerScenario(), inputs, 1000, 42))), false);
report(`band n=1000, 5 series (page ind)`, compare(models.map((m) => () => m.band(benchScenario, inputs, 1000, 42, IND_SERIES))), false);
report("band n=200, 5 series (page ind)", compare(models.map((m) => () => m.band(benchScenario, inputs, 200, 42, IND_SERIES))), false);

const head = ["case", "wall", "CPU", "runs/s (CPU)", "previous wall", "previous CPU", "ratio wall", "ratio CPU"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => "| " + r.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join(" | ") + " |";
console.log("");
console.log(line(head));
console.log("|" + widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|");
for (const r of rows) console.log(line(r));
console.log("\nratio = previous / now (> 1: faster now). runs/s = 1e6 / CPU µs per call.");

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
