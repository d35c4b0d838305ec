/**
 * The DOM parts of "Hoe goed voorspelt het model?": the framed fan charts, the error and MPP tables and
 * the Dutch CSV of the scoreboard. The page only places them; the figures come from scoreboard.ts.
 */
import {html} from "htl";
import {forecastFan} from "../components/forecast-fan.js";
import {chartFrame} from "../components/chart-frame.js";
import {formatCount, formatPercent} from "../components/format.js";
import type {ScoredSeries} from "../model/backtest.js";
import {SERIES_LABELS, errorTable, fanChartData, informationNotes, mppRows, scoreRows, shortMonth, type BacktestData} from "./scoreboard.js";

const SOURCE = "Asielketen Verkenner (gemodelleerd, terugblik); CBS, IND, COA (waarnemingen)";
/** Stocks are compared at readings (dots); flows per month (a line). */
const READINGS = new Set<ScoredSeries>(["coa_total", "backlog_total", "coa_permit_waiting"]);

/** A percentage without decimals, "–" when not finite. */
export const pct = (x: number): string => (Number.isFinite(x) ? formatPercent(x, 0) : "–");
/** A signed percentage ("+32%", "−3%"), "–" when absent. */
export const signed = (x: number | null): string => (x == null || !Number.isFinite(x) ? "–" : `${x >= 0 ? "+" : "−"}${formatPercent(Math.abs(x), 0)}`);

/** The fan chart of one series, framed with downloads. */
export function fanFigure(data: BacktestData, series: ScoredSeries, width: number): HTMLElement {
  const board = data.scoreboard;
  const chart = fanChartData(data, series);
  return chartFrame(
    forecastFan(chart, {
      width,
      yLabel: SERIES_LABELS[series].unit,
      readings: READINGS.has(series),
      monthLabel: shortMonth,
      caption: `Gekleurd: de prognose van het model (gemodelleerd) vanaf elke oorsprong, gestippeld met de P10–P90-band van ${board.runs} modelruns. Zwart: gerealiseerd (${SERIES_LABELS[series].what}); open punten rusten op een afgeleid kwartaal.`
    }),
    {
      title: `${SERIES_LABELS[series].name}: prognoses vanaf ${board.origins.length} oorsprongen`,
      source: SOURCE,
      permalink: () => window.location.href,
      rows: () => chart.fans.flatMap((f) => f.months.map((m, i) => ({oorsprong: f.origin, maand: m, prognose: Math.round(f.point[i]!), p10: Math.round(f.p10[i]!), p90: Math.round(f.p90[i]!)}))),
      filename: `terugblik-${series}`
    }
  );
}

/** The error table: mean absolute error per series and horizon, and the band coverage. */
export function errorTableElement(data: BacktestData): HTMLElement {
  const horizons = data.scoreboard.horizons;
  return html`<div class="table-scroll"><table id="foutentabel">
<thead><tr><th>Reeks</th>${horizons.map((h) => html`<th>${h} maanden vooruit</th>`)}<th>Binnen de band</th></tr></thead>
<tbody>${errorTable(data).map((r) => html`<tr data-series="${r.series}"><td>${r.label}</td>${horizons.map((h) => html`<td>${r.byHorizon[h] ? `${pct(r.byHorizon[h]!.error)} (n=${r.byHorizon[h]!.n})` : "–"}</td>`)}<td>${pct(r.coverage)} (n=${r.n})</td></tr>`)}</tbody>
</table></div>`;
}

/** The MPP tracker table: each edition against the realised total and the model from the same origin. */
export function mppTableElement(data: BacktestData): HTMLElement {
  return html`<div class="table-scroll"><table id="mpp-tabel">
<thead><tr><th>MPP-editie</th><th>Scenario</th><th>Jaar</th><th>MPP</th><th>Gerealiseerd</th><th>Fout MPP</th><th>Model (zelfde oorsprong)</th><th>Fout model</th></tr></thead>
<tbody>${mppRows(data).map((m) => html`<tr><td>${m.edition}</td><td>${m.scenario}</td><td>${m.year}</td><td>${formatCount(m.mpp)}</td><td>${m.realised == null ? "nog niet bekend" : formatCount(m.realised)}</td><td>${signed(m.mppError)}</td><td>${formatCount(m.model)}</td><td>${signed(m.modelError)}</td></tr>`)}</tbody>
</table></div>`;
}

/** A button that downloads the whole scoreboard as CSV for Dutch Excel (semicolons, decimal comma, BOM). */
export function scoreboardCsvButton(data: BacktestData): HTMLElement {
  const button = html`<button type="button" id="scorebord-csv">Download het volledige scorebord (CSV)</button>`;
  button.addEventListener("click", () => {
    const rows = scoreRows(data.scoreboard.rows);
    const header = Object.keys(rows[0]!);
    const csv = [header.join(";"), ...rows.map((r) => header.map((k) => String(r[k]).replace(".", ",")).join(";"))].join("\r\n");
    const url = URL.createObjectURL(new Blob(["\ufeff" + csv], {type: "text/csv;charset=utf-8"}));
    const a = Object.assign(document.createElement("a"), {href: url, download: "scorebord-terugblik.csv"});
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return html`<p class="no-print">${button}</p>`;
}

/** The list of what a backtest knew at its origin, in Dutch. */
export function informationList(data: BacktestData): HTMLElement {
  return html`<ul id="informatie-na-oorsprong">${informationNotes(data.datedParameters).map((x) => html`<li>${x}</li>`)}</ul>`;
}
