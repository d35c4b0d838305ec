import {loadModelInputs} from "../loaders/model-inputs.js";
import {drawSample, quantiles} from "../src/model/band.js";
import {compile} from "../src/model/params.js";
import {prepare} from "../src/model/prepare.js";
import {createBuffers, runInto} from "../src/model/run.js";
import {mulberry32} from "../src/model/rng.js";
import {SERIES_IDS} from "../src/model/types.js";
import {benchScenario} from "./models/current.js";
const inputs = await loadModelInputs();
const scenario = benchScenario(inputs);
const c = compile(inputs);
const prepared = prepare(scenario, inputs);
const R = prepared.months, from = prepared.outputOffset, M = R - from, n = 1000, S = SERIES_IDS.length;
const buffers = createBuffers(R, c.parameters.length);
const sample = new Float64Array(c.parameters.length);
const store = new Float64Array(S * M * n);
for (let rep = 0; rep < 5; rep++) {
  const rand = mulberry32(42);
  let tDraw = 0, tRun = 0, tCopy = 0;
  for (let i = 0; i < n; i++) {
    let t0 = performance.now();
    drawSample(inputs, rand, sample);
    let t1 = performance.now(); tDraw += t1 - t0;
    runInto(scenario, inputs, buffers, sample, prepared);
    let t2 = performance.now(); tRun += t2 - t1;
    const out = buffers.out;
    for (let s = 0; s < S; s++) {
      const src = s * R + from;
      let dst = s * M * n + i;
      for (let t = 0; t < M; t++, dst += n) store[dst] = out[src + t];
    }
    tCopy += performance.now() - t2;
  }
  const t3 = performance.now();
  const q = new Float64Array(3);
  let eq = 0;
  for (let k = 0; k < S * M; k++) { quantiles(store, k * n, n, [0.1, 0.5, 0.9], q); }
  const tQ = performance.now() - t3;
  console.log({tDraw: tDraw.toFixed(1), tRun: tRun.toFixed(1), tCopy: tCopy.toFixed(1), tQ: tQ.toFixed(1), M});
}
