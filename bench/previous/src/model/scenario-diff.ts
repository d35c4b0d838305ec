/** How a scenario relates to its preset: the preset alone, the changed baseline, and whether it differs. */
import type {ModelInputs, Scenario} from "./types.js";

/** The preset alone, over the same horizon (no overrides, no measures). */
export function presetOnly(scenario: Scenario): Scenario {
  const out: Scenario = {preset: scenario.preset, overrides: {}, measures: []};
  if (scenario.start !== undefined) out.start = scenario.start;
  if (scenario.end !== undefined) out.end = scenario.end;
  if (scenario.origin !== undefined) out.origin = scenario.origin;
  return out;
}

/** True when the scenario changes anything beyond its preset (an override, a measure, or a baseline measure switched off). */
export function isModified(scenario: Scenario): boolean {
  return Object.keys(scenario.overrides).length > 0 || scenario.measures.length > 0 || (scenario.off?.length ?? 0) > 0;
}

/** The "changed baseline": the scenario with only its assumption overrides (no levers, no measures); null when there are none. */
export function changedBaseline(scenario: Scenario, inputs: ModelInputs): Scenario | null {
  const assumptions = new Set(inputs.parameters.filter((p) => p.kind === "assumption").map((p) => p.id));
  const overrides = Object.fromEntries(Object.entries(scenario.overrides).filter(([id]) => assumptions.has(id)));
  if (!Object.keys(overrides).length) return null;
  const out: Scenario = {...scenario, overrides, measures: []};
  delete out.off;
  return out;
}
