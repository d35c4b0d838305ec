/**
 * Page logic of "Bronnen en methode" (src/bronnen.md): the table and records of the data files, the
 * parameter register, and the calibration, check, backtest and MPP tables. The page itself is prose
 * and `${…}`; every table is built here, with text set by htl (never innerHTML of data).
 */
import {html} from "htl";
import {formatCount as fc, formatDecimal as fd, formatPercent as fp} from "../../components/format.js";
import {SERIES_LABELS} from "../../components/data-table.js";
import type {ModelInputs, Parameter} from "../../model/types.js";

/** One origin record as served by src/data/sources.json.ts. */
export interface SourceRecord {
  file: string;
  producer: string;
  title: string;
  url: string;
  retrieved: string;
  published?: string;
  licence: string;
  processing: string;
  notes?: string;
}

/** One model-versus-observation row of the calibration report. */
export interface ErrorRow {
  series: string;
  date: string;
  observed: number;
  model: number;
  relativeError: number | null;
  role: "input" | "target";
  source: string;
}

export interface SeriesSummary {
  series: string;
  n: number;
  meanAbsRelativeError: number;
}

export interface CalibrationReport {
  calibration: {rows: ErrorRow[]; bySeries: SeriesSummary[]};
  check: {rows: ErrorRow[]; bySeries: SeriesSummary[]};
  backtests: {id: string; label: string; start: string; end: string; bySeries: SeriesSummary[]}[];
  mpp: {preset: string; year: number; target: number; modelTotal: number; modelFirst: number; modelNareis: number}[];
}

const GROUP_LABELS: Record<Parameter["group"], string> = {instroom: "Instroom", ind: "IND", opvang: "Opvang", uitstroom: "Uitstroom", nareis: "Nareis", kosten: "Kosten"};

/** Dutch names of the series in the calibration tables (others fall back to the data-table labels). */
const CALIBRATION_LABELS: Record<string, string> = {
  inflow_first: "eerste asielaanvragen", inflow_nareis: "nareizigers (aankomsten)", inflow_repeat: "herhaalde aanvragen", inflow_total: "totale instroom",
  inflow_amv: "amv-aanvragen", inflow_resettlement: "hervestiging", backlog_total: "IND-voorraad", backlog_track3: "IND-voorraad spoor 3", nareis_backlog: "nareisvoorraad IND",
  decisions: "IND-beslissingen", lead_time_months: "doorlooptijd (maanden)", dwangsom_eur: "dwangsommen (€)", coa_total: "bezetting COA", coa_permit_waiting: "vergunninghouders in COA",
  cost_eur: "kosten opvang (€)", departed_independent: "zelfstandig vertrek", departed_forced: "gedwongen vertrek", departed_unknown: "vertrek onbekende bestemming",
  housed: "gehuisveste vergunninghouders", nidos_caseload: "caseload Nidos (amv)"
};

/** The newest retrieval date of all data files (the data vintage of the site). */
export function newestRetrieved(sources: readonly SourceRecord[]): string {
  return sources.map((d) => d.retrieved).sort().at(-1) ?? "";
}

/** Counts of the register: all, levers, assumptions. */
export function parameterCounts(inputs: Pick<ModelInputs, "parameters">): {total: number; levers: number; assumptions: number} {
  const levers = inputs.parameters.filter((p) => p.kind === "lever").length;
  return {total: inputs.parameters.length, levers, assumptions: inputs.parameters.length - levers};
}

/** Dutch label of a series in the calibration tables. */
export function seriesLabel(series: string): string {
  return CALIBRATION_LABELS[series] ?? (SERIES_LABELS as Record<string, string>)[series] ?? "overige reeks";
}

/** A parameter value in its unit: shares as percentages, whole numbers with dots, else decimals. */
export function showValue(p: Pick<Parameter, "unit">, v: number): string {
  return p.unit === "aandeel" ? fp(v, 1) : Number.isInteger(v) ? fc(v) : fd(v);
}

/** A register default: the scalar, or the dated steps "2022-01: 31.000; 2024-01: 41.000". */
export function defaultText(p: Parameter): string {
  return typeof p.value === "number" ? showValue(p, p.value) : p.value.map((d) => `${d.from}: ${showValue(p, d.value)}`).join("; ");
}

/** A relative error as "+12%" / "−3%", "–" when absent. */
export function signedPercent(x: number | null | undefined): string {
  return x == null || !Number.isFinite(x) ? "–" : `${x >= 0 ? "+" : "−"}${fp(Math.abs(x), 0)}`;
}

/** A calibration value: euros in millions, counts with dots, small decimals with a comma. */
export function calibrationNumber(x: number): string {
  return Math.abs(x) >= 1e6 ? `€ ${fd(x / 1e6)} mln` : Number.isInteger(x) ? fc(x) : Math.abs(x) < 100 ? fd(x) : fc(x);
}

