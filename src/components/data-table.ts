/**
 * The data behind a chart as plain Dutch rows: column labels and units in words (never a series id),
 * an accessible HTML table with Dutch number formats (the "Tabel" view under every chart), and a CSV
 * that Dutch Excel opens correctly (semicolons, decimal comma, UTF-8 byte-order mark, units row).
 * The table and the CSV show the same rows.
 */
import {formatDecimal, nl} from "./format.js";

export type Row = Record<string, unknown>;

/** Dutch names of the model's series (the part of a column key before its suffix). */
export const SERIES_LABELS: Record<string, string> = {
  inflow_first: "eerste asielaanvragen",
  inflow_repeat: "herhaalde aanvragen",
  inflow_resettlement: "hervestiging",
  inflow_nareis: "nareizigers",
  inflow_total: "totale instroom",
  inflow_amv: "aanvragen alleenstaande minderjarigen",
  inflow_other_ind: "overige zaken bij de IND",
  backlog_track1: "IND-voorraad spoor 1",
  backlog_track2: "IND-voorraad spoor 2",
  backlog_track3: "IND-voorraad spoor 3",
  backlog_track4: "IND-voorraad spoor 4",
  backlog_total: "IND-voorraad",
  decisions: "IND-beslissingen",
  grants: "inwilligingen",
  rejections: "afwijzingen",
  lead_time_months: "doorlooptijd",
  cases_past_term: "zaken over de beslistermijn",
  dwangsom_eur: "dwangsommen",
  nareis_requests: "nareisaanvragen",
  nareis_backlog: "nareisvoorraad IND",
  nareis_grants: "ingewilligde nareisaanvragen",
  nareis_arrivals: "aankomsten nareizigers",
  coa_in_procedure: "in procedure",
  coa_permit_waiting: "vergunninghouders wachtend op woning",
  coa_rejected: "afgewezen asielzoekers",
  coa_nareis: "nareizigers zonder woning",
  coa_total: "bezetting COA",
  capacity_need: "benodigde plekken",
  capacity_available: "beschikbare plekken",
  capacity_shortage: "tekort aan plekken",
  cost_eur: "kosten opvang",
  cost_regular_eur: "kosten reguliere opvang",
  cost_emergency_eur: "kosten nood- en crisisopvang",
  nidos_caseload: "caseload Nidos",
  housed: "gehuisveste vergunninghouders",
  housing_capacity: "huisvestingscapaciteit",
  doorstroom_occupied: "bezette doorstroomplekken",
  departed_independent: "zelfstandig vertrek",
  departed_forced: "gedwongen vertrek",
  departed_unknown: "vertrek met onbekende bestemming",
  departed_unregistered: "vertrek zonder registratie",
  dublin_transfers: "Dublin-overdrachten",
  entered_cumulative: "totaal ingestroomd",
  left_cumulative: "totaal uitgestroomd",
  in_system: "in de keten"
};

const SUFFIX_LABELS: [suffix: string, label: string][] = [
  ["_gewijzigde_basis", "gewijzigde basis"],
  ["_basis", "basis"],
  ["_scenario", "jouw scenario"],
  ["_p10", "P10"],
  ["_p90", "P90"]
];

/** Plain column names that need no series lookup. */
const PLAIN: Record<string, string> = {
  maand: "maand",
  jaar: "jaar",
  periode: "periode",
  datum: "datum",
  reeks: "reeks",
  soort: "soort",
  bron: "bron",
  waarde: "waarde",
  personen: "personen",
  onvolledig: "onvolledig",
  scenario_eur: "jouw scenario (euro)",
  ongewijzigd_eur: "ongewijzigd beleid (euro)"
};

/** Dutch label of a column key: "coa_total_p10" → "bezetting COA — P10"; unknown keys lose their underscores. */
export function columnLabel(key: string): string {
  if (PLAIN[key]) return PLAIN[key];
  for (const [suffix, label] of SUFFIX_LABELS) {
    if (key.endsWith(suffix)) {
      const id = key.slice(0, -suffix.length);
      if (SERIES_LABELS[id]) return `${SERIES_LABELS[id]} — ${label}`;
    }
  }
  if (SERIES_LABELS[key]) return SERIES_LABELS[key];
  return key.replace(/_eur$/, " (euro)").replace(/_/g, " ");
}

