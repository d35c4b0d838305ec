/**
 * Every committed dataset in `data/` with the validation it must pass, as a function of the file's
 * text. The corrupt-fixture test (test/unit/validate-data.test.ts) lists `data/` and fails for a file
 * that is not registered here, then corrupts every registered file once per rule.
 *
 * To add a dataset: add an entry with its spec (CSV) or its parser (JSON). Keep `parse` the same code
 * the loader runs, so the test checks what the build checks.
 */
import {parseCsv, parseJson, dataPath, type TableSpec} from "./read.js";
import {FILES, SPECS} from "./inflow.js";
import {
  AIDA_FILE, AIDA_SPEC, APPLICATIONS_FILE, APPLICATIONS_SPEC, DECISIONS_FILE, DECISIONS_SPEC, EUROSTAT_FILE, EUROSTAT_SPEC,
  STATEMENTS_FILE, STATEMENTS_SPEC, toDecisionRows
} from "./grant-rates.js";
import {OBSERVATIONS_SPEC, parseObservations} from "./observations.js";
import {validateParameters, validatePresets} from "./params.js";
import {POLICY_EVENTS_FILE, POLICY_EVENTS_SPEC, validateMeasures} from "./measures.js";
import {CHAIN_2025_FILE, CHAIN_2025_SPEC, parseChainRows} from "./chain-2025.js";
import {parseRelease} from "./model-inputs.js";
import {readFileSync} from "node:fs";
import {CITIZENSHIP_FILE, CITIZENSHIP_SPEC, POPULATION_FILE, POPULATION_SPEC, TOTALS_FILE, TOTALS_SPEC} from "./europe.js";
import {GEOMETRY_FILE, TARGETS_FILE, TARGETS_SPEC, provinceGeometry} from "./spreiding.js";
import {EUROSTAT_ANNUAL_FILE, EUROSTAT_ANNUAL_SPEC, EUROSTAT_QUARTERLY_FILE, EUROSTAT_QUARTERLY_SPEC, IND_FILE, IND_SPEC} from "./grant-rates.js";

export interface Dataset {
  /** The column spec of a CSV file (drives the generic corruptions). */
  spec?: TableSpec;
  /** Validates the file's text exactly as the loader does; throws a DataError. */
  parse(text: string, file: string): unknown;
  /**
   * Extra corruptions beyond those derived from the spec: a cell (CSV: column of the first data row)
   * or a JSON path into the parsed file, the bad value, and the field the error must name.
   */
  corruptions?: readonly {at: string; value: unknown; field: string}[];
}

const csv = (spec: TableSpec, extra: Partial<Dataset> = {}): Dataset => ({spec, parse: (text, file) => parseCsv(file, text, spec), ...extra});

const parameters = () => validateParameters(parseJson(dataPath("parameters.json"), readFileSync(dataPath("parameters.json"), "utf8")));

export const DATASETS: Readonly<Record<string, Dataset>> = {
  [FILES.cbsQuarterly]: csv(SPECS.cbsQuarterly),
  [FILES.annual]: csv(SPECS.annual, {corruptions: [{at: "count", value: "-1900", field: "count"}]}),
  [FILES.mpp]: csv(SPECS.mpp, {corruptions: [{at: "target_year", value: "2041", field: "target_year"}]}),
  [FILES.resettlement]: csv(SPECS.resettlement),
  [DECISIONS_FILE]: {spec: DECISIONS_SPEC, parse: (text, file) => toDecisionRows(file, parseCsv(file, text, DECISIONS_SPEC))},
  [APPLICATIONS_FILE]: csv(APPLICATIONS_SPEC),
  [EUROSTAT_FILE]: csv(EUROSTAT_SPEC),
  [STATEMENTS_FILE]: csv(STATEMENTS_SPEC),
  [AIDA_FILE]: csv(AIDA_SPEC),
  "chain-observations.csv": {
    spec: OBSERVATIONS_SPEC,
    parse: (text, file) => parseObservations(text, file),
    corruptions: [
      {at: "date", value: "2099-01-01", field: "date"},
      {at: "date", value: "2010-01", field: "date"}
    ]
  },
  [CHAIN_2025_FILE]: {spec: CHAIN_2025_SPEC, parse: (text, file) => parseChainRows(parseCsv(file, text, CHAIN_2025_SPEC), file)},
  [POLICY_EVENTS_FILE]: csv(POLICY_EVENTS_SPEC),
  "release.json": {
    parse: (text, file) => parseRelease(text, file),
    corruptions: [{at: "dataVintage", value: "3 november 2025", field: "dataVintage"}]
  },
  "parameters.json": {
    parse: (text, file) => validateParameters(parseJson(file, text), file),
    corruptions: [
      {at: "0.low", value: "laag", field: "low"},
      {at: "0.value", value: -1e9, field: "value"},
      {at: "0.group", value: "elders", field: "group"},
      {at: "1.basis", value: [], field: "basis"}
    ]
  },
  "scenarios.json": {
    parse: (text, file) => validatePresets(parseJson(file, text), parameters(), file),
    corruptions: [
      {at: "0.overrides.bogus_parameter", value: 1, field: "overrides.bogus_parameter"},
      {at: "0.name", value: "", field: "name"}
    ]
  },
  "measures.json": {
    parse: (text, file) => validateMeasures(file, parseJson(file, text), new Set(parameters().map((p) => p.id))),
    corruptions: [
      {at: "0.status", value: "agreed", field: "status"},
      {at: "0.defaultStart", value: "2023-13", field: "defaultStart"},
      {at: "0.rampMonths", value: -1, field: "rampMonths"}
    ]
  },
  [CITIZENSHIP_FILE]: csv(CITIZENSHIP_SPEC),
  [TOTALS_FILE]: csv(TOTALS_SPEC),
  [POPULATION_FILE]: csv(POPULATION_SPEC),
  [TARGETS_FILE]: csv(TARGETS_SPEC),
  [GEOMETRY_FILE]: {parse: (text, file) => provinceGeometry(JSON.stringify(parseJson(file, text)), file)},
  [IND_FILE]: csv(IND_SPEC),
  [EUROSTAT_ANNUAL_FILE]: csv(EUROSTAT_ANNUAL_SPEC),
  [EUROSTAT_QUARTERLY_FILE]: csv(EUROSTAT_QUARTERLY_SPEC)
};
