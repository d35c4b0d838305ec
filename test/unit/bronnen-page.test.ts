// @vitest-environment jsdom
/** "Bronnen en methode": the tables the page shows, built from the committed data and the calibration report. */
import {beforeAll, describe, expect, it} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import * as B from "../../src/explorer/pages/bronnen.js";
import type {ModelInputs} from "../../src/model/types.js";

let inputs: ModelInputs;
beforeAll(async () => {
  inputs = await loadModelInputs();
});

const sources: B.SourceRecord[] = [
  {file: "a.csv", producer: "CBS", title: "Asiel", url: "https://cbs.nl", retrieved: "2025-10-01", licence: "CC BY 4.0", processing: "Gelezen."},
  {file: "b.csv", producer: "IND", title: "<b>Beslissingen</b>", url: "https://ind.nl", retrieved: "2025-11-03", published: "2025-10-20", licence: "open", processing: "Opgeteld.", notes: "Let op."}
];

describe("Bronnen page module", () => {
  it("newestRetrieved gives the latest retrieval date, and '' for no files", () => {
    expect(B.newestRetrieved(sources)).toBe("2025-11-03");
    expect(B.newestRetrieved([])).toBe("");
  });

  it("sourceTable and sourceRecords show every file, with data set as text (never markup)", () => {
    const table = B.sourceTable(sources);
    expect(table.querySelectorAll("tbody tr")).toHaveLength(2);
    expect(table.querySelector("b")).toBeNull();
    expect(table.textContent).toContain("<b>Beslissingen</b>");
    const records = B.sourceRecords(sources);
    expect(records.querySelectorAll("details")).toHaveLength(2);
    expect(records.textContent).toContain("Gepubliceerd: 2025-10-20");
    expect(records.textContent).toContain("Opmerkingen: Let op.");
  });

  it("parameterTable has a row per register entry with its Dutch group, kind, default and range", () => {
    const table = B.parameterTable(inputs.parameters);
    expect(table.querySelectorAll("tbody tr")).toHaveLength(inputs.parameters.length);
    const counts = B.parameterCounts(inputs);
    expect(counts.levers + counts.assumptions).toBe(counts.total);
    const row = table.querySelector('tr[data-parameter="capacity_stable"]')!;
    expect(row.textContent).toContain("Opvang");
    expect(row.textContent).toContain("2022-01: 31.000; 2024-01: 41.000");
    const share = table.querySelector('tr[data-parameter="subsidiary_share_high"]')!;
    expect(share.textContent).toContain("82,0%");
  });

  it("formats errors and calibration numbers in Dutch", () => {
    expect(B.signedPercent(0.123)).toBe("+12%");
    expect(B.signedPercent(-0.031)).toBe("−3%");
    expect(B.signedPercent(null)).toBe("–");
    expect(B.signedPercent(NaN)).toBe("–");
    expect(B.calibrationNumber(36_800_000)).toBe("€ 36,8 mln");
    expect(B.calibrationNumber(12345)).toBe("12.345");
    expect(B.calibrationNumber(4.5)).toBe("4,5");
    expect(B.seriesLabel("coa_total")).toBe("bezetting COA");
    expect(B.seriesLabel("no_such_series")).toBe("overige reeks");
  });

  it("errorTable, summaryTable, backtestTables and mppTable render the calibration report", () => {
    const row: B.ErrorRow = {series: "backlog_total", date: "2023-12-31", observed: 50000, model: 48123.44, relativeError: -0.0375, role: "target", source: "IND"};
    const report: B.CalibrationReport = {
      calibration: {rows: [row], bySeries: [{series: "backlog_total", n: 1, meanAbsRelativeError: 0.0375}]},
      check: {rows: [], bySeries: []},
      backtests: [{id: "2024-01", label: "Vanaf januari 2024", start: "2024-01", end: "2024-12", bySeries: [{series: "coa_total", n: 4, meanAbsRelativeError: 0.02}]}],
      mpp: [{preset: "ongewijzigd", year: 2026, target: 50000, modelTotal: 49000, modelFirst: 30000, modelNareis: 12000}]
    };
    const errors = B.errorTable(report.calibration.rows, "kalibratie");
    expect(errors.id).toBe("kalibratie");
    expect(errors.querySelector("tbody tr")!.textContent).toContain("48.123");
    expect(errors.textContent).toContain("−4%");
    expect(B.summaryTable(report.calibration.bySeries, "s").textContent).toContain("IND-voorraad");
    expect(B.backtestTables(report).querySelector("#backtest-2024-01")).not.toBeNull();
    const mpp = B.mppTable(report, inputs);
    expect(mpp.textContent).toContain("−2%");
    expect(mpp.textContent).toContain(inputs.presets.find((p) => p.id === "ongewijzigd")!.name);
  });
});