/** Unit of a column, for the units row: from the key (euro, months, places) or "personen" for model series. */
export function columnUnit(key: string, units: Record<string, string> = {}): string {
  if (units[key] != null) return units[key];
  if (key === "maand") return "jjjj-mm";
  if (key === "jaar") return "jaar";
  if (["periode", "datum", "reeks", "soort", "bron", "onvolledig"].includes(key)) return "";
  if (/_eur(_|$)|^dwangsom|^cost/.test(key)) return "euro";
  if (key.startsWith("lead_time")) return "maanden";
  if (key.startsWith("capacity")) return "plekken";
  if (key === "personen") return "personen";
  const id = SUFFIX_LABELS.reduce((k, [suffix]) => (k.endsWith(suffix) ? k.slice(0, -suffix.length) : k), key);
  return SERIES_LABELS[id] ? "personen" : "";
}

/** The column keys of a set of rows, in first-seen order. */
export function columnsOf(rows: Row[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  return [...keys];
}

/** A cell as the table shows it: Dutch thousands separators and decimal comma, "–" for missing. */
export function displayCell(value: unknown): string {
  if (value == null || value === "") return "–";
  if (typeof value === "number") return Number.isInteger(value) ? nl.format(",")(value) : Math.abs(value) < 1 ? nl.format(",.3~f")(value) : formatDecimal(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** A cell as the CSV writes it: numbers with a decimal comma and no thousands separator, text quoted when needed. */
export function csvCell(value: unknown): string {
  if (value == null || (typeof value === "number" && !Number.isFinite(value))) return "";
  if (typeof value === "number") return String(value).replace(".", ",");
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvMeta {
  title: string;
  source: string;
  permalink: string;
  subtitle?: string;
  units?: Record<string, string>;
}

/**
 * A CSV for Dutch Excel: UTF-8 byte-order mark, semicolons, decimal commas. Line 1 holds the column
 * labels, line 2 their units, then the rows; title, source, subtitle and link follow after an empty line
 * (Excel shows them under the table rather than breaking its column detection).
 */
export function toDutchCsv(rows: Row[], meta: CsvMeta): string {
  const columns = columnsOf(rows);
  const lines = [
    columns.map((c) => csvCell(columnLabel(c))).join(";"),
    columns.map((c) => csvCell(columnUnit(c, meta.units))).join(";"),
    ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(";")),
    "",
    csvCell(meta.title),
    ...(meta.subtitle ? [csvCell(meta.subtitle)] : []),
    csvCell(`Bron: ${meta.source}`),
    csvCell(`Link: ${meta.permalink}`)
  ];
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

/** An accessible table of the rows: caption, column headers with units, Dutch numbers, scrollable inside its box. */
export function dataTable(rows: Row[], {caption, units = {}}: {caption: string; units?: Record<string, string>}): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "data-table";
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", `Tabel: ${caption}`);
  const table = document.createElement("table");
  const cap = document.createElement("caption");
  cap.textContent = caption;
  table.append(cap);
  const columns = columnsOf(rows);
  const head = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = columnLabel(c);
    const unit = columnUnit(c, units);
    if (unit && unit !== columnLabel(c)) {
      const small = document.createElement("span");
      small.className = "unit";
      small.textContent = ` (${unit})`;
      th.append(small);
    }
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    columns.forEach((c, i) => {
      const cell = i === 0 ? document.createElement("th") : document.createElement("td");
      if (i === 0) (cell as HTMLTableCellElement).scope = "row";
      cell.textContent = displayCell(row[c]);
      if (typeof row[c] === "number") cell.className = "num";
      tr.append(cell);
    });
  }
  wrap.append(table);
  return wrap;
}
