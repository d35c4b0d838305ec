/**
 * Optional fields of a catalogue entry shown on its card: the mechanism in Dutch and the strength range
 * with its reasoning. Read defensively (blank text, a non-finite or inverted range are left out), so the
 * page shows them when present and works when they are absent. The documented targets are read by the
 * model (measureEffect) and shown with their modelled change.
 */
import type {Measure} from "../../model/types.js";

export interface MeasureExtras {
  /** Dutch: which parameters the measure moves, and how. */
  mechanism?: string;
  strengthLow?: number;
  strengthHigh?: number;
  /** Dutch: the reasoning behind the low and the high end. */
  rangeReason?: string;
}

const text = (x: unknown): string | undefined => (typeof x === "string" && x.trim() !== "" ? x : undefined);
const num = (x: unknown): number | undefined => (typeof x === "number" && Number.isFinite(x) ? x : undefined);

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
  return out;
}
