import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {DataError, dataPath} from "../../loaders/read.js";
import {CONTRACT_PARAMETER_IDS, PILLARS, loadMeasures, validateMeasures} from "../../loaders/measures.js";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {run} from "../../src/model/run.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "measures");
const PARAMETERS = new Set<string>(CONTRACT_PARAMETER_IDS);
const fixture = (name: string) => join(FIXTURES, `${name}.json`);

/** Returns the DataError that loading the fixture throws. */
function errorOf(name: string): DataError {
  try {
    loadMeasures(PARAMETERS, fixture(name));
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error(`${name}.json was accepted`);
}

describe("loadMeasures on the committed catalogue", () => {
  const measures = loadMeasures(PARAMETERS);

  test("loadMeasures(data/measures.json) returns the whole catalogue", () => {
    expect(measures.length).toBeGreaterThanOrEqual(35);
    expect(new Set(measures.map((m) => m.id)).size).toBe(measures.length);
  });

  test("loadMeasures(data/measures.json) lists measures ordered by pillar", () => {
    const ranks = measures.map((m) => PILLARS.indexOf(m.pillar));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  test("loadMeasures(data/measures.json) cites a seed document for every measure that is not a later policy event", () => {
    for (const m of measures) if (m.event === undefined) expect([m.id, m.source.grade]).toEqual([m.id, "seed"]);
  });

  test("loadMeasures(data/measures.json) represents every policy event after the seed documents by a measure with a dated source", () => {
    const events = measures.filter((m) => m.event !== undefined);
    expect(events.map((m) => m.event).sort()).toEqual([
      "asielnoodmaatregelenwet",
      "country_policy_syria_yemen_turkey",
      "decision_term_15_months_partly_reversed",
      "eu_pact_applies",
      "syria_decision_moratorium",
      "taakstelling_2025_h1_lowered",
      "wet_invoering_tweestatusstelsel"
    ]);
    for (const m of events) expect([m.id, typeof m.source.date]).toEqual([m.id, "string"]);
  });

  test("loadMeasures(data/measures.json) puts the 2025 IND measures in the baseline with their fitted strengths", () => {
    const byId = (id: string) => measures.find((m) => m.id === id)!;
    expect(byId("beslisstop-syrie")).toMatchObject({inBaseline: true, defaultStart: "2024-12", defaultEnd: "2025-06"});
    expect(byId("beslisstop-syrie").effects).toEqual([{parameter: "decision_pause_high_share", mode: "set", change: 0.83}]);
    expect(byId("landenbeleid-syrie-jemen-turkije")).toMatchObject({inBaseline: true, defaultStart: "2025-01"});
    expect(byId("tweestatusstelsel").status).toBe("passed_house");
  });

  test("loadMeasures(data/measures.json) marks every Migratieagenda measure as draft unless a bill passed by the Tweede Kamer carries it", () => {
    const agenda = measures.filter((m) => m.source.document.startsWith("Migratieagenda"));
    expect(agenda.length).toBeGreaterThan(10);
    for (const m of agenda) {
      const carried = m.event !== undefined || (m.status === "passed_house" && /Kamerstuk 36 70[34]/.test(m.quantification ?? ""));
      expect([m.id, m.status]).toEqual([m.id, carried ? m.status : "draft"]);
    }
  });

  test("loadMeasures(data/measures.json) keeps the stated numbers of the quantified measures", () => {
    const effect = (id: string) => measures.find((m) => m.id === id)?.effects;
    const byId = (id: string) => measures.find((m) => m.id === id)!;
    // realised part of the 19.000 places (noodopvang 15.000 → 23.000 in 2023), in the register
    expect(effect("coa-maatregelenpakket-19000")).toEqual([{parameter: "capacity_emergency", mode: "add", change: 8000}]);
    expect(byId("coa-maatregelenpakket-19000")).toMatchObject({inBaseline: true, embedded: true});
    expect(effect("crisisnoodopvang-225-plus-225")).toEqual([{parameter: "capacity_cno", mode: "set", change: 11250, without: 5625}]);
    expect(effect("stabiele-financiering-coa-41000")).toEqual([
      {parameter: "capacity_stable", mode: "set", change: 41000, without: 31000},
      {parameter: "capacity_flex", mode: "set", change: 5125, without: 0},
      {parameter: "capacity_reserve", mode: "set", change: 5125, without: 0}
    ]);
    expect(effect("flexibele-opvang-en-reserve")).toBeUndefined(); // part of the stable financing
    expect(effect("taakstelling-2023-i")).toEqual([{parameter: "taakstelling_per_halfyear", mode: "set", change: 21200, without: 13500}]);
    expect(effect("taakstelling-2023-ii")).toEqual([{parameter: "taakstelling_per_halfyear", mode: "set", change: 27300, without: 21200}]);
    expect(effect("taakstelling-2025-verlaagd")).toEqual([{parameter: "taakstelling_per_halfyear", mode: "set", change: 15000, without: 17700}]);
    expect(effect("doorstroomlocaties")).toEqual([{parameter: "doorstroom_places", mode: "set", change: 8500}]);
    expect(effect("derdelanders-oekraine")).toEqual([{parameter: "inflow_other_ind_per_year", mode: "add", change: 3100}]);
    expect(effect("beslistermijn-15-maanden-deels-teruggedraaid")).toEqual([{parameter: "short_term_share", mode: "set", change: 0.33}]);
  });

  test("loadMeasures(register ids from data/parameters.json) accepts every effect of the catalogue", () => {
    const register = JSON.parse(readFileSync(dataPath("parameters.json"), "utf8")) as {id: string; low: number; high: number}[];
    const ids = new Set(register.map((p) => p.id));
    expect(loadMeasures(ids)).toHaveLength(measures.length);
    // A set/add value beyond the register's plausible range would be clamped or meaningless.
    for (const m of measures) {
      for (const e of m.effects ?? []) {
        const p = register.find((r) => r.id === e.parameter)!;
        if (e.mode === "set") expect([m.id, e.change >= p.low && e.change <= p.high]).toEqual([m.id, true]);
      }
    }
  });

  test("loadMeasures(data/measures.json) fails when a used parameter id is not in the register", () => {
    const without = new Set(PARAMETERS);
    without.delete("capacity_cno");
    expect(() => loadMeasures(without)).toThrow(/unknown parameter id "capacity_cno"/);
  });
});

describe("loadMeasures on fixtures", () => {
  test("loadMeasures(valid fixture) returns both entries unchanged", () => {
    const measures = loadMeasures(PARAMETERS, fixture("ok"));
    expect(measures.map((m) => m.id)).toEqual(["extra-plekken", "landenbeleid"]);
    expect(measures[0].effects).toEqual([{parameter: "capacity_emergency", mode: "add", change: 1000}]);
  });

  test.each([
    ["missing-name", 2, "name", 'measure "landenbeleid": is missing or empty'],
    ["unknown-status", 2, "status", 'measure "landenbeleid": unknown status "agreed" (allowed: adopted, passed_house, proposed, draft)'],
    ["unknown-pillar", 1, "pillar", 'measure "extra-plekken": unknown pillar "asiel"'],
    ["unknown-mode", 1, "effects[0].mode", 'measure "extra-plekken": unknown mode "multiply"'],
    ["unknown-parameter", 1, "effects[0].parameter", 'measure "extra-plekken": unknown parameter id "capacity_tents"'],
    ["duplicate-id", 2, "id", 'measure "extra-plekken": duplicate id (first used in row 1)'],
    ["effects-without-quantification", 2, "quantification", 'measure "extra-plekken": is required when effects are present'],
    ["neither", 2, "effects", 'measure "landenbeleid": neither effects nor notQuantifiable is given'],
    ["bad-date", 1, "defaultStart", 'measure "extra-plekken": "2023-13" is not a month like 2023-07 (YYYY-MM)'],
    ["end-before-start", 1, "defaultEnd", 'measure "extra-plekken": 2023-01 is before defaultStart 2023-06'],
    ["negative-ramp", 1, "rampMonths", 'measure "extra-plekken": must be a whole number of months >= 0, got -1']
  ])("loadMeasures(%s.json) fails on row %i, field %s", (name, row, field, reason) => {
    const e = errorOf(name);
    expect([e.row, e.field]).toEqual([row, field]);
    expect(e.reason.startsWith(reason)).toBe(true);
    expect(e.message).toBe(`${name}.json, row ${row}, field "${field}": ${e.reason}`);
  });

  test("validateMeasures(non-array) fails naming the file", () => {
    expect(() => validateMeasures("x.json", {id: "a"}, PARAMETERS)).toThrow("x.json: must be a JSON array of measures");
  });

  test("validateMeasures(both effects and notQuantifiable) fails", () => {
    const [entry] = loadMeasures(PARAMETERS, fixture("ok"));
    expect(() => validateMeasures("x.json", [{...entry, notQuantifiable: "geen"}], PARAMETERS)).toThrow(
      /row 1, field "notQuantifiable": measure "extra-plekken": must be absent when effects are present/
    );
  });

  test("validateMeasures(misspelled field) fails on the unknown field", () => {
    const [, entry] = loadMeasures(PARAMETERS, fixture("ok"));
    expect(() => validateMeasures("x.json", [{...entry, sumary: "x"}], PARAMETERS)).toThrow(/field "sumary": .*unknown field/);
  });
});

describe("measures whose effect is in the register (embedded)", () => {
  test("run(baseline) is the register itself: switching an embedded measure off changes nothing up to the origin, and its period after it", async () => {
    const inputs = await loadModelInputs();
    const base = run({preset: "ongewijzigd", overrides: {}, measures: []}, inputs);
    const stable = run({preset: "ongewijzigd", overrides: {}, measures: [], off: ["stabiele-financiering-coa-41000"]}, inputs);
    const origin = base.origin;
    const o = (base.months - 1) - (2030 * 12 + 11 - (Number(origin.slice(0, 4)) * 12 + Number(origin.slice(5, 7)) - 1));
    for (let t = 0; t <= o; t++) expect(stable.series.cost_eur[t], `month ${t}`).toBe(base.series.cost_eur[t]);
    // after the origin: 31.000 regular places instead of 41.000, the rest in (dearer) emergency reception
    expect(stable.series.cost_eur[o + 4]! - base.series.cost_eur[o + 4]!).toBeGreaterThan(10_000_000);
  });
});

describe("plain Dutch in the catalogue and register", () => {
  test("no parameter id, file path or internal section number appears in a text users read", async () => {
    const {loadParameters} = await import("../../loaders/params.js");
    const params = loadParameters();
    const ids = params.map((p) => p.id);
    const texts: [string, string][] = [];
    for (const m of loadMeasures(new Set(ids))) for (const k of ["name", "summary", "quantification", "notQuantifiable", "mechanism", "rangeReason"] as const) if (m[k]) texts.push([`${m.id}.${k}`, m[k]!]);
    for (const p of params) {
      texts.push([`${p.id}.label`, p.label], [`${p.id}.description`, p.description]);
      p.basis.forEach((b, i) => texts.push([`${p.id}.basis[${i}]`, b.document]));
    }
    for (const [where, text] of texts) {
      expect(text, where).not.toMatch(/docs\/|src\/|loaders\/|\.ts\b|\.csv\b|nl-chain-parameters|§|rampMonths/);
      for (const id of ids) if (id.includes("_")) expect(text.includes(id), `${where} names ${id}`).toBe(false);
    }
  });
});
