/**
 * The benchmark's adapter for a copy of src/model loaded at run time (BEFORE=<dir> in
 * model.bench.ts). The same calls as current.ts and previous.ts; those keep their own copies of the
 * calls on purpose: closures of one shared function share V8's type feedback, so two models behind
 * one adapter would make each other's call sites polymorphic.
 */
import type {band as bandFn, drawSample as drawSampleFn} from "../../src/model/band.js";
import type {compile as compileFn, resolveParameters as resolveFn} from "../../src/model/params.js";
import type {prepare as prepareFn} from "../../src/model/prepare.js";
import type {createBuffers as createBuffersFn, run as runFn, runInto as runIntoFn, simulate as simulateFn} from "../../src/model/run.js";
import type {mulberry32 as mulberry32Fn} from "../../src/model/rng.js";
import type {ModelApi} from "./api.js";

/** The functions the benchmark calls (a copy of the model provides them with compatible types). */
export interface ModelModules {
  band: typeof bandFn;
  drawSample: typeof drawSampleFn;
  compile: typeof compileFn;
  resolveParameters: typeof resolveFn;
  prepare: typeof prepareFn;
  createBuffers: typeof createBuffersFn;
  run: typeof runFn;
  runInto: typeof runIntoFn;
  simulate: typeof simulateFn;
  mulberry32: typeof mulberry32Fn;
}

function adapter(m: ModelModules): ModelApi {
  return {
    setup(scenario, inputs) {
      const prepared = m.prepare(scenario, inputs);
      const buffers = m.createBuffers(prepared.months, m.compile(inputs).parameters.length);
      const ps = m.resolveParameters(scenario, inputs, {out: buffers.params, plan: prepared.plan});
      const scratch = new Float64Array(buffers.params.length);
      // a fixed set of Monte Carlo draws, cycled (as in a band)
      const rand = m.mulberry32(42);
      const samples = Array.from({length: 16}, () => {
        const x = new Float64Array(m.compile(inputs).parameters.length);
        m.drawSample(inputs, rand, x);
        return x;
      });
      let next = 0;
      return {
        runInto: () => void m.runInto(scenario, inputs, buffers, undefined, prepared),
        runIntoSampled: () => void m.runInto(scenario, inputs, buffers, samples[next++ & 15], prepared),
        run: () => void m.run(scenario, inputs),
        simulate: () => m.simulate(ps, prepared, buffers),
        resolve: () => void m.resolveParameters(scenario, inputs, {out: scratch, plan: prepared.plan}),
        prepare: () => void m.prepare(scenario, inputs)
      };
    },
    band(scenario, inputs, n, seed, series) {
      m.band(scenario, inputs, n, seed, series ? {series} : {});
    }
  };
}

/**
 * The adapter for a copy of src/model in `dir` (e.g. `git archive <commit> src/model | tar -x -C
 * /tmp/before`, then `/tmp/before/src/model`), loaded at run time.
 */
export async function adapterAt(dir: string): Promise<ModelApi> {
  const load = (file: string) => import(`${dir}/${file}`);
  const [band, params, prepare, run, rng] = await Promise.all([load("band.js"), load("params.js"), load("prepare.js"), load("run.js"), load("rng.js")]);
  return adapter({...band, ...params, ...prepare, ...run, ...rng} as ModelModules);
}
