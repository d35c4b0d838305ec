/**
 * Effect per measure, independent of the order in which measures are switched: the Shapley
 * decomposition of a scenario's change in the key outcomes (outcomes.ts) over its "players".
 *
 * A scenario differs from its preset's baseline by (a) measures switched on (`scenario.measures`) and
 * (b) baseline measures switched off (`scenario.off`). Each of these is one player. For a coalition S
 * of players, v(S) is the key outcomes of the scenario with only the players in S applied (same
 * preset, overrides, origin and horizon); v(∅) is the baseline, v(N) the scenario. The Shapley value
 * of player i is its marginal effect v(S ∪ {i}) − v(S) averaged over every order in which the players
 * can be added. The values add up to v(N) − v(∅) exactly (efficiency), identical players get equal
 * values (symmetry) and a player without effect gets 0 (null player).
 *
 * - "exact" (n ≤ `exactUpTo`, default 10): all 2^n coalitions, each run once (values cached by
 *   bitmask), weighted |S|! (n − |S| − 1)! / n!.
 * - "sampled" (n larger): `permutations` random orders from a seeded PRNG (mulberry32); each player's
 *   value is the mean of its marginals, with the standard error of that mean. Each permutation's
 *   marginals telescope to v(N) − v(∅), so the sampled values add up to the total as well.
 *
 * Also returned: each player's solo effect v({i}) − v(∅) and the interaction part
 * v(N) − v(∅) − Σ solo (how much the effects do not add up when switched on one at a time).
 * Pure: no clock, no DOM; the same inputs and seed give the same result.
 */
import {MODEL_START} from "./constants.js";
import {monthIndex} from "./months.js";
import {OUTCOME_IDS, outcomesFromBuffer, type Outcomes} from "./outcomes.js";
import {compile} from "./params.js";
import {prepare} from "./prepare.js";
import {mulberry32} from "./rng.js";
import {createBuffers, runInto} from "./run.js";
import type {ModelInputs, Scenario, ScenarioMeasure} from "./types.js";

/** One player: a measure switched on, or a baseline measure switched off. */
export interface Player {
  /** "on:<id>" or "off:<id>". */
  key: string;
  measureId: string;
  action: "on" | "off";
  /** Dutch measure name. */
  name: string;
}

export interface PlayerEffect {
  player: Player;
  /** Shapley value per key outcome. */
  shapley: Outcomes;
  /** v({i}) − v(∅). */
  solo: Outcomes;
  /** Sampled only: standard error of the Shapley estimate. */
  se?: Outcomes;
}

export interface Decomposition {
  method: "exact" | "sampled";
  players: PlayerEffect[];
  /** v(∅): the scenario without any of its players. */
  baseline: Outcomes;
  /** v(N): the scenario. */
  scenario: Outcomes;
  /** v(N) − v(∅). */
  total: Outcomes;
  /** total − Σ solo. */
  interaction: Outcomes;
  /** Distinct model runs (coalitions evaluated). */
  runs: number;
  /** Sampled only. */
  permutations?: number;
  seed?: number;
}

export interface DecomposeOptions {
  /** Largest number of players decomposed exactly (default 10; at most 20). */
  exactUpTo?: number;
  /** Sampled: number of random orders (default 200, at least 2). */
  permutations?: number;
  /** Sampled: PRNG seed (default 1). */
  seed?: number;
}

const K: number = OUTCOME_IDS.length;

/** The players of a scenario: its switched-on measures (in order), then its switched-off baseline measures. */
export function playersOf(scenario: Scenario, inputs: ModelInputs): Player[] {
  const c = compile(inputs);
  const out: Player[] = [];
  const seen = new Set<string>();
  for (const sm of scenario.measures) {
    const m = c.measures.get(sm.id);
    if (!m) throw new Error(`scenario: unknown measure "${sm.id}"`);
    if (seen.has("on:" + sm.id)) continue;
    seen.add("on:" + sm.id);
    out.push({key: "on:" + sm.id, measureId: sm.id, action: "on", name: m.name});
  }
  for (const id of scenario.off ?? []) {
    const m = c.measures.get(id);
    if (!m) throw new Error(`scenario: unknown measure "${id}" in off`);
    if (!m.inBaseline || seen.has("off:" + id)) continue;
    seen.add("off:" + id);
    out.push({key: "off:" + id, measureId: id, action: "off", name: m.name});
  }
  return out;
}

