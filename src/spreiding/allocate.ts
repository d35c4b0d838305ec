/**
 * The provincial allocation of a national capacity need: need × provincial share (cycle-1 key).
 * Pure functions; the page and the unit tests call the same code.
 */
import {monthIndex, monthString} from "../model/months.js";
import type {ProvinceRow} from "./types.js";

export interface AllocationRow {
  code: string;
  name: string;
  share: number;
  /** The national need at the chosen month × share (gemodelleerd). */
  modelled: number;
  cycle1Target: number;
  /** The cycle-2 national total × cycle-1 share (afgeleid; cycle-2 provincial targets are not in the data). */
  cycle2AtCycle1Share: number;
  cycle2Remaining: number | null;
  /** The first published offer or plan figure, if any. */
  offered: number | null;
  offeredLabel: string | null;
  preLawTarget: number | null;
}

/** Allocates `need` over the provinces by their share. The shares must add up to 1 (within 1e-9). */
export function allocate(need: number, provinces: readonly ProvinceRow[], cycle2Total: number): AllocationRow[] {
  if (!Number.isFinite(need) || need < 0) throw new Error(`allocate: the national need must be a non-negative number, not ${need}`);
  const total = provinces.reduce((s, p) => s + p.share, 0);
  if (Math.abs(total - 1) > 1e-9) throw new Error(`allocate: the provincial shares add up to ${total}, not 1`);
  return provinces.map((p) => ({
    code: p.code,
    name: p.name,
    share: p.share,
    modelled: need * p.share,
    cycle1Target: p.cycle1Target,
    cycle2AtCycle1Share: cycle2Total * p.share,
    cycle2Remaining: p.cycle2Remaining,
    offered: p.offered[0]?.value ?? null,
    offeredLabel: p.offered[0]?.label ?? null,
    preLawTarget: p.preLawTarget
  }));
}

/** The value of a monthly series at "YYYY-MM", or null outside the run. */
export function valueAtMonth(values: ArrayLike<number>, start: string, month: string): number | null {
  const i = monthIndex(month) - monthIndex(start);
  return i >= 0 && i < values.length ? values[i] : null;
}

/** The months of a run ("YYYY-MM"), first to last. */
export function runMonths(start: string, months: number): string[] {
  const s = monthIndex(start);
  return Array.from({length: months}, (_, i) => monthString(s + i));
}

/** Reads the chosen month from the URL key `sp_m`; an unknown or out-of-range month falls back with a notice. */
export function readMonth(search: string, months: readonly string[], fallback: string): {month: string; notice: string | null} {
  const m = new URLSearchParams(search).get("sp_m");
  if (m == null) return {month: fallback, notice: null};
  if (months.includes(m)) return {month: m, notice: null};
  return {month: fallback, notice: "De maand in de link valt buiten de modelperiode of is ongeldig; getoond wordt de standaardmaand."};
}
