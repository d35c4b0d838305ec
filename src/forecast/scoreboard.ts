/**
 * Page logic of "Hoe goed voorspelt het model?": turns the scoreboard and MPP tracker (loaders/backtest.ts)
 * into chart inputs, table rows and the figures the prose names. Pure; the page and the unit tests
 * call the same functions.
 */
import type {Fan, Scoreboard, ScoredSeries, ScoreRow} from "../model/backtest.js";
import type {MppTrack} from "../model/mpp-tracker.js";

export interface BacktestData {
  modelVersion: string;
  dataVintage: string;
  /** Number of dated parameters in the register (held at their origin value in backtests). */
  datedParameters: number;
  scoreboard: Scoreboard;
  mpp: MppTrack[];
}

/** Dutch names of the scored series, with what is compared. */
export const SERIES_LABELS: Record<ScoredSeries, {name: string; unit: string; what: string}> = {
  inflow_first: {name: "Eerste asielaanvragen", unit: "personen per drie maanden", what: "som van drie maanden (CBS-kwartaalcijfers, per maand een derde)"},
  inflow_nareis: {name: "Nareizigers", unit: "personen per drie maanden", what: "som van drie maanden (CBS-kwartaalcijfers, per maand een derde)"},
  coa_total: {name: "Bezetting COA-opvang", unit: "personen", what: "stand op een peildatum van het COA, hooguit een maand van de doelmaand"},
  coa_permit_waiting: {name: "Vergunninghouders in de opvang", unit: "personen", what: "stand op een peildatum, hooguit een maand van de doelmaand"},
  backlog_total: {name: "Werkvoorraad IND (eerste aanleg)", unit: "zaken", what: "stand van de IND, hooguit een maand van de doelmaand"}
};

/** Dutch month name "sep 2025" for "YYYY-MM". */
export function shortMonth(month: string): string {
  const names = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
  return `${names[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** One chart's data: the realised values and one fan per origin (monthly values). */
export function fanChartData(data: BacktestData, series: ScoredSeries): {observed: {month: string; value: number; derived: boolean}[]; fans: Fan[]} {
  return {
    observed: data.scoreboard.observed.filter((o) => o.series === series).map((o) => ({month: o.month, value: o.value, derived: o.kind === "derived"})),
    fans: data.scoreboard.fans.filter((f) => f.series === series && f.months.length > 0)
  };
}

export interface ErrorCell {
  series: ScoredSeries;
  label: string;
  /** Horizon (months) → mean absolute error, or null without realised values. */
  byHorizon: Record<number, {error: number; n: number} | null>;
  coverage: number;
  n: number;
}

/** The error table: one row per series, mean absolute error per horizon and the band coverage. */
export function errorTable(data: BacktestData): ErrorCell[] {
  const s = data.scoreboard;
  return (Object.keys(SERIES_LABELS) as ScoredSeries[]).map((series) => {
    const byHorizon: ErrorCell["byHorizon"] = {};
    for (const h of s.horizons) {
      const e = s.errors.find((x) => x.series === series && x.horizon === h);
      byHorizon[h] = e ? {error: e.meanAbsError, n: e.n} : null;
    }
    const c = s.coverage.bySeries.find((x) => x.series === series)!;
    return {series, label: SERIES_LABELS[series].name, byHorizon, coverage: c.coverage, n: c.n};
  });
}

/** Rows behind the CSV of the scoreboard (Dutch column names). */
export function scoreRows(rows: readonly ScoreRow[]): Record<string, string | number>[] {
  return rows.map((r) => ({
    oorsprong: r.origin,
    reeks: SERIES_LABELS[r.series].name,
    maanden_vooruit: r.horizon,
    maand: r.month,
    gerealiseerd: Math.round(r.realised),
    gerealiseerd_soort: r.realisedKind === "derived" ? "afgeleid" : "waargenomen",
    model: Math.round(r.model),
    p10: Math.round(r.p10),
    p90: Math.round(r.p90),
    fout: Math.round(r.error * 1000) / 1000,
    binnen_band: r.inside ? "ja" : "nee"
  }));
}

export interface MppRow {
  edition: string;
  scenario: string;
  year: number;
  mpp: number;
  realised: number | null;
  mppError: number | null;
  model: number;
  modelError: number | null;
}

/** The MPP tracker rows for the table, oldest edition first. */
export function mppRows(data: BacktestData): MppRow[] {
  return data.mpp.map((m) => ({edition: m.edition, scenario: m.scenario, year: m.year, mpp: m.mpp, realised: m.realised, mppError: m.mppError, model: m.model, modelError: m.modelError}));
}

/** Mean absolute error of the MPP scenarios and of the model over the years with a realised value. */
export function mppSummary(data: BacktestData): {mpp: number; model: number; n: number; medio: {mpp: number; model: number; n: number}} {
  const done = data.mpp.filter((m) => m.mppError != null && m.modelError != null);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + Math.abs(b), 0) / xs.length : NaN);
  const medio = done.filter((m) => m.scenario === "medio");
  return {
    mpp: mean(done.map((m) => m.mppError!)),
    model: mean(done.map((m) => m.modelError!)),
    n: done.length,
    medio: {mpp: mean(medio.map((m) => m.mppError!)), model: mean(medio.map((m) => m.modelError!)), n: medio.length}
  };
}

/** What a backtest knew at its origin, in Dutch (the page); `datedCount` = number of dated parameters. */
export function informationNotes(datedCount: number): string[] {
  return [
    `Parameters met een reeks in de tijd (${datedCount} stuks, zoals de beslis­capaciteit van de IND en de taakstelling) houden na de oorsprong hun waarde van dat moment; latere stappen kende het model toen niet.`,
    "Maatregelen die pas na de oorsprong begonnen (de beslisstop voor Syriërs, het landenbeleid van 2025), doen in de terugblik niet mee.",
    "De vaste parameters (aandelen, wachttijden, inwilligingskansen per groep, nareizigers per referent, vertrekaandelen, kosten) zijn afgesteld op 2022–2023 en gecontroleerd op 2024. Voor de oorsprongen in 2023 bevatten ze dus kennis van later.",
    "Seizoenspatroon en niveau van de eerste aanvragen worden per oorsprong opnieuw geschat op de kwartalen die toen bekend waren (een CBS-kwartaal telt als bekend vanaf het einde van de maand erna). De cijfers zelf zijn de laatste, herziene versie (herzieningen kleiner dan 1%).",
    "Standen waarop het model wordt gelijkgezet, zijn alleen de standen die op de oorsprong gepubliceerd waren (tot twee maanden na de oorsprongsmaand)."
  ];
}

/** A plain verdict on a band's coverage against the 80% it should hold. */
export function coverageVerdict(coverage: number): string {
  if (!Number.isFinite(coverage)) return "niet te beoordelen (geen gerealiseerde waarden)";
  if (coverage < 0.7) return "de band is op die termijn te smal";
  if (coverage > 0.9) return "de band is op die termijn ruim";
  return "dat is in de buurt van de 80% die een goed afgestelde band haalt";
}