/** The scenario with only the players in `members` applied. */
export function coalitionScenario(scenario: Scenario, players: readonly Player[], members: readonly boolean[]): Scenario {
  const on = new Set<string>();
  const off: string[] = [];
  players.forEach((p, i) => {
    if (!members[i]) return;
    if (p.action === "on") on.add(p.measureId);
    else off.push(p.measureId);
  });
  const measures: ScenarioMeasure[] = scenario.measures.filter((m) => on.has(m.id));
  const out: Scenario = {...scenario, measures};
  if (off.length) out.off = off;
  else delete out.off;
  return out;
}

/** Value function over coalitions: fills `into` (length K) with the outcomes of the coalition. */
export type CoalitionValue = (members: readonly boolean[], into: Float64Array) => void;

/** The model's value function for a scenario's players (one preallocated buffer, one run per call). */
export function modelValue(scenario: Scenario, inputs: ModelInputs, players: readonly Player[]): CoalitionValue {
  // prepare() reads only the origin, horizon, overrides' start and observed inputs, none of which
  // differ between coalitions (they differ in `measures` and `off` only): one plan serves them all.
  const prepared = prepare(scenario, inputs);
  const buffers = createBuffers(prepared.months, compile(inputs).parameters.length);
  const start = monthIndex(MODEL_START);
  const origin = monthIndex(prepared.origin);
  return (members, into) => {
    runInto(coalitionScenario(scenario, players, members), inputs, buffers, undefined, prepared);
    const o = outcomesFromBuffer(buffers.out, prepared.months, start, origin);
    for (let k = 0; k < K; k++) into[k] = o[OUTCOME_IDS[k]!];
  };
}

/** Result of the game-theoretic core, outcome vectors in OUTCOME_IDS order. */
export interface ShapleyCore {
  method: "exact" | "sampled";
  /** [player][outcome]. */
  phi: Float64Array[];
  se: Float64Array[] | null;
  solo: Float64Array[];
  empty: Float64Array;
  full: Float64Array;
  runs: number;
  permutations?: number;
  seed?: number;
}

function factorials(n: number): number[] {
  const f = [1];
  for (let i = 1; i <= n; i++) f.push(f[i - 1]! * i);
  return f;
}

/** Exact Shapley values for n players (n ≤ 20): every coalition evaluated once, by bitmask. */
export function exactShapley(n: number, value: CoalitionValue, k = K): ShapleyCore {
  if (!(n >= 0 && n <= 20 && Number.isInteger(n))) throw new Error(`exactShapley: n = ${n} is outside 0 … 20`);
  const size = 1 << n;
  const v = new Float64Array(size * k);
  const members = new Array<boolean>(n).fill(false);
  const tmp = new Float64Array(k);
  for (let mask = 0; mask < size; mask++) {
    for (let i = 0; i < n; i++) members[i] = (mask & (1 << i)) !== 0;
    value(members, tmp);
    v.set(tmp, mask * k);
  }
  const f = factorials(n);
  // weight of a coalition of size s not containing i
  const w = Array.from({length: n}, (_, s) => (f[s]! * f[n - s - 1]!) / f[n]!);
  const phi = Array.from({length: n}, () => new Float64Array(k));
  const popcount = (x: number) => {
    let c = 0;
    for (; x; x &= x - 1) c++;
    return c;
  };
  for (let mask = 0; mask < size; mask++) {
    const s = popcount(mask);
    if (s === n) continue;
    const ws = w[s]!;
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (mask & bit) continue;
      const a = (mask | bit) * k;
      const b = mask * k;
      const p = phi[i]!;
      for (let j = 0; j < k; j++) p[j]! += ws * (v[a + j]! - v[b + j]!);
    }
  }
  const empty = v.slice(0, k);
  const full = v.slice((size - 1) * k, size * k);
  const solo = Array.from({length: n}, (_, i) => {
    const out = new Float64Array(k);
    for (let j = 0; j < k; j++) out[j] = v[(1 << i) * k + j]! - empty[j]!;
    return out;
  });
  return {method: "exact", phi, se: null, solo, empty, full, runs: size};
}

