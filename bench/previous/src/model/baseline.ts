/**
 * The statistical baseline for first asylum applications: seasonal factors per quarter fitted on
 * the quarterly history (classical multiplicative decomposition with a centred 2×4 moving average,
 * median ratio per quarter, normalised to mean 1) and a level equal to the mean of the last four
 * seasonally adjusted quarters (no trend: the history is dominated by shocks, 2015 and 2020, and a
 * fitted trend would be extrapolated for seven years). Pure; used by the loaders and the tests.
 */

export interface QuarterValue {
  /** "YYYY-Qn". */
  period: string;
  value: number;
}

export interface SeasonalFit {
  /** Factor per quarter (Q1 … Q4), mean 1. */
  season: [number, number, number, number];
  /** Annual rate of the baseline (persons per year), seasonally adjusted. */
  level: number;
  /** Last quarter used. */
  lastPeriod: string;
  /** Seasonally adjusted annual rate per observed quarter (value × 4 / factor). */
  adjusted: {period: string; annualRate: number}[];
  /** Quarters used for the factors (those with a centred moving average). */
  quartersUsed: number;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

function quarterNumber(period: string): number {
  const m = QUARTER.exec(period);
  if (!m) throw new Error(`"${period}" is not a quarter like 2023-Q1`);
  return Number(m[1]) * 4 + Number(m[2]) - 1;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Fits seasonal factors and a level on consecutive quarters (throws on gaps or fewer than 12 quarters). */
export function fitSeasonalBaseline(history: readonly QuarterValue[]): SeasonalFit {
  const rows = [...history].sort((a, b) => quarterNumber(a.period) - quarterNumber(b.period));
  if (rows.length < 12) throw new Error(`fitSeasonalBaseline: needs at least 12 quarters, got ${rows.length}`);
  for (let i = 1; i < rows.length; i++) {
    if (quarterNumber(rows[i].period) !== quarterNumber(rows[i - 1].period) + 1) {
      throw new Error(`fitSeasonalBaseline: gap between ${rows[i - 1].period} and ${rows[i].period}`);
    }
  }
  const x = rows.map((r) => r.value);
  const ratios: number[][] = [[], [], [], []];
  for (let i = 2; i + 2 < x.length; i++) {
    const cma = (x[i - 2] / 2 + x[i - 1] + x[i] + x[i + 1] + x[i + 2] / 2) / 4;
    if (cma > 0) ratios[quarterNumber(rows[i].period) % 4].push(x[i] / cma);
  }
  const raw = ratios.map(median);
  const mean = (raw[0] + raw[1] + raw[2] + raw[3]) / 4;
  const season = raw.map((r) => r / mean) as [number, number, number, number];
  const adjusted = rows.map((r) => ({period: r.period, annualRate: (r.value * 4) / season[quarterNumber(r.period) % 4]}));
  const last4 = adjusted.slice(-4);
  const level = last4.reduce((s, r) => s + r.annualRate, 0) / 4;
  return {season, level, lastPeriod: rows[rows.length - 1].period, adjusted, quartersUsed: ratios.reduce((s, r) => s + r.length, 0)};
}
