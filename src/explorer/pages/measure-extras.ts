/**
 * Optional fields a catalogue entry may carry beyond the base `Measure` type (added as measures are
 * quantified): the mechanism in Dutch, a strength range with its reasoning, and the outputs it targets.
 * Read defensively, so the page shows them when present and works when they are absent.
 */
import type {Measure} from "../../model/types.js";

export interface MeasureTarget {
  /** A series or key-outcome id. */
  id: string;
  /** The documented direction of the effect. */
  sign: -1 | 1;
}

export interface MeasureExtras {
  /** Dutch: which parameters the measure moves, and how. */
  mechanism?: string;
  strengthLow?: number;
  strengthHigh?: number;
  /** Dutch: the reasoning behind the low and the high end. */
  rangeReason?: string;
  targets?: MeasureTarget[];
}

const text = (x: unknown): string | undefined => (typeof x === "string" && x.trim() !== "" ? x : undefined);
const num = (x: unknown): number | undefined => (typeof x === "number" && Number.isFinite(x) ? x : undefined);

function target(x: unknown): MeasureTarget | null {
  if (!x || typeof x !== "object") return null;
  const r = x as Record<string, unknown>;
  const id = text(r.series) ?? text(r.outcome) ?? text(r.id);
  const sign = num(r.sign);
  return id && sign !== undefined && sign !== 0 ? {id, sign: sign > 0 ? 1 : -1} : null;
}

export function measureExtras(m: Measure): MeasureExtras {
  const r = m as unknown as Record<string, unknown>;
  const out: MeasureExtras = {};
  const mechanism = text(r.mechanism);
  if (mechanism) out.mechanism = mechanism;
  const low = num(r.strengthLow);
  const high = num(r.strengthHigh);
  if (low !== undefined && high !== undefined && low <= high) {
    out.strengthLow = low;
    out.strengthHigh = high;
  }
  const reason = text(r.rangeReason);
  if (reason) out.rangeReason = reason;
  if (Array.isArray(r.targets)) {
    const targets = r.targets.map(target).filter((t): t is MeasureTarget => t !== null);
    if (targets.length) out.targets = targets;
  }
  return out;
}
