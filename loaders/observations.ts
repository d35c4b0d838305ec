/** Reads and validates `data/chain-observations.csv` into tidy Observation rows. */
import {DataError, dataPath, parseCsv, readOrigin, type TableSpec} from "./read.js";
import {readFileSync} from "node:fs";
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

/** Parses and validates observation CSV text (exported for tests). */
export function parseObservations(text: string, file = dataPath("chain-observations.csv")): Observation[] {
  return parseCsv(file, text, OBSERVATIONS_SPEC).map((row, i) => {
    const kind = row.kind as ObservationKind;
    const date = row.date as string;
    if (!DATE_FORMAT[kind].test(date) || (kind === "stock" && Number.isNaN(Date.parse(date)))) {
      throw new DataError(file, i + 2, "date", `"${date}" does not fit kind ${kind} (stock 2023-01-01, flow_month 2023-01, flow_quarter 2023-Q1, flow_year/mean_year 2023)`);
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
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new DataError(file, null, null, `cannot be read (${(error as Error).message})`);
  }
  return parseObservations(text, file);
}