/** A uniformly random order of 0 … n − 1 (Fisher–Yates) from `rand`. */
export function randomPermutation(n: number, rand: () => number): number[] {
  const p = Array.from({length: n}, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

/**
 * The marginal contributions along one order: `out[i]` = v(players before i in `order` plus i) −
 * v(players before i). They telescope: Σ_i out[i] = v(N) − v(∅). `lookup` evaluates (and may cache) v.
 */
export function permutationMarginals(order: readonly number[], lookup: (members: readonly boolean[]) => Float64Array, k = K): Float64Array[] {
  const n = order.length;
  const members = new Array<boolean>(n).fill(false);
  const out = Array.from({length: n}, () => new Float64Array(k));
  let prev = lookup(members);
  for (const i of order) {
    members[i] = true;
    const cur = lookup(members);
    const m = out[i]!;
    for (let j = 0; j < k; j++) m[j] = cur[j]! - prev[j]!;
    prev = cur;
  }
  return out;
}

/** Sampled Shapley values: mean marginal over `permutations` seeded random orders, with standard errors. */
export function sampledShapley(n: number, value: CoalitionValue, permutations: number, seed: number, k = K): ShapleyCore {
  if (!(permutations >= 2 && Number.isInteger(permutations))) throw new Error(`sampledShapley: permutations = ${permutations} must be an integer ≥ 2`);
  const cache = new Map<string, Float64Array>();
  const lookup = (members: readonly boolean[]): Float64Array => {
    let key = "";
    for (let i = 0; i < n; i++) key += members[i] ? "1" : "0";
    let hit = cache.get(key);
    if (!hit) {
      hit = new Float64Array(k);
      value(members, hit);
      cache.set(key, hit);
    }
    return hit;
  };
  const rand = mulberry32(seed);
  const sum = Array.from({length: n}, () => new Float64Array(k));
  const sq = Array.from({length: n}, () => new Float64Array(k));
  for (let p = 0; p < permutations; p++) {
    const marg = permutationMarginals(randomPermutation(n, rand), lookup, k);
    for (let i = 0; i < n; i++) {
      const m = marg[i]!;
      for (let j = 0; j < k; j++) {
        sum[i]![j]! += m[j]!;
        sq[i]![j]! += m[j]! * m[j]!;
      }
    }
  }
  const phi = sum.map((s) => s.map((x) => x / permutations));
  const se = sum.map((s, i) =>
    s.map((x, j) => {
      const mean = x / permutations;
      const variance = Math.max(0, (sq[i]![j]! - permutations * mean * mean) / (permutations - 1));
      return Math.sqrt(variance / permutations);
    })
  );
  const none = new Array<boolean>(n).fill(false);
  const empty = lookup(none).slice();
  const full = lookup(new Array<boolean>(n).fill(true)).slice();
  const solo = Array.from({length: n}, (_, i) => {
    const only = none.slice();
    only[i] = true;
    const x = lookup(only);
    return x.map((y, j) => y - empty[j]!);
  });
  return {method: "sampled", phi, se, solo, empty, full, runs: cache.size, permutations, seed};
}

function toOutcomes(x: ArrayLike<number>): Outcomes {
  const out = {} as Outcomes;
  OUTCOME_IDS.forEach((id, j) => (out[id] = x[j]!));
  return out;
}

/** The Shapley decomposition of `scenario` over its players (see the module comment). */
export function decompose(scenario: Scenario, inputs: ModelInputs, options: DecomposeOptions = {}): Decomposition {
  const exactUpTo = Math.min(20, options.exactUpTo ?? 10);
  const players = playersOf(scenario, inputs);
  const n = players.length;
  const value = modelValue(scenario, inputs, players);
  const seed = options.seed ?? 1;
  const core = n <= exactUpTo ? exactShapley(n, value) : sampledShapley(n, value, options.permutations ?? 200, seed);
  const total = new Float64Array(K);
  const interaction = new Float64Array(K);
  for (let j = 0; j < K; j++) {
    total[j] = core.full[j]! - core.empty[j]!;
    let solo = 0;
    for (let i = 0; i < n; i++) solo += core.solo[i]![j]!;
    interaction[j] = total[j]! - solo;
  }
  const result: Decomposition = {
    method: core.method,
    players: players.map((player, i) => {
      const e: PlayerEffect = {player, shapley: toOutcomes(core.phi[i]!), solo: toOutcomes(core.solo[i]!)};
      if (core.se) e.se = toOutcomes(core.se[i]!);
      return e;
    }),
    baseline: toOutcomes(core.empty),
    scenario: toOutcomes(core.full),
    total: toOutcomes(total),
    interaction: toOutcomes(interaction),
    runs: core.runs
  };
  if (core.method === "sampled") {
    result.permutations = core.permutations;
    result.seed = core.seed;
  }
  return result;
}
