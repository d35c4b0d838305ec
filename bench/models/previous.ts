/**
 * The benchmark's adapter for the previous release: a verbatim copy of src/model at commit 55ec1b3
 * in bench/previous/src/model (`git archive 55ec1b3 src/model | tar -x -C bench/previous`).
 */
import {band, drawSample} from "../previous/src/model/band.js";
import {compile, resolveParameters} from "../previous/src/model/params.js";
import {prepare} from "../previous/src/model/prepare.js";
import {createBuffers, run, runInto, simulate} from "../previous/src/model/run.js";
import type {ModelInputs as PreviousInputs, Scenario as PreviousScenario, SeriesId as PreviousSeriesId} from "../previous/src/model/types.js";
import {mulberry32} from "../previous/src/model/rng.js";
import type {ModelApi} from "./api.js";

export const api: ModelApi = {
  setup(s, i) {
    // the same objects; the previous release's types describe them alike
    const scenario = s as unknown as PreviousScenario;
    const inputs = i as unknown as PreviousInputs;
    const prepared = prepare(scenario, inputs);
    const buffers = createBuffers(prepared.months, compile(inputs).parameters.length);
    const ps = resolveParameters(scenario, inputs, {out: buffers.params, plan: prepared.plan});
    const scratch = new Float64Array(buffers.params.length);
    // a fixed set of Monte Carlo draws, cycled (as in a band)
    const rand = mulberry32(42);
    const samples = Array.from({length: 16}, () => {
      const x = new Float64Array(compile(inputs).parameters.length);
      drawSample(inputs, rand, x);
      return x;
    });
    let next = 0;
    return {
      runInto: () => void runInto(scenario, inputs, buffers, undefined, prepared),
      runIntoSampled: () => void runInto(scenario, inputs, buffers, samples[next++ & 15], prepared),
      run: () => void run(scenario, inputs),
      simulate: () => simulate(ps, prepared, buffers),
      resolve: () => void resolveParameters(scenario, inputs, {out: scratch, plan: prepared.plan}),
      prepare: () => void prepare(scenario, inputs)
    };
  },
  band(s, i, n, seed, series) {
    band(s as unknown as PreviousScenario, i as unknown as PreviousInputs, n, seed, series ? {series: series as readonly PreviousSeriesId[]} : {});
  }
};
