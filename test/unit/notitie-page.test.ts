/** The scenario brief's rows and texts (src/explorer/pages/notitie.ts), from the real model inputs. */
import {beforeAll, describe, expect, test} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {keyOutcomes, measureEffects} from "../../src/components/brief.js";
import {formatCount, formatDelta, formatEuro} from "../../src/components/format.js";
import {compute, readScenario, type Results} from "../../src/explorer/session.js";
import {costBars, effectRows, EFFECT_HEADERS, invoerIntro, NOTITIE_SERIES, outcomeRows, remainingText, sourcesText} from "../../src/explorer/pages/notitie.js";
import type {ModelInputs, Scenario} from "../../src/model/types.js";

let inputs: ModelInputs;
let basis: Scenario;
let withMeasure: Scenario;
let baseResults: Results;
let measureResults: Results;
beforeAll(async () => {
  inputs = await loadModelInputs();
  basis = readScenario("", inputs).scenario;
  withMeasure = readScenario("?o=capacity_emergency:30000&m=doorstroomlocaties~2026-01~1", inputs).scenario;
  baseResults = compute(inputs, basis, NOTITIE_SERIES);
  measureResults = compute(inputs, withMeasure, NOTITIE_SERIES);
});

describe("notitie: inputs", () => {
  test("the sentence above the inputs names the basis and says whether anything changed", () => {
    expect(invoerIntro("Ongewijzigd beleid", [])).toBe("Basis: Ongewijzigd beleid. Geen wijzigingen ten opzichte van die basis.");
    expect(invoerIntro("eigen scenario", [{kind: "maatregel", label: "Doorstroomlocaties", value: "vanaf januari 2026"}])).toBe("Basis: eigen scenario. Gewijzigd ten opzichte van die basis:");
  });
});

describe("notitie: outcomes", () => {
  test("each row shows the scenario, the baseline and their difference as the summary gives them", () => {
    const outcomes = keyOutcomes(measureResults.scenario, measureResults.baseline);
    const rows = outcomeRows(outcomes);
    expect(rows.map((r) => r.id)).toEqual(["piek-bezetting", "max-tekort", "voorraad-eind", "nareis-piek", "kosten-2025", "kosten-2026"]);
    const peak = rows[0];
    expect(peak.value).toBe(formatCount(measureResults.scenario.summary.peakOccupancy.value));
    expect(peak.baseline).toBe(formatCount(measureResults.baseline.summary.peakOccupancy.value));
    expect(peak.difference).toBe(formatDelta(measureResults.scenario.summary.peakOccupancy.value - measureResults.baseline.summary.peakOccupancy.value));
    expect(peak.when).toMatch(/^ \([a-z]+ \d{4}\)$/);
    expect(rows[4].when).toBe("");
    expect(rows[4].value.startsWith("€")).toBe(true);
  });

  test("the unchanged baseline has no difference anywhere", () => {
    for (const r of outcomeRows(keyOutcomes(baseResults.scenario, baseResults.baseline))) {
      expect(r.value).toBe(r.baseline);
      expect([formatDelta(0), `+${formatEuro(0)}`]).toContain(r.difference);
    }
  });
});

describe("notitie: measures", () => {
  test("one row per measure with its name, start month and three effects", () => {
    const rows = effectRows(measureEffects(withMeasure, inputs, measureResults.scenario));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveLength(EFFECT_HEADERS.length);
    expect(rows[0][0]).toBe(inputs.measures.find((m) => m.id === "doorstroomlocaties")?.name);
    expect(rows[0][1]).toBe("januari 2026");
    expect(rows[0][2]).toMatch(/^[+−][\d.]+$/);
  });

  test("measures beyond the ones computed are counted, none left says nothing", () => {
    expect(remainingText(10, 8)).toBe("Nog 2 maatregelen zonder afzonderlijk effect in deze notitie.");
    expect(remainingText(3, 3)).toBeNull();
  });
});

describe("notitie: charts and sources", () => {
  test("cost bars show the baseline, and the scenario only when it differs", () => {
    const base = costBars(baseResults);
    expect(base.length).toBeGreaterThan(0);
    expect(base.every((b) => b.role === "baseline" && b.label === "ongewijzigd beleid")).toBe(true);
    const both = costBars(measureResults);
    const scenario = both.filter((b) => b.role === "scenario");
    expect(scenario.length).toBe(both.length - scenario.length);
    expect(scenario.every((b) => b.label === "dit scenario" && Number.isFinite(b.value))).toBe(true);
  });

  test("the sources name the last observed month in words", () => {
    expect(sourcesText("2025-09")).toContain("Tot en met september 2025 volgt het model de waargenomen instroom");
  });
});
