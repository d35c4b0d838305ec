/** What the model benchmark calls on each model (this one and the previous release). */
import type {ModelInputs, Scenario, SeriesId} from "../../src/model/types.js";

export interface ModelContext {
  runInto: () => void;
  /** runInto with a Monte Carlo draw (a band's run). */
  runIntoSampled: () => void;
  run: () => void;
  simulate: () => void;
  resolve: () => void;
  prepare: () => void;
}

export interface ModelApi {
  setup(scenario: Scenario, inputs: ModelInputs): ModelContext;
  band(scenario: Scenario, inputs: ModelInputs, n: number, seed: number, series?: readonly SeriesId[]): void;
}
