/**
 * Reads and validates `data/nl_chain_2024_2025.csv` (chain figures published in 2024-2025) and maps
 * the rows whose definition matches a model series onto model observations. Rows that became public
 * after the data vintage are dropped here, so nothing downstream can use them.
 */
import {DataError, dataPath, readCsv, readOrigin, type Row, type TableSpec} from "./read.js";
import type {Observation, SeriesId} from "../src/model/types.js";

export const CHAIN_2025_FILE = "nl_chain_2024_2025.csv";

export const CHAIN_2025_SPEC: TableSpec = {
  columns: [
    {name: "series", type: "string"},
    {name: "date", type: "string"},
    {name: "value", type: "number", min: 0},
    {name: "kind", type: "string", codes: ["stock", "flow_year", "flow_quarter", "flow_month", "rate", "forecast"]},
    {name: "unit", type: "string"},
    {name: "quote", type: "string"},
    {name: "source", type: "string"},
    {name: "url", type: "string"},
    {name: "published", type: "string"},
    {name: "confidence", type: "string", codes: ["primary", "secondary", "uncertain"]},
    {name: "note", type: "string", optional: true},
    {name: "available_from", type: "string"},
    {name: "available_basis", type: "string"}
  ]
};

/** One row of the file, typed. */
export interface ChainRow {
  series: string;
  date: string;
  value: number;
  kind: "stock" | "flow_year" | "flow_quarter" | "flow_month" | "rate" | "forecast";
  unit: string;
  quote: string;
  source: string;
  url: string;
  published: string;
  confidence: "primary" | "secondary" | "uncertain";
  note: string | null;
  availableFrom: string;
  availableBasis: string;
}

const AVAILABLE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** Parses rows (exported for tests); throws a DataError naming file, row and field. */
export function parseChainRows(rows: Row[], file = dataPath(CHAIN_2025_FILE)): ChainRow[] {
  return rows.map((r, i) => {
    const line = i + 2;
    const available = r.available_from as string;
    if (!AVAILABLE.test(available)) throw new DataError(file, line, "available_from", `"${available}" is not a date like 2025-11-03 or a month like 2025-11`);
    if (r.kind === "rate" && r.unit === "percent" && (r.value as number) > 100) throw new DataError(file, line, "value", `${r.value} is not a percentage`);
    return {
      series: r.series as string,
      date: r.date as string,
      value: r.value as number,
      kind: r.kind as ChainRow["kind"],
      unit: r.unit as string,
      quote: r.quote as string,
      source: r.source as string,
      url: r.url as string,
      published: r.published as string,
      confidence: r.confidence as ChainRow["confidence"],
      note: (r.note as string | null) ?? null,
      availableFrom: available,
      availableBasis: r.available_basis as string
    };
  });
}

/** "YYYY-MM-DD" or "YYYY-MM-31" (month precision, conservatively the month's end). */
export function availableDate(row: Pick<ChainRow, "availableFrom">): string {
  return row.availableFrom.length === 7 ? `${row.availableFrom}-31` : row.availableFrom;
}

/** Rows public by the vintage ("YYYY-MM-DD"). */
export function loadChainRows(vintage: string): ChainRow[] {
  readOrigin(CHAIN_2025_FILE);
  return parseChainRows(readCsv(CHAIN_2025_FILE, CHAIN_2025_SPEC)).filter((r) => availableDate(r) <= vintage);
}

/** Rows mapped onto model series: (file series, kind) → model series. Everything else is display-only. */
const MODEL_SERIES: Record<string, {series: SeriesId; kinds: readonly ChainRow["kind"][]}> = {
  inflow_first: {series: "inflow_first", kinds: ["flow_quarter", "flow_year"]},
  inflow_nareis: {series: "inflow_nareis", kinds: ["flow_quarter"]},
  backlog_total: {series: "backlog_total", kinds: ["stock"]},
  nareis_backlog: {series: "nareis_backlog", kinds: ["stock"]},
  coa_total: {series: "coa_total", kinds: ["stock"]},
  coa_permit_waiting: {series: "coa_permit_waiting", kinds: ["stock"]},
  coa_in_procedure: {series: "coa_in_procedure", kinds: ["stock"]}
};

function lastDay(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(d).padStart(2, "0")}`;
}

/** Model observations from the rows (stock dates "YYYY-MM" become the month's last day). */
export function chainObservations(rows: readonly ChainRow[]): Observation[] {
  const out: Observation[] = [];
  rows.forEach((r) => {
    const map = MODEL_SERIES[r.series];
    if (!map || !map.kinds.includes(r.kind)) return;
    let date = r.date;
    if (r.kind === "stock" && /^\d{4}-\d{2}$/.test(date)) date = lastDay(date);
    if (r.kind === "stock" && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    if (r.kind === "flow_quarter" && !/^\d{4}-Q[1-4]$/.test(date)) return;
    if (r.kind === "flow_year" && !/^\d{4}$/.test(date)) return;
    const o: Observation = {
      series: map.series,
      date,
      value: r.value,
      kind: r.kind as Observation["kind"],
      source: `${r.source}; ${r.url}`,
      grade: r.confidence === "primary" ? "P" : "S",
      published: r.availableFrom
    };
    const note = [r.note, r.confidence === "uncertain" ? "uncertain" : null].filter(Boolean).join("; ");
    if (note) o.note = note;
    out.push(o);
  });
  return out;
}
