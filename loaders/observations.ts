/** Reads and validates `data/chain-observations.csv` into tidy Observation rows. */
import {DATA_VINTAGE, DataError, dataPath, HORIZON_START, parseCsv, readOrigin, readText, type TableSpec} from "./read.js";
import {SERIES_IDS, type Observation, type ObservationKind} from "../src/model/types.js";

const KINDS: readonly ObservationKind[] = ["stock", "flow_month", "flow_quarter", "flow_year", "mean_year"];

export const OBSERVATIONS_SPEC: TableSpec = {
  columns: [
    {name: "series", type: "string", codes: SERIES_IDS},
    {name: "date", type: "string"},
    {name: "value", type: "number", min: 0},
    {name: "kind", type: "string", codes: KINDS},
    {name: "source", type: "string"},
    {name: "grade", type: "string", codes: ["P", "S", "S-AI", "seed", "aanname"]},
    {name: "note", type: "string", optional: true}
  ],
  key: ["series", "date", "kind"]
};

const DATE_FORMAT: Record<ObservationKind, RegExp> = {
  stock: /^\d{4}-\d{2}-\d{2}$/,
  flow_month: /^\d{4}-(0[1-9]|1[0-2])$/,
  flow_quarter: /^\d{4}-Q[1-4]$/,
  flow_year: /^\d{4}$/,
  mean_year: /^\d{4}$/
};

/** First day of the period an observation date names ("2023", "2023-Q2", "2023-04", "2023-04-30"). */
export function periodStart(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  const q = /^(\d{4})-Q([1-4])$/.exec(date);
  if (q) return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, "0")}-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return date;
}

/** Parses and validates observation CSV text (exported for tests). */
export function parseObservations(text: string, file = dataPath("chain-observations.csv")): Observation[] {
  return parseCsv(file, text, OBSERVATIONS_SPEC).map((row, i) => {
    const kind = row.kind as ObservationKind;
    const date = row.date as string;
    if (!DATE_FORMAT[kind].test(date) || (kind === "stock" && Number.isNaN(Date.parse(date)))) {
      throw new DataError(file, i + 2, "date", `"${date}" does not fit kind ${kind} (stock 2023-01-01, flow_month 2023-01, flow_quarter 2023-Q1, flow_year/mean_year 2023)`);
    }
    const start = periodStart(date);
    if (start > DATA_VINTAGE) {
      throw new DataError(file, i + 2, "date", `${date} is after the data vintage of this release (${DATA_VINTAGE})`);
    }
    if (start < `${HORIZON_START}-01`) {
      throw new DataError(file, i + 2, "date", `${date} is before the start of the model horizon (${HORIZON_START})`);
    }
    const o: Observation = {
      series: row.series as Observation["series"],
      date,
      value: row.value as number,
      kind,
      source: row.source as string,
      grade: row.grade as string
    };
    if (row.note != null) o.note = row.note as string;
    return o;
  });
}

/** Reads `data/chain-observations.csv` (and its origin record). */
export function loadObservations(): Observation[] {
  readOrigin("chain-observations.csv");
  const file = dataPath("chain-observations.csv");
  return parseObservations(readText(file), file);
}
