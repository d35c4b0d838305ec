/** The benchmark's adapter for the current model (src/model). */
import {band, drawSample} from "../../src/model/band.js";
import {compile, resolveParameters} from "../../src/model/params.js";
import {prepare} from "../../src/model/prepare.js";
import {createBuffers, run, runInto, simulate} from "../../src/model/run.js";
import type {ModelInputs, Scenario} from "../../src/model/types.js";
import {mulberry32} from "../../src/model/rng.js";
import type {ModelApi} from "./api.js";

/** The benchmark scenario: a preset, two overrides from 2025-01 and two measures. */
export function benchScenario(inputs: ModelInputs): Scenario {
  return {
    preset: "mpp-2023-i-medio",
    overrides: {grant_rate_mid: 0.45, housing_realisation: 0.8},
    measures: inputs.measures.filter((m) => m.effects && !m.inBaseline).slice(0, 2).map((m) => ({id: m.id, start: "2025-01", strength: 1})),
    overridesFrom: "2025-01"
  };
}

/**
 * The explorer's scenario: the default preset from the data's default forecast origin (the newest
 * observations), with one slider moved; what a page runs on every slider move.
 */
export function explorerScenario(): Scenario {
  return {preset: "ongewijzigd", overrides: {grant_rate_mid: 0.45}, measures: []};
}

export const api: ModelApi = {
  setup(scenario, inputs) {
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
  band(scenario, inputs, n, seed, series) {
    band(scenario, inputs, n, seed, series ? {series} : {});
  }
};