export function sourceTable(sources: readonly SourceRecord[]): HTMLElement {
  return html`<table class="bronnen-tabel" tabindex="0" aria-label="Databestanden"><thead><tr><th>Bestand</th><th>Producent</th><th>Titel</th><th>Opgehaald</th><th>Licentie</th></tr></thead>
<tbody>${sources.map((s) => html`<tr><td><code>${s.file}</code></td><td>${s.producer}</td><td>${s.title}</td><td>${s.retrieved}</td><td>${s.licence}</td></tr>`)}</tbody></table>`;
}

export function sourceRecords(sources: readonly SourceRecord[]): HTMLElement {
  return html`<div>${sources.map((s) => html`<details><summary><code>${s.file}</code> — ${s.title}</summary>
<p><b>Producent:</b> ${s.producer}<br><b>Adres:</b> <a href=${s.url}>${s.url}</a><br><b>Opgehaald:</b> ${s.retrieved}${s.published ? html`<br><b>Gepubliceerd:</b> ${s.published}` : ""}<br><b>Licentie:</b> ${s.licence}</p>
<p><b>Bewerking:</b> ${s.processing}</p>${s.notes ? html`<p><b>Opmerkingen:</b> ${s.notes}</p>` : ""}</details>`)}</div>`;
}

export function parameterTable(parameters: readonly Parameter[]): HTMLElement {
  return html`<table class="parameters" id="parameters" tabindex="0" aria-label="Parameters van het ketenmodel"><thead><tr><th>Schakel</th><th>Parameter</th><th>Soort</th><th>Standaard</th><th>Bereik</th><th>Eenheid</th><th>Basis</th></tr></thead>
<tbody>${parameters.map((p) => html`<tr data-parameter=${p.id}><td>${GROUP_LABELS[p.group]}</td><td><b>${p.label}</b><br><small>${p.description}</small></td><td>${p.kind === "lever" ? "beleidsknop" : "aanname"}${p.uncertain ? html`<br><small>in band</small>` : ""}</td><td>${defaultText(p)}</td><td>${showValue(p, p.low)} – ${showValue(p, p.high)}</td><td>${p.unit}</td><td>${p.basis.map((b) => html`<div>${b.url ? html`<a href=${b.url}>${b.document}</a>` : b.document}${b.section ? `, ${b.section}` : ""}${b.date ? ` (${b.date})` : ""}${b.grade ? ` [${b.grade}]` : ""}</div>`)}</td></tr>`)}</tbody></table>`;
}

export function errorTable(rows: readonly ErrorRow[], id: string): HTMLElement {
  return html`<table class="parameters" id=${id} tabindex="0" aria-label="Model tegen waarneming"><thead><tr><th>Reeks</th><th>Datum/periode</th><th>Waargenomen</th><th>Model</th><th>Fout</th><th>Rol</th><th>Bron</th></tr></thead>
<tbody>${rows.map((r) => html`<tr data-series=${r.series}><td>${seriesLabel(r.series)}</td><td>${r.date}</td><td>${calibrationNumber(r.observed)}</td><td>${calibrationNumber(Math.round(r.model * 10) / 10)}</td><td>${signedPercent(r.relativeError)}</td><td>${r.role === "input" ? "invoer" : "doel"}</td><td><small>${r.source}</small></td></tr>`)}</tbody></table>`;
}

export function summaryTable(bySeries: readonly SeriesSummary[], id: string): HTMLElement {
  return html`<table id=${id}><thead><tr><th>Reeks</th><th>Aantal punten</th><th>Gemiddelde absolute fout</th></tr></thead>
<tbody>${bySeries.map((r) => html`<tr><td>${seriesLabel(r.series)}</td><td>${r.n}</td><td>${fp(r.meanAbsRelativeError, 0)}</td></tr>`)}</tbody></table>`;
}

export function backtestTables(report: CalibrationReport): HTMLElement {
  return html`<div>${report.backtests.map((b) => html`<h4>${b.label} (${b.start} – ${b.end})</h4>${summaryTable(b.bySeries, `backtest-${b.id}`)}`)}</div>`;
}

export function mppTable(report: CalibrationReport, inputs: Pick<ModelInputs, "presets">): HTMLElement {
  return html`<table id="mpp-controle"><thead><tr><th>Scenario</th><th>Jaar</th><th>MPP</th><th>Model</th><th>waarvan eerste aanvragen</th><th>waarvan nareis</th><th>Fout</th></tr></thead>
<tbody>${report.mpp.map((m) => html`<tr><td>${inputs.presets.find((p) => p.id === m.preset)?.name ?? m.preset}</td><td>${m.year}</td><td>${fc(m.target)}</td><td>${fc(m.modelTotal)}</td><td>${fc(m.modelFirst)}</td><td>${fc(m.modelNareis)}</td><td>${signedPercent(m.modelTotal / m.target - 1)}</td></tr>`)}</tbody></table>`;
}
