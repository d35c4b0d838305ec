/**
 * Fits the strength of the 2025 country-policy measure in the baseline on the IND's published grant
 * rates (Dutch definition, Dublin outcomes count as not granted):
 *  - beslisstop-syrie: the share of the high-grant group under the Syria decision pause is taken
 *    from data, not fitted: Syria's share of 2024 first-instance decisions on nationalities granted
 *    80% or more (UNHCR, NL 2024: 10.739 of 12.894 = 0,83; SYRIA_SHARE_OF_HIGH);
 *  - landenbeleid-syrie-jemen-turkije: the factors on the grant rates of the high group (Syria) and
 *    the middle group (Yemen, Turkey) from 2025, fitted.
 * Targets: the fall from 2024 (58%) to about 40% in 2025-Q1 and 33% in 2025 up to 22 September
 * (months Jan–Sep), as changes: the model's 2024 rate is some points below the IND's (its Dublin and
 * track shares are calibrated on 2022–2023), so the fit matches the 18 and 25 point falls, not the levels.
 * Usage: npx tsx loaders/fit-2025.ts  (prints the values to store in data/measures.json)
 */
import {loadModelInputs} from "./model-inputs.js";
import {run} from "../src/model/run.js";
import {monthIndex} from "../src/model/months.js";
import {MODEL_START} from "../src/model/constants.js";
import type {ModelInputs} from "../src/model/types.js";

/** IND grant rates (Dutch definition): 2024 58%, 2025-Q1 about 40%, 2025 to 22 Sep 33%. */
export const IND_RATES = {y2024: 0.58, q1: 0.4, janSep: 0.33};

/** Model grant rate (grants / decisions) over months [from, to] ("YYYY-MM"). */
export function modelRate(inputs: ModelInputs, from: string, to: string): number {
  const out = run({preset: "ongewijzigd", overrides: {}, measures: []}, inputs);
  const a = monthIndex(from) - monthIndex(MODEL_START);
  const b = monthIndex(to) - monthIndex(MODEL_START);
  let g = 0;
  let d = 0;
  for (let t = a; t <= b; t++) {
    g += out.series.grants[t]!;
    d += out.series.decisions[t]!;
  }
  return g / d;
}

/** Syria's share of the 2024 decisions on high-grant nationalities (UNHCR, NL; see the module comment). */
export const SYRIA_SHARE_OF_HIGH = 0.83;

function withMeasures(inputs: ModelInputs, high: number, mid: number): ModelInputs {
  const measures = inputs.measures.map((m) => {
    if (m.id === "beslisstop-syrie") return {...m, effects: [{parameter: "decision_pause_high_share", mode: "set" as const, change: SYRIA_SHARE_OF_HIGH}]};
    if (m.id === "landenbeleid-syrie-jemen-turkije")
      return {...m, effects: [{parameter: "grant_rate_high", mode: "scale" as const, change: high}, {parameter: "grant_rate_mid", mode: "scale" as const, change: mid}]};
    return m;
  });
  return {...inputs, measures};
}

/** Grid search (step 0.02) minimising the squared error on both targets. */
export function fit2025(inputs: ModelInputs): {high: number; mid: number; q1: number; janSep: number; y2024: number} {
  const y2024 = modelRate(inputs, "2024-01", "2024-12");
  const target = {q1: y2024 - (IND_RATES.y2024 - IND_RATES.q1), janSep: y2024 - (IND_RATES.y2024 - IND_RATES.janSep)};
  let best = {high: 1, mid: 1, q1: NaN, janSep: NaN, err: Infinity};
  // lower bound 0.3: the high group keeps at least about the middle group's rate (0.92 × 0.3 ≈ 0.28)
  for (let high = 0.3; high <= 1.0001; high += 0.02) {
    for (let mid = 0.2; mid <= 1.0001; mid += 0.02) {
      const x = withMeasures(inputs, high, mid);
      const q1 = modelRate(x, "2025-01", "2025-03");
      const janSep = modelRate(x, "2025-01", "2025-09");
      const err = (q1 - target.q1) ** 2 + (janSep - target.janSep) ** 2;
      if (err < best.err) best = {high, mid, q1, janSep, err};
    }
  }
  return {high: Math.round(best.high * 100) / 100, mid: Math.round(best.mid * 100) / 100, q1: best.q1, janSep: best.janSep, y2024};
}

if (process.argv[1]?.endsWith("fit-2025.ts")) {
  const inputs = await loadModelInputs();
  const r = fit2025(inputs);
  console.log(`grant_rate_high factor = ${r.high}; grant_rate_mid factor = ${r.mid}; model rate 2025-Q1 ${(r.q1 * 100).toFixed(1)}%, Jan–Sep ${(r.janSep * 100).toFixed(1)}%`);
  console.log(`2024 model rate: ${(r.y2024 * 100).toFixed(1)}% (IND: 58%)`);
}
